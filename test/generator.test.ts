import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeExport } from '../bench/gen/write-export.ts';
import { DEFECT_KINDS, LABEL_STATUSES, type TruthEntry } from '../bench/gen/defects.ts';
import { runCli } from './support/run-cli.ts';

// Seed 4 at 500 records plants every kind of defect and every label status (checked below).
const RECORDS = 500;
const SEED = '4';

interface Report {
  summary: { rows_read: number; rows_rejected: number; records_audited: number; cases_audited: number };
  flags: { rule: string; record_id: string; category: string }[];
  mentions?: { record_id: string; label: string; status: string }[];
}

describe('synthetic export generator (bench/gen)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-gen-'));
  const file = join(dir, 'a.csv');
  let bytes: Buffer;
  let truth: TruthEntry[];
  let report: Report;

  beforeAll(async () => {
    await writeExport(file, { records: RECORDS, seed: SEED });
    bytes = readFileSync(file);
    truth = readFileSync(`${file}.truth.ndjson`, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as TruthEntry);
    const result = await runCli(['audit', file, '--format', 'json', '--fail-on', 'never', '--quiet', '--mentions']);
    expect(result.code).toBe(0);
    report = JSON.parse(result.stdout) as Report;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives byte-identical files for the same seed, and different ones for another seed', async () => {
    const again = join(dir, 'b.csv');
    await writeExport(again, { records: RECORDS, seed: SEED });
    expect(readFileSync(again).equals(bytes)).toBe(true);
    expect(readFileSync(`${again}.truth.ndjson`, 'utf8')).toBe(readFileSync(`${file}.truth.ndjson`, 'utf8'));
    const other = join(dir, 'c.csv');
    await writeExport(other, { records: RECORDS, seed: '5' });
    expect(readFileSync(other).equals(bytes)).toBe(false);
  });

  it('writes UTF-8 with a BOM, CRLF line endings and the Liquidlogic header with a case column', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.slice(1, text.indexOf('\r\n'))).toBe(
      'FACT_CASENOTE_ID,FACT_REFERRAL_ID,DIM_PERSON_ID,PERSON_FULL_NAME,BIRTH_DTTM,GENDER_MAIN_CODE,EVENT_DTTM,CREATED_DTTM,WORKER_NAME,TEAM_NAME,CASENOTE_TYPE,CASENOTE_TEXT',
    );
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text.endsWith('\r\n')).toBe(true);
    // Day-first dates with times, and notes that run over several lines inside quotes.
    expect(text).toMatch(/,\d{2}\/\d{2}\/20\d{2} \d{2}:\d{2},\d{2}\/\d{2}\/20\d{2} \d{2}:\d{2},/);
    expect(text).toMatch(/"[^"]*\r\n\r\n[^"]*"/);
  });

  it('parses with scrutineer audit: every row a record, none rejected, several cases', () => {
    expect(report.summary.rows_read).toBe(RECORDS);
    expect(report.summary.rows_rejected).toBe(0);
    expect(report.summary.records_audited).toBe(RECORDS);
    expect(report.summary.cases_audited).toBeGreaterThan(1);
  });

  it('lists every planted defect in the sidecar, against records that exist', () => {
    const ids = new Set([...bytes.toString('utf8').matchAll(/\r\n(\d+),(\d+),/g)].map((m) => `${m[1]}/${m[2]}`));
    expect(ids.size).toBe(RECORDS);
    for (const t of truth) expect(ids.has(`${t.record_id}/${t.case_id}`), `${t.record_id} in case ${t.case_id}`).toBe(true);
    const kinds = new Set(truth.map((t) => t.kind));
    for (const kind of DEFECT_KINDS) expect(kinds.has(kind), kind).toBe(true);
    const statuses = new Set(truth.filter((t) => t.kind === 'label').map((t) => t.details.status));
    for (const status of LABEL_STATUSES) expect(statuses.has(status), status).toBe(true);
    // Modest rates: most records are ordinary.
    expect(new Set(truth.map((t) => t.record_id)).size).toBeLessThan(RECORDS * 0.2);
    // A copy-forward repeats an earlier record of the same case; a cross-case paste one of another case.
    for (const t of truth.filter((x) => x.kind === 'copy-forward')) expect(Number(t.details.source_record_id)).toBeLessThan(Number(t.record_id));
    for (const t of truth.filter((x) => x.kind === 'cross-case-paste')) expect(t.details.source_case_id).not.toBe(t.case_id);
    for (const t of truth.filter((x) => x.kind === 'stale-claim')) expect(Number(t.details.event_record_id)).toBeLessThan(Number(t.record_id));
  });

  it('plants labels the audit reads with the planted status: asserted ones flagged, negated ones not', () => {
    const labelFlags = report.flags.filter((f) => f.category === 'unevidenced-label');
    const flagged = new Set(labelFlags.map((f) => `${f.rule}\u0000${f.record_id}`));
    const labels = truth.filter((t) => t.kind === 'label');
    const asserted = labels.filter((t) => t.details.status === 'asserted');
    expect(asserted.length).toBeGreaterThan(0);
    for (const t of asserted) expect(flagged.has(`${t.expected_rule}\u0000${t.record_id}`), `${t.record_id}: ${t.details.text}`).toBe(true);
    const negatedRecords = new Set(labels.filter((t) => t.details.status === 'negated').map((t) => t.record_id));
    expect(negatedRecords.size).toBeGreaterThan(0);
    expect(labelFlags.filter((f) => negatedRecords.has(f.record_id))).toEqual([]);
    // Each planted mention is read with the status it was planted with.
    for (const t of labels) {
      const mention = report.mentions!.find((m) => m.record_id === t.record_id && m.label === t.details.label);
      expect(mention?.status, `${t.record_id}: ${t.details.text}`).toBe(t.details.status);
    }
  });
});
