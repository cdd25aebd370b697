import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parseReviewed, reviewedSchemaText } from '../src/report/reviewed.ts';
import { auditJson, repoPath, runCli } from './support/run-cli.ts';

/** The reviewed-flags file: version 1 as it was, version 2 with decisions, and what each run does with them. */
const SAMPLE = 'fixtures/exports/liquidlogic-casenotes.csv';
const V2 = 'version: 2\nreviewed:\n';
const entry = (lines: string) => `  - id: 3e42a1847ecfc964\n    rule: label.aggressive\n${lines}    reviewer: JO\n    date: 2025-05-02\n`;
const refusal = (text: string) => {
  try {
    parseReviewed(text, 'r.yaml');
  } catch (e) {
    return (e as Error).message;
  }
  return 'accepted';
};

describe('the reviewed-flags file', () => {
  it('reads version 1 entries as dismissed for reason other', () => {
    const text =
      'reviewed:\n  - id: 3e42a1847ecfc964\n    reviewer: J. Okoro\n    date: 2025-05-02\n    reason: Evidenced in the strategy discussion of 04/05/2023.\n';
    expect(parseReviewed(text, 'r.yaml')).toEqual([
      {
        id: '3e42a1847ecfc964',
        decision: 'dismissed',
        reason_code: 'other',
        reviewer: 'J. Okoro',
        date: '2025-05-02',
        reason: 'Evidenced in the strategy discussion of 04/05/2023.',
      },
    ]);
    expect(parseReviewed(`version: 1\n${text}`, 'r.yaml')).toHaveLength(1);
  });

  it('reads version 2 decisions with their rule, label and reason code', () => {
    const text = `${V2}${entry('    label: aggressive\n    decision: dismissed\n    reason_code: attributed\n')}  - id: 0123456789abcdef\n    rule: record-hygiene.missing-author\n    decision: confirmed\n    reason: "Nobody signed it."\n    reviewer: JO\n    date: 2025-05-03\n`;
    expect(parseReviewed(text, 'r.yaml')).toEqual([
      {
        id: '3e42a1847ecfc964',
        rule: 'label.aggressive',
        label: 'aggressive',
        decision: 'dismissed',
        reason_code: 'attributed',
        reviewer: 'JO',
        date: '2025-05-02',
        reason: '',
      },
      { id: '0123456789abcdef', rule: 'record-hygiene.missing-author', decision: 'confirmed', reviewer: 'JO', date: '2025-05-03', reason: 'Nobody signed it.' },
    ]);
  });

  it.each([
    ['a decision that is not one', entry('    decision: maybe\n'), 'r.yaml:5:15: reviewed[0].decision: "maybe" is not one of confirmed, dismissed'],
    [
      'a reason code that is not one',
      entry('    decision: dismissed\n    reason_code: evidenced\n'),
      'r.yaml:6:18: reviewed[0].reason_code: "evidenced" is not one of attributed, evidenced-elsewhere, not-about-a-person, already-corrected, other',
    ],
    [
      'a dismissal without a reason code',
      entry('    decision: dismissed\n'),
      'r.yaml:5:15: reviewed[0]: a dismissed flag needs a reason_code (attributed, evidenced-elsewhere, not-about-a-person, already-corrected, other)',
    ],
    [
      'a confirmation with a reason code',
      entry('    decision: confirmed\n    reason_code: attributed\n'),
      'r.yaml:6:18: reviewed[0].reason_code: only a dismissed flag has a reason_code; a confirmed one may say why in reason',
    ],
    [
      'reason other without words',
      entry('    decision: dismissed\n    reason_code: other\n'),
      'r.yaml:6:18: reviewed[0]: reason_code other needs the reason in your own words (reason:)',
    ],
    [
      'a date that does not exist',
      '  - id: 3e42a1847ecfc964\n    rule: r\n    decision: confirmed\n    reviewer: JO\n    date: 2025-02-30\n',
      "r.yaml:7:11: reviewed[0].date: 2025-02-30 is not a date that exists (day 30 in '2025-02-30' does not exist in that month)",
    ],
    [
      'a date written day first',
      '  - id: 3e42a1847ecfc964\n    rule: r\n    decision: confirmed\n    reviewer: JO\n    date: 02/05/2025\n',
      'r.yaml:7:11: reviewed[0].date: "02/05/2025" is not a date written YYYY-MM-DD',
    ],
    [
      'an entry without its rule',
      '  - id: 3e42a1847ecfc964\n    decision: confirmed\n    reviewer: JO\n    date: 2025-05-02\n',
      "r.yaml:3:5: missing 'rule' (every entry of version 2 needs id, rule, decision, reviewer and date)",
    ],
    [
      'a flag decided twice',
      entry('    decision: confirmed\n') + entry('    decision: confirmed\n'),
      'r.yaml:8:9: reviewed[1].id: 3e42a1847ecfc964 is decided already in reviewed[0]; keep one decision a flag',
    ],
  ])('refuses %s, with its file, line and column', (_, body, message) => {
    expect(refusal(V2 + body)).toBe(message);
  });

  it('is described by schema/reviewed.schema.json, which accepts both versions', () => {
    // To write it again: npx tsx -e "import('./src/report/reviewed.ts').then((m) => process.stdout.write(m.reviewedSchemaText()))" > schema/reviewed.schema.json
    expect(readFileSync(repoPath('schema/reviewed.schema.json'), 'utf8')).toBe(reviewedSchemaText());
    const validate = new Ajv({ strict: false }).compile(JSON.parse(reviewedSchemaText()));
    expect(validate({ reviewed: [{ id: '3e42a1847ecfc964', reviewer: 'JO', date: '2025-05-02', reason: 'fine' }] })).toBe(true);
    expect(validate({ version: 2, reviewed: [{ id: '3e42a1847ecfc964', rule: 'r', decision: 'confirmed', reviewer: 'JO', date: '2025-05-02' }] })).toBe(true);
    expect(validate({ version: 2, reviewed: [{ id: '3e42a1847ecfc964', rule: 'r', decision: 'maybe', reviewer: 'JO', date: '2025-05-02' }] })).toBe(false);
  });

  it('refuses a decision in a version 1 file, and a version it does not know', () => {
    expect(refusal('reviewed:\n  - id: 3e42a1847ecfc964\n    reviewer: JO\n    date: 2025-05-02\n    reason: fine here\n    decision: confirmed\n')).toBe(
      "r.yaml:6:5: reviewed[0]: unknown key 'decision' (decision and reason_code need version: 2 at the top of the file)",
    );
    expect(refusal('version: 3\nreviewed: []\n')).toBe('r.yaml:1:10: version: 3 is not a reviewed-flags format this scrutineer reads (1 or 2)');
  });
});

describe('a run with decisions', () => {
  it('fails on a confirmed flag as on an open one, never on a dismissed one, and every format says which', async () => {
    const report = await auditJson([SAMPLE]);
    const errors = report.flags.filter((f: { severity: string }) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(1);
    const [confirmed, ...dismissed] = errors;
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-reviewed-'));
    const file = join(dir, 'scrutineer-reviewed.yaml');
    const line = (f: { id: string; rule: string }, decision: string) =>
      `  - id: "${f.id}"\n    rule: ${f.rule}\n    decision: ${decision}\n${decision === 'dismissed' ? '    reason_code: not-about-a-person\n' : ''}    reviewer: JO\n    date: 2025-05-02\n`;
    writeFileSync(file, `${V2}${dismissed.map((f: { id: string; rule: string }) => line(f, 'dismissed')).join('')}`);
    const args = ['audit', SAMPLE, '--reviewed', file, '--as-of', '2025-06-30'];
    // Every error dismissed but one: that one still fails the run, until it too is dismissed.
    expect((await runCli([...args, '--format', 'json'])).code).toBe(1);
    writeFileSync(file, `${V2}${line(confirmed, 'confirmed')}${dismissed.map((f: { id: string; rule: string }) => line(f, 'dismissed')).join('')}`);
    const json = await runCli([...args, '--format', 'json']);
    expect(json.code).toBe(1);
    const out = JSON.parse(json.stdout);
    expect(out.flags.find((f: { id: string }) => f.id === confirmed.id).review).toEqual({
      status: 'reviewed',
      decision: 'confirmed',
      reviewer: 'JO',
      date: '2025-05-02',
      reason: '',
    });
    expect(out.flags.find((f: { id: string }) => f.id === dismissed[0].id).review).toMatchObject({ decision: 'dismissed', reason_code: 'not-about-a-person' });
    const schema = JSON.parse(readFileSync(repoPath('schema/report.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
    expect(out.review_stats.find((s: { by: string }) => s.by === 'all')).toMatchObject({ confirmed: 1, dismissed: dismissed.length, decided: errors.length });

    const junit = await runCli([...args, '--format', 'junit']);
    expect(junit.stdout).toContain(`error ${confirmed.rule} record ${confirmed.record_id}`);
    for (const f of dismissed) expect(junit.stdout).not.toContain(`record ${f.record_id} (`);
    const csv = (await runCli([...args, '--format', 'csv'])).stdout;
    expect(csv).toContain(`"${confirmed.id}",`);
    expect(csv.split('\r\n').find((l) => l.startsWith(`"${confirmed.id}"`))).toMatch(/"JO","","confirmed",""$/);
    expect(csv.split('\r\n').find((l) => l.startsWith(`"${dismissed[0].id}"`))).toMatch(/"JO","","dismissed","not-about-a-person"$/);
    const terminal = (await runCli([...args, '--format', 'terminal'])).stdout;
    expect(terminal).toContain(`confirmed by JO 2025-05-02  id ${confirmed.id}`);
    expect(terminal).not.toContain(`id ${dismissed[0].id}`);
    expect(terminal).toContain(`${dismissed.length} dismissed flags not shown (--show-reviewed shows them)`);
    expect(terminal).toContain(
      `  Reviewed: ${errors.length} of ${report.flags.length} flags decided (1 confirmed, ${dismissed.length} dismissed), ${report.flags.length - errors.length} left`,
    );
    const shown = (await runCli([...args, '--format', 'terminal', '--show-reviewed'])).stdout;
    expect(shown).toContain(`dismissed (not about a person) by JO 2025-05-02  id ${dismissed[0].id}`);

    // Dismissing the last one lets the run pass.
    writeFileSync(file, `${V2}${errors.map((f: { id: string; rule: string }) => line(f, 'dismissed')).join('')}`);
    expect((await runCli([...args, '--format', 'json'])).code).toBe(0);
  });
});
