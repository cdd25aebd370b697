import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES_DIR, loadPacks } from '../../packs/load-packs.ts';
import { findKind } from '../index.ts';
import type { CanonicalRecord } from '../../model/record.ts';
import type { Rule } from '../rule-kind.ts';

/**
 * The subject checks read only where the child's name stands (and, for gender, only the
 * sentences where a word for the other sex may follow it). These cases sit at the edges of
 * those shortcuts: a hyphenated name spelled other ways, a name-less form, a pronoun in capitals,
 * a pronoun in the next sentence of the same line, an abbreviation that does not end a sentence.
 */
const rules = loadPacks([DEFAULT_RULES_DIR]).flatMap((p) => p.rules);
const rule = (id: string) => rules.find((r) => r.id === id)!;

let n = 0;
/** A record of Ellie-Mae Murphy's (born 10/03/2016, female, 7 on the record's date). */
function record(text: string, extra: Partial<CanonicalRecord> = {}): CanonicalRecord {
  n++;
  return {
    record_id: `R${n}`,
    case_id: 'C1',
    subject_id: 'P1',
    subject_name: 'Ellie-Mae Murphy',
    subject_dob: '2016-03-10',
    subject_gender: 'female',
    record_date: '2023-06-06',
    recorded_at: null,
    author: 'B Morgan',
    team: 'CIN',
    record_type: 'Home Visit',
    text,
    source: { path: 'export.csv', line: n + 1, record: n },
    ...extra,
  };
}

/** The words each flag points at, from record() and finish(). */
function found(r: Rule, records: CanonicalRecord[]): string[] {
  const check = findKind(r.kind)!.createCheck([r], { asOf: '2025-06-30', sections: {}, collectMentions: false });
  return [...records.flatMap((x) => check.record(x)), ...check.finish()].map((d) => d.record.text.slice(d.span!.start, d.span!.end));
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
