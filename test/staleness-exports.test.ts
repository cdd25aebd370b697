import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { runCli, repoPath } from './support/run-cli.ts';

/**
 * The staleness and record-hygiene findings planted in the sample exports (see the fixture
 * author's list), found exactly: no more, no fewer. The three pasted paragraphs (5202183,
 * CN-1013, 881579) are the duplication kind's identity mismatches; the wrong-name rule finds the
 * other child's name in them too, and that finding is carried by the copy's flag (one finding
 * per problem), as the last test here checks.
 */
const EXPORTS = readdirSync(repoPath('fixtures/exports'))
  .filter((f) => /\.(csv|txt)$/.test(f))
  .map((f) => `fixtures/exports/${f}`);
const IN_SCOPE = /^(?:staleness\.|hygiene\.(?!placeholder-text$))/;

interface Flag {
  rule: string;
  record_id: string;
  severity: string;
  related_record_ids: string[];
  span: { text: string } | null;
  message: string;
}

async function flags(paths: string[]): Promise<Flag[]> {
  const result = await runCli(['audit', ...paths, '--format', 'json', '--fail-on', 'never', '--as-of', '2025-06-30']);
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout).flags as Flag[]).filter((f) => IN_SCOPE.test(f.rule));
}

const rows = (list: Flag[]) =>
  list
    .map((f) => [f.record_id, f.rule, f.severity, f.related_record_ids, f.span?.text ?? null])
    .sort((a, b) => `${a[0]} ${a[1]}`.localeCompare(`${b[0]} ${b[1]}`));

describe('planted staleness and record-hygiene findings in the sample exports', () => {
  it('are found exactly, with the records they relate to', async () => {
    expect(rows(await flags(EXPORTS))).toEqual(
      [
        // canonical-notes.csv
        ['CN-1012', 'hygiene.missing-author', 'warning', [], null],
        ['CN-1014', 'hygiene.late-entry', 'warning', [], null],
        ['CN-1015', 'hygiene.wrong-age', 'warning', [], 'Arjun (12)'],
        ['CN-1017', 'hygiene.decision-without-reasons', 'warning', [], 'Decision: close.'],
        ['CN-1026', 'staleness.parenting-course-completed', 'warning', ['CN-1025'], 'Father has not completed a parenting course'],
        // liquidlogic-casenotes.csv
        ['5201292', 'hygiene.late-entry', 'info', [], 'Late entry'],
        ['5201378', 'hygiene.decision-without-reasons', 'warning', [], 'Decision: close to CSC.'],
        // The FII label kept as a current concern after Dr Adeyemi's report: the label rules flag the word, staleness the out-of-date claim.
        ['5201796', 'staleness.fii-excluded', 'error', ['5201541'], 'Concerns of FII remain'],
        ['5202022', 'hygiene.missing-author', 'warning', [], null],
        ['5202245', 'staleness.parenting-course-completed', 'warning', ['5202046'], 'Mother has not engaged with a parenting course'],
        ['5202270', 'hygiene.late-entry', 'warning', [], null],
        ['5202302', 'hygiene.wrong-age', 'warning', [], 'Daniel (8)'],
        // carefirst-notes.txt
        ['730317', 'hygiene.late-entry', 'warning', [], null],
        ['730344', 'hygiene.missing-author', 'warning', [], null],
        ['730369', 'hygiene.wrong-age', 'warning', [], 'Esi (9)'],
        ['730467', 'hygiene.decision-without-reasons', 'warning', [], 'Decision: NFA.'],
        // mosaic-casenotes.csv
        ['880520', 'hygiene.missing-author', 'warning', [], null],
        ['881302', 'staleness.conviction-or-allegation-cleared', 'error', ['881142'], 'Mr Reid has a conviction for ABH'],
        ['881695', 'hygiene.wrong-age', 'warning', [], 'Jayden, aged 6'],
        ['881738', 'hygiene.late-entry', 'warning', [], null],
        ['881769', 'hygiene.decision-without-reasons', 'warning', [], 'Decision – close.'],
      ].sort((a, b) => `${a[0]} ${a[1]}`.localeCompare(`${b[0]} ${b[1]}`)),
    );
  });

  it('are the same audited one file at a time', async () => {
    const one = (await Promise.all(EXPORTS.map((p) => flags([p])))).flat();
    expect(rows(one)).toEqual(rows(await flags(EXPORTS)));
  });

  it('say what is out of date, from which record, in the words of the records', async () => {
    const all = await flags(EXPORTS);
    const message = (id: string) => all.find((f) => f.record_id === id)!.message;
    expect(message('5202245')).toMatch(
      /^Record 5202245 \(19\/09\/2023\) states “Mother has not engaged with a parenting course”, but record 5202046 \(24\/05\/2023\) documents “She completed the Triple P Group programme \(8 sessions, 8 March – 10 May 2023\) with distinction”\. /,
    );
    expect(message('881302')).toMatch(
      /^Record 881302 \(06\/06\/2023\) states “Mr Reid has a conviction for ABH”, but record 881142 \(20\/03\/2023\) documents “Email from the police disclosure unit dated 17\/03\/2023: the conviction for ABH \(2016\) belongs to a different Marcus Reid with a different date of birth”\. /,
    );
    expect(message('5202302')).toMatch(/^“Daniel \(8\)” gives the child's age as 8, but by subject_dob the child was 10 on 10\/10\/2023\. /);
    expect(message('5202270')).toMatch(
      /^Typed on 26\/09\/2023, 29 working days \(42 days\) after the event on 15\/08\/2023; the limit is 5 working days\. The record does not say it is a late entry\. /,
    );
  });

  it('leave alone what must not fire: decisions with reasons, other people’s ages, a 6–8 month review', async () => {
    const ids = new Set((await flags(EXPORTS)).map((f) => f.record_id));
    for (const id of ['5202412', '5202216', '5202385', '881624', '730453', 'CN-1028', 'CN-1004', '881229']) expect(ids.has(id), id).toBe(false);
  });

  it('carry the other child named inside a pasted paragraph in the copy’s own flag', async () => {
    const result = await runCli(['audit', ...EXPORTS, '--format', 'json', '--fail-on', 'never', '--as-of', '2025-06-30']);
    const copies = (JSON.parse(result.stdout).flags as (Flag & { details?: { identity_findings?: { rule: string; words: string }[] } })[]).filter(
      (f) => f.details?.identity_findings,
    );
    expect(copies.map((f) => [f.record_id, f.rule, f.details!.identity_findings]).sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ['5202183', 'duplication.copied-passage', [{ rule: 'hygiene.wrong-name', words: 'Tyler is a 6 year old' }]],
      ['881579', 'duplication.copied-passage', [{ rule: 'hygiene.wrong-name', words: 'Zofia (10)' }]],
      ['CN-1013', 'duplication.copied-passage', [{ rule: 'hygiene.wrong-name', words: 'Ellie-Mae is a 1 year old' }]],
    ]);
  });
});
