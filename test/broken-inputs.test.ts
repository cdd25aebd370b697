import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { runCli, repoPath } from './support/run-cli.ts';

const broken = (name: string) => `fixtures/broken/${name}`;
const json = ['--format', 'json', '--fail-on', 'never', '--as-of', '2025-06-30'];

async function outcome(file: string, extra: string[] = []) {
  const r = await runCli(['audit', broken(file), ...json, ...extra]);
  if (r.code !== 0) return { code: r.code, error: r.stderr };
  const report = JSON.parse(r.stdout);
  return {
    code: r.code,
    audited: report.summary.records_audited,
    rejected: report.rejected_rows.map((x: { line: number; reason: string }) => [x.line, x.reason]),
  };
}

describe('broken inputs: each gives a clear outcome and loses no row', () => {
  it.each([
    ['empty.csv', { code: 2, error: 'scrutineer: fixtures/broken/empty.csv: the file is empty\n' }],
    [
      'binary.csv',
      { code: 2, error: 'scrutineer: fixtures/broken/binary.csv: this looks like a binary file, not a CSV export (19 NUL bytes in the first 4096)\n' },
    ],
    [
      'xlsx-renamed.csv',
      {
        code: 2,
        error:
          'scrutineer: fixtures/broken/xlsx-renamed.csv: this is a ZIP file (an Excel .xlsx workbook?), not CSV; open it in Excel and save it as "CSV UTF-8"\n',
      },
    ],
    [
      'json-renamed.csv',
      {
        code: 2,
        error: "scrutineer: fixtures/broken/json-renamed.csv: this looks like JSON, not a CSV export (it starts with '['); export the records as CSV\n",
      },
    ],
    [
      'duplicate-headers.csv',
      {
        code: 2,
        error: "scrutineer: fixtures/broken/duplicate-headers.csv: the column 'text' (used for text) appears twice in the header, as columns 4 and 5\n",
      },
    ],
    [
      'header-only.csv',
      {
        code: 2,
        error:
          "fixtures/broken/header-only.csv: canonical profile, utf-8, ',' delimited; 0 of 0 rows audited, 0 rejected\nscrutineer: fixtures/broken/header-only.csv: the export holds no rows, only a header; nothing audited is not a pass\n",
      },
    ],
    ['unclosed-quote.csv', { code: 0, audited: 1, rejected: [[3, 'a quoted field is never closed (an opening " with no closing ")']] }],
    [
      'ragged.csv',
      {
        code: 0,
        audited: 2,
        rejected: [
          [3, 'expected 12 fields, found 14'],
          [4, 'expected 12 fields, found 4'],
        ],
      },
    ],
    ['duplicate-ids.csv', { code: 0, audited: 2, rejected: [[4, "duplicate record_id 'B-01' (first seen at fixtures/broken/duplicate-ids.csv:2)"]] }],
    ['utf16le-nobom.csv', { code: 0, audited: 1, rejected: [] }],
    ['mixed-line-endings.csv', { code: 0, audited: 3, rejected: [] }],
    ['nul-in-note.csv', { code: 0, audited: 1, rejected: [] }],
    [
      'every-row-rejected.csv',
      {
        code: 2,
        error:
          "fixtures/broken/every-row-rejected.csv: canonical profile, utf-8, ',' delimited; 0 of 2 rows audited, 2 rejected\nscrutineer: fixtures/broken/every-row-rejected.csv: none of its 2 rows could be audited (every one rejected; the report lists why); nothing audited is not a pass\n",
      },
    ],
    ['excel-saved.csv', { code: 0, audited: 2, rejected: [] }],
    [
      'dates-out-of-range.csv',
      {
        code: 0,
        audited: 1,
        rejected: [
          [2, "record_date: year 23 in '01/02/0023' is out of range (1900–2100)"],
          [3, "record_date: day 31 in '31/02/2023' does not exist in that month"],
        ],
      },
    ],
  ])('%s', async (file, expected) => {
    expect(await outcome(file)).toEqual(expected);
  });

  it('a record dated before the subject was born is audited and flagged, not lost', async () => {
    const r = await runCli(['audit', broken('before-birth.csv'), ...json]);
    const report = JSON.parse(r.stdout);
    expect(report.summary.records_audited).toBe(2);
    expect(report.flags.filter((f: { rule: string }) => f.rule === 'hygiene.before-birth').map((f: { record_id: string }) => f.record_id)).toEqual(['B-01']);
  });

  it('the wrong delimiter is named, with the one the header holds', async () => {
    const r = await runCli(['audit', 'fixtures/intake/utf8-nobom-semicolon-lf.csv', '--delimiter', ',']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\nThe header has a single column: is the delimiter right\? It contains ';' \(try --delimiter ';'\)\n$/);
  });

  it('mixed line endings split records at CRLF, LF and CR alike, and keep line breaks inside notes', async () => {
    const r = await runCli(['audit', broken('mixed-line-endings.csv'), ...json, '--mentions']);
    const report = JSON.parse(r.stdout);
    expect(report.inputs[0]).toMatchObject({ rows_read: 3, rows_audited: 3 });
  });

  it('UTF-16 without a BOM is recognised from its bytes and decoded', async () => {
    const r = await runCli(['audit', broken('utf16le-nobom.csv'), ...json]);
    expect(JSON.parse(r.stdout).inputs[0].encoding).toBe('utf-16le');
  });

  it('a NUL byte in a note is kept out of the terminal as \\x00, and the label after it is still read', async () => {
    const r = await runCli(['audit', broken('nul-in-note.csv'), '--format', 'terminal', '--fail-on', 'never']);
    expect(r.stdout).toContain('Seen at school.\\x00 Mother is ');
    expect(r.stdout).not.toContain('\u0000');
  });

  it('a 200 KB header line, record date and date of birth are cut with "…" in every message and in the report, not echoed whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-long-'));
    const long = (c: string) => c.repeat(200_000);
    const header = join(dir, 'long-header.csv');
    writeFileSync(header, `${long('x')},b\r\n1,2\r\n`);
    const r = await runCli(['audit', header, ...json]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^scrutineer: .*columns found: x+…\n$/);
    expect(r.stderr.length).toBeLessThan(420);
    const values = join(dir, 'long-values.csv');
    writeFileSync(
      values,
      `record_id,case_id,record_date,subject_dob,text\r\nR1,C1,${long('3')},01/01/2015,Seen.\r\nR2,C1,02/02/2024,${long('4')},Seen at home.\r\n`,
    );
    const v = await runCli(['audit', values, ...json]);
    expect(v.code).toBe(0);
    const report = JSON.parse(v.stdout);
    expect(report.rejected_rows).toHaveLength(1);
    expect(report.warnings).toHaveLength(1);
    for (const text of [report.rejected_rows[0].reason, report.warnings[0].message]) {
      expect(text.length).toBe(400);
      expect(text.endsWith('…')).toBe(true);
    }
    expect(report.rejected_rows[0].reason).toMatch(/^record_date: '3+…$/);
    const terminal = await runCli(['audit', values, '--format', 'terminal', '--fail-on', 'never', '--as-of', '2025-06-30']);
    expect(Math.max(...terminal.stdout.split('\n').map((l) => l.length))).toBeLessThan(500);
  });

  it('a 50 MB single note is audited, and a label at its very end is found', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-big-'));
    const path = join(dir, 'big-note.csv');
    const out = createWriteStream(path);
    out.write('record_id,case_id,record_date,text\r\nBIG-1,C-1,01/02/2024,"');
    const chunk = 'Visited the family at home. The children were seen together and then alone in their bedrooms, which were warm and tidy. '.repeat(1000);
    let length = 0;
    for (; length < 50 * 1024 * 1024; length += chunk.length) out.write(chunk);
    out.end('Mother is aggressive."\r\nSMALL-1,C-1,02/02/2024,Seen at school.\r\n');
    await once(out, 'finish');
    const r = await runCli(['audit', path, ...json]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.summary.records_audited).toBe(2);
    expect(report.flags.map((f: { record_id: string; rule: string; span: { start: number } }) => [f.record_id, f.rule, f.span.start])).toEqual([
      ['BIG-1', 'label.aggressive', length + 10],
    ]);
  }, 120_000);

  it('a note over 64 M characters (a quote left open) is rejected with its line and the reason, and the rest is audited', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-huge-'));
    const path = join(dir, 'open-quote.csv');
    const out = createWriteStream(path);
    out.write('record_id,case_id,record_date,text\r\nOK-1,C-1,01/02/2024,Seen at school.\r\nHUGE-1,C-1,02/02/2024,"');
    const chunk = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 65; i++) out.write(chunk);
    out.end('"\r\nOK-2,C-1,03/02/2024,Mother is aggressive.\r\n');
    await once(out, 'finish');
    const r = await runCli(['audit', path, ...json]);
    const report = JSON.parse(r.stdout);
    expect(report.summary.records_audited).toBe(2);
    expect(report.rejected_rows.map((row: { line: number; reason: string }) => [row.line, row.reason.slice(0, 61)])).toEqual([
      [3, 'text is 65 M characters, more than the 64 M a record may hold'],
    ]);
    expect(report.flags.map((f: { record_id: string; rule: string }) => [f.record_id, f.rule])).toEqual([['OK-2', 'label.aggressive']]);
  }, 120_000);
});

describe('interruptions and failing disks', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s (Ctrl-C, or kill) stops cleanly: exit %i and no report, whole or partial', async (signal, exit) => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-int-'));
    const child = spawn(repoPath('bin/scrutineer'), ['audit', '-', '--format', 'json', '--output', join(dir, 'report.json')], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // More than a pipe holds, so that the write drains only once the audit is reading its input
    // (its signal handlers are in place before it reads): a signal to wait for, not a fixed time.
    // Standard input stays open, as a long export still being read would be.
    const rows = Array.from({ length: 4000 }, (_, i) => `R${i},C${i % 50},01/02/2024,Visited the family. Mother is aggressive.\n`);
    if (!child.stdin.write(`record_id,case_id,record_date,text\n${rows.join('')}`)) await once(child.stdin, 'drain');
    child.kill(signal);
    const [code] = await once(child, 'exit');
    expect(code).toBe(exit);
    expect(stderr).toContain('scrutineer: interrupted; no report was written');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an output the system cannot hold is a clear error with exit 2 and no file left', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-full-'));
    const out = join(dir, 'report.json');
    const r = spawnSync(
      'bash',
      [
        '-c',
        `trap '' XFSZ; ulimit -f 4; "${repoPath('bin/scrutineer')}" audit "${repoPath('fixtures/exports')}" --format json --output "${out}" --fail-on never -q`,
      ],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`scrutineer: cannot write ${out}: the file is larger than this system allows\n`);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('hostile notes', () => {
  it('escape sequences in a note cannot reach the terminal', async () => {
    const r = await runCli(['audit', 'fixtures/hostile/hostile-notes.csv', '--format', 'terminal', '--fail-on', 'never'], { tty: true });
    expect(r.stdout).not.toContain('\u001b[2J');
    expect(r.stdout).not.toMatch(/\u001b\[31mRED/);
  });
});
