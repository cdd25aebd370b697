import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { repoPath, runCli } from './support/run-cli.ts';
import { CSV_COLUMNS, excelText, neutralise } from '../src/report/formats/csv.ts';

const SAMPLE = 'fixtures/exports/liquidlogic-casenotes.csv';
const HOSTILE = 'fixtures/hostile/hostile-notes.csv';
const ALL = 'fixtures/exports';
const tmp = () => mkdtempSync(join(tmpdir(), 'scrutineer-formats-'));
const base = ['--as-of', '2025-06-30', '--fail-on', 'never'];

async function jsonOf(args: string[]) {
  const r = await runCli(['audit', ...args, '--format', 'json', ...base]);
  return JSON.parse(r.stdout);
}

describe('every format from one report', () => {
  it('writes several formats in one run, each to its own file', async () => {
    const dir = tmp();
    const result = await runCli([
      'audit',
      ALL,
      ...base,
      '--format',
      'json',
      '--output',
      `${dir}/r.json`,
      '--format',
      'csv',
      '--output',
      `${dir}/r.csv`,
      '--format',
      'ndjson',
      '--output',
      `${dir}/r.ndjson`,
      '--format',
      'junit',
      '--output',
      `${dir}/r.xml`,
      '--format',
      'markdown',
      '--output',
      `${dir}/r.md`,
      '--format',
      'html',
      '--output',
      `${dir}/r.html`,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const report = JSON.parse(readFileSync(`${dir}/r.json`, 'utf8'));
    const ids = report.flags.map((f: { id: string }) => f.id);
    expect(ids.length).toBeGreaterThan(10);
    const ndjson = readFileSync(`${dir}/r.ndjson`, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l).id);
    expect(ndjson).toEqual(ids);
    const csv = parse(readFileSync(`${dir}/r.csv`, 'utf8').slice(1), { columns: true }) as Record<string, string>[];
    expect(csv.map((r) => r.flag_id)).toEqual(ids);
    const html = readFileSync(`${dir}/r.html`, 'utf8');
    for (const id of ids) expect(html).toContain(id);
    for (const ext of ['json', 'csv', 'ndjson', 'xml', 'md', 'html']) expect(statSync(`${dir}/r.${ext}`).mode & 0o777).toBe(0o600);
  });

  it('refuses two formats for stdout', async () => {
    const result = await runCli(['audit', SAMPLE, '--format', 'json', '--format', 'csv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('scrutineer: only one format can go to stdout; give the others --output (formats: json, csv)\n');
  });
});

describe('csv', () => {
  it('is ready for Excel: BOM, CRLF, the flat columns, every cell quoted', async () => {
    const out = (await runCli(['audit', SAMPLE, '--format', 'csv', ...base])).stdout;
    expect(
      out.startsWith(
        '\ufeff"flag_id","case_id","record_id","record_date","author","team","category","rule","label","status","severity","standards","message","snippet","related_record_ids","baseline","reviewed_by","review_reason","review_decision","review_reason_code"\r\n',
      ),
    ).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/\n(?!.*")/);
    const rows = parse(out.slice(1), { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...CSV_COLUMNS]);
    expect(rows[0]).toMatchObject({
      case_id: '1004417',
      record_id: '5201738',
      record_date: '2022-10-18',
      rule: 'label.aggressive',
      severity: 'warning',
      standards: '3.11 3.5 3.7',
    });
  });

  it('neutralises cells a spreadsheet would run, from hostile notes and columns', async () => {
    const out = (await runCli(['audit', HOSTILE, '--format', 'csv', ...base])).stdout;
    const cells = (parse(out.slice(1), { record_delimiter: '\r\n' }) as string[][]).flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(cells).toContain(`'=HYPERLINK("http://example.invalid/x","open")`);
    expect(neutralise('\tcmd')).toBe("'\tcmd");
    expect(neutralise('Mother is aggressive')).toBe('Mother is aggressive');
  });
});

describe('csv ids for Excel (--excel-ids)', () => {
  // Ids Excel would change: leading zeros, 18 digits (shown as 1.23457E+17, digits lost), an id
  // that would be a formula, an id with a quote in it.
  const header = 'record_id,case_id,subject_id,subject_name,subject_dob,subject_gender,record_date,recorded_at,author,team,record_type,text';
  const exportText = [
    header,
    '0012345,000777,P-1,Amy Stone,04/09/2017,F,02/03/2024,02/03/2024 15:10,Priya Shah,Team A,Case note,Mother is aggressive and was shouting at the door.',
    '123456789012345678,=1+1,P-2,Ben Stone,04/09/2016,M,03/03/2024,03/03/2024 15:10,Priya Shah,Team A,Case note,Mr Stone is hostile at every visit.',
    '"R""9",00,P-3,Cy Stone,04/09/2015,M,04/03/2024,04/03/2024 15:10,Priya Shah,Team A,Case note,Father is aggressive.',
  ].join('\n');
  const rowsOf = (out: string) => parse(out.slice(1), { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
  const ids = ['flag_id', 'case_id', 'record_id', 'related_record_ids'];

  it('leaves ids exactly as the export has them by default', async () => {
    const out = (await runCli(['audit', '-', '--format', 'csv', ...base], { stdin: exportText })).stdout;
    expect(rowsOf(out).map((r) => [r.case_id, r.record_id])).toEqual([
      ['00', 'R"9'],
      ['000777', '0012345'],
      ["'=1+1", '123456789012345678'],
    ]);
  });

  it('writes every id cell, and only those, as a text constant that shows the id', async () => {
    const plain = rowsOf((await runCli(['audit', '-', '--format', 'csv', ...base], { stdin: exportText })).stdout);
    const out = (await runCli(['audit', '-', '--format', 'csv', '--excel-ids', ...base], { stdin: exportText })).stdout;
    expect(out.split('\r\n')[1]).toMatch(/^"=""[0-9a-f]{16}""","=""00""","=""R""""9""","2024-03-04",/);
    const excel = rowsOf(out);
    expect(excel.map((r) => [r.case_id, r.record_id])).toEqual([
      ['="00"', '="R""9"'],
      ['="000777"', '="0012345"'],
      ['="=1+1"', '="123456789012345678"'],
    ]);
    expect(excel.map((r) => r.flag_id)).toEqual(plain.map((r) => `="${r.flag_id}"`));
    expect(excel.map((r) => r.related_record_ids)).toEqual(plain.map(() => ''));
    // Every other column is as without the option.
    for (const [i, row] of excel.entries()) {
      for (const column of CSV_COLUMNS) if (!ids.includes(column)) expect(row[column]).toBe(plain[i][column]);
    }
    // The only formulas are text constants: ="…" with every inner quote doubled.
    const cells = (parse(out.slice(1), { record_delimiter: '\r\n' }) as string[][]).flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^="(?:[^"]|"")*"$/.test(c))).toEqual([]);
  });

  it('keeps empty ids empty and writes ids too long for an Excel constant as plain, neutralised cells', () => {
    expect(excelText('')).toBe('');
    expect(excelText('0'.repeat(255))).toBe(`="${'0'.repeat(255)}"`);
    expect(excelText('0'.repeat(256))).toBe('0'.repeat(256));
    expect(excelText(`=${'1'.repeat(255)}`)).toBe(`'=${'1'.repeat(255)}`);
    expect(excelText('5201769 5201770')).toBe('="5201769 5201770"');
  });

  it('is set by excel_ids in the config file, and the related ids of a finding are wrapped as one cell', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'scrutineer.yaml'), 'excel_ids: true\n');
    const out = (await runCli(['audit', SAMPLE, '--format', 'csv', '-c', join(dir, 'scrutineer.yaml'), ...base])).stdout;
    const rows = rowsOf(out);
    expect(rows[0]).toMatchObject({ case_id: '="1004417"', record_id: '="5201738"' });
    expect(rows.find((r) => r.rule === 'duplication.copied-passage')?.related_record_ids).toBe('="5201769"');
  });
});

describe('junit and markdown for CI', () => {
  it('junit has a test case per flagged case, failed at the threshold, and no record text by default', async () => {
    const out = (await runCli(['audit', SAMPLE, '--format', 'junit', '--as-of', '2025-06-30', '--fail-on', 'error'])).stdout;
    const report = await jsonOf([SAMPLE]);
    const flaggedCases = new Set(report.flags.map((f: { case_id: string }) => f.case_id));
    const errorCases = new Set(report.flags.filter((f: { severity: string }) => f.severity === 'error').map((f: { case_id: string }) => f.case_id));
    const clean = report.summary.cases_audited - flaggedCases.size;
    expect(out).toMatch(new RegExp(`<testsuites name="scrutineer" tests="${flaggedCases.size + (clean ? 1 : 0)}" failures="${errorCases.size}">`));
    expect((out.match(/<failure /g) ?? []).length).toBe(errorCases.size);
    expect((out.match(/<testcase /g) ?? []).length).toBe(flaggedCases.size + (clean ? 1 : 0));
    if (clean) expect(out).toContain(`name="${clean} cases with no flags"`);
    expect(out).not.toContain('Dad is an alcoholic');
    expect(out).toContain('“…”');
    const withText = (await runCli(['audit', SAMPLE, '--format', 'junit', '--snippets', '--as-of', '2025-06-30', '--fail-on', 'error'])).stdout;
    expect(withText).toContain('“alcoholic”');
  });

  it('markdown summarises counts and rates without record text', async () => {
    const out = (await runCli(['audit', SAMPLE, '--format', 'markdown', ...base])).stdout;
    const report = await jsonOf([SAMPLE]);
    expect(out).toContain(
      `As of 2025-06-30: **${report.summary.records_audited}** records audited in **${report.summary.cases_audited}** cases (0 rows rejected).`,
    );
    expect(out).toContain(`| error | ${report.summary.by_severity.error} |`);
    expect(out).toContain(`Flags per 100 records: **${report.summary.rates.per_100_records.all}**`);
    expect(out).not.toMatch(/Mother is|Dad is|aggressive”/);
  });
});

describe('rates make samples comparable', () => {
  it('gives flags per 100 records and per case, by category, standard, team and author', async () => {
    const r = await jsonOf([SAMPLE]);
    const s = r.summary;
    expect(s.rates.per_100_records.all).toBe(Math.round((s.flags / s.records_audited) * 10000) / 100);
    expect(s.rates.per_case.all).toBe(Math.round((s.flags / s.cases_audited) * 100) / 100);
    const teams = Object.values(s.rates.by_team) as { records: number; flags: number }[];
    expect(teams.reduce((n, t) => n + t.records, 0)).toBe(s.records_audited);
    expect(teams.reduce((n, t) => n + t.flags, 0)).toBe(s.flags);
    const authors = Object.values(s.rates.by_author) as { records: number }[];
    expect(authors.reduce((n, t) => n + t.records, 0)).toBe(s.records_audited);
  });
});

describe('baselines', () => {
  it('marks flags new or existing, lists resolved ones, and fails only on new flags', async () => {
    const dir = tmp();
    const old = `${dir}/old.json`;
    // The earlier audit saw only part of the export.
    const lines = readFileSync(SAMPLE, 'utf8').split('\r\n');
    const partial = `${dir}/partial.csv`;
    writeFileSync(partial, lines.slice(0, 60).join('\r\n') + '\r\n');
    expect((await runCli(['audit', partial, '--format', 'json', '--output', old, ...base])).code).toBe(0);
    const before = JSON.parse(readFileSync(old, 'utf8'));
    const same = await runCli(['audit', partial, '--format', 'json', '--baseline', old, '--as-of', '2025-06-30', '--fail-on', 'info']);
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout).baseline).toEqual({ path: old, new: 0, existing: before.flags.length, resolved: [] });
    const now = await runCli(['audit', SAMPLE, '--format', 'json', '--baseline', old, '--as-of', '2025-06-30', '--fail-on', 'info']);
    expect(now.code).toBe(1);
    const report = JSON.parse(now.stdout);
    expect(report.baseline.existing).toBe(before.flags.length);
    expect(report.baseline.new).toBe(report.flags.length - before.flags.length);
    expect(
      report.flags
        .filter((f: { baseline: string }) => f.baseline === 'existing')
        .map((f: { id: string }) => f.id)
        .sort(),
    ).toEqual(before.flags.map((f: { id: string }) => f.id).sort());
    // Run backwards: what the later export had and the partial one does not is resolved.
    const back = JSON.parse(
      (await runCli(['audit', partial, '--format', 'json', '--output', `${dir}/new.json`, ...base])).stdout || readFileSync(`${dir}/new.json`, 'utf8'),
    );
    const full = `${dir}/full.json`;
    writeFileSync(full, now.stdout);
    const resolved = JSON.parse((await runCli(['audit', partial, '--format', 'json', '--baseline', full, ...base])).stdout).baseline;
    expect(resolved.resolved.length).toBe(report.flags.length - back.flags.length);
  });

  it('a baseline that is not a report is a clear error', async () => {
    const result = await runCli(['audit', SAMPLE, '--baseline', SAMPLE]);
    expect(result).toMatchObject({
      code: 2,
      stderr: `scrutineer: --baseline ${SAMPLE}: not a JSON report (line 1, column 1: expected a JSON value, found 'F')\n`,
    });
  });
});

describe('reviewed flags', () => {
  it('stay in the JSON with the reason, do not fail the run, hide from the terminal, and stale entries are reported', async () => {
    const report = await jsonOf([SAMPLE]);
    const errors = report.flags.filter((f: { severity: string }) => f.severity === 'error');
    const dir = tmp();
    const file = `${dir}/reviewed.yaml`;
    const entries = errors
      .map(
        (f: { id: string }) =>
          `  - id: ${f.id}\n    reviewer: J. Okoro\n    date: 2025-05-02\n    reason: Evidenced in the strategy discussion of 04/05/2023.\n`,
      )
      .join('');
    writeFileSync(
      file,
      `reviewed:\n${entries}  - id: 0123456789abcdef\n    reviewer: J. Okoro\n    date: 2025-05-02\n    reason: A flag that no longer exists.\n`,
    );
    const json = await runCli(['audit', SAMPLE, '--format', 'json', '--reviewed', file, '--as-of', '2025-06-30', '--fail-on', 'error']);
    expect(json.code).toBe(0);
    const reviewed = JSON.parse(json.stdout);
    const marked = reviewed.flags.filter((f: { review?: unknown }) => f.review);
    expect(marked).toHaveLength(errors.length);
    expect(marked[0].review).toEqual({
      status: 'reviewed',
      decision: 'dismissed',
      reason_code: 'other',
      reviewer: 'J. Okoro',
      date: '2025-05-02',
      reason: 'Evidenced in the strategy discussion of 04/05/2023.',
    });
    expect(reviewed.reviewed).toEqual({
      path: file,
      applied: errors.length,
      stale: [
        {
          id: '0123456789abcdef',
          decision: 'dismissed',
          reason_code: 'other',
          reviewer: 'J. Okoro',
          date: '2025-05-02',
          reason: 'A flag that no longer exists.',
        },
      ],
    });
    expect(json.stderr).toContain(`scrutineer: reviewed flag 0123456789abcdef (J. Okoro, 2025-05-02) matches no flag in this run; remove it from ${file}`);
    const terminal = await runCli(['audit', SAMPLE, '--format', 'terminal', '--reviewed', file, ...base]);
    expect(terminal.stdout).not.toContain(errors[0].message.slice(0, 60));
    expect(terminal.stdout).toContain(`${errors.length} dismissed flags not shown (--show-reviewed shows them)`);
    const shown = await runCli(['audit', SAMPLE, '--format', 'terminal', '--reviewed', file, '--show-reviewed', ...base]);
    expect(shown.stdout).toContain('dismissed by J. Okoro 2025-05-02: Evidenced in the strategy discussion of 04/05/2023.');
  });

  it('an entry without a reason is refused with its line', async () => {
    const file = `${tmp()}/reviewed.yaml`;
    writeFileSync(file, 'reviewed:\n  - id: 0123456789abcdef\n    reviewer: J. Okoro\n    date: 2025-05-02\n');
    const result = await runCli(['audit', SAMPLE, '--reviewed', file]);
    expect(result).toMatchObject({ code: 2, stderr: `scrutineer: ${file}:2:5: missing 'reason' (every entry needs id, reviewer, date and reason)\n` });
  });
});

describe('sampling whole cases', () => {
  it('picks the same cases for the same seed, and records the sample', async () => {
    const a = await jsonOf([ALL, '--sample', '5', '--seed', 'march-2025']);
    const b = await jsonOf([ALL, '--sample', '5', '--seed', 'march-2025']);
    const c = await jsonOf([ALL, '--sample', '5', '--seed', 'april-2025']);
    const cases = (r: { flags: { case_id: string }[] }) => [...new Set(r.flags.map((f) => f.case_id))].sort();
    expect(a.run.sample).toEqual({ requested: '5', seed: 'march-2025', cases_total: 16, cases_selected: 5 });
    expect(a.summary.cases_audited).toBe(5);
    expect(cases(a)).toEqual(cases(b));
    expect(a.flags.map((f: { id: string }) => f.id)).toEqual(b.flags.map((f: { id: string }) => f.id));
    expect(JSON.stringify(cases(c))).not.toBe(JSON.stringify(cases(a)));
    expect(a.summary.records_audited + a.summary.rows_rejected + a.summary.rows_outside_sample).toBe(a.summary.rows_read);
  });

  it('every per-input count says how many rows were outside the sample, as the totals do (terminal, html, stderr)', async () => {
    const args = ['audit', SAMPLE, '--sample', '50%', '--fail-on', 'never', '--as-of', '2025-06-30'];
    const terminal = await runCli([...args, '--format', 'terminal']);
    const report = await jsonOf([SAMPLE, '--sample', '50%']);
    const outside = report.inputs[0].rows_outside_sample;
    expect(outside).toBeGreaterThan(0);
    const counts = `${report.inputs[0].rows_read} rows read, ${report.inputs[0].rows_audited} audited, 0 rejected, ${outside} outside the sample`;
    expect(terminal.stdout).toContain(`delimited; ${counts}\n`);
    expect(terminal.stdout).toContain(`${outside} outside the sample; `);
    expect(terminal.stderr).toContain(
      `${report.inputs[0].rows_audited} of ${report.inputs[0].rows_read} rows audited, 0 rejected, ${outside} outside the sample`,
    );
    const dir = tmp();
    expect((await runCli([...args, '--format', 'html', '--output', `${dir}/r.html`, '-q'])).code).toBe(0);
    const html = readFileSync(`${dir}/r.html`, 'utf8');
    expect(html).toContain('<th scope="col" class="num">Outside the sample</th>');
    expect(html).toContain(`<td class="num">${outside}</td><td><code title=`);
    // Without a sample, no such column.
    expect((await runCli(['audit', SAMPLE, '--fail-on', 'never', '--format', 'html', '--output', `${dir}/all.html`, '-q'])).code).toBe(0);
    expect(readFileSync(`${dir}/all.html`, 'utf8')).not.toContain('Outside the sample');
  });

  it('takes a percentage in one pass, also from standard input', async () => {
    const r = await runCli(['audit', '-', '--sample', '50%', '--seed', '3', '--format', 'json', ...base], {
      stdin: readFileSync('fixtures/exports/canonical-notes.csv'),
    });
    const report = JSON.parse(r.stdout);
    expect(report.run.sample.requested).toBe('50%');
    expect(report.run.sample.cases_total).toBe(3);
    expect(report.summary.cases_audited).toBe(report.run.sample.cases_selected);
    const count = await runCli(['audit', '-', '--sample', '2'], { stdin: 'x' });
    expect(count).toMatchObject({
      code: 2,
      stderr: 'scrutineer: --sample with a number of cases reads the input twice, so it cannot read standard input; use a percentage (--sample 10%)\n',
    });
  });
});

describe('privacy in every format', () => {
  const planted = [
    'Maisie',
    'Thornton',
    'Pennant',
    'Priya',
    '7700 900123',
    'olivia.pennant@example.invalid',
    '943 476 5919',
    'SW1A 1AA',
    '01632 960123',
    '11/01/2016',
  ];

  it('--no-snippets leaves record text out of every format', async () => {
    const dir = tmp();
    const args = ['audit', HOSTILE, ...base, '--no-snippets', '--mentions'];
    for (const f of ['json', 'csv', 'ndjson', 'junit', 'markdown', 'html', 'terminal']) args.push('--format', f, '--output', `${dir}/r.${f}`);
    expect((await runCli(args)).code).toBe(0);
    for (const f of ['json', 'csv', 'ndjson', 'junit', 'markdown', 'html', 'terminal']) {
      const text = readFileSync(`${dir}/r.${f}`, 'utf8');
      for (const p of [...planted.filter((x) => !['Priya'].includes(x)), 'Mother is', 'shouting', 'HYPERLINK("http://example.invalid/steal'])
        expect(text, `${f}: ${p}`).not.toContain(p);
    }
  });

  it('--no-snippets blanks the words of every mention and of the cue that decided it', async () => {
    const report = JSON.parse(
      (await runCli(['audit', repoPath('fixtures/exports/liquidlogic-casenotes.csv'), '--format', 'json', '--fail-on', 'never', '--mentions', '--no-snippets']))
        .stdout,
    );
    const cued = report.mentions.filter((m: { cue_span?: unknown }) => m.cue_span);
    expect(cued.length).toBeGreaterThan(5);
    for (const m of report.mentions) expect([m.span.text, m.cue ?? '', m.cue_span?.text ?? '']).toEqual(['', '', '']);
  });

  it('--redact masks names, dates, phone numbers, e-mail addresses, NHS numbers and postcodes in every format', async () => {
    const dir = tmp();
    const args = ['audit', HOSTILE, ...base, '--redact', '--snippets', '--mentions'];
    for (const f of ['json', 'csv', 'ndjson', 'junit', 'markdown', 'html', 'terminal']) args.push('--format', f, '--output', `${dir}/r.${f}`);
    expect((await runCli(args)).code).toBe(0);
    for (const f of ['json', 'csv', 'ndjson', 'junit', 'markdown', 'html', 'terminal']) {
      const text = readFileSync(`${dir}/r.${f}`, 'utf8');
      for (const p of planted) expect(text, `${f}: ${p}`).not.toContain(p);
    }
    const report = JSON.parse(readFileSync(`${dir}/r.json`, 'utf8'));
    expect(report.flags.find((f: { record_id: string }) => f.record_id === 'H-004').snippet.before).toContain('[name] is ');
  });
});

describe('trends across audits', () => {
  it('--history appends a line per run with no case content, and trend prints the series', async () => {
    const dir = tmp();
    const history = `${dir}/history.ndjson`;
    await runCli([
      'audit',
      'fixtures/exports/canonical-notes.csv',
      '--format',
      'json',
      '--output',
      `${dir}/a.json`,
      '--history',
      history,
      '--as-of',
      '2025-03-31',
      '--fail-on',
      'never',
    ]);
    await runCli(['audit', SAMPLE, '--format', 'json', '--output', `${dir}/b.json`, '--history', history, '--as-of', '2025-04-30', '--fail-on', 'never']);
    const lines = readFileSync(history, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.as_of, l.records])).toEqual([
      ['2025-03-31', 28],
      ['2025-04-30', 45],
    ]);
    expect(readFileSync(history, 'utf8')).not.toMatch(/aggressive”|Mother|Dad/);
    const trend = await runCli(['trend', history]);
    expect(trend.code).toBe(0);
    const [head, first, second] = trend.stdout.trimEnd().split('\n');
    expect(head).toMatch(/^as of\s+records\s+flags\/100\s+vs previous\s+vs first/);
    expect(first).toMatch(new RegExp(`^2025-03-31\\s+28\\s+${lines[0].per_100_records.all.toFixed(2)}`));
    const change = (lines[1].per_100_records.all - lines[0].per_100_records.all).toFixed(2);
    expect(second).toContain(`${Number(change) > 0 ? '+' : ''}${change}`);
  });
});

describe('every format whose work grows with the flags is written in pieces', () => {
  it('terminal, junit, summary, csv, ndjson, html and json: pieces of about PIECE_CHARS characters, steps between passes over every flag, the same text as the whole', async () => {
    const { Chalk } = await import('chalk');
    const { renderChunks, render } = await import('../src/report/formats/index.ts');
    const { PIECE_CHARS } = await import('../src/report/formats/pieces.ts');
    const report = await jsonOf([ALL, '--timeline']);
    // 30,000 flags over 3,000 cases and 40 teams.
    report.flags = Array.from({ length: 30_000 }, (_, i) => ({
      ...report.flags[i % report.flags.length],
      case_id: `C${i % 3000}`,
      team: `T${i % 40}`,
      id: `${i}`.padStart(16, '0'),
    }));
    report.summary.cases_audited = 3500;
    const ctx = { chalk: new Chalk({ level: 0 }), failOn: 'info' as const, showReviewed: false, history: true, recordText: true };
    for (const format of ['terminal', 'junit', 'summary', 'csv', 'ndjson', 'html', 'json'] as const) {
      const pieces = [...renderChunks(format, report, ctx)];
      expect(pieces.join(''), format).toBe(render(format, report, ctx));
      const text = pieces.filter(Boolean);
      // A piece ends after the part (a flag, a record's lines, a team's page) that fills it.
      expect(Math.max(...text.map((p) => p.length)), format).toBeLessThan(PIECE_CHARS + 16_384);
      if (format !== 'summary') expect(text.length, format).toBeGreaterThan(1);
      // Steps (empty pieces) where every flag is filtered, grouped or counted before any text.
      if (['terminal', 'junit', 'summary', 'html'].includes(format)) expect(pieces[0], format).toBe('');
    }
    // The markdown summary is bounded: its first 20 flags, however many there are.
    expect([...renderChunks('markdown', report, ctx)].join('').match(/^\| (?:error|warning|info) \| [a-z]/gm)).toHaveLength(20);
  });
});
