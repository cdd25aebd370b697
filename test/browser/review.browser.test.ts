import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { parseReviewed } from '../../src/report/reviewed.ts';
import { runCli } from '../support/run-cli.ts';

/**
 * The auditor's review loop in a real browser, on the sample export: open the HTML report, decide
 * two flags by keyboard and mouse, see the counts and the decision filter, reopen the page and
 * find the decisions kept, export the reviewed file, and audit again with it. Nothing here waits
 * for a time: every step waits for an element, an attribute or an event.
 */
const CHROMIUM = '/usr/bin/chromium';
const SAMPLE = 'fixtures/exports/liquidlogic-casenotes.csv';
const enabled = existsSync(CHROMIUM);

describe.skipIf(!enabled)('reviewing flags in the HTML report', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let dir: string;
  let url: string;
  let total: number;
  let first: string;
  let second: string;
  let exported: string;
  const requests: string[] = [];
  const problems: string[] = [];

  const audit = async (asOf: string, extra: string[] = []) => {
    const file = join(dir, `report-${asOf}${extra.length ? '-reviewed' : ''}.html`);
    const result = await runCli(['audit', SAMPLE, '--as-of', asOf, '--fail-on', 'never', '--format', 'html', '--output', file, ...extra]);
    expect(result.code, result.stderr).toBe(0);
    return pathToFileURL(file).href;
  };
  const flag = (id: string) => page.locator(`[data-flag-id="${id}"]`);
  const count = () => page.locator('#review-count');
  const watch = (p: Page) => {
    p.on('request', (r) => requests.push(r.url()));
    p.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`console ${m.type()}: ${m.text()}`));
    p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  };
  const expectAttr = (l: Locator, name: string, value: string) => expect.poll(() => l.getAttribute(name)).toBe(value);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'scrutineer-review-'));
    url = await audit('2025-06-30');
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
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    watch(page);
    await page.goto(url, { waitUntil: 'load' });
    total = await page.locator('[data-flag][data-flag-id]').count();
    expect(total).toBeGreaterThan(2);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the review panel with nothing decided', async () => {
    await page.locator('#review-panel').waitFor({ state: 'visible' });
    await expect.poll(() => count().textContent()).toBe(`0 of ${total} flags decided (0 confirmed, 0 dismissed); ${total} left.`);
    await expect(page.locator('[data-decide]:visible').count()).resolves.toBe(total);
  });

  it('asks for initials before a decision, then confirms a flag with j and c', async () => {
    await page.keyboard.press('j');
    first = (await page.locator('[data-flag].current').getAttribute('data-flag-id'))!;
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-flag-id'))).toBe(first);
    await page.keyboard.press('c');
    await expect.poll(() => flag(first).locator('[data-decide-status]').textContent()).toBe('Enter your initials in the review panel first.');
    await expectAttr(flag(first), 'data-review', 'open');

    await page.locator('#review-reviewer').fill('JO');
    await page.locator('#review-date').fill('2025-07-01');
    await flag(first).focus();
    await page.keyboard.press('c');
    await expectAttr(flag(first), 'data-review', 'confirmed');
    await expect(flag(first).locator('[data-review-badge]').textContent()).resolves.toBe('Confirmed');
    await expect(flag(first).locator('[data-review-text]').textContent()).resolves.toBe('Confirmed by JO on 01/07/2025');
    await expect(count().textContent()).resolves.toBe(`1 of ${total} flags decided (1 confirmed, 0 dismissed); ${total - 1} left.`);
  });

  it('dismisses the next flag with d, once a reason is chosen, with a note', async () => {
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('[data-flag].current').getAttribute('data-flag-id')).not.toBe(first);
    second = (await page.locator('[data-flag].current').getAttribute('data-flag-id'))!;
    await page.keyboard.press('d');
    await expect.poll(() => flag(second).locator('[data-decide-status]').textContent()).toBe('Choose why it is dismissed.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('reason_code');
    await expectAttr(flag(second), 'data-review', 'open');
    await flag(second).getByRole('textbox', { name: 'Note' }).fill('In the strategy minutes of 04/05/2023.');
    await flag(second).getByRole('combobox', { name: 'Dismiss because' }).selectOption('evidenced-elsewhere');
    await expectAttr(flag(second), 'data-review', 'dismissed');
    await expect(flag(second).locator('[data-review-text]').textContent()).resolves.toBe(
      'Dismissed (evidenced elsewhere in the record) by JO on 01/07/2025: In the strategy minutes of 04/05/2023.',
    );
    await expect(count().textContent()).resolves.toBe(`2 of ${total} flags decided (1 confirmed, 1 dismissed); ${total - 2} left.`);
  });

  it('filters by decision', async () => {
    await page.getByRole('checkbox', { name: /^Not decided/ }).uncheck();
    await expect.poll(() => page.locator('[data-flag]:visible').count()).toBe(2);
    await expect(page.locator('[data-count="review:confirmed"]').textContent()).resolves.toBe('1');
    await page.getByRole('checkbox', { name: /^Confirmed/ }).uncheck();
    await expect.poll(() => page.locator('[data-flag]:visible').count()).toBe(1);
    await expect(flag(second).isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Show all' }).click();
    await expect.poll(() => page.locator('[data-flag]:visible').count()).toBe(total);
  });

  it('keeps the decisions when the report is opened again', async () => {
    // The page keeps its decisions in the browser's storage. Another page of the same report reads
    // them from there, not from this page's own copy: wait until it does before reopening this one
    // (on a loaded machine a reload straight after the last decision could come before the write).
    const key = `scrutineer-review:${await page.locator('#review-panel').getAttribute('data-report-key')}`;
    const other = await context.newPage();
    await other.goto(url, { waitUntil: 'load' });
    await expect.poll(() => other.evaluate((k) => Object.keys(JSON.parse(window.localStorage.getItem(k) ?? '{"decisions":{}}').decisions).length, key)).toBe(2);
    await other.close();
    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => count().textContent()).toBe(`2 of ${total} flags decided (1 confirmed, 1 dismissed); ${total - 2} left.`);
    await expectAttr(flag(first), 'data-review', 'confirmed');
    await expectAttr(flag(second), 'data-review', 'dismissed');
    await expect(page.locator('#review-reviewer').inputValue()).resolves.toBe('JO');
  });

  it('does not mix them into another report', async () => {
    const other = await context.newPage();
    watch(other);
    await other.goto(await audit('2025-07-31'), { waitUntil: 'load' });
    const n = await other.locator('[data-flag][data-flag-id]').count();
    await expect.poll(() => other.locator('#review-count').textContent()).toBe(`0 of ${n} flags decided (0 confirmed, 0 dismissed); ${n} left.`);
    await other.close();
  });

  it('exports them as the reviewed-flags file', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Export decisions/ }).click()]);
    expect(download.suggestedFilename()).toBe('scrutineer-reviewed.yaml');
    exported = join(dir, 'scrutineer-reviewed.yaml');
    await download.saveAs(exported);
    const text = readFileSync(exported, 'utf8');
    await expect(page.locator('#review-export-status').textContent()).resolves.toBe('Exported 2 decisions as scrutineer-reviewed.yaml.');
    await expect(page.locator('#review-export-text').textContent()).resolves.toBe(text);
    const entries = parseReviewed(text, exported);
    expect(entries.map((e) => [e.id, e.decision, e.reason_code, e.reviewer, e.date])).toEqual([
      [first, 'confirmed', undefined, 'JO', '2025-07-01'],
      [second, 'dismissed', 'evidenced-elsewhere', 'JO', '2025-07-01'],
    ]);
    expect(entries[1].reason).toBe('In the strategy minutes of 04/05/2023.');
  });

  it('marks those flags reviewed when the audit runs again with the file', async () => {
    const result = await runCli(['audit', SAMPLE, '--as-of', '2025-06-30', '--fail-on', 'never', '--format', 'json', '--reviewed', exported]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    const reviewed = report.flags.filter((f: { review?: unknown }) => f.review);
    expect(reviewed.map((f: { id: string }) => f.id)).toEqual([first, second]);
    expect(reviewed[0].review).toEqual({ status: 'reviewed', decision: 'confirmed', reviewer: 'JO', date: '2025-07-01', reason: '' });
    expect(reviewed[1].review).toEqual({
      status: 'reviewed',
      decision: 'dismissed',
      reason_code: 'evidenced-elsewhere',
      reviewer: 'JO',
      date: '2025-07-01',
      reason: 'In the strategy minutes of 04/05/2023.',
    });
    expect(report.reviewed).toMatchObject({ applied: 2, stale: [] });
    expect(report.review_stats.find((s: { by: string }) => s.by === 'all')).toMatchObject({ confirmed: 1, dismissed: 1, decided: 2, precision: 0.5 });

    // The report of that run shows them decided from the file, in a browser that kept nothing.
    const fresh = await browser.newContext();
    const again = await fresh.newPage();
    watch(again);
    await again.goto(await audit('2025-06-30', ['--reviewed', exported]), { waitUntil: 'load' });
    await expect.poll(() => again.locator('#review-count').textContent()).toBe(`2 of ${total} flags decided (1 confirmed, 1 dismissed); ${total - 2} left.`);
    await expect(again.locator(`[data-flag-id="${second}"] [data-review-badge]`).textContent()).resolves.toBe('Dismissed');
    await expect(again.locator('#review-stats [data-review-stats-all]').textContent()).resolves.toBe(
      '2 decided: 1 confirmed, 1 dismissed; field precision 0.50.',
    );
    await fresh.close();
  });

  it('loaded nothing but the reports, and logged no problem', () => {
    expect(requests.every((r) => r.startsWith('file://'))).toBe(true);
    expect(problems).toEqual([]);
  });
});
