import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { DEFAULT_RULES_DIR, loadPacks } from '../../src/packs/load-packs.ts';
import { compileCues, STATUSES, type Status } from '../../src/reading/assertion.ts';
import { mergeCues, type CueLists } from '../../src/reading/cues.ts';
import { LabelMatcher, type LabelForms } from '../../src/checks/label/mentions.ts';

/** One hand-labelled sentence: the mention (`term`) and the status an auditor gives it. */
export interface CorpusRow {
  id: string;
  label: string;
  term: string;
  status: Status;
  text: string;
}

export function readCorpus(path: string): CorpusRow[] {
  return parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as CorpusRow[];
}

/** The default packs' labels and cues, as an audit uses them. */
export function defaultMatcher(): LabelMatcher {
  const packs = loadPacks([DEFAULT_RULES_DIR]);
  const labels = packs.flatMap((p) => p.rules).filter((r) => r.kind === 'label') as unknown as LabelForms[];
  const cues = mergeCues(packs.flatMap((p) => (p.sections.assertion ? [p.sections.assertion as CueLists] : [])));
  return new LabelMatcher(labels, compileCues(cues));
}

export interface Outcome {
  row: CorpusRow;
  /** The label found at the term's place, or null when the term was not found. */
  label: string | null;
  status: Status | null;
  cue: string | null;
}

export function classify(rows: CorpusRow[], matcher = defaultMatcher(), refutedKnown = false): Outcome[] {
  return rows.map((row) => {
    const at = row.text.indexOf(row.term);
    const mention = matcher.read(row.text).mentions.find((m) => m.start < at + row.term.length && m.end > at);
    // Our own corpora have no `refuted` class: evidence against an earlier use is read there as negated.
    const status = mention?.status === 'refuted' && !refutedKnown ? 'negated' : (mention?.status ?? null);
    return { row, label: mention?.label ?? null, status, cue: mention?.cue ?? null };
  });
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, support: tp + fn };
}

/** Precision and recall of one yes/no question over the outcomes. */
export function scoreWhere(outcomes: Outcome[], gold: (o: Outcome) => boolean, predicted: (o: Outcome) => boolean): Score {
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const o of outcomes) {
    const g = gold(o);
    const p = predicted(o);
    if (g && p) tp++;
    else if (p) fp++;
    else if (g) fn++;
  }
  return score(tp, fp, fn);
}

export interface CorpusScores {
  rows: number;
  detected: number;
  labelCorrect: number;
  accuracy: number;
  byStatus: Record<Status, Score>;
  /** The decision that matters: is this an unevidenced (asserted) label or not? */
  assertedVsRest: Score;
}

export function scoreCorpus(outcomes: Outcome[]): CorpusScores {
  const byStatus = Object.fromEntries(
    STATUSES.map((s) => [
      s,
      scoreWhere(
        outcomes,
        (o) => o.row.status === s,
        (o) => o.status === s,
      ),
    ]),
  ) as Record<Status, Score>;
  return {
    rows: outcomes.length,
    detected: outcomes.filter((o) => o.label !== null).length,
    labelCorrect: outcomes.filter((o) => o.label === o.row.label).length,
    accuracy: outcomes.filter((o) => o.status === o.row.status).length / outcomes.length,
    byStatus,
    assertedVsRest: byStatus.asserted,
  };
}
