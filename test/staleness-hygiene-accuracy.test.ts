import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { runCli, repoPath } from './support/run-cli.ts';
import { fixtureCorpus } from './support/fixture-corpus.ts';

/**
 * Precision and recall of each staleness and record-hygiene rule on its fixtures. A finding is
 * its record, its rule and (for staleness) the event record it names; expected.csv in each
 * fixture folder lists every finding a careful auditor would make, the pack's known misses
 * included. Every fixture file is audited in one run, so a rule is also scored on the files of
 * the other rules (where it should find nothing).
 */
const DIRS = ['fixtures/staleness', 'fixtures/hygiene'];
const IN_SCOPE = /^(?:staleness\.|hygiene\.(?!placeholder-text$))/;

/** The level each rule is held to: measured on these fixtures when the rules were written. Raise it, never lower it quietly. */
const COMMITTED: Record<string, { precision: number; recall: number }> = {
  'staleness.parenting-course-completed': { precision: 1, recall: 0.75 },
  'staleness.negative-substance-test': { precision: 1, recall: 1 },
  'staleness.conviction-or-allegation-cleared': { precision: 1, recall: 1 },
  'staleness.parents-separated': { precision: 1, recall: 1 },
  'staleness.diagnosis-excluded': { precision: 1, recall: 1 },
  'staleness.fii-excluded': { precision: 1, recall: 1 },
  'staleness.returned-home': { precision: 1, recall: 1 },
  'staleness.plan-or-order-ended': { precision: 1, recall: 1 },
  'staleness.now-housed': { precision: 1, recall: 1 },
  'staleness.medical-explanation': { precision: 1, recall: 1 },
  'staleness.now-employed': { precision: 1, recall: 1 },
  'staleness.protective-order-ended': { precision: 1, recall: 1 },
  'staleness.treatment-completed': { precision: 1, recall: 1 },
  'staleness.attendance-improved': { precision: 1, recall: 1 },
  'staleness.mental-health-discharge': { precision: 1, recall: 1 },
  'staleness.mental-illness-remitted': { precision: 1, recall: 1 },
  'staleness.school-place': { precision: 1, recall: 1 },
  'staleness.health-registration': { precision: 1, recall: 1 },
  'staleness.public-funds': { precision: 1, recall: 1 },
  'hygiene.missing-author': { precision: 1, recall: 1 },
  'hygiene.future-dated': { precision: 1, recall: 1 },
  'hygiene.before-birth': { precision: 1, recall: 1 },
  'hygiene.late-entry': { precision: 1, recall: 1 },
  'hygiene.decision-without-reasons': { precision: 1, recall: 0.83 },
  'hygiene.wrong-age': { precision: 1, recall: 0.8 },
  'hygiene.wrong-gender': { precision: 1, recall: 0.8 },
  'hygiene.wrong-name': { precision: 0.67, recall: 1 },
  'hygiene.other-child': { precision: 1, recall: 1 },
};

interface Score {
  rule: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

const round = (n: number) => Math.round(n * 100) / 100;

async function score(): Promise<Score[]> {
  const files = DIRS.flatMap((d) => fixtureCorpus(d));
  const result = await runCli(['audit', ...files, '--format', 'json', '--fail-on', 'never', '--as-of', '2025-06-30']);
  expect(result.code).toBe(0);
  const report = JSON.parse(result.stdout);
  expect(report.rejected_rows).toEqual([]);
  const found = new Set<string>(
    (report.flags as { rule: string; record_id: string; related_record_ids: string[] }[])
      .filter((f) => IN_SCOPE.test(f.rule))
      .map((f) => `${f.record_id}|${f.rule}|${f.related_record_ids[0] ?? ''}`),
  );
  const expected = new Set<string>(
    DIRS.flatMap((d) => parse(readFileSync(repoPath(`${d}/expected.csv`), 'utf8'), { columns: true }) as Record<string, string>[]).map(
      (e) => `${e.record_id}|${e.rule}|${e.related_record_id}`,
    ),
  );
  return Object.keys(COMMITTED).map((rule) => {
    const of = (set: Set<string>) => [...set].filter((k) => k.split('|')[1] === rule);
    const tp = of(found).filter((k) => expected.has(k)).length;
    const fp = of(found).length - tp;
    const fn = of(expected).length - tp;
    return { rule, tp, fp, fn, precision: tp + fp ? round(tp / (tp + fp)) : 1, recall: tp + fn ? round(tp / (tp + fn)) : 1 };
  });
}

describe('precision and recall on the staleness and record-hygiene fixtures', () => {
  it('is at or above the committed level for every rule', async () => {
    const scores = await score();
    const table = [
      '| rule | found | false alarms | missed | precision | recall |',
      '|---|---:|---:|---:|---:|---:|',
      ...scores.map((s) => `| ${s.rule} | ${s.tp} | ${s.fp} | ${s.fn} | ${s.precision.toFixed(2)} | ${s.recall.toFixed(2)} |`),
    ];
    console.log(table.join('\n'));
    for (const s of scores) {
      expect(s.precision, `${s.rule} precision`).toBeGreaterThanOrEqual(COMMITTED[s.rule].precision);
      expect(s.recall, `${s.rule} recall`).toBeGreaterThanOrEqual(COMMITTED[s.rule].recall);
      expect(s.tp, `${s.rule} has fixtures where it fires`).toBeGreaterThan(0);
    }
  });
});
