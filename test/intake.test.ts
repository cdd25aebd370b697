import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs, resolveInputs } from '../src/intake/read-inputs.ts';
import { loadProfiles } from '../src/intake/profiles.ts';
import type { IntakeOptions } from '../src/intake/read-export.ts';
import type { CanonicalRecord, InputSummary, IntakeWarning, RejectedRow } from '../src/model/record.ts';
import { UserError } from '../src/model/errors.ts';
import { runCli } from './support/run-cli.ts';

const profiles = loadProfiles();

async function read(paths: string[], options: Partial<IntakeOptions> = {}) {
  const records: CanonicalRecord[] = [];
  const rejected: RejectedRow[] = [];
  const summaries: InputSummary[] = [];
  const warnings: IntakeWarning[] = [];
  for await (const item of readInputs(resolveInputs(paths), { profiles, dateOrder: 'dmy', ...options }, summaries, warnings)) {
    if (item.record) records.push(item.record);
    else rejected.push(item.rejected);
  }
  return { records, rejected, summaries, warnings };
}

const intake = (name: string) => `fixtures/intake/${name}`;
const idsAndLines = (records: CanonicalRecord[]) => records.map((r) => [r.record_id, r.source.line]);

describe('encodings and delimiters', () => {
  it.each([
    ['utf8-bom-comma-crlf.csv', 'utf-8', ',', ['bom-1', 'bom-2', 'bom-3', 'bom-4']],
    ['utf8-nobom-semicolon-lf.csv', 'utf-8', ';', ['semi-1', 'semi-2', 'semi-3', 'semi-4']],
    ['utf16le-bom-tab.csv', 'utf-16le', 'tab', ['u16-1', 'u16-2', 'u16-3']],
    ['cp1252-comma.csv', 'windows-1252', ',', ['cp-1', 'cp-2', 'cp-3', 'cp-4']],
    ['pipe-delimited.csv', 'utf-8', '|', ['pipe-1', 'pipe-2', 'pipe-3', 'pipe-4']],
  ])('%s is read as %s, %s-delimited', async (file, encoding, delimiter, ids) => {
    const { records, rejected, summaries } = await read([intake(file)]);
    expect(rejected).toEqual([]);
    expect(summaries[0]).toMatchObject({ encoding, delimiter, profile: 'canonical', rows_read: ids.length, rows_audited: ids.length, rows_rejected: 0 });
    expect(idsAndLines(records)).toEqual(ids.map((id, i) => [id, i + 2]));
  });

  it('decodes Windows-1252 smart quotes, pound signs and dashes to the right characters', async () => {
    const text = (await read([intake('cp1252-comma.csv')])).records.map((r) => `${r.subject_name} ${r.text}`).join('\n');
    for (const s of ['Chloé Bennett', '£35', '“worth every penny”', '‘brilliant’', '–', 'Dad’s', '£420']) expect(text).toContain(s);
    expect(text).not.toMatch(/[\u0080-\u009f]/);
  });

  it('keeps the BOM out of the first header and UTF-16 text intact', async () => {
    const [bom] = (await read([intake('utf8-bom-comma-crlf.csv')])).records;
    expect(bom.record_id).toBe('bom-1');
    const u16 = (await read([intake('utf16le-bom-tab.csv')])).records;
    expect(u16[0].subject_name).toBe('Zoë Clarke');
    expect(u16[2].text).toContain('\t');
  });

  it('honours --delimiter and --encoding over detection', async () => {
    await expect(read([intake('cp1252-comma.csv')], { encoding: 'utf-8' })).rejects.toThrow(
      /^fixtures\/intake\/cp1252-comma.csv: byte 0x[0-9a-f]{2} at byte offset \d+ \(line \d+\) cannot be decoded as utf-8 \(if the file was saved by Excel on Windows, try --encoding windows-1252\)$/,
    );
    const { summaries } = await read([intake('pipe-delimited.csv')], { delimiter: '|' });
    expect(summaries[0].delimiter).toBe('|');
  });

  it('decodes strictly past the sniffing window: an invalid byte at 70 KB names its offset and line', async () => {
    await expect(read([intake('invalid-utf8.csv')])).rejects.toThrow(
      new UserError(
        'fixtures/intake/invalid-utf8.csv: byte 0xff at byte offset 71974 (line 327) cannot be decoded as utf-8 (if the file was saved by Excel on Windows, try --encoding windows-1252)',
      ),
    );
    const asCp1252 = await read([intake('invalid-utf8.csv')], { encoding: 'windows-1252' });
    expect(asCp1252.records.find((r) => r.record_id === 'iv-bad')!.text).toContain('ÿ50 nursery fee');
    expect(asCp1252.records).toHaveLength(328);
  });

  it('reads standard input', async () => {
    const sources = resolveInputs(['-'], () => Readable.from([Buffer.from('record_id,case_id,record_date,text\nR1,C1,01/02/2023,Seen at home.\n')]));
    const records: CanonicalRecord[] = [];
    for await (const item of readInputs(sources, { profiles, dateOrder: 'dmy' }, [], [])) if (item.record) records.push(item.record);
    expect(records.map((r) => [r.source.path, r.record_id, r.record_date])).toEqual([['-', 'R1', '2023-02-01']]);
  });
});

describe('dates', () => {
  it.each([
    [
      'dates-iso.csv',
      [
        ['2023-03-14', '2023-03-14T09:30'],
        ['2023-02-01', '2023-02-01T16:45'],
        ['2023-06-05', '2023-06-05T09:05'],
        ['2022-12-31', '2023-01-03'],
      ],
    ],
    [
      'dates-dmy-slash.csv',
      [
        ['2023-03-14', '2023-03-14T11:02'],
        ['2023-02-01', '2023-02-01T16:45'],
        ['2023-06-05', '2023-06-06T09:05'],
        ['2022-12-31', '2023-01-03T08:00'],
      ],
    ],
    [
      'dates-dmy-mon.csv',
      [
        ['2023-03-14', '2023-03-14T16:05'],
        ['2023-02-01', '2023-02-01T09:00'],
        ['2023-06-05', '2023-06-05T10:15'],
        ['2022-09-30', '2022-09-30'],
      ],
    ],
    [
      'dates-long.csv',
      [
        ['2023-03-14', '2023-03-14T16:05'],
        ['2023-02-01', '2023-02-01T09:00'],
        ['2023-06-05', '2023-06-05'],
        ['2022-09-30', '2022-10-03T10:00'],
      ],
    ],
  ])('%s', async (file, expected) => {
    const { records, rejected } = await read([intake(file)]);
    expect(rejected).toEqual([]);
    expect(records.map((r) => [r.record_date, r.recorded_at])).toEqual(expected);
    expect(records.every((r) => r.subject_dob === '2016-07-02')).toBe(true);
  });

  it('reads month-first with --date-order mdy, and says so when day-first fails', async () => {
    const mdy = await read([intake('dates-mdy.csv')], { dateOrder: 'mdy' });
    expect(mdy.records.map((r) => [r.record_id, r.record_date, r.recorded_at, r.subject_dob])).toEqual([
      ['mdy-1', '2023-03-14', '2023-03-14T11:02', '2016-07-02'],
      ['mdy-2', '2023-04-05', '2023-04-05T16:45', '2019-01-06'],
      ['mdy-3', '2022-12-31', '2023-01-03T08:00', '2016-07-02'],
    ]);
    const dmy = await read([intake('dates-mdy.csv')]);
    expect(dmy.records.map((r) => [r.record_id, r.record_date])).toEqual([['mdy-2', '2023-05-04']]);
    expect(dmy.rejected).toEqual([
      {
        path: intake('dates-mdy.csv'),
        line: 2,
        record: 1,
        reason: "record_date: month 14 in '03/14/2023 09:30' does not exist (is the export month-first? try --date-order mdy)",
      },
      {
        path: intake('dates-mdy.csv'),
        line: 4,
        record: 3,
        reason: "record_date: month 31 in '12/31/2022' does not exist (is the export month-first? try --date-order mdy)",
      },
    ]);
  });
});

describe('rows with line breaks, and rows that are rejected', () => {
  it('counts physical lines, not records, and keeps note text exact', async () => {
    const { records } = await read([intake('multiline-notes.csv')]);
    expect(records.map((r) => [r.record_id, r.source.line, r.source.record])).toEqual([
      ['ml-1', 2, 1],
      ['ml-2', 3, 2],
      ['ml-3', 7, 3],
      ['ml-4', 8, 4],
      ['ml-5', 10, 5],
      ['ml-6', 12, 6],
    ]);
    expect(records[1].text).toBe(
      'First paragraph: Leo showed me his bedroom.\n\nSecond paragraph: he said "I like my new bed" and "my sister snores".\nThird line: no concerns.',
    );
    expect(records[3].text).toBe('Leo told me what he said to his sister:\n"Leave me alone," he said, "it\'s mine."');
  });

  it('lists every rejected row with its file, physical line, record number and reason', async () => {
    const { records, rejected, summaries } = await read([intake('rejects.csv')]);
    expect(idsAndLines(records)).toEqual([
      ['rj-01', 2],
      ['rj-02', 3],
      ['rj-06', 9],
      ['rj-09', 14],
    ]);
    const path = intake('rejects.csv');
    expect(rejected).toEqual([
      { path, line: 6, record: 3, reason: 'record_id is empty' },
      { path, line: 7, record: 4, reason: 'text is empty' },
      { path, line: 8, record: 5, reason: "record_date: day 31 in '31/02/2023' does not exist in that month" },
      { path, line: 11, record: 7, reason: 'expected 12 fields, found 14' },
      { path, line: 12, record: 8, reason: 'expected 12 fields, found 10' },
      { path, line: 13, record: 9, reason: `duplicate record_id 'rj-01' (first seen at ${path}:2)` },
    ]);
    expect(summaries[0]).toMatchObject({ rows_read: 10, rows_audited: 4, rows_rejected: 6 });
  });

  it('an unclosed quote at the end of the file rejects that row and keeps the rest', async () => {
    const sources = resolveInputs(['-'], () =>
      Readable.from([Buffer.from('record_id,case_id,record_date,text\r\nR1,C1,01/02/2023,Seen.\r\nR2,C1,02/02/2023,"Never closed\r\nsecond line\r\n')]),
    );
    const out: unknown[] = [];
    for await (const item of readInputs(sources, { profiles, dateOrder: 'dmy' }, [], [])) out.push(item.record ? item.record.record_id : item.rejected);
    expect(out).toEqual(['R1', { path: '-', line: 3, record: 2, reason: 'a quoted field is never closed (an opening " with no closing ")' }]);
  });

  it('a header without a required field stops with the closest-looking column', async () => {
    const result = await runCli(['audit', intake('missing-required-column.csv')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "scrutineer: fixtures/intake/missing-required-column.csv: no column for the required field 'text' (profile canonical); columns found: record_id, case_id, subject_id, subject_name, subject_dob, subject_gender, record_date, recorded_at, author, team, record_type, note_txt; the closest-looking column is 'note_txt' (use --map text=note_txt if it is the one)\n",
    );
    const mapped = await runCli(['audit', intake('missing-required-column.csv'), '--map', 'text=note_txt', '--format', 'json', '--fail-on', 'never']);
    expect(mapped.code).toBe(0);
    expect(JSON.parse(mapped.stdout).summary.records_audited).toBeGreaterThan(0);
  });

  it('--strict turns a rejection into exit 2, after writing the report', async () => {
    const result = await runCli(['audit', intake('rejects.csv'), '--strict', '--format', 'json', '--fail-on', 'never']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).rejected_rows).toHaveLength(6);
    expect(result.stderr).toContain(`scrutineer: 6 of ${JSON.parse(result.stdout).summary.rows_read} rows rejected, more than --strict allows\n`);
  });
});

describe('column profiles', () => {
  it.each([
    ['fixtures/exports/liquidlogic-casenotes.csv', 'liquidlogic-lcs'],
    ['fixtures/exports/mosaic-casenotes.csv', 'mosaic'],
    ['fixtures/exports/carefirst-notes.txt', 'carefirst'],
    ['fixtures/exports/canonical-notes.csv', 'canonical'],
  ])('%s is read with the %s profile', async (path, profile) => {
    const { summaries, rejected, records } = await read([path]);
    expect(summaries[0].profile).toBe(profile);
    expect(rejected).toEqual([]);
    expect(records.every((r) => r.record_id && r.case_id && /^\d{4}-\d{2}-\d{2}$/.test(r.record_date) && r.text)).toBe(true);
  });

  it('Liquidlogic extracts with no case column use the child as the case', async () => {
    const { records } = await read(['fixtures/exports/liquidlogic-casenotes.csv']);
    expect(records.every((r) => r.case_id === r.subject_id)).toBe(true);
    expect(new Set(records.map((r) => r.subject_gender))).toEqual(new Set(['male', 'female']));
  });

  it('--profile forces a profile, and an unknown one is refused', async () => {
    await expect(read(['fixtures/exports/mosaic-casenotes.csv'], { profile: 'carefirst' })).rejects.toThrow(
      /no column for the required field 'record_id' \(profile carefirst\)/,
    );
    await expect(read(['fixtures/exports/mosaic-casenotes.csv'], { profile: 'nosuch' })).rejects.toThrow(
      "unknown profile 'nosuch'; known profiles: canonical, carefirst, liquidlogic-lcs, mosaic",
    );
  });

  it('a folder of exports is read in name order', async () => {
    const { summaries } = await read(['fixtures/exports']);
    expect(summaries.map((s) => s.path)).toEqual([
      'fixtures/exports/canonical-notes.csv',
      'fixtures/exports/carefirst-notes.txt',
      'fixtures/exports/liquidlogic-casenotes.csv',
      'fixtures/exports/mosaic-casenotes.csv',
    ]);
  });
});

describe('what Excel writes into a CSV', () => {
  it('a `sep=;` first line names the delimiter, the header follows it, and lines are still counted from the top', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-sep-'));
    const path = join(dir, 'excel.csv');
    writeFileSync(
      path,
      'sep=;\r\nrecord_id;case_id;subject_name;record_date;author;text\r\nR1;C1;Amy Lee;14-Mar-23;Sam Ray;"Visit; all well."\r\nR2;C1;Amy Lee;44999;Sam Ray;"Seen; well."\r\nR3;C1;Amy Lee;31/02/23;Sam Ray;Bad date.\r\n',
    );
    const r = await runCli(['audit', path, '-f', 'json', '--fail-on', 'never', '-q', '--mentions']);
    const report = JSON.parse(r.stdout);
    expect(report.inputs[0]).toMatchObject({ delimiter: ';', rows_read: 3, rows_audited: 2, rows_rejected: 1 });
    expect(report.rejected_rows).toEqual([{ path, line: 5, record: 3, reason: "record_date: day 31 in '31/02/23' does not exist in that month" }]);
  });
});
