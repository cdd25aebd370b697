import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { auditJson, repoPath, runCli } from './support/run-cli.ts';

/**
 * The monthly window (--since / --until). The Liquidlogic sample's records run from 2021 to
 * 2024; June to September 2023 holds 7 of its 45 records, in 4 of its 6 cases, and 6 of the 16
 * flags a whole audit finds (as of 2025-06-30). Its case 1004417 has the three kinds of context
 * a window must keep: a parenting course completed on 24/05/2023 (5202046) and claimed not done
 * on 19/09/2023 (5202245), "aggressive" written on 18/10/2022 (5201738) and again on 19/09/2023,
 * and a passage of 10/01/2023 (5201769) copied on 12/06/2023 (5202104).
 */
const EXPORT = 'fixtures/exports/liquidlogic-casenotes.csv';
const WINDOW = ['--since', '2023-06-01', '--until', '2023-09-30'];
const tmp = () => mkdtempSync(join(tmpdir(), 'scrutineer-window-'));

interface FlagLike {
  id: string;
  rule: string;
  record_id: string;
  record_date: string;
  related_record_ids: string[];
  baseline?: string;
  review?: unknown;
}

const brief = (f: FlagLike) => `${f.record_date} ${f.record_id} ${f.rule} ← ${f.related_record_ids.join(',')}`;

describe('--since / --until', () => {
  it('reports flags only on records dated in the window, judged in the light of the whole case', async () => {
    const whole = await auditJson([EXPORT]);
    const report = await auditJson([EXPORT], WINDOW);
    expect(report.flags.map(brief)).toEqual([
      // A copy in the window of a record before it.
      '2023-06-12 5202104 duplication.copied-passage ← 5201769',
      // A stale claim in the window, made out of date by an event before it.
      '2023-09-19 5202245 staleness.parenting-course-completed ← 5202046',
      // A label used first before the window and again in it: the use in the window is reported, with the first as related.
      '2023-09-19 5202245 label.aggressive ← 5201738',
      '2023-06-12 5202127 label.aggressive ← ',
      // A copy from another family's record, written before the window.
      // (The other child's name it still gives is folded into the copy's flag: one finding per problem.)
      '2023-07-11 5202183 duplication.copied-passage ← 5201738',
      '2023-08-15 5202270 hygiene.late-entry ← ',
    ]);
    // Exactly the whole audit's flags on those records, ids and all: the window filters, it never changes a flag.
    const inWindow = (f: FlagLike) => f.record_date >= '2023-06-01' && f.record_date <= '2023-09-30';
    expect(report.flags).toEqual(whole.flags.filter(inWindow));
    expect(whole.flags.filter((f: FlagLike) => !inWindow(f))).toHaveLength(11);
    // The first use of "aggressive", before the window, is not reported (it is in the whole audit).
    expect(whole.flags.map((f: FlagLike) => `${f.record_id} ${f.rule}`)).toContain('5201738 label.aggressive');
    expect(report.flags.map((f: FlagLike) => f.record_id)).not.toContain('5201738');

    expect(report.run.window).toEqual({ since: '2023-06-01', until: '2023-09-30', records_in_window: 7, records_read_for_context: 38 });
    expect(report.run.options).toMatchObject({ since: '2023-06-01', until: '2023-09-30' });
    const s = report.summary;
    expect([s.flags, s.by_severity, s.records_audited, s.records_flagged, s.cases_audited, s.cases_flagged, s.flags_below_min_severity]).toEqual([
      6,
      { error: 1, warning: 5, info: 0 },
      7,
      5,
      4,
      4,
      0,
    ]);
    expect(s.by_category).toEqual({ duplication: 2, 'record-hygiene': 1, staleness: 1, 'unevidenced-label': 2 });
    // Every row is still read and checked; rates are per record in the window.
    expect([s.rows_read, s.rows_audited, s.rows_rejected]).toEqual([45, 45, 0]);
    expect(s.rates.per_100_records.all).toBe(85.71);
    expect(s.rates.per_case.all).toBe(1.5);
    expect(s.rates.by_team).toEqual({
      'Child Protection Team East': { records: 4, flags: 2, per_100_records: 50 },
      'Children in Need Team (North)': { records: 3, flags: 4, per_100_records: 133.33 },
    });
    // Sections still show the whole case: the label's history begins before the window.
    expect(report.label_histories).toEqual(whole.label_histories);
    const aggressive = report.label_histories.find((h: { case_id: string; label: string }) => h.case_id === '1004417' && h.label === 'aggressive');
    expect([aggressive.first_record_id, aggressive.first_record_date, aggressive.repeated_in]).toEqual(['5201738', '2022-10-18', ['5202245']]);

    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(repoPath('schema/report.schema.json'), 'utf8')));
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  });

  it('keeps the staleness timeline of the whole case with --timeline', async () => {
    const report = await auditJson([EXPORT], [...WINDOW, '--timeline']);
    const timeline = report.staleness_timeline.find(
      (t: { case_id: string; rule: string }) => t.case_id === '1004417' && t.rule === 'staleness.parenting-course-completed',
    );
    expect(
      timeline.entries.map((e: { record_id: string; record_date: string; role: string; stale_since?: string | null }) =>
        `${e.record_date} ${e.record_id} ${e.role} ${e.stale_since ?? ''}`.trim(),
      ),
    ).toEqual(expect.arrayContaining(['2023-05-24 5202046 event', '2023-09-19 5202245 claim 5202046']));
  });

  it('an open end: --since alone reports from that day on', async () => {
    const report = await auditJson([EXPORT], ['--since', '2023-09-01']);
    expect(report.run.window).toEqual({ since: '2023-09-01', until: null, records_in_window: 7, records_read_for_context: 38 });
    expect(report.flags.map((f: FlagLike) => `${f.record_date} ${f.rule}`)).toEqual([
      '2023-09-19 staleness.parenting-course-completed',
      '2023-09-19 label.aggressive',
      '2023-10-10 hygiene.wrong-age',
    ]);
  });

  it('leaves out a flag whose record is after the window, even when the record it refers to is in it', async () => {
    // 5201769 (10/01/2023) is the source of the copy in 5202104 (12/06/2023): the copy is June's finding, not January's.
    const report = await auditJson([EXPORT], ['--since', '2023-01-01', '--until', '2023-01-31']);
    expect(report.run.window).toEqual({ since: '2023-01-01', until: '2023-01-31', records_in_window: 2, records_read_for_context: 43 });
    // (January's record keeps FII as a concern after Dr Adeyemi's report: a label and a stale claim.)
    expect(report.flags.map(brief)).toEqual(['2023-01-24 5201796 staleness.fii-excluded ← 5201541', '2023-01-24 5201796 label.fii ← 5201541,5201511']);
  });

  it('says which window it covers on stderr, in the terminal summary, the markdown and the HTML header', async () => {
    const dir = tmp();
    const result = await runCli([
      'audit',
      EXPORT,
      ...WINDOW,
      '--as-of',
      '2025-06-30',
      '--fail-on',
      'never',
      '--format',
      'markdown',
      '--output',
      `${dir}/summary.md`,
      '--format',
      'html',
      '--output',
      `${dir}/report.html`,
      '--format',
      'terminal',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('scrutineer: window 2023-06-01 to 2023-09-30: 7 records dated in it audited, 38 outside it read for context only\n');
    expect(result.stdout).toContain('  Window: 2023-06-01 to 2023-09-30: flags on the 7 records dated in it; 38 other records read for context only\n');
    expect(result.stdout).toContain('  Records: 45 read, 7 audited, 0 rejected; 4 cases audited, 4 with flags\n');
    const md = readFileSync(`${dir}/summary.md`, 'utf8');
    expect(md).toContain('Window 2023-06-01 to 2023-09-30: flags only on the 7 records dated in it; 38 other records read for context only.');
    expect(md).toContain('**7** records audited in **4** cases');
    const html = readFileSync(`${dir}/report.html`, 'utf8');
    expect(html).toMatch(/<dt>Window<\/dt><dd>.*2023.* to .*2023.*: flags on the 7 records dated in it; 38 others read for context only<\/dd>/);
  });

  it('refuses --since after --until as a usage error, before reading anything', async () => {
    const result = await runCli(['audit', EXPORT, '--since', '2023-10-01', '--until', '2023-09-30']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'scrutineer: --since 2023-10-01 is after --until 2023-09-30: the window would hold no day\n' });
    const bad = await runCli(['audit', EXPORT, '--since', '2023-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    // A one-day window is a window.
    expect((await runCli(['audit', EXPORT, '--since', '2023-09-19', '--until', '2023-09-19', '--fail-on', 'never', '-q'])).code).toBe(0);
  });

  it('a window that holds no record audits nothing, and nothing audited is not a pass', async () => {
    const dir = tmp();
    const result = await runCli(['audit', EXPORT, '--since', '2030-01-01', '--fail-on', 'never', '--format', 'json', '--output', `${dir}/r.json`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('scrutineer: no record is dated in the window from 2030-01-01; nothing audited is not a pass\n');
    // The report is still written, as for every exit.
    expect(JSON.parse(readFileSync(`${dir}/r.json`, 'utf8')).run.window).toEqual({
      since: '2030-01-01',
      until: null,
      records_in_window: 0,
      records_read_for_context: 45,
    });
  });

  it('takes since and until from scrutineer.yaml; the command line wins', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'scrutineer.yaml'), 'since: 2023-06-01\nuntil: 2023-09-30\n');
    const fromFile = await auditJson([EXPORT], ['--config', join(dir, 'scrutineer.yaml')]);
    expect(fromFile.run.window).toEqual({ since: '2023-06-01', until: '2023-09-30', records_in_window: 7, records_read_for_context: 38 });
    expect(fromFile.flags).toHaveLength(6);
    const overridden = await auditJson([EXPORT], ['--config', join(dir, 'scrutineer.yaml'), '--since', '2023-09-01']);
    expect([overridden.run.window.since, overridden.run.window.until, overridden.flags.length]).toEqual(['2023-09-01', '2023-09-30', 2]);

    writeFileSync(join(dir, 'bad.yaml'), 'since: 2023-02-30\n');
    const bad = await runCli(['audit', EXPORT, '--config', join(dir, 'bad.yaml')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^scrutineer: invalid config file:\n.*bad\.yaml:1:\d+: .*2023-02-30/);
    writeFileSync(join(dir, 'shape.yaml'), 'until: 30/09/2023\n');
    const shape = await runCli(['audit', EXPORT, '--config', join(dir, 'shape.yaml')]);
    expect(shape.code).toBe(2);
    expect(shape.stderr).toContain('shape.yaml:1:');
    writeFileSync(join(dir, 'reversed.yaml'), 'since: 2023-10-01\nuntil: 2023-09-30\n');
    const reversed = await runCli(['audit', EXPORT, '--config', join(dir, 'reversed.yaml')]);
    expect(reversed).toEqual({ code: 2, stdout: '', stderr: 'scrutineer: --since 2023-10-01 is after --until 2023-09-30: the window would hold no day\n' });
  });

  it('gives the same report with --jobs 1 and --jobs 2, also with a sample', async () => {
    const args = (jobs: string, extra: string[] = []) => [
      'audit',
      EXPORT,
      ...WINDOW,
      '--as-of',
      '2025-06-30',
      '--fail-on',
      'never',
      '--format',
      'json',
      '--mentions',
      '--timeline',
      '-q',
      '--jobs',
      jobs,
      ...extra,
    ];
    const [one, two] = [await runCli(args('1')), await runCli(args('2'))];
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const sampled = ['--sample', '50%', '--seed', '7'];
    const [s1, s2] = [await runCli(args('1', sampled)), await runCli(args('2', sampled))];
    expect(s2.stdout).toBe(s1.stdout);
    // The sample picks whole cases; the window then picks their records in it.
    const report = JSON.parse(s1.stdout);
    const whole = JSON.parse(one.stdout);
    expect([report.run.sample.cases_selected, report.run.sample.cases_total]).toEqual([4, 6]);
    expect(report.run.window).toEqual({ since: '2023-06-01', until: '2023-09-30', records_in_window: 5, records_read_for_context: 25 });
    expect(report.summary.records_audited).toBe(5);
    expect(report.summary.rows_audited).toBe(30);
    // Case 1006233 is not in this sample; the others' flags in the window are the unsampled run's.
    expect(report.flags).toEqual(whole.flags.filter((f: { case_id: string }) => f.case_id !== '1006233'));
    expect(report.flags).toHaveLength(5);
  });

  it('fails the run, and fails junit, on flags in the window only', async () => {
    // The whole export has error-level flags; 2021 holds only a warning and an info.
    expect((await runCli(['audit', EXPORT, '--as-of', '2025-06-30', '-q', '--format', 'json'])).code).toBe(1);
    const dir = tmp();
    const quiet = await runCli([
      'audit',
      EXPORT,
      '--since',
      '2021-01-01',
      '--until',
      '2021-12-31',
      '--as-of',
      '2025-06-30',
      '-q',
      '--format',
      'junit',
      '--output',
      `${dir}/a.xml`,
    ]);
    expect(quiet.code).toBe(0);
    expect(readFileSync(`${dir}/a.xml`, 'utf8')).toContain('failures="0"');
    const loud = await runCli(['audit', EXPORT, ...WINDOW, '--as-of', '2025-06-30', '-q', '--format', 'junit', '--output', `${dir}/b.xml`]);
    expect(loud.code).toBe(1);
    const xml = readFileSync(`${dir}/b.xml`, 'utf8');
    expect(xml).toContain('<testsuites name="scrutineer" tests="4" failures="1">');
    expect(xml).toContain('record 5202183');
    expect(xml).not.toContain('5201511');
  });

  it('appends the window and its rates to the history', async () => {
    const dir = tmp();
    await runCli([
      'audit',
      EXPORT,
      ...WINDOW,
      '--as-of',
      '2025-06-30',
      '-q',
      '--fail-on',
      'never',
      '--format',
      'json',
      '--output',
      `${dir}/r.json`,
      '--history',
      `${dir}/h.ndjson`,
    ]);
    const line = JSON.parse(readFileSync(`${dir}/h.ndjson`, 'utf8'));
    expect([line.records, line.cases, line.flags, line.per_100_records.all, line.window]).toEqual([
      7,
      4,
      6,
      85.71,
      { since: '2023-06-01', until: '2023-09-30' },
    ]);
  });
});

describe('--since / --until with a baseline and a reviewed list', () => {
  const baselineRun = async (baselineArgs: string[], extra: string[] = []) => {
    const r = await runCli(['audit', EXPORT, ...WINDOW, '--as-of', '2025-06-30', '-q', '--fail-on', 'never', '--format', 'json', ...baselineArgs, ...extra]);
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout);
  };

  it('never lists a baseline flag outside the window as resolved', async () => {
    const dir = tmp();
    // A whole audit as the baseline: its 10 flags outside the window are neither compared nor resolved.
    const whole = await runCli(['audit', EXPORT, '--as-of', '2025-06-30', '-q', '--fail-on', 'never', '--format', 'json', '--output', `${dir}/whole.json`]);
    expect(whole.code).toBe(0);
    const report = await baselineRun(['--baseline', `${dir}/whole.json`]);
    expect(report.baseline).toEqual({ path: `${dir}/whole.json`, new: 0, existing: 6, resolved: [], outside_window: 11 });
    expect(report.flags.every((f: FlagLike) => f.baseline === 'existing')).toBe(true);

    // A baseline written by --init-baseline carries no dates: the records this run read say where each flag stands.
    await runCli([
      'audit',
      EXPORT,
      '--as-of',
      '2025-06-30',
      '-q',
      '--fail-on',
      'never',
      '--format',
      'json',
      '--baseline',
      `${dir}/init.json`,
      '--init-baseline',
    ]);
    const fromInit = await baselineRun(['--baseline', `${dir}/init.json`]);
    expect(fromInit.baseline).toEqual({ path: `${dir}/init.json`, new: 0, existing: 6, resolved: [], outside_window: 11 });
  });

  it('lists as resolved a baseline flag in the window that is gone, and one whose record is gone and undated', async () => {
    const dir = tmp();
    const flag = (id: string, record_id: string, record_date?: string) => ({
      id,
      rule: 'label.aggressive',
      case_id: '1004417',
      record_id,
      ...(record_date && { record_date }),
    });
    writeFileSync(
      `${dir}/base.json`,
      JSON.stringify({
        schema_version: '1.2.0',
        flags: [
          flag('aaaaaaaaaaaaaaaa', '5202245'), // a record in the window: the flag is gone, so resolved
          flag('bbbbbbbbbbbbbbbb', '5201738'), // a record before the window, read for context: not this run's to judge
          flag('cccccccccccccccc', 'gone-1', '2022-01-05'), // a record no longer in the export, dated before the window
          flag('dddddddddddddddd', 'gone-2', '2023-07-01'), // ... dated in it: resolved
          flag('eeeeeeeeeeeeeeee', 'gone-3'), // ... with no date known: resolved, as without a window
          flag('ffffffffffffffff', '5202127', '2022-01-01'), // read in the window this run: this run's date wins, so resolved
        ],
      }),
    );
    const report = await baselineRun(['--baseline', `${dir}/base.json`]);
    expect(report.baseline.resolved.map((f: { id: string }) => f.id)).toEqual(['ffffffffffffffff', 'aaaaaaaaaaaaaaaa', 'dddddddddddddddd', 'eeeeeeeeeeeeeeee']);
    expect([report.baseline.new, report.baseline.existing, report.baseline.outside_window]).toEqual([6, 0, 2]);
    expect(report.baseline.resolved[1]).toEqual({ id: 'aaaaaaaaaaaaaaaa', rule: 'label.aggressive', case_id: '1004417', record_id: '5202245' });
  });

  it('creates a baseline of the window’s flags with --init-baseline', async () => {
    const dir = tmp();
    const report = await baselineRun(['--baseline', `${dir}/b.json`, '--init-baseline']);
    expect(report.baseline).toMatchObject({ new: 0, existing: 6, resolved: [], outside_window: 0 });
    expect(JSON.parse(readFileSync(`${dir}/b.json`, 'utf8')).flags).toHaveLength(6);
  });

  it('applies reviewed entries in the window, and does not call an entry for a flag outside it stale', async () => {
    const dir = tmp();
    const entry = (id: string) => `  - id: ${id}\n    reviewer: J. Okoro\n    date: 2025-05-02\n    reason: Evidenced in the strategy discussion.\n`;
    // 834f9507bae395c9: "aggressive" on 19/09/2023, in the window; 58af1abf48e7165a: its first use, 18/10/2022, outside; ffff…: no flag at all.
    writeFileSync(`${dir}/reviewed.yaml`, `reviewed:\n${entry('834f9507bae395c9')}${entry('58af1abf48e7165a')}${entry('ffffffffffffffff')}`);
    const report = await baselineRun(['--reviewed', `${dir}/reviewed.yaml`]);
    expect(report.flags.filter((f: FlagLike) => f.review).map((f: FlagLike) => f.id)).toEqual(['834f9507bae395c9']);
    expect(report.reviewed.applied).toBe(1);
    expect(report.reviewed.stale.map((e: { id: string }) => e.id)).toEqual(['ffffffffffffffff']);
  });
});

describe('merge of windowed parts', () => {
  it('merges parts of one window, summing its records, and refuses parts of different windows', async () => {
    const dir = tmp();
    const files = [EXPORT, 'fixtures/exports/canonical-notes.csv'];
    const args = ['--format', 'json', '--fail-on', 'never', '--as-of', '2025-06-30', '-q', ...WINDOW];
    for (const [i, f] of files.entries()) expect((await runCli(['audit', f, ...args, '--output', `${dir}/part-${i}.json`])).code).toBe(0);
    const whole = JSON.parse((await runCli(['audit', ...files, ...args])).stdout);
    const merged = await runCli(['merge', `${dir}/part-0.json`, `${dir}/part-1.json`]);
    expect(merged.code).toBe(0);
    const report = JSON.parse(merged.stdout);
    expect(report.run.window).toEqual(whole.run.window);
    expect(report.summary.records_audited).toBe(whole.summary.records_audited);
    expect(report.flags.map((f: FlagLike) => f.id).sort()).toEqual(whole.flags.map((f: FlagLike) => f.id).sort());

    expect((await runCli(['audit', files[1], ...args.slice(0, -4), '--since', '2023-06-01', '--output', `${dir}/other.json`])).code).toBe(0);
    const refused = await runCli(['merge', `${dir}/part-0.json`, `${dir}/other.json`]);
    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr: `scrutineer: ${dir}/other.json was audited with the window from 2023-06-01, ${dir}/part-0.json with the window 2023-06-01 to 2023-09-30; merge parts audited for the same window\n`,
    });
  });
});
