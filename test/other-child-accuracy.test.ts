import { describe, expect, it } from 'vitest';
import { auditJson } from './support/run-cli.ts';
import { scoreOtherChild, type OtherChildSet, type Problem } from './accuracy/other-child.ts';

/**
 * The level each problem is held to on the two sets in fixtures/hygiene/other-child (the first
 * written before the rules, the second after them; both since used for development, so these are
 * development figures). Raise them, never lower them quietly. Before issue #17 every recall was 0:
 * no rule read a name that was not a child of the export, or a pronoun outside the name's clause.
 * The second set as first written scored other-child 0.80 / 0.36 and pronoun 1.00 / 0.43.
 */
const COMMITTED: Record<OtherChildSet, Record<Problem, { precision: number; recall: number }>> = {
  first: { 'other-child': { precision: 1, recall: 0.93 }, pronoun: { precision: 1, recall: 1 } },
  second: { 'other-child': { precision: 1, recall: 0.73 }, pronoun: { precision: 1, recall: 0.71 } },
};

describe('another child in the text: the labelled sets', () => {
  it('finds the other children (but one) and the pronouns only the child can be in the first set, with no false alarm on its hard negatives', async () => {
    const { scores } = await scoreOtherChild((paths) => auditJson(paths), 'first');
    expect(scores.map((s) => [s.problem, s.expected, s.found, s.falseAlarms, s.missed])).toEqual([
      ['other-child', 14, 13, [], ['OC-122']],
      ['pronoun', 6, 6, [], []],
    ]);
    for (const s of scores) {
      expect(s.precision, `${s.problem} precision`).toBeGreaterThanOrEqual(COMMITTED.first[s.problem].precision);
      expect(s.recall, `${s.problem} recall`).toBeGreaterThanOrEqual(COMMITTED.first[s.problem].recall);
    }
  });

  it('misses in the second set only what it cannot read, and raises no false alarm there', async () => {
    const { scores } = await scoreOtherChild((paths) => auditJson(paths), 'second');
    // HO-101 (a child upset at the end of contact) and HO-121 (told the social worker he feels
    // scared) have no form; HO-212 ("Ben told me his mum shouts") and the first set's OC-122
    // ("Tomasz said he wants to live with his nan") are a parent's words as often as a child's,
    // so a name's words about their mum, dad or nan are not read as a child's; HO-111's "She" may be Mum, named before it, and HO-151's "his" is two
    // sentences after the name, with "the HV" before it.
    expect(scores.map((s) => [s.problem, s.expected, s.found, s.falseAlarms, s.missed])).toEqual([
      ['other-child', 11, 8, [], ['HO-101', 'HO-121', 'HO-212']],
      ['pronoun', 7, 5, [], ['HO-111', 'HO-151']],
    ]);
    for (const s of scores) {
      expect(s.precision, `${s.problem} precision`).toBeGreaterThanOrEqual(COMMITTED.second[s.problem].precision);
      expect(s.recall, `${s.problem} recall`).toBeGreaterThanOrEqual(COMMITTED.second[s.problem].recall);
    }
  });
});
