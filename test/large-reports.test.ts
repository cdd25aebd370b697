import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoPath, runCli } from './support/run-cli.ts';

/**
 * An audit with hundreds of thousands of findings must end with a report. Spreading a list of
 * findings into a call's arguments (`push(...drafts)`) overflows the stack past ~100,000 items:
 * a council's whole history at the sample's rate (~38 flags per 100 records) would have crashed.
 */
describe('reports written in pieces', () => {
  it('the json pieces are JSON.stringify byte for byte, with every optional section, many flags, and none', async () => {
    const { jsonChunks, formatJson } = await import('../src/report/formats/json.ts');
    const { ndjsonChunks, formatNdjson } = await import('../src/report/formats/ndjson.ts');
    const { auditJson } = await import('./support/run-cli.ts');
    const full = await auditJson([repoPath('fixtures/exports')], ['--mentions', '--timeline']);
    // More flags than a piece holds (PIECE_CHARS characters), so that pieces join inside the list.
    const many = { ...full, flags: Array.from({ length: 3000 }, (_, i) => full.flags[i % full.flags.length]) };
    for (const report of [full, many, { ...full, flags: [], mentions: [], extra: undefined }]) {
      expect([...jsonChunks(report)].join('')).toBe(`${JSON.stringify(report, null, 2)}\n`);
      expect([...jsonChunks(report)].join('')).toBe(formatJson(report));
      expect([...ndjsonChunks(report)].join('')).toBe(report.flags.map((f: object) => `${JSON.stringify(f)}\n`).join(''));
      expect(formatNdjson(report)).toBe([...ndjsonChunks(report)].join(''));
    }
    expect(full.flags.length).toBeGreaterThan(0);
  });

  it('json pieces are bounded in size at any depth: one label history of 200,000 entries is written in many pieces, none much over PIECE_CHARS characters', async () => {
    const { jsonChunks, PIECE_CHARS } = await import('../src/report/formats/json.ts');
    const entry = (i: number) => ({ record_id: `R${i}`, record_date: '2024-01-02', status: 'asserted', text: 'Mum was aggressive.', nothing: undefined });
    const report = {
      schema_version: '1',
      flags: [],
      label_histories: [{ case_id: 'C1', label: 'aggressive', entries: Array.from({ length: 200_000 }, (_, i) => entry(i)), empty: {}, none: [] }],
      fact_sheet: { deep: { deeper: Array.from({ length: 50_000 }, (_, i) => [i, `x${i}`, null, { a: [] }]) } },
      when: new Date(0),
      skipped: () => 1,
    };
    const pieces = [...jsonChunks(report as never)];
    expect(pieces.join('')).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(pieces.length).toBeGreaterThan(20);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(PIECE_CHARS * 1.1);
  });
});

describe('an export with over 500,000 flags', () => {
  // The label check gives its flags at the end of the audit (a label's history needs every
  // record of the case first): 505,000 of them in one list.
  // (Its reports are over a gigabyte: the folder goes when the test ends, pass or fail.)
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is audited to the end and every flag is in the report', async () => {
    dir = mkdtempSync(join(tmpdir(), 'scrutineer-many-'));
    const rows = ['record_id|case_id|subject_name|record_date|author|text'];
    for (let i = 0; i < 5000; i++) {
      rows.push(
        `R${i}|C${Math.floor(i / 10)}|Child ${Math.floor(i / 10)}|2024-01-${String((i % 28) + 1).padStart(2, '0')}|A Worker|${Array(101).fill('Mum was aggressive.').join(' ')}`,
      );
    }
    writeFileSync(join(dir, 'many.csv'), `${rows.join('\n')}\n`);
    const out = join(dir, 'report.csv');
    const json = join(dir, 'report.json');
    const r = await runCli([
      'audit',
      join(dir, 'many.csv'),
      '--no-default-rules',
      '-r',
      repoPath('rules/labels.rules.yaml'),
      '-f',
      'csv',
      '-o',
      out,
      '-f',
      'json',
      '-o',
      json,
      '--fail-on',
      'warning',
      '--as-of',
      '2025-06-30',
      '-q',
    ]);
    expect(r).toEqual({ code: 1, stdout: '', stderr: '' });
    const report = readFileSync(out, 'utf8');
    const lines = report.split('\n').filter(Boolean);
    expect(lines.length).toBe(1 + 5000 * 101);
    expect(lines.filter((l) => l.includes('"R4999"')).length).toBe(101);
    // The JSON report is longer (about 740 MB) than the longest string JavaScript can hold: it
    // is written in pieces, so it is read here as bytes.
    const bytes = readFileSync(json);
    expect(bytes.length).toBeGreaterThan(2 ** 29);
    let flags = 0;
    for (let at = bytes.indexOf('\n    {\n      "id": '); at !== -1; at = bytes.indexOf('\n    {\n      "id": ', at + 1)) flags++;
    expect(flags).toBe(5000 * 101);
    expect(bytes.subarray(bytes.length - 2).toString()).toBe('}\n');
    expect(bytes.includes('"flags": 505000,')).toBe(true);

    // And it is read back as a baseline (in chunks, flag by flag: model/json-stream.ts). Its
    // text is ASCII, so it is as many characters as bytes: longer than a string can be.
    const { readBaseline } = await import('../src/report/baseline.ts');
    const baseline = await readBaseline(json);
    expect(baseline.size).toBe(5000 * 101);
    // The CSV report's last flag: every cell quoted, the first eight flag_id … rule.
    const [quotedId, caseId, recordId, recordDate, , , , rule] = lines[lines.length - 1].split('","');
    const id = quotedId.slice(1);
    expect(baseline.get(id)).toEqual({ id, rule, case_id: caseId, record_id: recordId, record_date: recordDate });
  }, 300_000);
});
