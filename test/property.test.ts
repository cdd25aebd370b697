import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runCli } from './support/run-cli.ts';

/**
 * Property tests over generated exports: random delimiters, quoting, encodings, line endings,
 * embedded line breaks and broken rows. CI runs a modest number with a fixed seed;
 * `npm run fuzz` runs many more (FUZZ_RUNS) with a fresh seed.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = process.env.FUZZ_RUNS ? Date.now() : 20251123;

const DELIMITERS = [',', ';', '\t', '|'];
const LINE_ENDINGS = ['\r\n', '\n', '\r'];
const CP1252_SAFE = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789 .,;:!?\'"-()£€éü“”‘’–—|\t\n\r';

const noteText = fc
  .array(fc.constantFrom(...CP1252_SAFE.split(''), ' Mother is aggressive. ', ' There is no evidence of FII. ', ' Dad is an alcoholic. '), { maxLength: 60 })
  .map((a) => a.join(''));

const row = fc.record({
  id: fc.oneof(
    fc.integer({ min: 1, max: 40 }).map((n) => `R-${n}`),
    fc.constant(''),
  ),
  caseId: fc.constantFrom('C-1', 'C-2', 'C-3', ''),
  date: fc.constantFrom('14/03/2023', '2023-03-14', '14-Mar-2023', '31/02/2023', 'soon', '', '1 June 2024 10:15'),
  text: noteText,
  extraFields: fc.constantFrom(0, 0, 0, 0, 1, -1),
});

const exportFile = fc.record({
  delimiter: fc.constantFrom(...DELIMITERS),
  lineEnding: fc.constantFrom(...LINE_ENDINGS),
  quoteAll: fc.boolean(),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le-bom', 'windows-1252'),
  rows: fc.array(row, { maxLength: 25 }),
  finalNewline: fc.boolean(),
});

type ExportFile = typeof exportFile extends fc.Arbitrary<infer T> ? T : never;

function field(value: string, delimiter: string, quoteAll: boolean): string {
  const needs = quoteAll || value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim();
  return needs ? `"${value.replace(/"/g, '""')}"` : value;
}

const CP1252: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };

function encode(text: string, encoding: string): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-8-bom') return Buffer.from(`\ufeff${text}`, 'utf8');
  if (encoding === 'utf-16le-bom') return Buffer.from(`\ufeff${text}`, 'utf16le');
  return Buffer.from([...text].map((c) => CP1252[c] ?? c.charCodeAt(0)));
}

function render(file: ExportFile): { bytes: Buffer; rows: number } {
  const { delimiter, lineEnding, quoteAll } = file;
  const lines = [['record_id', 'case_id', 'record_date', 'text'].join(delimiter)];
  for (const r of file.rows) {
    const fields = [r.id, r.caseId, r.date, r.text].map((v) => field(v, delimiter, quoteAll));
    if (r.extraFields > 0) fields.push('extra');
    if (r.extraFields < 0) fields.pop();
    // A row that is nothing but empty fields would still be a row: give it a field.
    lines.push(fields.join(delimiter) || '""');
  }
  return { bytes: encode(lines.join(lineEnding) + (file.finalNewline ? lineEnding : ''), file.encoding), rows: file.rows.length };
}

async function audit(bytes: Buffer) {
  return runCli(
    [
      'audit',
      '-',
      '--format',
      'json',
      '--fail-on',
      'never',
      '--as-of',
      '2025-06-30',
      '--no-default-rules',
      '--rules',
      'rules/labels.rules.yaml',
      '--rules',
      'rules/assertion-cues.yaml',
    ],
    { stdin: bytes },
  );
}

describe('generated exports', () => {
  it('every data row written is either audited or rejected, and the same input gives the same report', async () => {
    await fc.assert(
      fc.asyncProperty(exportFile, async (file) => {
        const { bytes, rows } = render(file);
        const first = await audit(bytes);
        expect(first.stderr).not.toMatch(/internal error/);
        const report = JSON.parse(first.stdout);
        // Nothing audited is not a pass: an export of which no row could be read exits 2.
        expect(first.code).toBe(report.summary.records_audited > 0 ? 0 : 2);
        expect(report.summary.rows_read).toBe(rows);
        expect(report.summary.records_audited + report.summary.rows_rejected).toBe(rows);
        const second = await audit(bytes);
        expect(second.stdout).toBe(first.stdout);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 300_000);

  it('no byte sequence crashes the process: it is audited or refused with a message', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (junk) => {
        const bytes = Buffer.concat([Buffer.from('record_id,case_id,record_date,text\n'), Buffer.from(junk)]);
        const r = await audit(bytes);
        expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
        expect([0, 2]).toContain(r.code);
        if (r.code === 2) expect(r.stderr).toMatch(/(?:^|\n)scrutineer: [^\n]+\n$/);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 300_000);
});
