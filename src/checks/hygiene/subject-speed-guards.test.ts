import { describe, expect, it } from 'vitest';
import { CheckTester, defaultRule, spanText } from '../../../test/support/check-tester.ts';
import type { CanonicalRecord } from '../../model/record.ts';
import type { Rule } from '../rule-kind.ts';

/**
 * The subject checks read only where the child's name stands (and, for gender, only the
 * sentences where a word for the other sex may follow it). These cases sit at the edges of
 * those shortcuts: a hyphenated name spelled other ways, a name-less form, a pronoun in capitals,
 * a pronoun in the next sentence of the same line, an abbreviation that does not end a sentence.
 */
const rule = defaultRule;
/** Records of Ellie-Mae Murphy's (born 10/03/2016, female, 7 on the record's date), from the shared check tester. */
const tester = new CheckTester({ record: { subject_name: 'Ellie-Mae Murphy', recorded_at: null } });
const { record } = tester;

/** The words each flag points at, from record() and finish(). */
function found(r: Rule, records: CanonicalRecord[]): string[] {
  return tester.flags(r, records, { sections: {} }).map((d) => spanText(d)!);
}

describe('subject-age reads the child’s name however its hyphen is written', () => {
  it.each([
    ['EllieMae (8) was seen alone.', ['EllieMae (8)']],
    ['Ellie-mae, aged 9, has settled.', ['Ellie-mae, aged 9']],
    ['ELLIE-MAE (8) was seen.', ['ELLIE-MAE (8)']],
    ['Ellie Mae was quiet at first, but the 8-year-old soon joined in.', ['the 8-year-old']],
    ['Ellie Mae (8) was seen.', []],
    ["Ellie-Mae's brother Josh (9) was at football.", []],
  ])('“%s”', (text, words) => {
    expect(found(rule('hygiene.wrong-age'), [record(text)])).toEqual(words);
  });

  it('reads a form whose name is not at its start', () => {
    const r = { ...rule('hygiene.wrong-age'), forms: ['aged {years}, {name}'] } as Rule;
    expect(found(r, [record('Aged 8, Ellie-Mae was seen.'), record('Ellie-Mae (8) was seen.')])).toEqual(['Aged 8, Ellie-Mae']);
  });
});

describe('subject-gender reads the sentence the name stands in, and the next one only for a pronoun nobody else can be', () => {
  it.each([
    ['Ellie Mae showed me his school report.', ['Ellie Mae showed me his']],
    ['Ellie-Mae showed me HIS school report.', ['Ellie-Mae showed me HIS']],
    ['Dad said that he was proud. Ellie-Mae showed me his medal.', ['Ellie-Mae showed me his']],
    ['Ellie-Mae was tired. He said she could stay up.', []],
    ['Ellie-Mae was tired.\nHe asked to leave.', ['He']],
    ['Ellie-Mae was tired. Dad said she could stay up.\nHe asked to leave.', []],
    ['Mr. Murphy came in and Ellie-Mae showed me his watch.', []],
  ])('“%s”', (text, words) => {
    expect(found(rule('hygiene.wrong-gender'), [record(text)])).toEqual(words);
  });
});

describe('subject-name', () => {
  it('finds another child’s hyphenated name written without its hyphen, not its first part alone', () => {
    expect(
      found(rule('hygiene.wrong-name'), [
        record('Ellie-Mae (9) was seen alone in her bedroom.', { subject_id: 'P2', subject_name: 'Ellie-Mae Stone', case_id: 'C2' }),
        record('EllieMae (9) was seen alone in her bedroom. Ellie (9) was seen alone.', { subject_name: 'Amy Fenton' }),
      ]),
    ).toEqual(['EllieMae (9)']);
  });
});
