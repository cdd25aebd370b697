import { describe, expect, it } from 'vitest';
import type { CanonicalRecord } from '../../model/record.ts';
import type { Rule } from '../rule-kind.ts';
import { findKind } from '../index.ts';
import { CheckTester, defaultRule, spanText } from '../../../test/support/check-tester.ts';

/** Records of Amy Fenton's (born 10/03/2016, female), with whatever the test changes; checks as of 30/06/2025. */
const tester = new CheckTester();
const { record } = tester;

const ages = (text: string, extra: Partial<CanonicalRecord> = {}) =>
  tester.flags([defaultRule('hygiene.wrong-age')], [record(text, extra)]).map((d) => [spanText(d), d.details]);

describe('missing-field', () => {
  const rule = defaultRule('hygiene.missing-author');

  it('flags an empty or placeholder author where other records of the file name theirs', () => {
    const drafts = tester.flags([rule], [record('a', { author: 'B Morgan' }), record('b', { author: null }), record('c', { author: ' Unknown ' }), record('d', { author: 'N/A' })]);
    expect(drafts.map((d) => d.record.text)).toEqual(['b', 'c', 'd']);
    expect(drafts[0].message).toBe(`The record's author is empty. ${rule.message}`);
  });

  it('leaves a file where no record has an author (the column is missing or not mapped)', () => {
    const other = { path: 'other.csv', line: 2, record: 1 };
    expect(tester.flags([rule], [record('a', { author: 'B Morgan' }), record('b', { author: null, source: other }), record('c', { author: null, source: { ...other, line: 3 } })])).toEqual([]);
  });
});

describe('record-date', () => {
  const future = defaultRule('hygiene.future-dated');
  const birth = defaultRule('hygiene.before-birth');
  const late = defaultRule('hygiene.late-entry');

  it('future-dated: after --as-of, not on it', () => {
    const drafts = tester.flags([future], [record('a', { record_date: '2025-06-30' }), record('b', { record_date: '2025-07-01' })]);
    expect(drafts.map((d) => [d.record.text, d.message])).toEqual([['b', `Dated 01/07/2025, after the audit's reference date 30/06/2025. ${future.message}`]]);
  });

  it('before-birth: before subject_dob, unless the record is about an unborn baby', () => {
    const drafts = tester.flags([birth], [
      record('Seen at nursery.', { record_date: '2015-11-20' }),
      record('Pre-birth assessment: Ms Fenton is 20 weeks pregnant.', { record_date: '2015-11-21' }),
      record('Born today.', { record_date: '2016-03-10' }),
    ]);
    expect(drafts.map((d) => [d.record.text, d.message])).toEqual([['Seen at nursery.', `Dated 20/11/2015, before the child's date of birth (subject_dob). ${birth.message}`]]);
  });

  it('late-entry: more than 5 working days, bank holidays not counted; one that says so is info', () => {
    const drafts = tester.flags([late], [
      record('Easter: 7 working days.', { record_date: '2023-04-03', recorded_at: '2023-04-14T17:30' }),
      record('Coronation week: 4 working days.', { record_date: '2023-05-05', recorded_at: '2023-05-12T09:15' }),
      record('Exactly 5.', { record_date: '2023-06-05', recorded_at: '2023-06-12T16:50' }),
      record('Late entry – recorded on 24/07/2023 due to annual leave. Visit on 03/07/2023.', { record_date: '2023-07-03', recorded_at: '2023-07-24T14:00' }),
      record('No time typed.', { record_date: '2023-07-03', recorded_at: null }),
    ]);
    expect(drafts.map((d) => [d.record.text.slice(0, 12), d.severity ?? d.rule.severity, spanText(d), d.details])).toEqual([
      ['Easter: 7 wo', 'warning', null, { working_days: 7, calendar_days: 11, acknowledged: false }],
      ['Late entry –', 'info', 'Late entry', { working_days: 15, calendar_days: 21, acknowledged: true }],
    ]);
    expect(drafts[0].message).toBe(`Typed on 14/04/2023, 7 working days (11 days) after the event on 03/04/2023; the limit is 5 working days. The record does not say it is a late entry. ${late.message}`);
    expect(drafts[1].message).toBe('Typed on 24/07/2023, 15 working days (21 days) after the event on 03/07/2023; the limit is 5 working days. The record says it is a late entry (“Late entry”), as it should.');
  });

  it('late-entry: counts calendar days, and leaves acknowledged entries unflagged, when the rule says so', () => {
    const calendar = { ...late, days: 'calendar', max_days: 7, acknowledged_severity: undefined } as Rule;
    const drafts = tester.flags([calendar], [
      record('8 days.', { record_date: '2023-05-04', recorded_at: '2023-05-12T09:15' }),
      record('Retrospective entry.', { record_date: '2023-05-04', recorded_at: '2023-05-30T09:15' }),
    ]);
    expect(drafts.map((d) => d.message)).toEqual([`Typed on 12/05/2023, 8 days after the event on 04/05/2023; the limit is 7 days. The record does not say it is a late entry. ${late.message}`]);
  });

  it('refuses options that belong to another check, and a late-entry rule without max_days', () => {
    const kind = findKind('record-date')!;
    expect(kind.validate!({ ...future, max_days: 3 } as Rule)).toEqual([{ key: 'max_days', message: 'max_days is read only by check: late-entry' }]);
    expect(kind.validate!({ ...late, max_days: undefined } as Rule)).toEqual([{ key: 'max_days', message: 'a late-entry rule needs max_days' }]);
  });
});

describe('decision-reasons', () => {
  const rule = defaultRule('hygiene.decision-without-reasons');
  const flagged = (text: string, record_type = 'Case Note') => tester.flags([rule], [record(text, { record_type })]).map((d) => spanText(d) ?? d.message!.split('.')[0]);

  it.each([
    ['Decision: close to CSC.', 'Management Decision', 'Decision: close to CSC.'],
    ['Decision – close.', 'Manager Decision', 'Decision – close.'],
    ['Decision: NFA. Close case.', 'Management Decision', 'Decision: NFA.'],
    ['Discussed with TM; agreed to close the case.', 'Case Note', 'agreed to close the case.'],
    ['Case to close to CSC.', "Manager's Decision", 'This Manager\'s Decision record states a decision but gives no reasons for it'],
    ['Outcome: NFA.', 'Telephone Call', 'Outcome: NFA.'],
  ])('flags “%s” (%s)', (text, type, span) => {
    expect(flagged(text, type)).toEqual([span]);
  });

  it.each([
    ['Management decision: close the case.\n\nReasons: no incidents since March; school and health have no concerns.', 'Management Decision'],
    ['Decision: close because the assessment found no unmet needs.', 'Management Decision'],
    ['Agreed to close as there are no further concerns.', 'Case Note'],
    ['Management decision: NFA due to the referral being a duplicate.', 'Management Decision'],
    ['Decision: step down to Early Help. In light of the school’s report, there is no role for CSC.', 'Management Decision'],
    ['Considered whether to step down to Early Help; not yet agreed.', 'Supervision'],
    ['No decision has been made to close the case.', 'Case Note'],
    ['Explained that the decision will be made by my manager after the review.', 'Telephone Call'],
  ])('leaves “%s” (%s)', (text, type) => {
    expect(flagged(text, type)).toEqual([]);
  });

  // Written for the empty-reason and placement rules, in several registers; not from any scored corpus.
  it.each([
    ['Panel recommendation: long-term fostering. Reason: see panel minutes.'],
    ['Because of the ongoing worries, the CP plan continues.'],
    ['CIN plan to end, as agreed at the review.'],
    ['Given the current circumstances, contact stays supervised.'],
    ['Legal gateway: proceed to PLO, following discussion.'],
    ['Outcome – NFA – as per previous note.'],
  ])('flags a decision whose reason says nothing specific: “%s”', (text) => {
    expect(flagged(text, 'Management Decision')).toHaveLength(1);
  });

  it.each([
    ['Mr Amos has completed the perpetrator programme and two unannounced visits found the home calm, so the CP plan can end.'],
    ['Plan extended to March. Rationale – the new tenancy starts on 04/02/2025 and the school transfer is not yet agreed.'],
    ['Contact to move to the family centre – the grandparents’ flat is up two flights of stairs and Mia uses a wheelchair.'],
    ['The toxicology results for October were negative for all substances. Supervision of contact is lifted.'],
    ['Why step down? The housing officer confirmed the family have been rehoused and the rent arrears are cleared.'],
  ])('leaves a decision with a specific reason before it, after a dash or in a sentence of its own: “%s”', (text) => {
    expect(flagged(text, 'Management Decision')).toEqual([]);
  });

  it('does not take a denied reason for a reason', () => {
    expect(flagged('Decision: close. No reasons for the decision were given at the meeting.', 'Management Decision')).toEqual(['Decision: close.']);
  });
});

describe('subject-age', () => {
  it.each([
    ['Amy (8) was seen alone.', 'Amy (8)', 8, 7],
    ['Amy, aged 8, has settled into Year 3.', 'Amy, aged 8', 8, 7],
    ['Amy is a 9 year old girl who enjoys gymnastics.', 'Amy is a 9 year old', 9, 7],
    ['Amy is an eight-year-old girl.', 'Amy is an eight-year-old', 8, 7],
    ['Amy was quiet at first, but the 8-year-old soon joined in.', 'the 8-year-old', 8, 7],
    ['Amy is now 6.', 'Amy is now 6', 6, 7],
  ])('flags “%s”', (text, words, stated, actual) => {
    expect(ages(text)).toEqual([[words, { stated_age: stated, unit: 'years', actual_age: actual }]]);
  });

  it.each([
    'Amy (7) was seen alone in her bedroom.',
    'Amy is a 7 year old girl.',
    'Chloe Fenton (19) is a single parent to Amy (7).',
    "Amy's brother Josh (9) was at football.",
    'Amy was quiet, but Josh, the 9-year-old, talked all the time.',
    'Amy’s baby sister is due her 6–8 month review.',
    'amy (8) in lower case is not a name.',
  ])('leaves “%s”', (text) => {
    expect(ages(text)).toEqual([]);
  });

  it('reads months for babies and names the actual age in months', () => {
    const baby = { subject_name: 'Ivy Shaw', subject_dob: '2023-01-15', record_date: '2023-08-29' };
    const drafts = tester.flags([defaultRule('hygiene.wrong-age')], [record('Ivy, aged 9 months, is crawling.', baby), record('Ivy (7 months) is crawling.', baby)]);
    expect(drafts.map((d) => [spanText(d), d.details])).toEqual([['Ivy, aged 9 months', { stated_age: 9, unit: 'months', actual_age: 7 }]]);
    expect(drafts[0].message).toMatch(/^“Ivy, aged 9 months” gives the child's age as 9 months, but by subject_dob the child was 7 months old on 29\/08\/2023\. /);
  });

  it('needs a date of birth, and checks the birthday to the day', () => {
    expect(ages('Amy (8) was seen.', { subject_dob: null })).toEqual([]);
    expect(ages('Amy (7) was seen.', { record_date: '2024-03-09' })).toEqual([]);
    expect(ages('Amy (7) was seen.', { record_date: '2024-03-10' })).toEqual([['Amy (7)', { stated_age: 7, unit: 'years', actual_age: 8 }]]);
  });
});

describe('subject-gender', () => {
  const gender = (text: string, extra: Partial<CanonicalRecord> = {}) => tester.flags([defaultRule('hygiene.wrong-gender')], [record(text, extra)]).map(spanText);

  it.each([
    ['Amy showed me his school report.', 'Amy showed me his'],
    ['Amy was seen at school and told me about his new bike.', 'Amy was seen at school and told me about his'],
    ['Amy (7) said he likes football.', 'Amy (7) said he'],
    ['Amy is a 7 year old boy who loves Lego.', 'Amy is a 7 year old boy'],
    ['Amy, a quiet and thoughtful boy, was seen alone.', 'Amy, a quiet and thoughtful boy'],
  ])('flags “%s”', (text, words) => {
    expect(gender(text)).toEqual([words]);
  });

  it.each([
    'Amy was seen alone in her bedroom; she showed me her drawings.',
    'Ms Fenton said Amy is "driving her mad" and he has taken her phone.',
    'Amy has joined the choir and he asked whether she can go on Saturdays.',
    'Amy told her teacher that he had pushed her.',
    'Amy and her brother went to the park, and he bought ice creams.',
    'Amy said “he keeps calling me names” about a boy in her class.',
    'Amy played with Josh, and his dog.',
    'Amy said Josh is proud of his bike.',
  ])('leaves “%s”', (text) => {
    expect(gender(text)).toEqual([]);
  });

  it('leaves subjects whose gender is not male or female', () => {
    expect(gender('Amy showed me his school report.', { subject_gender: 'unknown' })).toEqual([]);
  });
});

describe('subject-name', () => {
  const rule = defaultRule('hygiene.wrong-name');
  const child = (subject_id: string, subject_name: string, case_id: string) => ({ subject_id, subject_name, case_id });

  it('flags another family’s child named as the child observed, once per name, naming them', () => {
    const drafts = tester.flags([rule], [
      record('Kara (9) was seen alone in her bedroom.', child('P2', 'Kara Nolan', 'C2')),
      record('Home visit.\n\nKara (9) was seen alone in her bedroom. Kara was seen alone again later.\n\nAmy was tired.'),
    ]);
    expect(drafts.map((d) => [d.record.record_id, spanText(d), d.details])).toEqual([[drafts[0].record.record_id, 'Kara (9)', { other_subject_ids: ['P2'] }]]);
    expect(drafts[0].message).toBe(`“Kara (9)” describes as the child observed another child of this export, “Kara Nolan” (case C2), who is neither this record's subject nor a sibling in its case. ${rule.message}`);
  });

  it('leaves siblings (same case or same family name), own-name namesakes, and passing mentions', () => {
    expect(tester.flags([rule], [
      record('Mason (10) was seen in the kitchen.', child('P3', 'Mason Kerr', 'C1')),
      record('Josh (9) was doing homework.', child('P4', 'Josh Fenton', 'C9')),
      record('Amy (7) was seen.', child('P5', 'Amy Nolan', 'C5')),
      record('Mason (10) was seen alone and said he looks after Amy. Josh (9) was at football. Amy walked to school with Kara Nolan.'),
      record('Kara was at Amy’s party.', child('P2', 'Kara Nolan', 'C2')),
    ])).toEqual([]);
  });

  it('leaves a name shared with a sibling, even if another family has a child of that name', () => {
    expect(tester.flags([rule], [
      record('Mason (10) was seen.', child('P3', 'Mason Kerr', 'C1')),
      record('Mason (7) was seen.', child('P6', 'Mason Doyle', 'C6')),
      record('Mason (10) was seen alone.'),
    ])).toEqual([]);
  });

  it('needs {name} in every form', () => {
    expect(findKind('subject-name')!.validate!({ ...rule, forms: ['\\(\\d+\\) was seen'] } as Rule)).toEqual([{ key: 'forms/0', message: 'a form needs {name}' }]);
  });
});
