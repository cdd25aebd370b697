import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { formatHtml } from '../../src/report/formats/html.ts';
import type { Report } from '../../src/report/build-report.ts';
import { runCli } from '../support/run-cli.ts';

/**
 * The HTML report in a real browser: it renders, its filters work, and it fetches nothing.
 * Run with `npx vitest run --config test/browser/vitest.config.ts` (needs /usr/bin/chromium).
 */
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = '/tmp/scrutineer-report.png';
const enabled = existsSync(CHROMIUM);

// A small export beside the bundled ones: placeholders (a second category), a date of birth that
// cannot be read (a warning) and a note that tries to run script and fetch an image.
const QA_EXPORT = `record_id,case_id,subject_id,subject_name,subject_dob,subject_gender,record_date,recorded_at,author,team,record_type,text
QA-1,C-9100,P-9100,Test Child,2016-04-02,female,2024-01-10,2024-01-10,Alex Moor,Locality Team C,Case Note,"Review date TBC <script>window.__pwned=1</script><img src=x onerror=""window.__pwned=2""> child seen alone."
QA-2,C-9100,P-9100,Test Child,31/02/2016,female,2024-02-11,2024-02-11,Alex Moor,Locality Team C,Case Note,"Plan: [insert date] for the next visit. Name: XXXX."
`;

describe.skipIf(!enabled)('the HTML report in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let report: Report;
  let url: string;
  const requests: string[] = [];
  const problems: string[] = [];

  const visibleFlags = () => page.locator('[data-flag]:visible');
  const countOf = (pred: (f: Report['flags'][number]) => boolean) => report.flags.filter(pred).length;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-html-'));
    writeFileSync(join(dir, 'qa-notes.csv'), QA_EXPORT);
    const result = await runCli([
      'audit',
      'fixtures/exports',
      'fixtures/intake/rejects.csv',
      join(dir, 'qa-notes.csv'),
      '--format',
      'json',
      '--fail-on',
      'never',
    ]);
    expect(result.code).toBe(0);
    report = JSON.parse(result.stdout);
    const file = join(dir, 'report.html');
    writeFileSync(file, formatHtml(report, { title: 'Scrutineer audit: bundled exports' }));
    url = pathToFileURL(file).href;

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
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`console ${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(url, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('renders the title and the headline numbers of the summary', async () => {
    expect(await page.title()).toBe('Scrutineer audit: bundled exports');
    await expect(page.locator('h1').textContent()).resolves.toBe('Scrutineer audit: bundled exports');
    const s = report.summary;
    const expected = {
      rows_read: s.rows_read,
      records_audited: s.records_audited,
      rows_rejected: s.rows_rejected,
      cases_audited: s.cases_audited,
      cases_flagged: s.cases_flagged,
      flags: s.flags,
      error: s.by_severity.error,
      warning: s.by_severity.warning,
      info: s.by_severity.info,
    };
    for (const [key, value] of Object.entries(expected)) {
      expect(await page.locator(`[data-stat="${key}"] dd`).textContent(), key).toBe(String(value));
    }
    expect(s.rows_rejected).toBeGreaterThan(0);
    expect(await page.locator('#rejected tbody tr').count()).toBe(report.rejected_rows.length);
    expect(await page.locator('#warnings tbody tr').count()).toBe(report.warnings.length);
  });

  it('runs its script under its own Content-Security-Policy, with no errors', async () => {
    await expect(page.locator('#filters').isVisible()).resolves.toBe(true);
    await expect(page.locator('#filter-status').textContent()).resolves.toMatch(new RegExp(`^Showing ${report.flags.length} of ${report.flags.length} flags`));
    expect(problems).toEqual([]);
  });

  it('shows hostile record text as text and runs none of it', async () => {
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator('img, iframe, object, embed').count()).resolves.toBe(0);
    // The note is rich text: intake drops the script and the tags before auditing, and what
    // is left reaches the page as text.
    const snippet = page.locator('.snippet', { hasText: 'child seen alone' });
    await expect(snippet.count()).resolves.toBe(1);
    await expect(snippet.locator('mark').textContent()).resolves.toBe('TBC');
    await expect(snippet.textContent()).resolves.not.toContain('__pwned');
  });

  it('hides exactly one category’s flags when its box is unchecked', async () => {
    const total = report.flags.length;
    const hygiene = countOf((f) => f.category === 'record-hygiene');
    expect(hygiene).toBeGreaterThan(0);
    expect(hygiene).toBeLessThan(total);
    await expect(visibleFlags().count()).resolves.toBe(total);

    await page.getByRole('checkbox', { name: /^record-hygiene/ }).uncheck();
    await expect(visibleFlags().count()).resolves.toBe(total - hygiene);
    await expect(page.locator('[data-flag][data-category="record-hygiene"]:visible').count()).resolves.toBe(0);
    await expect(page.locator('#filter-status').textContent()).resolves.toMatch(new RegExp(`^Showing ${total - hygiene} of ${total} flags`));
    // The case that had only placeholder flags disappears with them.
    await expect(page.locator('[data-case]', { hasText: 'Case C-9100' }).isVisible()).resolves.toBe(false);

    await page.getByRole('checkbox', { name: /^record-hygiene/ }).check();
    await expect(visibleFlags().count()).resolves.toBe(total);
    await expect(page.locator('[data-case]', { hasText: 'Case C-9100' }).isVisible()).resolves.toBe(true);
  });

  it('filters by severity, alone and with a category', async () => {
    const total = report.flags.length;
    const warnings = countOf((f) => f.severity === 'warning');
    expect(warnings).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: /^Warning/ }).uncheck();
    await expect(visibleFlags().count()).resolves.toBe(total - warnings);
    await expect(page.locator('[data-flag][data-severity="warning"]:visible').count()).resolves.toBe(0);

    await page.getByRole('checkbox', { name: /^unevidenced-label/ }).uncheck();
    await expect(visibleFlags().count()).resolves.toBe(countOf((f) => f.severity !== 'warning' && f.category !== 'unevidenced-label'));

    await page.getByRole('button', { name: 'Show all' }).click();
    await expect(visibleFlags().count()).resolves.toBe(total);
    await expect(page.locator('#filter-status').textContent()).resolves.toMatch(new RegExp(`^Showing ${total} of ${total} flags`));
  });

  it('labels every checkbox and gives every table column a header', async () => {
    const boxes = page.getByRole('checkbox');
    const n = await boxes.count();
    // Categories, three severities and three decisions.
    expect(n).toBe(Object.keys(report.summary.by_category).length + 6);
    for (let i = 0; i < n; i++) expect(await boxes.nth(i).evaluate((el) => (el as HTMLInputElement).labels?.length ?? 0)).toBe(1);
    await expect(page.locator('table:not(:has(thead th))').count()).resolves.toBe(0);
    await expect(page.getByRole('heading', { level: 2 }).count()).resolves.toBe(5);
  });

  it('hides the filters when printed', async () => {
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('#filters').isVisible()).resolves.toBe(false);
    await page.screenshot({ path: '/tmp/scrutineer-report-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await expect(page.locator('#filters').isVisible()).resolves.toBe(true);
  });

  it('loads nothing but the document itself', async () => {
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(requests).toEqual([url]);
    expect(problems).toEqual([]);
  });

  it('has a policy that refuses scripts, markup and requests added later', async () => {
    const other = await browser.newPage();
    const seen: string[] = [];
    other.on('request', (r) => seen.push(r.url()));
    await other.goto(url, { waitUntil: 'load' });
    const outcome = await other.evaluate(async () => {
      const w = window as unknown as { __injected?: number };
      const attempts: string[] = [];
      const attempt = async (name: string, f: () => unknown) => {
        try {
          await f();
          attempts.push(`${name}: allowed`);
        } catch {
          attempts.push(`${name}: refused`);
        }
      };
      await attempt('script', () => {
        const s = document.createElement('script');
        s.textContent = 'window.__injected = 1';
        document.body.append(s);
      });
      await attempt('markup', () => document.body.insertAdjacentHTML('beforeend', '<img src="x" onerror="window.__injected = 2">'));
      await attempt('fetch', () => fetch('https://example.invalid/'));
      // Had the markup gone in, its image would fail to load and run its handler: wait for that
      // outcome rather than for a fixed time.
      const img = document.querySelector('img[src="x"]');
      if (img) await new Promise((r) => ['error', 'load'].forEach((e) => img.addEventListener(e, r)));
      return { injected: w.__injected ?? null, attempts };
    });
    await other.close();
    expect(outcome).toEqual({ injected: null, attempts: ['script: refused', 'markup: refused', 'fetch: refused'] });
    expect(seen).toEqual([url]);
  });
});
