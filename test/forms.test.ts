import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { readInputs, resolveInputs } from '../src/intake/read-inputs.ts';
import { DEFAULT_PROFILE_DIR, loadProfiles, prebuildProfiles } from '../src/intake/profiles.ts';
import type { InputSource } from '../src/intake/read-export.ts';
import type { CanonicalRecord, InputSummary, IntakeWarning, RejectedRow } from '../src/model/record.ts';
import { FormAssembler, compareOrder, type FormRow } from '../src/intake/forms/assemble.ts';
import { headingRanges, locate, segmentAt } from '../src/model/segments.ts';
import { UserError } from '../src/model/errors.ts';
import { runCli } from './support/run-cli.ts';

const ECLIPSE = 'fixtures/forms/eclipse-cfa-answers.csv';
const EDGE = 'fixtures/forms/form-edge-cases.csv';
const profiles = loadProfiles();

async function read(sources: InputSource[] | string[]) {
  const records: CanonicalRecord[] = [];
  const rejected: RejectedRow[] = [];
  const summaries: InputSummary[] = [];
  const warnings: IntakeWarning[] = [];
  const resolved = typeof sources[0] === 'string' ? resolveInputs(sources as string[]) : (sources as InputSource[]);
  for await (const item of readInputs(resolved, { profiles, dateOrder: 'dmy' }, summaries, warnings)) {
    if (item.record) records.push(item.record);
    else rejected.push(item.rejected);
  }
  return { records, rejected, summaries, warnings };
}

/** The questions of the Child and Family Assessment design, in QUESTIONORDER (the hidden control, with no order, last). */
const CFA_QUESTIONS = [
  'Reason for assessment',
  'Date assessment started',
  'Date child seen',
  'Was the child seen?',
  'Was the child seen alone?',
  "Was the child's bedroom seen?",
  'Household members',
  'Agencies consulted',
  "Child's developmental needs: Health",
  "Child's developmental needs: Education",
  "Child's developmental needs: Emotional and behavioural development",
  "Child's developmental needs: Identity",
  "Child's developmental needs: Family and social relationships",
  "Child's developmental needs: Social presentation",
  "Child's developmental needs: Self-care skills",
  'Parenting capacity: Basic care',
  'Parenting capacity: Ensuring safety',
  'Parenting capacity: Emotional warmth',
  'Parenting capacity: Stimulation',
  'Parenting capacity: Guidance and boundaries',
  'Parenting capacity: Stability',
  'Family and environmental factors: Family history and functioning',
  'Family and environmental factors: Wider family',
  'Family and environmental factors: Housing',
  'Family and environmental factors: Employment and income',
  'Family and environmental factors: Social integration and community resources',
  "Child's wishes and feelings",
  "Parents' views",
  'Views of other professionals',
  'Strengths and protective factors',
  'Analysis',
  'Outcome of assessment',
  'Recommendation and next steps',
  "Manager's comments",
  'Date authorised by manager',
  'hidWorkflowStatus',
];

describe('form profiles', () => {
  function profileDir(yaml: string) {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-profile-'));
    writeFileSync(join(dir, 'p.yaml'), yaml);
    return dir;
  }
  const head = 'name: p\nsystem: S\ndescription: D\n';

  it('are validated: shape and form go together, and record_id and text come from the form section', () => {
    expect(() => loadProfiles(profileDir(`${head}shape: form\ncolumns: {}\n`))).toThrow(
      /invalid column profile: \/shape is 'form' but there is no form section/,
    );
    expect(() => loadProfiles(profileDir(`${head}form: {instance: [I], question: [Q], answer: [A]}\ncolumns: {}\n`))).toThrow(
      /\/form is only read when shape is 'form'/,
    );
    expect(() => loadProfiles(profileDir(`${head}shape: form\nform: {instance: [I], question: [Q], answer: [A]}\ncolumns: {text: [T]}\n`))).toThrow(
      /\/columns\/text is read from form.answer/,
    );
    expect(() => loadProfiles(profileDir(`${head}shape: form\nform: {instance: [I], question: [Q]}\ncolumns: {}\n`))).toThrow(
      /\/form must have required property 'answer'/,
    );
    expect(() => loadProfiles(profileDir(`${head}shape: forms\ncolumns: {}\n`))).toThrow(/\/shape must be equal to one of the allowed values/);
    expect(
      loadProfiles(profileDir(`${head}shape: form\nform: {instance: [I], question: [Q], answer: [A], order: [O]}\ncolumns: {record_date: [D]}\n`))[0].shape,
    ).toBe('form');
  });

  it('prebuilt by the build give exactly what reading and validating gives, and only for the same bytes', () => {
    const prebuilt = prebuildProfiles();
    expect(Object.keys(prebuilt)).toHaveLength(loadProfiles(DEFAULT_PROFILE_DIR, {}).length);
    expect(loadProfiles(DEFAULT_PROFILE_DIR, prebuilt)).toEqual(loadProfiles(DEFAULT_PROFILE_DIR, {}));
    const bad = profileDir(`${head}shape: forms\ncolumns: {}\n`);
    expect(() => loadProfiles(bad, prebuilt)).toThrow(/\/shape must be equal to one of the allowed values/);
    const copy = loadProfiles(DEFAULT_PROFILE_DIR, prebuilt);
    copy[0].name = 'changed';
    expect(loadProfiles(DEFAULT_PROFILE_DIR, prebuilt)).toEqual(loadProfiles(DEFAULT_PROFILE_DIR, {}));
  });

  it('are chosen from the header, and listed apart when a profile name is unknown', async () => {
    const { summaries } = await read([ECLIPSE]);
    expect(summaries[0].profile).toBe('eclipse-forms');
    await expect(read(['fixtures/exports/mosaic-casenotes.csv'])).resolves.toMatchObject({ summaries: [{ profile: 'mosaic' }] });
    const forced = await runCli(['audit', ECLIPSE, '--profile', 'nosuch']);
    expect(forced.stderr).toBe(
      "scrutineer: unknown profile 'nosuch'; known profiles: canonical, carefirst, liquidlogic-lcs, mosaic; form-shaped profiles: eclipse-forms\n",
    );
  });

  it('need a question column', async () => {
    const csv = 'INSTANCEID,ANSWERFORSUBJECTID,DATESTARTED,ANSWERVALUE,QUESTON_TXT\n1,2,01/02/2023,Yes,Seen?\n';
    const source: InputSource = { path: '-', open: () => Readable.from([Buffer.from(csv)]) };
    await expect(read([source])).rejects.toThrow(
      new UserError(
        "-: no column for the required field 'question' (profile eclipse-forms); columns found: INSTANCEID, ANSWERFORSUBJECTID, DATESTARTED, ANSWERVALUE, QUESTON_TXT; the closest-looking column is 'QUESTON_TXT' (add it to form.question in the profile if it is the one)",
      ),
    );
  });
});

describe('an Eclipse child and family assessment export', () => {
  it('becomes one record per form, its answers in question order under their questions', async () => {
    const { records, rejected, summaries, warnings } = await read([ECLIPSE]);
    expect(rejected).toEqual([]);
    expect(warnings).toEqual([]);
    expect(summaries[0]).toMatchObject({ profile: 'eclipse-forms', encoding: 'utf-8', rows_read: 216, rows_audited: 216, rows_rejected: 0 });
    expect(
      records.map((r) => [
        r.record_id,
        r.case_id,
        r.subject_id,
        r.subject_name,
        r.subject_dob,
        r.record_date,
        r.recorded_at,
        r.author,
        r.record_type,
        r.source.line,
        r.source.rows!.length,
      ]),
    ).toEqual([
      ['71001', '2004511', '2004511', 'Kian Walsh', '2013-06-12', '2023-03-06', null, '30417', 'Child and Family Assessment', 2, 36],
      ['71105', '2004602', '2004602', 'Amelia Hart', '2017-01-30', '2023-04-11', null, '30522', 'Child and Family Assessment', 43, 36],
      ['71160', '2004733', '2004733', 'Jayden Price', '2011-09-03', '2023-05-02', null, '30417', 'Child and Family Assessment', 81, 36],
      ['71190', '2004790', '2004790', 'Ruby Mensah', '2019-11-21', '2023-06-14', null, '30688', 'Child and Family Assessment', 120, 36],
      ['71248', '2004511', '2004511', 'Kian Walsh', '2013-06-12', '2023-09-18', null, '30417', 'Child and Family Assessment', 159, 36],
      ['71322', '2004855', '2004855', 'Maisie Clarke', '2008-04-07', '2023-07-20', null, '30522', 'Child and Family Assessment', 197, 36],
    ]);
    // Every row is in exactly one record.
    const lines = records.flatMap((r) => r.source.rows!.map((row) => row.record));
    expect(lines.sort((a, b) => a - b)).toEqual(Array.from({ length: 216 }, (_, i) => i + 1));

    const kian = records[0];
    expect(kian.segments!.map((s) => s.label)).toEqual(CFA_QUESTIONS);
    expect(
      kian.text.startsWith(
        "Reason for assessment:\nPolice notification (PPN1) received 02/03/2023 after a verbal argument between Ms Danielle Walsh and her partner Mr Craig Doyle at the family home on the evening of 28/02/2023. Kian (9) was in the house and upstairs at the time. No injuries were reported and no arrests were made.\n\nSt Anne's CE Primary School have also said that Kian has seemed tired and withdrawn in class since January.\n\n" +
          'Date assessment started:\n2023-03-06 00:00:00.000\n\nDate child seen:\n2023-03-09 00:00:00.000\n\nWas the child seen?\nYes\n\nWas the child seen alone?\nYes\n\n',
      ),
    ).toBe(true);
    expect(kian.text).toContain(
      '\n\nParenting capacity: Ensuring safety:\nMother is aggressive.\nMs Walsh has agreed that Mr Doyle will not stay at the house',
    );
    expect(kian.text.endsWith('\n\nDate authorised by manager:\n2023-03-31 00:00:00.000\n\nhidWorkflowStatus:\nCompleted')).toBe(true);
    expect(kian.markup).toBeUndefined();
  });

  it('maps every part of the text back to its question and source line', async () => {
    const { records } = await read([ECLIPSE]);
    const csvLines = readFileSync(ECLIPSE, 'utf8').split('\r\n');
    for (const r of records) {
      let previousEnd = -2;
      for (const s of r.segments!) {
        expect(s.start).toBe(previousEnd + 2);
        expect(r.text.slice(s.start, s.end).startsWith(`${s.label}${/[?]$/.test(s.label) ? '' : ':'}\n`)).toBe(true);
        // The row on that physical line is this instance's answer to this question.
        expect(csvLines[s.line - 1].startsWith(`${r.record_id},`)).toBe(true);
        // QUESTIONTEXT, or CONTROLNAME when the question text is empty.
        expect(csvLines[s.line - 1]).toContain(s.label === 'hidWorkflowStatus' ? ',hidWorkflowStatus,,' : `,${s.label},`);
        previousEnd = s.end;
      }
      expect(previousEnd).toBe(r.text.length);
    }
    const ruby = records.find((r) => r.record_id === '71190')!;
    expect(locate(ruby, ruby.text.indexOf('Mother is unable to cope'))).toEqual({ question: 'Parenting capacity: Stability', line: 151 });
    expect(locate(ruby, ruby.text.indexOf('found no evidence of fabricated'))).toEqual({ question: "Child's developmental needs: Health", line: 133 });
    expect(segmentAt(ruby, ruby.segments![1].start - 1)).toBeNull();
    expect(headingRanges(ruby)[0]).toEqual({ start: 0, end: 'Reason for assessment:\n'.length });
  });

  it('leaves unanswered questions out of the text but keeps their rows in the record', async () => {
    const { records } = await read([ECLIPSE]);
    const review = records.find((r) => r.record_id === '71248')!;
    expect(review.source.rows).toHaveLength(36);
    expect(review.segments!.map((s) => s.label)).toEqual(CFA_QUESTIONS.filter((q) => q !== "Manager's comments" && q !== 'Date authorised by manager'));
    expect(review.text).not.toContain("Manager's comments");
  });

  it('converts rich-text answers', async () => {
    const { records } = await read([ECLIPSE]);
    const amelia = records.find((r) => r.record_id === '71105')!;
    expect(amelia.markup).toEqual(['html']);
    expect(amelia.text).toContain(
      '\n\nAnalysis:\nAnalysis\n\nConcerns of FII remain.\n\nAmelia has attended A&E four times since January 2023 with breathing difficulties and was discharged the same day each time. Ms Hart’s account of Amelia’s symptoms has been consistent',
    );
    const maisie = records.find((r) => r.record_id === '71322')!;
    expect(maisie.text).toContain(
      'Recommendation and next steps:\n• Strategy discussion to be held this week.\n• Social worker to complete the exploitation screening tool with Maisie.\n• Referral to CAMHS for help with sleep & low mood.\n• Grandparents to be asked about weekend stays.\n\n',
    );
  });

  it('audits end to end: the planted labels are flagged, each in its question, and the negated ones are not', async () => {
    const result = await runCli(['audit', ECLIPSE, '--format', 'json', '--as-of', '2025-06-30', '--fail-on', 'never', '--mentions']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.inputs).toMatchObject([{ path: ECLIPSE, profile: 'eclipse-forms', rows_read: 216, rows_audited: 216, rows_rejected: 0 }]);
    expect(report.summary).toMatchObject({ rows_read: 216, rows_rejected: 0, records_audited: 6, cases_audited: 5 });
    const { records } = await read([ECLIPSE]);
    const byId = new Map(records.map((r) => [r.record_id, r]));
    type F = { record_id: string; label: string; status: string; category: string; span: { start: number; end: number; text: string } };
    const labels: F[] = report.flags.filter((f: F) => f.category === 'unevidenced-label');
    expect(labels.map((f) => [f.record_id, f.label, f.status, f.span.text, locate(byId.get(f.record_id)!, f.span.start)])).toEqual([
      ['71001', 'aggressive', 'asserted', 'aggressive', { question: 'Parenting capacity: Ensuring safety', line: 32 }],
      ['71105', 'FII', 'asserted', 'FII', { question: 'Analysis', line: 52 }],
      ['71190', 'unable to cope', 'asserted', 'unable to cope', { question: 'Parenting capacity: Stability', line: 151 }],
    ]);
    for (const f of labels) expect(byId.get(f.record_id)!.text.slice(f.span.start, f.span.end)).toBe(f.span.text);
    // The report carries the same location on the flag.
    expect(labels.map((f) => (f as F & { location?: unknown }).location)).toEqual(labels.map((f) => locate(byId.get(f.record_id)!, f.span.start)));
    const mentions = report.mentions.map((m: F) => [m.record_id, m.label, m.status, locate(byId.get(m.record_id)!, m.span.start)?.question]);
    expect(mentions).toEqual(
      expect.arrayContaining([
        ['71248', 'aggressive', 'negated', 'Parenting capacity: Ensuring safety'],
        ['71190', 'FII', 'negated', "Child's developmental needs: Health"],
        ['71160', 'drug misuse', 'negated', 'Family and environmental factors: Family history and functioning'],
        ['71160', 'controlling', 'attributed', "Parents' views"],
        ['71190', 'unable to cope', 'attributed', "Parents' views"],
      ]),
    );
    const fii = report.label_histories.find((h: { case_id: string; label: string }) => h.case_id === '2004790' && h.label === 'FII');
    expect(fii.contrary_evidence_record_ids).toEqual(['71190']);
  });
});

describe('rows that do not fit a form', () => {
  it('are rejected one by one with their reason, and the rest of the form is kept', async () => {
    const { records, rejected, summaries, warnings } = await read([EDGE]);
    const at = (line: number, record: number, reason: string) => ({ path: EDGE, line, record, reason });
    expect(rejected).toEqual([
      at(6, 4, "record_date: day 31 in '31/02/2023 10:00' does not exist in that month"),
      at(7, 5, 'expected 10 fields, found 8'),
      at(8, 6, "subject_id '3999' differs from '3001' given for form '90001' on line 2"),
      at(11, 9, 'question is empty (QUESTIONTEXT, CONTROLNAME)'),
      at(14, 12, 'record_id is empty (the form instance column INSTANCEID)'),
      at(
        15,
        13,
        "form '90001' continues after rows of other forms (its rows start on line 2 and were assembled without this one); the rows of one form must be together: sort the export by INSTANCEID",
      ),
      at(16, 14, "form '90003' has no answered question"),
      at(17, 15, "form '90003' has no answered question"),
    ]);
    expect(summaries[0]).toMatchObject({ rows_read: 17, rows_audited: 9, rows_rejected: 8 });
    expect(summaries[0].rows_audited + summaries[0].rows_rejected).toBe(summaries[0].rows_read);
    expect(records.map((r) => [r.record_id, r.source.line, r.source.rows!.map((row) => row.line)])).toEqual([
      ['90001', 2, [2, 3, 5, 9, 10]],
      ['90002', 12, [12, 13]],
      ['90004', 18, [18]],
      ['90005', 19, [19]],
    ]);
    const [visit, notes, score, rtf] = records;
    expect(visit.text).toBe(
      'Who was present:\nLily (8) and her mother, Ms Jo Reid.\nMr Reid arrived at the end of the visit.\n\nPurpose of visit:\nPlanned visit to see Lily at home.\n\nObservations:\nMs Reid said "we’re fine".\nLily was seen alone in her bedroom.\n\nhidStatus:\nCompleted',
    );
    expect(visit.segments!.map((s) => [s.label, s.line])).toEqual([
      ['Who was present', 3],
      ['Purpose of visit', 2],
      ['Observations', 5],
      ['hidStatus', 10],
    ]);
    expect(visit.markup).toEqual(['html']);
    expect(notes.text).toBe('Date of visit:\n2023-05-09 00:00:00.000\n\nNotes:\nMother is aggressive.');
    expect(notes.author).toBe('30522');
    expect(score.text).toBe('Outcome measure:\nLily scored <3 on the worry scale, and a < b is not mark-up.');
    expect(rtf.text).toBe('Visit summary:\nCafé visit with Zoë.\nShe said it’s “fine”.');
    expect(rtf.markup).toEqual(['rtf']);
    expect(warnings).toEqual([
      { path: EDGE, line: 13, record: 11, message: "author '30600' differs from '30522' given for form '90002' on line 12; the form keeps the first" },
    ]);
  });

  it('a form seen again in a later file is rejected row by row as a duplicate', async () => {
    const again =
      'INSTANCEID,ANSWERFORSUBJECTID,DATESTARTED,QUESTIONTEXT,ANSWERVALUE\r\n90002,3002,09/05/2023,Notes,Copied\r\n90002,3002,09/05/2023,More notes,Copied too\r\n90002,3002,09/05/2023,Empty,\r\n';
    const second: InputSource = { path: '-', open: () => Readable.from([Buffer.from(again)]) };
    const { rejected, summaries } = await read([...resolveInputs([EDGE]), second]);
    const reason = `duplicate record_id '90002' (first seen at ${EDGE}:12)`;
    expect(rejected.filter((r) => r.path === '-')).toEqual([
      { path: '-', line: 2, record: 1, reason },
      { path: '-', line: 3, record: 2, reason },
      { path: '-', line: 4, record: 3, reason },
    ]);
    expect(summaries[1]).toMatchObject({ rows_read: 3, rows_audited: 0, rows_rejected: 3 });
  });

  it('the audit report lists every rejected row, and rows read = rows audited + rows rejected', async () => {
    const result = await runCli(['audit', EDGE, '--format', 'json', '--as-of', '2025-06-30', '--fail-on', 'never']);
    const report = JSON.parse(result.stdout);
    expect(report.inputs[0]).toMatchObject({ rows_read: 17, rows_audited: 9, rows_rejected: 8 });
    expect(report.rejected_rows).toHaveLength(8);
    expect(report.summary).toMatchObject({ rows_read: 17, rows_rejected: 8, records_audited: 4 });
    const label = report.flags.filter((f: { category: string }) => f.category === 'unevidenced-label');
    expect(label.map((f: { record_id: string; span: { text: string } }) => [f.record_id, f.span.text])).toEqual([['90002', 'aggressive']]);
    expect(result.stderr).toContain(`${EDGE}: eclipse-forms profile, utf-8, ',' delimited; 9 of 17 rows audited, 8 rejected`);
  });
});

describe('the assembler', () => {
  const row = (record: number, instance: string, question: string, answer: string, order: string | null = null): FormRow => ({
    source: { path: 'x.csv', line: record + 1, record },
    instance,
    question,
    answer,
    order,
    values: {
      record_id: instance,
      case_id: 'C1',
      subject_id: 'S1',
      subject_name: null,
      subject_dob: null,
      subject_gender: null,
      record_date: '2023-01-02',
      recorded_at: null,
      author: null,
      team: null,
      record_type: null,
    },
    warnings: [],
  });

  it('cuts a form at its row limit, rejecting the rows past it', () => {
    const forms = new FormAssembler('x.csv', { instance: 'I', question: 'Q' }, [], 2);
    expect(forms.add(row(1, 'A', 'One', 'a'))).toEqual([]);
    expect(forms.add(row(2, 'A', 'Two', 'b'))).toEqual([]);
    expect(forms.add(row(3, 'A', 'Three', 'c'))).toEqual([
      { rejected: { path: 'x.csv', line: 4, record: 3, reason: "form 'A' has more than 2 rows; the rows after that are not read" } },
    ]);
    const [done] = forms.finish();
    expect(done.record!.text).toBe('One:\na\n\nTwo:\nb');
  });

  it('emits a form as soon as the next one starts (one form in memory at a time)', () => {
    const forms = new FormAssembler('x.csv', { instance: 'I', question: 'Q' }, []);
    expect(forms.add(row(1, 'A', 'Q?', 'yes'))).toEqual([]);
    const out = forms.add(row(2, 'B', 'Q', 'no'));
    expect(out.map((o) => o.record?.record_id)).toEqual(['A']);
    expect(forms.finish().map((o) => o.record?.text)).toEqual(['Q:\nno']);
  });

  it('orders questions by number, section number, then text, with unnumbered ones last in file order', () => {
    const keys = ['10', '9', '3.10', '3.2', null, 'B2', 'B10', '03', 'A', null, '2'];
    const sorted = keys.map((k, i) => [k, i] as const).sort((a, b) => compareOrder(a[0], b[0]) || a[1] - b[1]);
    expect(sorted.map(([k]) => k)).toEqual(['2', '03', '3.2', '3.10', '9', '10', 'A', 'B2', 'B10', null, null]);
  });
});
