/**
 * Scores the rules that find another child's details in a record on the labelled corpus in
 * fixtures/hygiene/other-child/: `other-child` (a first name used as the child that is not the
 * subject, a sibling or anyone named in the case; found by hygiene.other-child or, for a child of
 * the export, hygiene.wrong-name) and `pronoun` (a pronoun for the other sex where only the child
 * can be meant; found by hygiene.wrong-gender). A finding is a record and a problem; every record
 * not in expected.csv is a hard negative, and any finding there is a false alarm.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { repoPath } from '../support/run-cli.ts';

export const OTHER_CHILD_DIR = 'fixtures/hygiene/other-child';
/** The two sets: the first written before the rules, the second after them (and then used for development). */
export const OTHER_CHILD_SETS = {
  first: { cases: 'cases.csv', expected: 'expected.csv' },
  second: { cases: 'second-set.csv', expected: 'expected-second-set.csv' },
} as const;
export type OtherChildSet = keyof typeof OTHER_CHILD_SETS;
export const PROBLEMS = ['other-child', 'pronoun'] as const;
export type Problem = (typeof PROBLEMS)[number];

const RULES: Record<string, Problem> = { 'hygiene.other-child': 'other-child', 'hygiene.wrong-name': 'other-child', 'hygiene.wrong-gender': 'pronoun' };

export interface ProblemScore {
  problem: Problem;
  expected: number;
  found: number;
  falseAlarms: string[];
  missed: string[];
  precision: number;
  recall: number;
}

type Audit = (paths: string[]) => Promise<{ flags: { rule: string; record_id: string; span?: { text?: string } | null }[] }>;

export async function scoreOtherChild(audit: Audit, set: OtherChildSet = 'first'): Promise<{ records: number; scores: ProblemScore[] }> {
  const files = OTHER_CHILD_SETS[set];
  const expected = parse(readFileSync(repoPath(`${OTHER_CHILD_DIR}/${files.expected}`), 'utf8'), { columns: true }) as {
    record_id: string;
    problem: Problem;
  }[];
  const records = (parse(readFileSync(repoPath(`${OTHER_CHILD_DIR}/${files.cases}`), 'utf8'), { columns: true }) as unknown[]).length;
  const report = await audit([`${OTHER_CHILD_DIR}/${files.cases}`]);
  const found = new Set(report.flags.filter((f) => RULES[f.rule]).map((f) => `${f.record_id}|${RULES[f.rule]}`));
  const scores = PROBLEMS.map((problem) => {
    const want = new Set(expected.filter((e) => e.problem === problem).map((e) => `${e.record_id}|${problem}`));
    const got = [...found].filter((k) => k.endsWith(`|${problem}`));
    const tp = got.filter((k) => want.has(k)).length;
    const round = (n: number) => Math.round(n * 100) / 100;
    return {
      problem,
      expected: want.size,
      found: tp,
      falseAlarms: got.filter((k) => !want.has(k)).map((k) => k.split('|')[0]),
      missed: [...want].filter((k) => !found.has(k)).map((k) => k.split('|')[0]),
      precision: got.length ? round(tp / got.length) : 1,
      recall: want.size ? round(tp / want.size) : 1,
    };
  });
  return { records, scores };
}
