import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { runCli } from '../support/run-cli.ts';
import { SAMPLE_EXPORT, threeRunHistory, type TestHistoryLine } from '../support/trend-history.ts';

/**
 * The trend page and the manager's summary in a real browser, with every request refused: they
 * render without a console error or a request, the charts have a point per run and series, and
 * printed, the summary has one page per team.
 */
const CHROMIUM = '/usr/bin/chromium';
const enabled = existsSync(CHROMIUM);

describe.skipIf(!enabled)('the trend page and the manager’s summary in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let lines: TestHistoryLine[];
  let teams: string[];
  const requests: string[] = [];
  const problems: string[] = [];

  /** A page that may fetch nothing: every request but the file itself is aborted and noted. */
  async function open(file: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const url = pathToFileURL(file).href;
    await page.route('**/*', (route) => {
      if (route.request().url() === url) return route.continue();
      requests.push(route.request().url());
      return route.abort();
    });
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`console ${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  beforeAll(async () => {
    let history: string;
    ({ dir, history, lines } = await threeRunHistory());
    expect((await runCli(['trend', history, '--format', 'html', '--output', join(dir, 'trend.html')])).code).toBe(0);
    const summary = await runCli([
      'audit',
      SAMPLE_EXPORT,
      '--format',
      'json',
      '--output',
      join(dir, 'audit.json'),
      '--format',
      'summary',
      '--output',
      join(dir, 'teams.html'),
      '--history',
      history,
      '--as-of',
      '2025-06-30',
      '--fail-on',
      'never',
      '-q',
    ]);
    expect(summary.code).toBe(0);
    teams = Object.keys(JSON.parse(readFileSync(join(dir, 'audit.json'), 'utf8')).summary.rates.by_team);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the trend page draws every point, marks the sampled run, and loads nothing', async () => {
    const page = await open(join(dir, 'trend.html'));
    const groups = ['by_category', 'by_standard', 'by_team'] as const;
    for (const group of groups) {
      const names = [...new Set(lines.flatMap((l) => Object.keys(l.per_100_records[group] ?? {})))];
      const expected = names.reduce((n, name) => n + lines.filter((l) => group !== 'by_team' || l.per_100_records.by_team?.[name] !== undefined).length, 0);
      const chart = page.locator(`svg.chart[data-group="${group}"]`);
      await expect(chart.count()).resolves.toBe(1);
      await expect(chart.locator('circle.pt').count()).resolves.toBe(expected);
      await expect(chart.locator('circle.pt.sampled').count()).resolves.toBe(
        names.filter((n) => group !== 'by_team' || lines[1].per_100_records.by_team?.[n] !== undefined).length,
      );
      // The points are drawn: inside the chart's box, with a size.
      const box = await chart.locator('circle.pt').first().boundingBox();
      expect(box && box.width > 0 && box.height > 0).toBe(true);
      // Its title and description name it for a screen reader, and a table holds the figures.
      await expect(chart.getAttribute('role')).resolves.toBe('img');
      await expect(chart.locator('title').first().textContent()).resolves.toMatch(/^Flags per 100 records by /);
      await expect(page.locator(`table[data-table="${group}"] tbody tr`).count()).resolves.toBe(3);
    }
    // Sampled points are hollow: filled white, stroked in the series colour.
    const fill = await page
      .locator('circle.pt.sampled')
      .first()
      .evaluate((c) => getComputedStyle(c).fill);
    expect(fill).toBe('rgb(255, 255, 255)');
    await page.close();
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('the summary has a section per team, printed one to a page, and loads nothing', async () => {
    const page = await open(join(dir, 'teams.html'));
    const sections = page.locator('section.team');
    await expect(sections.count()).resolves.toBe(teams.length);
    expect(await sections.evaluateAll((els) => els.map((e) => e.getAttribute('data-team')))).toEqual(teams);
    await page.emulateMedia({ media: 'print' });
    const breaks = await sections.evaluateAll((els) => els.map((e) => getComputedStyle(e).breakAfter));
    expect(breaks).toEqual([...teams.slice(1).map(() => 'page'), 'auto']);
    await expect(page.locator('header.screen-only').isVisible()).resolves.toBe(false);
    // Printed to A4: exactly one page per team (each PDF page object is one /Type /Page).
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length).toBe(teams.length);
    await page.close();
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
  });
});
