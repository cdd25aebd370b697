import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support/run-cli.ts';

// A council's own standard paragraph, used in two cases: a copy unless the council lists it.
const OWN_WORDING =
  'The family were given the Northshire early help leaflet and the contact details of the family hub, and it was explained that they can ask for help at any time. ' +
  'They were told how to make a complaint or give feedback, and that they can see the information the council holds about them by making a subject access request.';
const STATEMENT_OF_TRUTH =
  'I believe that the facts stated in this witness statement are true. I understand that proceedings for contempt of court may be brought against anyone who makes, or causes to be made, a false statement in a document verified by a statement of truth without an honest belief in its truth.';
const S31 =
  'A court may only make a care order or supervision order if it is satisfied that the child concerned is suffering, or is likely to suffer, significant harm; and that the harm, or likelihood of harm, is attributable to the care given to the child, or likely to be given to him if the order were not made, not being what it would be reasonable to expect a parent to give to him.';

function exportWith(dir: string): string {
  const rows = [
    ['N-1', 'C-1', 'P-1', 'Ellie Ward', '2024-02-01', `Visit to Ms Ward. Ellie showed me her new school shoes. ${OWN_WORDING}`],
    ['N-2', 'C-2', 'P-2', 'Kacper Nowak', '2024-03-05', `Visit to Mr Nowak. Kacper was building a den in the garden. ${OWN_WORDING}`],
    ['S-1', 'C-3', 'P-3', 'Maya Hughes', '2024-04-01', `Statement of the social worker. ${S31} In my view the threshold is crossed. ${STATEMENT_OF_TRUTH}`],
    [
      'S-2',
      'C-4',
      'P-4',
      'Tyler Green',
      '2024-05-01',
      `Statement of the social worker. ${S31} The evidence of neglect is set out above. ${STATEMENT_OF_TRUTH}`,
    ],
  ];
  const file = join(dir, 'notes.csv');
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  writeFileSync(file, ['record_id,case_id,subject_id,subject_name,record_date,text', ...rows.map((r) => r.map(quote).join(','))].join('\n'));
  return file;
}

const audit = (file: string, ...extra: string[]) =>
  runCli(['audit', file, '--no-default-rules', '--rules', 'rules/duplication.yaml', '--format', 'json', '--fail-on', 'never', ...extra]);
const flagged = (stdout: string) => JSON.parse(stdout).flags.map((f: { record_id: string }) => f.record_id);

describe('known text is not a copy', () => {
  it("never flags the statutory passages the pack ships, and a council's own templates once listed in scrutineer.yaml", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-templates-'));
    const file = exportWith(dir);
    const without = await audit(file);
    expect(without.code).toBe(0);
    expect(flagged(without.stdout)).toEqual(['N-2']);

    mkdirSync(join(dir, 'council'));
    writeFileSync(join(dir, 'council', 'standard-wording.txt'), `Closing paragraph\n\n${OWN_WORDING.replace('. They', '.\nThey')}\n`);
    writeFileSync(join(dir, 'council', 'scrutineer.yaml'), 'templates: [standard-wording.txt]\n');
    const listed = await audit(file, '--config', join(dir, 'council', 'scrutineer.yaml'));
    expect(listed.code).toBe(0);
    expect(flagged(listed.stdout)).toEqual([]);
  });

  it('refuses a template file it cannot use, saying which and why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-templates-'));
    const file = exportWith(dir);
    writeFileSync(join(dir, 'headings.txt'), 'Introduction\n\nCare plan\n');
    writeFileSync(join(dir, 'form.docx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x00]));
    writeFileSync(join(dir, 'scrutineer.yaml'), 'templates:\n  - missing.txt\n  - headings.txt\n  - form.docx\n');
    const result = await audit(file, '--config', join(dir, 'scrutineer.yaml'));
    const config = join(dir, 'scrutineer.yaml');
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'scrutineer: invalid config file:\n' +
        `${config}:2:5: templates[0]: cannot read the template file ${join(dir, 'missing.txt')}: no such file\n` +
        `${config}:3:5: templates[1]: the template file ${join(dir, 'headings.txt')} has no passage of 4 words or more\n` +
        `${config}:4:5: templates[2]: the template file ${join(dir, 'form.docx')} is not UTF-8 text\n`,
    });
  });
});
