/**
 * Scores the default packs on `../shared/corpora`, material written independently of this
 * project's fixtures, split by id into a development half (odd ids) and a held-out half (even).
 *
 * - label-status.tsv: one mention per sentence with its expected status (seven classes; the engine
 *   reports `refuted` as `negated`, which the corpus README allows).
 * - decisions.tsv: decision texts with or without reasons, each read as a Management Decision record.
 *
 * Only the development half's individual errors are ever printed (`--errors`); the held-out half
 * is reported as counts, and only when asked for (`--held-out`), at the end of a piece of work.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { DEFAULT_RULES_DIR, loadPacks } from '../../src/packs/load-packs.ts';
import { findKind } from '../../src/checks/index.ts';
import type { CanonicalRecord } from '../../src/model/record.ts';
import { classify, defaultMatcher, readCorpus, scoreWhere, type CorpusRow, type Outcome, type Score } from './label-corpus.ts';

export const SHARED_CORPORA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/corpora');

export type Half = 'development' | 'held-out';
export const halfOf = (id: string): Half => (Number(id.replace(/\D/g, '')) % 2 === 1 ? 'development' : 'held-out');

function readTsv(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path.join(SHARED_CORPORA, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const cols = head.split('\t');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v])));
}

export const sharedCorporaPresent = () => existsSync(path.join(SHARED_CORPORA, 'label-status.tsv'));

export interface SharedLabelRow extends Omit<CorpusRow, 'status'> {
  status: string;
  hard: boolean;
}

export function readSharedLabels(half: Half): SharedLabelRow[] {
  const hard = new Map(readTsv('label-status-difficulty.tsv').map((r) => [r.id, r.difficulty === 'hard']));
  return readTsv('label-status.tsv')
    .filter((r) => halfOf(r.id) === half)
    .map((r) => ({ id: r.id, label: r.label, term: r.term, status: r.status, text: r.sentence, hard: hard.get(r.id) ?? false }));
}

export const SHARED_STATUSES = ['asserted', 'negated', 'refuted', 'hypothetical', 'attributed', 'evidenced', 'not-a-label'] as const;

/** The engine's answer in the corpus's terms: no mention at the term is `not-a-label`. */
export const predicted = (o: Outcome): string => o.status ?? 'not-a-label';
/** Agreement, with refuted read as negated allowed. */
export const agrees = (gold: string, got: string) => gold === got || (gold === 'refuted' && got === 'negated');

export interface SharedLabelScores {
  rows: number;
  asserted: Score;
  assertedHard: Score;
  agreement: number;
  notALabelFlagged: number;
  notALabelRows: number;
  confusion: Record<string, Record<string, number>>;
}

export function scoreSharedLabels(rows: SharedLabelRow[]): { scores: SharedLabelScores; outcomes: Outcome[] } {
  const outcomes = classify(rows as unknown as CorpusRow[], defaultMatcher(), true);
  const gold = (o: Outcome) => o.row.status as string;
  const isAsserted = (o: Outcome) => o.status === 'asserted';
  const hard = outcomes.filter((o) => (o.row as unknown as SharedLabelRow).hard);
  const confusion: Record<string, Record<string, number>> = {};
  for (const o of outcomes) {
    const row = (confusion[gold(o)] ??= {});
    row[predicted(o)] = (row[predicted(o)] ?? 0) + 1;
  }
  const nal = outcomes.filter((o) => gold(o) === 'not-a-label');
  return {
    outcomes,
    scores: {
      rows: outcomes.length,
      asserted: scoreWhere(outcomes, (o) => gold(o) === 'asserted', isAsserted),
      assertedHard: scoreWhere(hard, (o) => gold(o) === 'asserted', isAsserted),
      agreement: outcomes.filter((o) => agrees(gold(o), predicted(o))).length / outcomes.length,
      notALabelFlagged: nal.filter(isAsserted).length,
      notALabelRows: nal.length,
      confusion,
    },
  };
}

/** A corpus of ours in the shared corpora's format (seven statuses), such as fixtures/labels/corpus-dev3.csv. */
export function readLabelCsv(path: string): SharedLabelRow[] {
  return readCorpus(path).map((r) => ({ ...r, hard: false }));
}

export interface DecisionRow {
  id: string;
  hasReasons: boolean;
  text: string;
}

export function readSharedDecisions(half: Half): DecisionRow[] {
  return readTsv('decisions.tsv')
    .filter((r) => halfOf(r.id) === half)
    .map((r) => ({ id: r.id, hasReasons: r.has_reasons === 'yes', text: r.text }));
}

/** Which decision texts the default `hygiene.decision-without-reasons` rule flags. */
export function flaggedDecisions(rows: DecisionRow[]): Set<string> {
  const packs = loadPacks([DEFAULT_RULES_DIR]);
  const sections: Record<string, unknown[]> = {};
  for (const p of packs) for (const [k, v] of Object.entries(p.sections)) (sections[k] ??= []).push(v);
  const rule = packs.flatMap((p) => p.rules).find((r) => r.id === 'hygiene.decision-without-reasons')!;
  const check = findKind(rule.kind)!.createCheck([rule], { asOf: '2025-01-01', sections, collectMentions: false });
  const flagged = new Set<string>();
  rows.forEach((row, n) => {
    const record: CanonicalRecord = {
      record_id: row.id,
      case_id: 'D',
      subject_id: null,
      subject_name: 'Test Child',
      subject_dob: '2018-01-01',
      subject_gender: 'female',
      record_date: '2024-06-01',
      recorded_at: null,
      author: 'Test Worker',
      team: null,
      record_type: 'Management Decision',
      text: row.text,
      source: { path: 'decisions.tsv', line: n + 2, record: n + 1 },
    };
    if (check.record(record).length) flagged.add(row.id);
  });
  return flagged;
}

export function scoreDecisions(rows: DecisionRow[]): { score: Score; flagged: Set<string> } {
  const flagged = flaggedDecisions(rows);
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const r of rows) {
    const g = !r.hasReasons;
    const p = flagged.has(r.id);
    if (g && p) tp++;
    else if (p) fp++;
    else if (g) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return { score: { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, support: tp + fn }, flagged };
}

// --- staleness-cases.csv: stale claims and traps, case by case -------------------------------

export interface StalenessExpectation {
  case_id: string;
  claim_record_id: string;
  event_record_id: string;
  claim_text: string;
  event_text: string;
  kind: string;
}

export const caseHalf = (caseId: string): Half => (Number(caseId.replace(/\D/g, '')) % 2 === 1 ? 'development' : 'held-out');

export interface StalenessScore {
  cases: number;
  stale: number;
  found: number;
  /** Found, and naming the expected event record. */
  withEvent: number;
  traps: number;
  trapsFired: number;
  /** Staleness flags that overlap no expected claim or trap. */
  other: number;
  precision: number;
  recall: number;
  missed: StalenessExpectation[];
  firedTraps: StalenessExpectation[];
  unexpected: { record_id: string; text: string }[];
}

type StalenessAudit = (
  path: string,
) => Promise<{ flags: { rule: string; record_id: string; span?: { start: number; end: number; text?: string }; related_record_ids?: string[] }[] }>;

/** Audits one half of staleness-cases.csv (its cases written to a temporary export) and scores the staleness flags. */
export async function scoreStaleness(half: Half, audit: StalenessAudit): Promise<StalenessScore> {
  return scoreStalenessFiles(
    path.join(SHARED_CORPORA, 'staleness-cases.csv'),
    path.join(SHARED_CORPORA, 'staleness-expected.csv'),
    (caseId) => caseHalf(caseId) === half,
    audit,
    half,
  );
}

/** The same scoring for any cases file and expectations in the shared corpus's format (fixtures/staleness-blind/). */
export async function scoreStalenessFiles(
  casesPath: string,
  expectedPath: string,
  keep: (caseId: string) => boolean,
  audit: StalenessAudit,
  name = 'all',
): Promise<StalenessScore> {
  const { parse } = await import('csv-parse/sync');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const half = name;
  const raw = readFileSync(casesPath, 'utf8');
  const rows = parse(raw, { columns: true }) as Record<string, string>[];
  const mine = rows.filter((r) => keep(r.case_id));
  const cols = Object.keys(rows[0]);
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const csv = `${[cols.join(','), ...mine.map((r) => cols.map((c) => quote(r[c])).join(','))].join('\n')}\n`;
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'scrutineer-stale-')), `staleness-${half}.csv`);
  writeFileSync(file, csv);
  const textOf = new Map(mine.map((r) => [r.record_id, r.text]));
  const expected = (parse(readFileSync(expectedPath, 'utf8'), { columns: true }) as StalenessExpectation[]).filter((e) => keep(e.case_id));
  const report = await audit(file);
  const flags = report.flags.filter((f) => f.rule.startsWith('staleness.'));
  const overlaps = (f: (typeof flags)[number], e: StalenessExpectation) => {
    if (f.record_id !== e.claim_record_id) return false;
    const text = textOf.get(e.claim_record_id) ?? '';
    const at = text.indexOf(e.claim_text);
    if (!f.span) return true;
    return f.span.start < at + e.claim_text.length && f.span.end > at;
  };
  const stale = expected.filter((e) => e.kind.startsWith('stale-'));
  const traps = expected.filter((e) => e.kind.startsWith('trap-'));
  const found = stale.filter((e) => flags.some((f) => overlaps(f, e)));
  const withEvent = found.filter((e) => flags.some((f) => overlaps(f, e) && (f.related_record_ids ?? []).includes(e.event_record_id)));
  const firedTraps = traps.filter((e) => flags.some((f) => overlaps(f, e)));
  const unexpected = flags.filter((f) => !expected.some((e) => overlaps(f, e)));
  const tp = found.length;
  const fp = firedTraps.length + unexpected.length;
  return {
    cases: new Set(mine.map((r) => r.case_id)).size,
    stale: stale.length,
    found: tp,
    withEvent: withEvent.length,
    traps: traps.length,
    trapsFired: firedTraps.length,
    other: unexpected.length,
    precision: tp + fp ? tp / (tp + fp) : 1,
    recall: stale.length ? tp / stale.length : 1,
    missed: stale.filter((e) => !found.includes(e)),
    firedTraps,
    unexpected: unexpected.map((f) => ({
      record_id: f.record_id,
      text: f.span?.text ?? (textOf.get(f.record_id) ?? '').slice(f.span?.start ?? 0, f.span?.end ?? 80),
    })),
  };
}
