import { describe, expect, it } from 'vitest';
import { duplicationKind } from './duplication.ts';
import { CheckTester } from '../../../test/support/check-tester.ts';
import type { Rule } from '../rule-kind.ts';
import type { CanonicalRecord } from '../../model/record.ts';
import type { FlagDraft } from '../../model/flag.ts';

const rule = (extra: Record<string, unknown> = {}): Rule =>
  ({
    id: 'test.duplication',
    kind: 'duplication',
    category: 'duplication',
    severity: 'error',
    standards: ['3.11'],
    message: 'm',
    pack: 'p',
    kinds: {
      copy_forward: { severity: 'warning', message: 'Say what is new.' },
      cross_case: { severity: 'error', message: 'Remove it.' },
      identity_mismatch: { severity: 'error', message: 'Correct it.' },
    },
    ...extra,
  }) as unknown as Rule;

interface Child {
  case_id: string;
  subject_id: string | null;
  subject_name: string;
  subject_dob: string;
  subject_gender: string;
}
const AMY: Child = { case_id: 'C-1', subject_id: 'P-1', subject_name: 'Amy Jones', subject_dob: '2016-04-12', subject_gender: 'female' };
const JOSH: Child = { case_id: 'C-2', subject_id: 'P-2', subject_name: 'Josh Lee', subject_dob: '2014-03-01', subject_gender: 'male' };

/** Records from the shared check tester: a child's record of a date, with no author, team or type. */
const tester = new CheckTester({ record: { recorded_at: null, author: null, team: null, record_type: null }, path: 'x.csv', env: { asOf: '2024-01-01' } });
const record = (id: string, who: Child, date: string, text: string): CanonicalRecord => tester.record(text, { record_id: id, ...who, record_date: date });

function run(records: CanonicalRecord[], r: Rule = rule()): FlagDraft[] {
  const check = tester.check(r);
  for (const rec of records) expect(check.record(rec)).toEqual([]);
  return check.finish();
}

/** What a test compares: where the flag is, its source, and what it says. */
const summary = (d: FlagDraft) => ({
  record: d.record.record_id,
  span: d.record.text.slice(d.span!.start, d.span!.end),
  severity: d.severity,
  related: d.related_record_ids,
  details: d.details,
  message: d.message,
});

// 55 words about Amy, aged 7.
const AMY_SEEN =
  'Amy (7) was seen alone in her bedroom. She showed me the drawings on her wall and said she likes living with her mum but does not like it when Dean shouts. She said she has cereal for breakfast most days and that her mum walks her to school when she is not too tired.';
const AMY_SPAN = AMY_SEEN.slice(0, -1);

describe('duplication rule kind', () => {
  it('flags the later record of a case that repeats an earlier one, with both spans', () => {
    const earlier = record('R-1', AMY, '2023-05-09', `Home visit to Ms Jones. ${AMY_SEEN} Next visit in four weeks.`);
    const later = record('R-2', AMY, '2023-06-13', `Home visit.\n\n${AMY_SEEN}\n\nMs Jones has started her new medication.`);
    const drafts = run([earlier, later]);
    expect(drafts.map(summary)).toEqual([
      {
        record: 'R-2',
        span: AMY_SPAN,
        severity: 'warning',
        related: ['R-1'],
        details: {
          kind: 'copy_forward',
          scope: 'same_case',
          source_record_id: 'R-1',
          source_case_id: 'C-1',
          source_record_date: '2023-05-09',
          source_span: { start: 24, end: 24 + AMY_SPAN.length },
          similarity: 1,
          words: 55,
          closeness: 'verbatim',
        },
        message: 'This passage of 55 words repeats record R-1 of 09/05/2023 in this case word for word (similarity 1.00). Say what is new.',
      },
    ]);
    expect(drafts[0].span).toEqual({ start: 13, end: 13 + AMY_SPAN.length });
    expect(earlier.text.slice(24, 24 + AMY_SPAN.length)).toBe(AMY_SPAN);
    // The flag goes on the later record by date, whichever comes first in the export.
    expect(run([later, earlier]).map(summary)).toEqual(drafts.map(summary));
  });

  it('says which child a copy from another family describes: name, age and pronouns', () => {
    const amy = record('R-12', AMY, '2023-05-09', `Home visit to Ms Jones. ${AMY_SEEN} Next visit in four weeks.`);
    const josh = record('R-30', JOSH, '2023-07-11', `Home visit to Mr Lee and Josh.\n\n${AMY_SEEN}\n\nMr Lee said Josh has been sleeping better.`);
    expect(run([amy, josh]).map(summary)).toEqual([
      {
        record: 'R-30',
        span: AMY_SPAN,
        severity: 'error',
        related: ['R-12'],
        details: {
          kind: 'identity_mismatch',
          scope: 'other_case',
          source_record_id: 'R-12',
          source_case_id: 'C-1',
          source_record_date: '2023-05-09',
          source_span: { start: 24, end: 24 + AMY_SPAN.length },
          similarity: 1,
          words: 55,
          closeness: 'verbatim',
          identity: { names: ['Amy'], ages: [7], pronouns: ['her'] },
        },
        message:
          "This passage of 55 words (similarity 1.00), copied from record R-12 of 09/05/2023 in another case (C-1), names 'Amy', age 7 and uses 'her' for the child, " +
          "which fit the subject of record R-12 (Amy Jones, 7, female), not this record's subject Josh Lee (age 9, male). Correct it.",
      },
    ]);
  });

  it('finds a copy with the name changed and the pronouns left ("Josh said she…")', () => {
    const amy = record('R-12', AMY, '2023-05-09', AMY_SEEN);
    const edited = AMY_SEEN.replace('Amy (7)', 'Josh (9)');
    const drafts = run([amy, record('R-30', JOSH, '2023-07-11', `Home visit.\n\n${edited}`)]);
    expect(drafts.map((d) => [d.details!.kind, d.details!.closeness, d.details!.identity])).toEqual([
      ['identity_mismatch', 'details-changed', { names: [], ages: [], pronouns: ['her'] }],
    ]);
    expect(drafts[0].message).toContain(
      "uses 'her' for Josh, which fits the subject of record R-12 (Amy Jones, 7, female), not this record's subject Josh Lee (age 9, male).",
    );
  });

  it('calls a paste from another family that was fully adapted a cross-case copy', () => {
    const amy = record('R-12', AMY, '2023-05-09', AMY_SEEN);
    const adapted = AMY_SEEN.replace('Amy (7)', 'Josh (9)')
      .replace(/\bher\b/g, 'his')
      .replace(/\bshe\b/g, 'he')
      .replace(/\bShe\b/g, 'He');
    const drafts = run([amy, record('R-30', JOSH, '2023-07-11', adapted)]);
    expect(drafts.map(summary)).toEqual([
      {
        record: 'R-30',
        span: adapted.slice(0, -1),
        severity: 'error',
        related: ['R-12'],
        details: {
          kind: 'cross_case',
          scope: 'other_case',
          source_record_id: 'R-12',
          source_case_id: 'C-1',
          source_record_date: '2023-05-09',
          source_span: { start: 0, end: AMY_SPAN.length },
          similarity: 1,
          words: 55,
          closeness: 'details-changed',
          edits: 11,
          edited_words: '“Amy 7” → “Josh 9”, “her” → “his” (5 times), “She” → “He” (5 times)',
        },
        message:
          'This passage of 55 words matches record R-12 of 09/05/2023 in another case (C-1) with only names, dates, numbers or pronouns changed (similarity 1.00). ' +
          'Changed: “Amy 7” → “Josh 9”, “her” → “his” (5 times), “She” → “He” (5 times). Remove it.',
      },
    ]);
  });

  it('finds a copy with a few words changed, and not a rewording of the same facts', () => {
    const earlier = record('R-1', AMY, '2023-05-09', AMY_SEEN);
    const light = AMY_SEEN.replace('the drawings on her wall', 'the pictures on her bedroom wall').replace('most days', 'every day');
    const reworded =
      'Amy talked to me on her own in her room and showed me the pictures she has drawn. She enjoys living with her mum, she said, although Dean shouting upsets her. Most mornings she eats cereal, and her mum takes her to school unless she is too tired.';
    expect(run([earlier, record('R-2', AMY, '2023-06-13', light)]).map((d) => [d.details!.closeness, d.details!.similarity, d.details!.words])).toEqual([
      ['edited', 0.94, 56],
    ]);
    expect(run([earlier, record('R-2', AMY, '2023-06-13', reworded)])).toEqual([]);
  });

  it('finds a copy with a word in five or six changed and its sentences moved, and says what was changed', () => {
    const source =
      'Ms Jones said that money had been very tight since her benefits were sanctioned and that the gas meter had run out twice this month. ' +
      'She became upset during the call but agreed that the school had been right to raise it and said she wanted support rather than judgement. ' +
      'I agreed to make a referral to the local welfare assistance scheme and to send her the details of the holiday activities and food programme.';
    const copy =
      'I agreed to make a referral to the local hardship fund and to send her the leaflet of the holiday activities and food programme. ' +
      'Ms Jones stated that money had been really tight since her benefits were stopped and that the gas meter had run out twice this week. ' +
      'She was tearful during the call but accepted that the school had been right to raise it and said she wanted help rather than judgement.';
    const drafts = run([record('R-1', AMY, '2023-05-09', source), record('R-2', AMY, '2023-06-13', copy)]);
    expect(drafts.map((d) => ({ span: d.record.text.slice(d.span!.start, d.span!.end), ...d.details }))).toEqual([
      {
        span: copy.slice(0, -1),
        kind: 'copy_forward',
        scope: 'same_case',
        source_record_id: 'R-1',
        source_case_id: 'C-1',
        source_record_date: '2023-05-09',
        source_span: { start: 0, end: source.length - 1 },
        similarity: 0.85,
        words: 74,
        closeness: 'edited',
        reordered: true,
        edits: 9,
        edited_words:
          '“welfare assistance scheme” → “hardship fund”, “details” → “leaflet”, “said” → “stated”, “very” → “really”, “sanctioned” → “stopped”, “month” → “week”, “became upset” → “was tearful”, “agreed” → “accepted” and 1 more',
      },
    ]);
    expect(drafts[0].message).toBe(
      'This passage of 74 words repeats record R-1 of 09/05/2023 in this case with small changes (similarity 0.85). Changed: “welfare assistance scheme” → “hardship fund”, ' +
        '“details” → “leaflet”, “said” → “stated”, “very” → “really”, “sanctioned” → “stopped”, “month” → “week”, “became upset” → “was tearful”, “agreed” → “accepted” and 1 more. ' +
        'Its sentences are in another order than in the source. Say what is new.',
    );
  });

  it('leaves short shared phrases alone', () => {
    const short = 'She said she has cereal for breakfast most days and that her mum walks her to school when she is not too tired.';
    expect(
      run([
        record('R-1', AMY, '2023-05-09', AMY_SEEN),
        record('R-2', AMY, '2023-06-13', `Update. ${short} Nothing else has changed since the last visit and the plan continues.`),
      ]),
    ).toEqual([]);
  });

  it('treats text shared by more cases than template_cases as boilerplate, and allowed passages as allowed', () => {
    const stock =
      'Information sharing and consent: I explained that what was discussed during this visit will be recorded on the file and may be shared with partner agencies where there are concerns about a child’s safety, in line with the information sharing protocol. A copy of the privacy notice was left with the family.';
    const inCases = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        record(`R-${i + 1}`, { ...JOSH, case_id: `C-${i + 1}`, subject_id: `P-${i + 1}` }, `2023-05-0${i + 1}`, `Visit ${i + 1}. ${stock}`),
      );
    expect(run(inCases(6))).toEqual([]);
    expect(run(inCases(6), rule({ template_cases: 6 })).map((d) => d.record.record_id)).toEqual(['R-2', 'R-3', 'R-4', 'R-5', 'R-6']);
    expect(run(inCases(2), rule({ allowed_passages: [stock.replace('A copy', 'A printed copy')] }))).toEqual([]);
  });

  it('judges boilerplate within each input file, so a file gives the same flags alone and with others', () => {
    const team =
      'Information sharing and consent: I explained that what was discussed during this visit will be recorded on the file and may be shared with partner agencies where there are concerns about a child’s safety, in line with the information sharing protocol. A copy of the privacy notice was left with the family.';
    // The paragraph is in three cases of each of two exports: six cases together, more than template_cases.
    const inFile = (path: string, from: number) =>
      [0, 1, 2].map((k) => {
        const n = from + k;
        return {
          ...record(`R-${n}`, { ...JOSH, case_id: `C-${n}`, subject_id: `P-${n}` }, `2023-05-0${n}`, `Visit ${n}. ${team}`),
          source: { path, line: k + 2, record: k + 1 },
        };
      });
    const [a, b] = [inFile('a.csv', 1), inFile('b.csv', 4)];
    const flagged = (records: CanonicalRecord[]) => run(records).map((d) => `${d.record.record_id}<${d.related_record_ids![0]}`);
    expect(flagged(a)).toEqual(['R-2<R-1', 'R-3<R-2']);
    expect(flagged(b)).toEqual(['R-5<R-4', 'R-6<R-5']);
    // Together: each file's own flags, the same; across the files the paragraph is in six
    // cases, more than template_cases, so it pairs no record of one file with the other's.
    expect(flagged([...a, ...b])).toEqual(['R-2<R-1', 'R-3<R-2', 'R-5<R-4', 'R-6<R-5']);
    expect(flagged([...a, ...b.slice(0, 2)])).toEqual(['R-2<R-1', 'R-3<R-2', 'R-4<R-3', 'R-5<R-4']);
    // In more than template_cases cases of one file it is that file's boilerplate, alone or not.
    const many = inFile('a.csv', 1).concat(inFile('a.csv', 4));
    expect(flagged(many)).toEqual([]);
    expect(flagged([...many, ...inFile('b.csv', 7).slice(0, 2)])).toEqual(['R-8<R-7']);
  });

  it('ignores a note filed on each child of a family on the same day, unless asked', () => {
    const joint = `Joint visit. ${AMY_SEEN} Harvey was asleep in his cot.`;
    const harvey: Child = { ...AMY, subject_id: 'P-9', subject_name: 'Harvey Jones', subject_dob: '2022-01-01', subject_gender: 'male' };
    const notes = [record('R-1', AMY, '2023-05-09', joint), record('R-2', harvey, '2023-05-09', joint)];
    expect(run(notes)).toEqual([]);
    expect(run(notes, rule({ same_day_in_case: true })).map((d) => [d.record.record_id, d.details!.kind])).toEqual([['R-2', 'copy_forward']]);
    // An export without family ids audits each child as a case: a passage that names this
    // child in the other child's record is the family's own note, not another family's.
    const apart = [record('R-1', { ...AMY, case_id: 'P-1' }, '2023-05-09', joint), record('R-2', { ...harvey, case_id: 'P-9' }, '2023-05-09', joint)];
    expect(run(apart)).toEqual([]);
    expect(run([apart[0], { ...apart[1], record_date: '2023-06-01' }]).map((d) => [d.details!.kind, d.details!.scope])).toEqual([
      ['copy_forward', 'same_family'],
    ]);
  });

  it('refuses an allowed passage too short to match', () => {
    expect(duplicationKind.validate!(rule({ allowed_passages: ['Child seen alone: yes', 'Seen: yes.'] }))).toEqual([
      { key: 'allowed_passages/1', message: 'too short to match: an allowed passage needs at least 3 words' },
    ]);
  });
});
