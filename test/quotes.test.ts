import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditJson, repoPath } from './support/run-cli.ts';
import { pointerSteps, type Quote } from '../src/model/quote.ts';

/**
 * Findings carry the record text they quote as `quotes`, each saying where it stands in the
 * message or the details, and --redact and --no-snippets mask exactly those.
 */
interface FlagJson {
  rule: string;
  record_id: string;
  message: string;
  quotes: Quote[];
  details?: Record<string, unknown>;
}

const SAMPLE = repoPath('fixtures/exports/liquidlogic-casenotes.csv');
const EXPORTS = readdirSync(repoPath('fixtures/exports')).map((f) => repoPath(`fixtures/exports/${f}`));

function at(flag: FlagJson, field: string): unknown {
  let value: unknown = flag;
  for (const step of pointerSteps(field)) value = (value as Record<string, unknown>)[step];
  return value;
}

/** Each quote as [field, what the field holds from start to end, its text]. */
const placed = (f: FlagJson) => f.quotes.map((q) => [q.field, (at(f, q.field) as string).slice(q.start, q.end), q.text]);

/** A canonical export (pipe-delimited) of one child's case: [record_id, date, type, text] per record. */
function exportOf(records: [string, string, string, string][]): string {
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-quotes-'));
  const rows = records.map(([id, date, type, text]) => `${id}|C1|P1|Mason Doyle|2016-04-11|male|${date}|${date}T16:00:00|K Lamb|CIN|${type}|${text}`);
  const path = join(dir, 'export.csv');
  writeFileSync(
    path,
    `record_id|case_id|subject_id|subject_name|subject_dob|subject_gender|record_date|recorded_at|author|team|record_type|text\n${rows.join('\n')}\n`,
  );
  return path;
}

// A claim with a closing quotation mark of its own, and a name after it; a decision whose
// sentence quotes, with a name and a date after the quotation.
const CASE: [string, string, string, string][] = [
  ['R1', '2023-05-03', 'Case Note', 'Ms Hughes brought in her certificate. She completed Triple P with distinction.'],
  ['R2', '2023-09-12', 'Case Note', 'Review. Mother has “not engaged” with a parenting course run by Ms Hart.'],
  ['R3', '2023-09-20', 'Strategy Discussion', 'Strategy discussion held. Decision: “no further action” agreed with Ms Hart on 12/09/2023.'],
];
const COURSE_ADVICE =
  'Bring the record up to date: say that the course was completed (and how), or, if the concern is about something else, say what it is and what it rests on.';
const DECISION_ADVICE =
  'Record how the decision was reached: what was considered (the evidence, the views of the child and family, the risks), who decided, and why this outcome. “Decision: close” says what was decided, not how.';

describe('quotes in findings', () => {
  it('stand where they say, in every flag of every sample export, as written, redacted and with no snippets', async () => {
    for (const extra of [[], ['--redact'], ['--no-snippets']]) {
      const report = await auditJson([...EXPORTS, repoPath('fixtures/duplication/notes.csv')], extra);
      const flags = report.flags as FlagJson[];
      expect(flags.filter((f) => f.quotes.length).length).toBeGreaterThan(50);
      for (const f of flags) for (const [field, found, text] of placed(f)) expect(found, `${f.rule} ${f.record_id} ${field}`).toBe(text);
    }
  }, 120_000);

  it('--redact masks a quote whole when it holds its own quotation marks, and the names and dates after them', async () => {
    const report = await auditJson([exportOf(CASE)], ['--redact']);
    const byRule = new Map((report.flags as FlagJson[]).map((f) => [f.rule, f]));
    const stale = byRule.get('staleness.parenting-course-completed')!;
    expect(stale.message).toBe(
      `Record R2 (12/09/2023) states “not engaged” with a parenting course run by [name]”, but record R1 (03/05/2023) documents “She completed Triple P with distinction”. ${COURSE_ADVICE}`,
    );
    expect(stale.quotes).toEqual([
      { text: 'not engaged” with a parenting course run by [name]', record_id: 'R2', field: '/message', start: 31, end: 81 },
      { text: 'She completed Triple P with distinction', record_id: 'R1', field: '/message', start: 122, end: 161 },
    ]);
    expect(byRule.get('hygiene.decision-without-reasons')!.message).toBe(
      `The record states a decision (“Decision: “no further action” agreed with [name] on [date]”) but gives no reasons for it. ${DECISION_ADVICE}`,
    );
  });

  it('--no-snippets puts an ellipsis for each quote, and keeps the quotation in the rule’s own advice', async () => {
    const report = await auditJson([exportOf(CASE)], ['--no-snippets']);
    const byRule = new Map((report.flags as FlagJson[]).map((f) => [f.rule, f]));
    expect(byRule.get('staleness.parenting-course-completed')!.message).toBe(
      `Record R2 (12/09/2023) states “…”, but record R1 (03/05/2023) documents “…”. ${COURSE_ADVICE}`,
    );
    expect(byRule.get('hygiene.decision-without-reasons')!.message).toBe(`The record states a decision (“…”) but gives no reasons for it. ${DECISION_ADVICE}`);
  });

  it('masks the names a duplication finding gives, in its message and its details', async () => {
    const find = async (extra: string[]) =>
      (await auditJson([SAMPLE], extra)).flags.find((f: FlagJson) => f.rule === 'duplication.copied-passage' && f.details?.identity) as FlagJson;
    const full = await find([]);
    expect(full.message).toContain(
      "names 'Tyler' and age 6, which fit the subject of record 5201738 (Tyler Hughes, 6, male), not this record's subject Ruby Price (age 5, female).",
    );
    expect(placed(full)).toEqual([
      ['/message', 'Tyler', 'Tyler'],
      ['/message', 'Tyler Hughes', 'Tyler Hughes'],
      ['/message', 'Ruby Price', 'Ruby Price'],
      ['/details/identity/names/0', 'Tyler', 'Tyler'],
      ['/details/identity_findings/0/words', 'Tyler is a 6 year old', 'Tyler is a 6 year old'],
    ]);
    const redacted = await find(['--redact']);
    expect(redacted.message).toContain(
      "names '[name]' and age 6, which fit the subject of record 5201738 ([name] [name], 6, male), not this record's subject [name] [name] (age 5, female).",
    );
    expect(redacted.details).toMatchObject({ identity: { names: ['[name]'] }, identity_findings: [{ words: '[name] is a 6 year old' }] });
    const none = await find(['--no-snippets']);
    expect(none.message).toContain("names '…' and age 6, which fit the subject of record 5201738 (…, 6, male), not this record's subject … (age 5, female).");
    expect(none.details).toMatchObject({ identity: { names: ['…'] }, identity_findings: [{ words: '…' }] });
  });
});
