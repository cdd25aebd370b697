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
  const [head, ...lines] = readFileSync(path.join(SHARED_CORPORA, file), 'utf8').split('\n').filter((l) => l.trim());
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
      record_id: row.id, case_id: 'D', subject_id: null, subject_name: 'Test Child', subject_dob: '2018-01-01', subject_gender: 'female',
      record_date: '2024-06-01', recorded_at: null, author: 'Test Worker', team: null, record_type: 'Management Decision', text: row.text,
      source: { path: 'decisions.tsv', line: n + 2, record: n + 1 },
    };
    if (check.record(record).length) flagged.add(row.id);
  });
  return flagged;
}

export function scoreDecisions(rows: DecisionRow[]): { score: Score; flagged: Set<string> } {
  const flagged = flaggedDecisions(rows);
  let tp = 0, fp = 0, fn = 0;
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
