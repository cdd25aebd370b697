import { describe, expect, it } from 'vitest';
import { nameOf, stalenessKind, type StalenessRule } from './staleness.ts';
import type { CanonicalRecord } from '../../model/record.ts';
import type { Rule } from '../rule-kind.ts';
import { CheckTester, defaultRule, spanText } from '../../../test/support/check-tester.ts';

const tester = new CheckTester({
  record: { subject_name: 'Mason Doyle', subject_dob: '2016-04-11', subject_gender: 'male', recorded_at: null, author: 'K Lamb', record_type: 'Case Note' },
  path: 't.csv',
});
const rule = (id: string) => defaultRule(id) as StalenessRule;

function record(record_id: string, record_date: string, text: string, extra: Partial<CanonicalRecord> = {}): CanonicalRecord {
  return tester.record(text, { record_id, record_date, ...extra });
}

/** Runs rules over records (in the order given) and returns [record, related, flagged words] per flag. */
function run(rules: Rule[], records: CanonicalRecord[], timeline = false) {
  // Every finding needs the whole case: none comes from record().
  const check = tester.check(rules, { timeline });
  for (const r of records) expect(check.record(r)).toEqual([]);
  const drafts = check.finish();
  return {
    flags: drafts.map((d) => [d.record.record_id, d.related_record_ids, spanText(d)]),
    drafts,
    sections: check.sections!(),
  };
}

const COURSE = rule('staleness.parenting-course-completed');
const completed = record('R-61', '2023-05-03', 'Ms Hughes brought in her certificate. She completed Triple P with distinction.');

describe('staleness: what is an event and what is a claim', () => {
  it('flags a claim dated after the event, quoting both, and names the event record', () => {
    const { flags, drafts } = run(
      [COURSE],
      [completed, record('R-88', '2023-09-12', 'Review. Mother has not engaged with a parenting course and visits continue.')],
    );
    expect(flags).toEqual([['R-88', ['R-61'], 'Mother has not engaged with a parenting course']]);
    expect(drafts[0].message).toBe(
      'Record R-88 (12/09/2023) states “Mother has not engaged with a parenting course”, but record R-61 (03/05/2023) documents “She completed Triple P with distinction”. ' +
        COURSE.message,
    );
    expect(drafts[0].quotes).toEqual([
      { text: 'Mother has not engaged with a parenting course', record_id: 'R-88', field: '/message', start: 33, end: 79 },
      { text: 'She completed Triple P with distinction', record_id: 'R-61', field: '/message', start: 122, end: 161 },
    ]);
  });

  it('leaves a claim made before the event, and a record that updates it', () => {
    const before = record('R-40', '2023-02-01', 'Mother has not engaged with a parenting course.');
    const update = record('R-90', '2023-10-01', 'Ms Hughes completed the parenting course in May and uses the reward chart.');
    expect(run([COURSE], [before, completed, update]).flags).toEqual([]);
  });

  it.each([
    ['negated', 'It is not true that mother has not engaged with a parenting course.'],
    ['hypothetical', 'If mother has not engaged with a parenting course by March, the plan will be reviewed.'],
    ['attributed', 'Mr Hughes says mother has not engaged with a parenting course.'],
    ['quoted', 'Mr Hughes wants it recorded that "mother has not engaged with a parenting course".'],
    ['about the father', 'Father has not engaged with a parenting course; he has been offered Caring Dads.'],
  ])('does not count a %s claim', (_, text) => {
    expect(run([COURSE], [completed, record('R-88', '2023-09-12', text)]).flags).toEqual([]);
  });

  it('reads a possessive phrase inside a plan as a claim, and leaves a supposition without one', () => {
    const TEST = rule('staleness.negative-substance-test');
    const negative = record('R-1', '2024-01-10', 'PEth test result received: 6 ng/mL, consistent with abstinence.');
    const plan = record('R-2', '2024-03-01', 'Outcome 2: Mason will be kept safe from the effects of his father’s heavy drinking.');
    const supposition = record('R-3', '2024-03-02', 'If Mr Doyle starts drinking heavily again, the plan will be reviewed.');
    expect(run([TEST], [negative, plan, supposition]).flags).toEqual([
      ['R-2', ['R-1'], 'Mason will be kept safe from the effects of his father’s heavy drinking'],
    ]);
  });

  it('does not count a hypothetical or negated event', () => {
    const hypothetical = record('R-50', '2023-03-01', 'If Ms Hughes has completed Triple P by May, contact can move to the community.');
    const negated = record('R-51', '2023-04-01', 'Ms Hughes has not completed Triple P yet.');
    expect(run([COURSE], [hypothetical, negated, record('R-88', '2023-09-12', 'Mother has not engaged with a parenting course.')]).flags).toEqual([]);
  });

  it('orders by record_date, then recorded_at, then record_id, whatever the input order', () => {
    const event = record('R-2', '2023-05-03', completed.text, { recorded_at: '2023-05-03T09:00' });
    const sameDayLater = record('R-1', '2023-05-03', 'Mother has not engaged with a parenting course.', { recorded_at: '2023-05-03T15:00' });
    const sameDayEarlier = record('R-3', '2023-05-03', 'Mother has not engaged with a parenting course.', { recorded_at: '2023-05-03T08:00' });
    expect(run([COURSE], [sameDayLater, sameDayEarlier, event]).flags).toEqual([['R-1', ['R-2'], 'Mother has not engaged with a parenting course']]);
  });

  it('keeps cases apart', () => {
    expect(run([COURSE], [completed, record('R-88', '2023-09-12', 'Mother has not engaged with a parenting course.', { case_id: 'C2' })]).flags).toEqual([]);
  });

  it('gives one finding per out-of-date sentence, and one for a sentence with two claims', () => {
    const text = 'Mother has not engaged with a parenting course. She is still on the waiting list for Triple P.';
    const twice = 'Mother has not engaged with a parenting course and has not completed Triple P either.';
    expect(run([COURSE], [completed, record('R-88', '2023-09-12', text), record('R-89', '2023-10-01', twice)]).flags).toEqual([
      ['R-88', ['R-61'], 'Mother has not engaged with a parenting course'],
      ['R-88', ['R-61'], 'She is still on the waiting list for Triple P'],
      ['R-89', ['R-61'], 'Mother has not engaged with a parenting course'],
    ]);
  });
});

describe('staleness: word lists, people and reversals', () => {
  const PLAN = rule('staleness.plan-or-order-ended');

  it('with `same`, pairs a claim only with an event about the same entry of the word list', () => {
    const ended = record('R-1', '2023-07-11', 'The conference agreed that the child protection plan was ended.');
    const cin = record('R-2', '2023-09-05', 'Mason is subject to a child in need plan.');
    const cp = record('R-3', '2023-10-05', 'Mason remains subject to a CP plan.');
    expect(run([PLAN], [ended, cin, cp]).flags).toEqual([['R-3', ['R-1'], 'Mason remains subject to a CP plan']]);
  });

  it('matches people by titled surname as well as sex', () => {
    const CONVICTION = rule('staleness.conviction-or-allegation-cleared');
    const amended = record('R-1', '2023-04-18', 'The PNC record has been amended and Mr Pike has no convictions.');
    const other = record('R-2', '2023-06-01', 'Mr Grant, the maternal grandfather, has a conviction for burglary.');
    const same = record('R-3', '2023-06-06', 'Mr Pike has a previous conviction for drug supply.');
    expect(run([CONVICTION], [amended, other, same]).flags).toEqual([['R-3', ['R-1'], 'Mr Pike has a previous conviction for drug supply']]);
  });

  it('a reversal after the event makes the claim current again', () => {
    const TEST = rule('staleness.negative-substance-test');
    const negative = record('R-1', '2023-02-21', "PEth test results received from the laboratory. Mr Turner's result is below the cut-off.");
    const stale = record('R-2', '2023-03-07', 'Mr Turner continues to drink.');
    const positive = record('R-3', '2023-06-27', 'The second PEth test was positive, consistent with regular excessive alcohol consumption.');
    const current = record('R-4', '2023-07-11', 'Mr Turner is drinking heavily again.');
    expect(run([TEST], [negative, stale, positive, current]).flags).toEqual([['R-2', ['R-1'], 'Mr Turner continues to drink']]);
  });

  it('an event needs its `near` words: "within the normal range" is a test result only beside a test', () => {
    const TEST = rule('staleness.negative-substance-test');
    const review = record('R-1', '2023-06-20', 'Developmental review completed: development within the normal range.');
    expect(run([TEST], [review, record('R-2', '2023-07-01', 'Mr Turner continues to drink.')]).flags).toEqual([]);
  });
});

describe('staleness: the finding template and the timeline section', () => {
  it('tells the finding with the rule’s own template', () => {
    const custom = {
      ...COURSE,
      id: 'council.course',
      finding: '{record_id} of {record_date} is out of date since {event_record_id} ({event_date}): “{event}”.',
    } as StalenessRule;
    const { drafts } = run([custom], [completed, record('R-88', '2023-09-12', 'Mother has not engaged with a parenting course.')]);
    expect(drafts[0].message).toBe(`R-88 of 12/09/2023 is out of date since R-61 (03/05/2023): “She completed Triple P with distinction”. ${COURSE.message}`);
    // The claim is not in this template, so only the event is quoted.
    expect(drafts[0].quotes).toEqual([{ text: 'She completed Triple P with distinction', record_id: 'R-61', field: '/message', start: 60, end: 99 }]);
  });

  it('gives each case’s events and claims in order, with --timeline only', () => {
    const records = [
      record('R-40', '2023-02-01', 'Mother has not engaged with a parenting course.'),
      completed,
      record('R-88', '2023-09-12', 'Mother has not engaged with a parenting course.'),
    ];
    expect(run([COURSE], records).sections).toEqual({});
    // The fact sheet beside it is test/fact-sheet.test.ts's.
    expect(Object.keys(run([COURSE], records, true).sections)).toEqual(['fact_sheet', 'staleness_timeline']);
    expect(run([COURSE], records, true).sections).toMatchObject({
      staleness_timeline: [
        {
          case_id: 'C1',
          rule: 'staleness.parenting-course-completed',
          entries: [
            { record_id: 'R-40', record_date: '2023-02-01', role: 'claim', words: 'has not engaged with a parenting course', stale_since: null },
            { record_id: 'R-61', record_date: '2023-05-03', role: 'event', words: 'completed Triple P' },
            { record_id: 'R-88', record_date: '2023-09-12', role: 'claim', words: 'has not engaged with a parenting course', stale_since: 'R-61' },
          ],
        },
      ],
    });
  });
});

describe('staleness: the timeline keeps one step per record and role', () => {
  it('shows a record with two events once, and of a record’s claims the one found out of date', () => {
    const twice = record('R-61', '2023-05-03', 'She completed Triple P with distinction. The certificate shows she has completed the Triple P programme.');
    const claims = record('R-88', '2023-09-12', 'Father has not engaged with a parenting course. Mother has not engaged with a parenting course.');
    const { sections, flags } = run([COURSE], [twice, claims], true);
    expect(flags).toEqual([['R-88', ['R-61'], 'Mother has not engaged with a parenting course']]);
    expect((sections.staleness_timeline as { entries: unknown[] }[])[0].entries).toEqual([
      { record_id: 'R-61', record_date: '2023-05-03', role: 'event', words: 'completed Triple P' },
      { record_id: 'R-88', record_date: '2023-09-12', role: 'claim', words: 'has not engaged with a parenting course', stale_since: 'R-61' },
    ]);
  });
});

describe('staleness: names a case gives to what a rule names', () => {
  it('takes the capitalised words that end what a `learn:` pattern found, two at least or an acronym', () => {
    expect(nameOf('to the Steady Steps')).toBe('Steady Steps');
    expect(nameOf('referral to Bright Beginnings')).toBe('Bright Beginnings');
    expect(nameOf('for the DAPP')).toBe('DAPP');
    expect(nameOf('join KidsFirst')).toBe('KidsFirst');
    // One ordinary capitalised word, a word that describes a group, or a possessive is no name.
    expect(nameOf('to the Wednesday')).toBeNull();
    expect(nameOf('Weekly Parenting')).toBeNull();
    expect(nameOf("to Mum's")).toBeNull();
    expect(nameOf('a home-based')).toBeNull();
    // After what names it ("a parenting course known as …"), the first capitalised words.
    expect(nameOf('Family Matters at the hub', 'after')).toBe('Family Matters');
  });

  it('reads a programme the case has named as a programme in its later records, and only in that case', () => {
    const named = record('R-1', '2023-01-10', 'Plan: refer Ms Hughes to the Bright Start parenting group at the family hub.');
    const done = record('R-2', '2023-04-02', 'Ms Hughes finished Bright Start on Tuesday and was given her certificate.');
    const claim = record('R-3', '2023-06-20', 'Ms Hughes has not completed Bright Start yet.');
    expect(run([COURSE], [named, done, claim]).flags).toEqual([['R-3', ['R-2'], 'Ms Hughes has not completed Bright Start yet']]);
    const elsewhere = (r: CanonicalRecord) => ({ ...r, case_id: 'OTHER' });
    expect(run([COURSE], [named, elsewhere(done), elsewhere(claim)]).flags).toEqual([]);
  });
});

describe('staleness rules that are broken', () => {
  const base: Rule = { id: 'x.y', kind: 'staleness', category: 'staleness', severity: 'warning', standards: ['3.11'], message: 'm', pack: 'p' };

  it('names unknown word lists, unsafe or invalid patterns, unknown `same` lists and finding placeholders', () => {
    expect(
      stalenessKind.validate!({
        ...base,
        words: { programme: ['Triple P'] },
        event: { patterns: ['completed {programme}', '(a+)+$'], near: ['{tests}'] },
        claims: { terms: ['has not done {course}'], patterns: ['(unclosed'] },
        same: ['diagnosis'],
        finding: 'Record {record} is stale.',
      } as Rule),
    ).toEqual([
      { key: 'event/patterns/1', message: 'pattern refused: a repeated group contains another repetition (like (a+)+), which can take exponential time' },
      { key: 'event/near/0', message: "{tests} is not one of the rule's word lists (programme)" },
      { key: 'claims/terms/0', message: "{course} is not one of the rule's word lists (programme)" },
      { key: 'claims/patterns/0', message: expect.stringMatching(/^not a valid regular expression: .*Unterminated group/) },
      { key: 'same/0', message: "'diagnosis' is not one of the rule's word lists" },
      { key: 'finding', message: '{record} is not a finding placeholder ({record_id}, {record_date}, {claim}, {event_record_id}, {event_date}, {event})' },
    ]);
  });

  it('names a `learn:` list that is not a word list, and a pattern without its {Name} slot or with an unknown list', () => {
    expect(
      stalenessKind.validate!({
        ...base,
        words: { programme: ['Triple P'] },
        event: { terms: ['completed {programme}'] },
        claims: { terms: ['has not done {programme}'] },
        learn: { programme: ['{Name} group', 'a parenting group', '{Name} {course}', 'the {Name} group'], course: ['{Name} course'] },
      } as Rule),
    ).toEqual([
      { key: 'learn/programme/1', message: 'needs {Name} once, at its start or its end' },
      { key: 'learn/programme/2', message: "{course} is not one of the rule's word lists (programme)" },
      { key: 'learn/programme/3', message: 'needs {Name} once, at its start or its end' },
      { key: 'learn/course', message: "'course' is not one of the rule's word lists" },
    ]);
  });

  it('needs terms or patterns for the event and the claims', () => {
    expect(stalenessKind.validate!({ ...base, event: {}, claims: { terms: ['x'] } } as Rule)).toEqual([
      { key: 'event', message: 'needs terms or patterns, or a topic and a state' },
    ]);
  });
});
