import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.ts';

const csv = [
  'record_id,case_id,subject_id,subject_name,subject_dob,subject_gender,record_date,text',
  'W-1,C-1,P-1,Alfie-Lee Grant,2012-05-01,male,01/03/2024,Alfie-Lee (12) was seen alone in his bedroom and said school is going well.',
  'W-2,C-2,P-2,Lee Morris,2013-02-01,male,02/03/2024,Lee (11) was seen alone and talked about football.',
  'W-3,C-3,P-3,Ruby Hart,2016-01-01,female,03/03/2024,Lee (11) was seen alone and talked about football.',
].join('\n');

describe('wrong name', () => {
  it('reads a hyphenated first name as one name, and still finds another child named as the one observed', async () => {
    const r = await runCli(['audit', '-', '--format', 'json', '--fail-on', 'never', '--as-of', '2025-06-30'], { stdin: csv });
    const flags = JSON.parse(r.stdout).flags.filter((f: { rule: string }) => f.rule === 'hygiene.wrong-name');
    expect(flags.map((f: { record_id: string; span: { text: string } }) => [f.record_id, f.span.text])).toEqual([['W-3', 'Lee (11)']]);
  });

  it('is the one finding for a child of the export: other-child does not flag the same name in the same record again', async () => {
    const r = await runCli(['audit', '-', '--format', 'json', '--fail-on', 'never', '--as-of', '2025-06-30'], {
      stdin: `${csv}\nW-4,C-4,P-4,Maya Cole,2015-01-01,female,04/03/2024,Lee (11) was seen alone. I did some direct work with Tomasz about his school.`,
    });
    const flags = JSON.parse(r.stdout).flags.filter((f: { rule: string }) => /^hygiene\.(?:wrong-name|other-child)$/.test(f.rule));
    expect(
      flags.map((f: { record_id: string; rule: string; severity: string; span: { text: string } }) => [f.record_id, f.rule, f.severity, f.span.text]),
    ).toEqual([
      ['W-3', 'hygiene.wrong-name', 'error', 'Lee (11)'],
      ['W-4', 'hygiene.wrong-name', 'error', 'Lee (11)'],
      ['W-4', 'hygiene.other-child', 'warning', 'direct work with Tomasz'],
    ]);
  });
});
