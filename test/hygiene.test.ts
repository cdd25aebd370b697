import { describe, expect, it } from 'vitest';
import { auditJson } from './support/run-cli.ts';
import { fixtureCorpus } from './support/fixture-corpus.ts';
import type { Flag } from '../src/model/flag.ts';

const FIXTURES = fixtureCorpus('fixtures/hygiene');
const MINE = /^hygiene\.(?!placeholder-text$)/;

const audit = auditJson;

describe('record-hygiene fixtures', () => {
  it('flags exactly the faults, with the words that show them', async () => {
    const report = await audit(FIXTURES);
    const flags = (report.flags as Flag[]).filter((f) => MINE.test(f.rule));
    const rows = flags.map((f) => [f.record_id, f.rule, f.severity, f.span?.text ?? null]).sort((a, b) => `${a[0]} ${a[1]}`.localeCompare(`${b[0]} ${b[1]}`));
    expect(rows).toEqual([
      ['AU-102', 'hygiene.missing-author', 'warning', null],
      ['AU-103', 'hygiene.missing-author', 'warning', null],
      ['AU-202', 'hygiene.missing-author', 'warning', null],
      ['DC-101', 'hygiene.decision-without-reasons', 'warning', 'Decision: step down to Early Help.'],
      ['DC-103', 'hygiene.decision-without-reasons', 'warning', 'agreed to close the case.'],
      ['DC-108', 'hygiene.decision-without-reasons', 'warning', null],
      ['DC-110', 'hygiene.decision-without-reasons', 'warning', 'Outcome: NFA.'],
      ['DC-115', 'hygiene.decision-without-reasons', 'warning', 'Management decision: child in need plan to end;'],
      ['DC-201', 'hygiene.decision-without-reasons', 'warning', null],
      ['DC-202', 'hygiene.decision-without-reasons', 'warning', 'Decision: extend the parenting assessment.'],
      ['DC-208', 'hygiene.decision-without-reasons', 'warning', 'NFA – as per the duty log.'],
      ['DC-209', 'hygiene.decision-without-reasons', 'warning', null],
      ['DC-210', 'hygiene.decision-without-reasons', 'warning', null],
      ['DR-N1', 'hygiene.decision-without-reasons', 'warning', 'Team manager approves case closure - nothing more to add.'],
      ['DR-N2', 'hygiene.decision-without-reasons', 'warning', 'Supervision 07/03/2025 – decided to issue care proceedings for both girls;'],
      ['DR-N4', 'hygiene.decision-without-reasons', 'warning', 'NFA.'],
      ['DR-N6', 'hygiene.decision-without-reasons', 'warning', 'Decision: NFA.'],
      ['DR-N7', 'hygiene.decision-without-reasons', 'warning', 'Child in need plan agreed: SW to visit monthly;'],
      ['DR-S71', 'hygiene.decision-without-reasons', 'warning', 'Case to remain open pending the outcome of the hair-strand tests.'],
      ['DR-S72', 'hygiene.decision-without-reasons', 'warning', "Mum's request for contact at the grandparents' house refused at this time."],
      [
        'DR-S73',
        'hygiene.decision-without-reasons',
        'warning',
        "Decision: close to children's social care, because that was felt to be the right way forward.",
      ],
      ['DR-T02', 'hygiene.decision-without-reasons', 'warning', 'The case stays open because that is what everyone thought best.'],
      ['DR-T04', 'hygiene.decision-without-reasons', 'warning', 'Following the review meeting, the case was closed.'],
      ['DT-102', 'hygiene.future-dated', 'error', null],
      ['DT-104', 'hygiene.before-birth', 'error', null],
      ['DT-104', 'hygiene.late-entry', 'warning', null],
      ['DT-105', 'hygiene.late-entry', 'warning', null],
      ['DT-108', 'hygiene.late-entry', 'warning', null],
      ['DT-109', 'hygiene.late-entry', 'info', 'Retrospective entry'],
      ['DT-110', 'hygiene.late-entry', 'info', 'Recorded late'],
      ['DT-111', 'hygiene.late-entry', 'warning', null],
      ['DT-115', 'hygiene.future-dated', 'error', null],
      ['DT-116', 'hygiene.before-birth', 'error', null],
      ['DT-116', 'hygiene.late-entry', 'warning', null],
      ['ID-102', 'hygiene.wrong-age', 'warning', 'Amy, aged 8'],
      ['ID-104', 'hygiene.wrong-age', 'warning', 'the 8-year-old'],
      ['ID-106', 'hygiene.wrong-gender', 'warning', 'Amy was seen at school and told me about his'],
      ['ID-108', 'hygiene.wrong-gender', 'warning', 'Josh is a 9 year old girl'],
      ['ID-115', 'hygiene.wrong-name', 'error', 'Kara (9)'],
      ['ID-120', 'hygiene.wrong-gender', 'warning', 'Kara showed me his'],
      ['ID-124', 'hygiene.wrong-age', 'warning', 'Ivy, aged 9 months'],
      ['ID-128', 'hygiene.wrong-gender', 'warning', 'Leo is a happy, chatty girl'],
      ['ID-129', 'hygiene.wrong-age', 'warning', 'Kara is now 11'],
      ['ID-130', 'hygiene.wrong-name', 'error', 'Tia, aged 8'],
      ['ID-132', 'hygiene.wrong-name', 'error', 'Tia (8)'],
      ['OCT-01', 'hygiene.other-child', 'warning', 'direct work with Bilal'],
      ['OCT-04', 'hygiene.other-child', 'warning', 'Jasmine is in Year 2'],
      ['OCT-09', 'hygiene.other-child', 'warning', 'Kofi (6)'],
      [
        'R11-D1',
        'hygiene.decision-without-reasons',
        'warning',
        'Morning both, I can confirm the local authority will issue care proceedings for Jax next month.',
      ],
    ]);
  });

  it('says what is wrong in each message, with the dates and ages worked out', async () => {
    const report = await audit(FIXTURES);
    const message = (id: string, rule: string) => (report.flags as Flag[]).find((f) => f.record_id === id && f.rule === rule)!.message;
    expect(message('DT-105', 'hygiene.late-entry')).toMatch(
      /^Typed on 14\/04\/2023, 7 working days \(11 days\) after the event on 03\/04\/2023; the limit is 5 working days\. The record does not say it is a late entry\. Record events promptly/,
    );
    expect(message('DT-104', 'hygiene.before-birth')).toMatch(
      /^Dated 20\/11\/2018, before the child's date of birth \(subject_dob\)\. Check the record's date/,
    );
    expect(message('DT-102', 'hygiene.future-dated')).toMatch(
      /^Dated 15\/09\/2025, after the audit's reference date 30\/06\/2025\. Check the date of the event/,
    );
    expect(message('ID-102', 'hygiene.wrong-age')).toMatch(
      /^“Amy, aged 8” gives the child's age as 8, but by subject_dob the child was 7 on 26\/09\/2023\. Check the age/,
    );
    expect(message('ID-120', 'hygiene.wrong-gender')).toMatch(
      /^“Kara showed me his”: the child is recorded as female \(subject_gender\) but is called “his” here\. /,
    );
    expect(message('ID-115', 'hygiene.wrong-name')).toMatch(
      /^“Kara \(9\)” describes as the child observed another child of this export, “Kara Nolan” \(case H4-300\), who is neither this record's subject nor a sibling in its case\. /,
    );
    expect(message('OCT-04', 'hygiene.other-child')).toMatch(
      /^“Jasmine is in Year 2” reads as about a child, but “Jasmine” is not this record's subject \(“Reece”\), a sibling in its case, or anyone else the case's records name \(with a role, or in another record\)\. It may be another child's information\. Check whether this passage is about this record's child\./,
    );
    expect(message('DC-108', 'hygiene.decision-without-reasons')).toMatch(
      /^This Manager's Decision record states a decision but gives no reasons for it\. Record how the decision was reached/,
    );
  });

  it('keeps names and dates of birth out of messages with --no-snippets (and masks them with --redact)', async () => {
    const files = [
      'rules/tests/hygiene.wrong-name.csv',
      'rules/tests/hygiene.wrong-age.csv',
      'rules/tests/hygiene.wrong-gender.csv',
      'rules/tests/hygiene.before-birth.csv',
    ];
    const people = /Kara|Nolan|Tia|Rowe|Leo|Bright|Amy|Fenton|Josh|Ivy|Shaw|Harriet|Dean|Oscar|Webb|10\/03\/2016|14\/05\/2019/;
    for (const option of ['--no-snippets', '--redact']) {
      const flags = ((await audit(files, [option])).flags as Flag[]).filter((f) => MINE.test(f.rule));
      expect(flags.length).toBeGreaterThan(0);
      for (const f of flags) expect(`${f.message} ${f.span?.text ?? ''}`, `${option} ${f.record_id}`).not.toMatch(people);
    }
  });

  it('keeps the other child’s name out of other-child messages with --no-snippets (--redact masks only names the export holds)', async () => {
    const flags = ((await audit(['rules/tests/hygiene.other-child.csv'], ['--no-snippets'])).flags as Flag[]).filter((f) => f.rule === 'hygiene.other-child');
    expect(flags.map((f) => f.record_id)).toEqual(['OCT-01', 'OCT-04', 'OCT-09']);
    for (const f of flags) expect(`${f.message} ${f.span?.text ?? ''}`, f.record_id).not.toMatch(/Bilal|Jasmine|Kofi|Poppy|Reece|Nadia/);
    const redacted = ((await audit(['rules/tests/hygiene.other-child.csv'], ['--redact'])).flags as Flag[]).find((f) => f.record_id === 'OCT-04')!;
    expect(redacted.message).toMatch(/^“Jasmine is in Year 2” reads as about a child, but “Jasmine” is not this record's subject \(“\[name\]”\)/);
  });

  it('future-dated follows --as-of', async () => {
    const report = await audit(['rules/tests/hygiene.future-dated.csv'], ['--as-of', '2026-01-12']);
    expect((report.flags as Flag[]).filter((f) => f.rule === 'hygiene.future-dated')).toEqual([]);
  });

  it('does not flag records of a file without an author column', async () => {
    const report = await audit(['fixtures/hygiene/no-author-column.csv']);
    expect((report.flags as Flag[]).filter((f) => MINE.test(f.rule))).toEqual([]);
  });
});
