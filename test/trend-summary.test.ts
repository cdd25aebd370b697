import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { runCli } from './support/run-cli.ts';
import { SAMPLE_EXPORT, threeRunHistory, type TestHistoryLine } from './support/trend-history.ts';
import { formatForPath } from '../src/report/formats/index.ts';

const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const GROUPS = ['by_category', 'by_standard', 'by_team'] as const;

/** The series a history holds, as the trend must draw them: categories and standards absent from a run are 0, teams absent are no point. */
function expectedSeries(lines: TestHistoryLine[], group: (typeof GROUPS)[number]): Map<string, (number | null)[]> {
  const names = [...new Set(lines.flatMap((l) => Object.keys(l.per_100_records[group] ?? {})))];
  return new Map(
    names.map((n) => [n, lines.map((l) => (group === 'by_team' ? (l.per_100_records.by_team?.[n] ?? null) : (l.per_100_records[group][n] ?? 0)))]),
  );
}

/** The <section> of one chart group in the trend page. */
const sectionOf = (html: string, group: string) => {
  const start = html.indexOf(`<section aria-labelledby="h-chart-${group}">`);
  return html.slice(start, html.indexOf('</section>', start));
};

describe('scrutineer trend', () => {
  let dir: string;
  let history: string;
  let lines: TestHistoryLine[];
  beforeAll(async () => {
    ({ dir, history, lines } = await threeRunHistory());
  });

  it('history lines carry rates by team', () => {
    expect(lines.map((l) => l.as_of)).toEqual(['2025-03-31', '2025-04-30', '2025-05-31']);
    const report = JSON.parse(readFileSync(join(dir, 'run-1.json'), 'utf8'));
    const teams = Object.fromEntries(
      Object.entries(report.summary.rates.by_team as Record<string, { per_100_records: number }>).map(([t, r]) => [t, r.per_100_records]),
    );
    expect(lines[0].per_100_records.by_team).toEqual(teams);
    expect(Object.keys(teams)).toHaveLength(4);
    expect(lines[1].sample?.requested).toBe('50%');
    expect(lines[2].window).toEqual({ since: '2023-01-01', until: '2023-12-31' });
  });

  it('--format html draws a point per run and series, marks the sampled and windowed runs, and tables the history’s rates', async () => {
    const out = join(dir, 'reports', 'trend.html');
    const r = await runCli(['trend', history, '--format', 'html', '--output', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;none&#39;; style-src &#39;sha256-/);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)|\sstyle="|\son[a-z]+=/i);
    for (const group of GROUPS) {
      const section = sectionOf(html, group);
      const series = expectedSeries(lines, group);
      expect(section).toMatch(/<svg class="chart" role="img"[^>]*>\s*<title id="t-chart-[^"]+">[^<]+<\/title>\s*<desc id="d-chart-[^"]+">[^<]+<\/desc>/);
      const points = [...section.matchAll(/<circle class="pt ([^"]*)" data-series="([^"]*)" data-run="(\d+)" data-value="([^"]*)"/g)].map((m) => ({
        cls: m[1],
        series: unescapeHtml(m[2]),
        run: Number(m[3]),
        value: Number(m[4]),
      }));
      for (const [name, values] of series) {
        const mine = points.filter((p) => p.series === name);
        expect(mine.length, `${group} ${name}`).toBe(values.filter((v) => v !== null).length);
        for (const p of mine) expect(p.value).toBe(values[p.run]);
        // The sampled run (April, run 1) and the windowed run (May, run 2) are marked.
        for (const p of mine) expect(p.cls.includes('sampled')).toBe(p.run === 1);
        for (const p of mine) expect(p.cls.includes('windowed')).toBe(p.run === 2);
      }
      expect(points).toHaveLength([...series.values()].flat().filter((v) => v !== null).length);
      // The table under the chart: one row per run in as-of order, each value the history's.
      const rows = [...section.matchAll(/<tr data-run="(\d+)"([^>]*)><th scope="row">([^<]+)<\/th>(.*?)<\/tr>/g)];
      expect(rows.map((m) => m[3])).toEqual(['2025-03-31', '2025-04-30', '2025-05-31']);
      expect(rows.map((m) => m[2].includes('data-sampled'))).toEqual([false, true, false]);
      expect(rows.map((m) => m[2].includes('data-windowed'))).toEqual([false, false, true]);
      for (const [i, m] of rows.entries()) {
        const cells = Object.fromEntries([...m[4].matchAll(/<td class="num" data-series="([^"]*)">([^<]*)<\/td>/g)].map((c) => [unescapeHtml(c[1]), c[2]]));
        for (const [name, values] of series) {
          const v = values[i];
          expect(cells[name], `${group} ${name} run ${i}`).toBe(v === null ? '–' : Number.isInteger(v) ? String(v) : v.toFixed(2));
        }
      }
    }
    // Two teams have no record dated 2023, so the windowed run has no point for them.
    expect([...expectedSeries(lines, 'by_team').values()].filter((v) => v[2] === null)).toHaveLength(2);
  });

  it('--format json gives the runs in as-of order and every series, aligned with them', async () => {
    const r = await runCli(['trend', history, '--format', 'json']);
    expect(r.code).toBe(0);
    const trend = JSON.parse(r.stdout);
    expect(trend.runs.map((l: TestHistoryLine) => l.as_of)).toEqual(['2025-03-31', '2025-04-30', '2025-05-31']);
    expect(trend.runs[1].sample.requested).toBe('50%');
    for (const group of GROUPS) expect(trend.series[group]).toEqual(Object.fromEntries(expectedSeries(lines, group)));
  });

  it('the table stays the default, marks windowed runs, and reads history lines written before rates by team', async () => {
    const old = join(dir, 'old.ndjson');
    // A line as written before this change: no by_team.
    const { by_team: _, ...rates } = lines[0].per_100_records;
    writeFileSync(old, `${JSON.stringify({ ...lines[0], as_of: '2025-02-28', per_100_records: rates })}\n${readFileSync(history, 'utf8')}`);
    const table = await runCli(['trend', old]);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^as of\s+sample\s+window\s+records\s+flags\/100/);
    expect(table.stdout).toMatch(/^2025-05-31\s+all\s+2023-01-01 to 2023-12-31\s+23\s/m);
    const json = JSON.parse((await runCli(['trend', old, '--format', 'json'])).stdout);
    for (const team of Object.keys(json.series.by_team)) expect(json.series.by_team[team][0]).toBeNull();
    expect(json.series.by_category['unevidenced-label'][0]).toBe(lines[0].per_100_records.by_category['unevidenced-label']);
  });

  it('refuses an output that is the history, and a line that is not a history line', async () => {
    const same = await runCli(['trend', history, '--format', 'html', '--output', history]);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/this is an input of the run/);
    const bad = join(dir, 'bad.ndjson');
    writeFileSync(bad, '{"as_of":"2025-01-01"}\n');
    const r = await runCli(['trend', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.ndjson:1: not a history line: no per_100_records.all');
  });
});

describe('the manager’s summary (--format summary)', () => {
  const notes = (): { text: string; author: string; name: string }[] =>
    (parse(readFileSync(SAMPLE_EXPORT), { columns: true, bom: true }) as Record<string, string>[]).map((row) => ({
      text: row.CASENOTE_TEXT,
      author: row.WORKER_NAME,
      name: row.PERSON_FULL_NAME,
    }));
  /** Every sentence fragment of four words or more of the export's notes, as HTML would escape it. */
  const fragments = () =>
    notes()
      .flatMap((n) => n.text.split(/(?<=[.!?;:])\s+|\n+/))
      .map((s) => s.trim())
      .filter((s) => s.split(/\s+/).length >= 4);
  const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

  it('is registered: a format name, and *.summary.html', () => {
    expect(formatForPath('reports/teams.summary.html')).toBe('summary');
    expect(formatForPath('reports/audit.html')).toBe('html');
  });

  it('has a page per team with records, rates and the change since the last run, read before this run is appended', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-summary-'));
    const history = join(dir, 'history.ndjson');
    const first = await runCli([
      'audit',
      SAMPLE_EXPORT,
      '--format',
      'summary',
      '--output',
      join(dir, 'march.summary.html'),
      '--history',
      history,
      '--as-of',
      '2025-03-31',
      '--since',
      '2023-01-01',
      '--until',
      '2023-12-31',
      '--fail-on',
      'never',
      '-q',
    ]);
    expect(first.code).toBe(0);
    expect(readFileSync(join(dir, 'march.summary.html'), 'utf8')).toContain('no earlier run in the history');
    const second = await runCli([
      'audit',
      SAMPLE_EXPORT,
      '--format',
      'json',
      '--output',
      join(dir, 'june.json'),
      '--output',
      join(dir, 'june.summary.html'),
      '--history',
      history,
      '--as-of',
      '2025-06-30',
      '--fail-on',
      'never',
      '-q',
    ]);
    expect(second.code).toBe(0);
    const html = readFileSync(join(dir, 'june.summary.html'), 'utf8');
    const report = JSON.parse(readFileSync(join(dir, 'june.json'), 'utf8'));
    const [march] = readFileSync(history, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const teams = Object.keys(report.summary.rates.by_team);
    const sections = [...html.matchAll(/<section class="team" id="team-\d+" data-team="([^"]*)"[^>]*>([\s\S]*?)<\/section>/g)];
    expect(sections.map((s) => unescapeHtml(s[1]))).toEqual(teams);
    for (const [, rawTeam, body] of sections) {
      const team = unescapeHtml(rawTeam);
      const rate = report.summary.rates.by_team[team];
      expect(body).toContain(`<div class="stat" data-stat="records"><dt>Records audited</dt><dd>${rate.records}</dd>`);
      expect(body).toContain(`<dd>${rate.per_100_records} <small>`);
      const before = march.per_100_records.by_team[team];
      if (before === undefined) expect(body).toContain('no record of the team in the run of 2025-03-31');
      else expect(body).toContain(`data-change="${Math.round((rate.per_100_records - before) * 100) / 100}"`);
    }
    expect(sections.filter(([, , b]) => b.includes('data-change='))).toHaveLength(2);
    expect(html).toContain('that run was windowed');
  });

  it('holds no record text by default (no note, author or child’s name), and shows findings with --snippets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-summary-'));
    const plain = await runCli([
      'audit',
      SAMPLE_EXPORT,
      '--format',
      'summary',
      '--output',
      join(dir, 's.html'),
      '--as-of',
      '2025-06-30',
      '--fail-on',
      'never',
      '-q',
    ]);
    expect(plain.code).toBe(0);
    const html = readFileSync(join(dir, 's.html'), 'utf8');
    const all = fragments();
    expect(all.length).toBeGreaterThan(100);
    for (const f of all) expect(html.includes(escaped(f)), f).toBe(false);
    for (const n of notes()) {
      if (n.author) expect(html).not.toContain(escaped(n.author));
      if (n.name) expect(html).not.toContain(escaped(n.name.split(/\s+/).at(-1)!));
    }
    expect(html).not.toContain('“');
    // With --snippets the same check finds the record text it lets through: the check can fail.
    await runCli([
      'audit',
      SAMPLE_EXPORT,
      '--format',
      'summary',
      '--output',
      join(dir, 'with.html'),
      '--snippets',
      '--as-of',
      '2025-06-30',
      '--fail-on',
      'never',
      '-q',
    ]);
    const withText = readFileSync(join(dir, 'with.html'), 'utf8');
    expect(withText).toContain('Findings to discuss');
    expect(withText).toMatch(/“[^”]{3,}”/);
  });

  it('counts the confirmed findings by standard with --reviewed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-summary-'));
    const report = JSON.parse((await runCli(['audit', SAMPLE_EXPORT, '--format', 'json', '--as-of', '2025-06-30', '--fail-on', 'never', '-q'])).stdout);
    const team = 'Children in Need Team (North)';
    const mine = report.flags.filter((f: { team: string }) => f.team === team);
    const [confirm, dismiss] = mine;
    const entry = (f: { id: string; rule: string }, decision: string) =>
      `  - id: "${f.id}"\n    rule: ${f.rule}\n    decision: ${decision}\n${decision === 'dismissed' ? '    reason_code: attributed\n' : ''}    reviewer: JO\n    date: "2025-06-01"\n`;
    writeFileSync(join(dir, 'reviewed.yaml'), `version: 2\nreviewed:\n${entry(confirm, 'confirmed')}${entry(dismiss, 'dismissed')}`);
    const r = await runCli([
      'audit',
      SAMPLE_EXPORT,
      '--format',
      'summary',
      '--output',
      join(dir, 's.html'),
      '--reviewed',
      join(dir, 'reviewed.yaml'),
      '--as-of',
      '2025-06-30',
      '--fail-on',
      'never',
      '-q',
    ]);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 's.html'), 'utf8');
    const section = html.slice(html.indexOf(`data-team="${team}"`), html.indexOf('</section>', html.indexOf(`data-team="${team}"`)));
    expect(section).toContain(`<strong>1</strong> confirmed as recording problems, 1 dismissed, ${mine.length - 2} not yet decided`);
    for (const code of confirm.standards) expect(section).toContain(`<td class="num" data-confirmed="${code}">1</td>`);
    const confirmedCells = [...section.matchAll(/data-confirmed="[^"]+">(\d+)</g)].map((m) => Number(m[1]));
    expect(confirmedCells.reduce((a, b) => a + b, 0)).toBe(confirm.standards.length);
  });
});
