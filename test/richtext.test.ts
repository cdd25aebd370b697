import { describe, expect, it } from 'vitest';
import { detectMarkup, htmlToText, rtfToText, toPlainText, decodeEntities } from '../src/intake/rich-text/index.ts';
import { readInputs, resolveInputs } from '../src/intake/read-inputs.ts';
import { loadProfiles } from '../src/intake/profiles.ts';
import type { InputSummary } from '../src/model/record.ts';
import type { CanonicalRecord, RejectedRow } from '../src/model/record.ts';
import { runCli } from './support/run-cli.ts';

const FIXTURE = 'fixtures/richtext/richtext-notes.csv';

async function read(path: string) {
  const records: CanonicalRecord[] = [];
  const rejected: RejectedRow[] = [];
  const summaries: InputSummary[] = [];
  for await (const item of readInputs(resolveInputs([path]), { profiles: loadProfiles(), dateOrder: 'dmy' }, summaries, [])) {
    if (item.record) records.push(item.record);
    else rejected.push(item.rejected);
  }
  return { records, rejected, summaries };
}

describe('detecting mark-up', () => {
  it.each([
    'Noah scored <3 on the SDQ.',
    'If a < b and c > d the scale has improved.',
    'Plan <review in 6 weeks> agreed.',
    'Mum said <b> was the answer',
    'Tom & Jerry &amp; friends',
    'x<y and y>z',
    '{not rtf}',
    'Text mentioning {\\rtf1 in the middle',
  ])('leaves plain text alone: %j', (text) => {
    expect(detectMarkup(text)).toBeNull();
    expect(toPlainText(text)).toEqual({ text, markup: null });
  });

  it.each([
    '<p>Seen at home.</p>',
    'Line one<br>Line two',
    'Line one<br />Line two',
    '<b>Seen</b> &amp; spoken to',
    '<div>One</div>',
    '<span style="color:red">Seen</span> alone',
    '<!DOCTYPE html><html><body>Seen</body></html>',
    '<P CLASS="x">Upper-case tags</P>',
  ])('finds HTML in %j', (text) => expect(detectMarkup(text)).toBe('html'));

  it('finds RTF only at the start', () => {
    expect(detectMarkup('{\\rtf1\\ansi Seen.\\par}')).toBe('rtf');
    expect(detectMarkup('  \r\n{\\rtf1 Seen.}')).toBe('rtf');
  });
});

describe('HTML to text', () => {
  it('keeps paragraphs and line breaks', () => {
    expect(htmlToText('<p>One.</p><p>Two<br>three</p>')).toBe('One.\n\nTwo\nthree');
    expect(htmlToText('<div>A</div><div><br></div><div>B</div>')).toBe('A\n\nB');
    expect(htmlToText('<p>\n  Source   line breaks\n  are spaces.\n</p>')).toBe('Source line breaks are spaces.');
    expect(htmlToText('<p>A</p>\n\n\n<p>&nbsp;</p><p>B</p>')).toBe('A\n\nB');
  });

  it('keeps the line breaks of a plain note with only inline tags', () => {
    expect(htmlToText('Seen: <b>yes</b>\nSeen alone: <b>no</b>')).toBe('Seen: yes\nSeen alone: no');
  });

  it('writes list items as bullets, numbered in an ordered list, and headings as paragraphs', () => {
    expect(htmlToText('<h2>Plan</h2><ul><li>One</li><li>Two</li></ul><ol><li>First</li><li>Second</li></ol>after')).toBe(
      'Plan\n\n• One\n• Two\n\n1. First\n2. Second\n\nafter',
    );
  });

  it('decodes entities', () => {
    expect(htmlToText('<p>&amp; &lt; &gt; &quot; &#39; &nbsp;x &#8217; &#x2019; &pound;5 &ndash; &hellip; &#146; &bogus; &amp</p>')).toBe(
      '& < > " \'  x ’ ’ £5 – … ’ &bogus; &amp',
    );
    expect(decodeEntities('&#0; &#xD800; &#1114112;')).toBe('\ufffd \ufffd \ufffd');
  });

  it('drops scripts, styles, the head and comments, keeping the text around them', () => {
    const html =
      '<html><head><title>T</title><style>p{color:red}</style></head><body><!-- c --><p>Kept<script>if (a<b) alert("x")</script> here.</p><script src="x.js"/>end</body></html>';
    expect(htmlToText(html)).toBe('Kept here.\n\nend');
  });

  it("separates table cells and rows, and drops Word's <o:p> and conditional comments", () => {
    expect(htmlToText('<table><tr><th>Agency</th><th>Lead</th></tr><tr><td>School</td><td></td><td>Mrs Reeve</td></tr></table>')).toBe(
      'Agency | Lead\nSchool | Mrs Reeve',
    );
    expect(htmlToText('<!--[if gte mso 9]><xml><o:x/></xml><![endif]--><p class=MsoNormal>Word text<o:p></o:p></p>')).toBe('Word text');
  });

  it('leaves a `<` that is not a tag, and reads quoted attributes holding `>`', () => {
    expect(htmlToText('<p>score <3, a < b, Plan <review></p>')).toBe('score <3, a < b, Plan <review>');
    expect(htmlToText('<p><span title="a > b">Seen</span></p>')).toBe('Seen');
  });

  it('keeps white space inside <pre>', () => {
    expect(htmlToText('<p>Table:</p><pre>a   b\n c</pre>')).toBe('Table:\n\na   b\n c');
  });
});

describe('RTF to text', () => {
  const doc = (body: string) =>
    `{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fnil\\fcharset0 Calibri;}}{\\colortbl ;\\red255\\green0\\blue0;}{\\*\\generator Riched20 10.0.19041}\\viewkind4\\uc1 \\pard\\f0\\fs22 ${body}}`;

  it('turns \\par, \\line and \\tab into breaks and tabs, and drops tables of fonts and colours', () => {
    expect(rtfToText(doc('One\\par Two\\line three\\tab four\\par'))).toBe('One\nTwo\nthree\tfour');
  });

  it("reads \\'hh in Windows-1252 and \\uN? escapes, skipping their fallback", () => {
    expect(rtfToText(doc("Caf\\'e9 \\'93quoted\\'94 \\'a35 Mum\\u8217?s \\u-10179?\\u-8704? end"))).toBe('Café “quoted” £5 Mum’s 😀 end');
    expect(rtfToText('{\\rtf1\\uc0 Zo\\u235 e}')).toBe('Zoëe');
    expect(rtfToText("{\\rtf1\\uc1 it\\u8217\\'92s}")).toBe('it’s');
  });

  it('reads \\ansicpg other than 1252', () => {
    expect(rtfToText("{\\rtf1\\ansi\\ansicpg1251 \\'cf\\'f0\\'e8\\'e2\\'e5\\'f2}")).toBe('Привет');
  });

  it('keeps escaped braces and backslashes, field results and symbols; drops {\\*\\…} and other destinations', () => {
    expect(rtfToText(doc('a \\{b\\} c\\\\d'))).toBe('a {b} c\\d');
    expect(rtfToText(doc('{\\field{\\*\\fldinst HYPERLINK "http://x"}{\\fldrslt the link}} \\ldblquote q\\rdblquote  \\emdash  \\bullet'))).toBe(
      'the link “q” — •',
    );
    expect(rtfToText(doc('{\\*\\bkmkstart b}text{\\*\\bkmkend b}{\\info{\\author Someone}}{\\pict\\wmetafile8 0102ff} after'))).toBe('text after');
  });

  it('never throws on malformed RTF', () => {
    expect(rtfToText('{\\rtf1 unclosed {\\b group')).toBe('unclosed group');
    // A stray closing brace is ignored: the text after it is kept.
    expect(rtfToText('{\\rtf1 stray }} braces \\')).toBe('stray  braces');
  });
});

describe('an export with HTML and RTF notes', () => {
  it('converts the mark-up, leaves plain notes exactly as they are, and rejects a note that is empty once converted', async () => {
    const { records, rejected, summaries } = await read(FIXTURE);
    const byId = Object.fromEntries(records.map((r) => [r.record_id, r]));
    expect(byId['rt-01'].text).toBe(
      'Home visit – announced.\n\nSeen: Noah, Evie and their mother, Ms Jade Carter.\nNoah was seen alone in his bedroom & showed me his Lego.\n\nMother is aggressive.\n\nMs Carter said she "didn\'t sleep" because Evie has a cough.  Evie’s inhaler was in date.',
    );
    expect(byId['rt-03'].text).toBe(
      'Child in need plan – actions\n\n• Ms Carter to attend the Family Nurse drop-in.\n• School to share attendance weekly.\n\n1. Review on 17/04/2023.\n2. Noah’s views to be gathered by his teacher.\n\nAgency | Lead\nSchool | Mrs Alison Reeve',
    );
    expect(byId['rt-04'].text).toBe(
      'Visit to Evie at nursery (Little Stars).\nConcerns of FII remain.\nNursery manager Ms Renée Holt said Evie’s attendance is 96%.',
    );
    expect(byId['rt-05'].text).toBe(
      'Call from Mr Dean Carter (father).\nHe said Ms Carter is “controlling” about contact.\n\tOutcome:\tadvised about mediation – no further action today.',
    );
    expect(byId['rt-06'].text).toBe(
      'Mrs Reeve (class teacher) rang: Noah scored <3 on the SDQ emotional scale this term, down from 6. If a < b then the scale has improved.',
    );
    expect(byId['rt-07'].text).toBe('Ms Carter wrote "Plan <review in 6 weeks>" on the copy of the plan she returned.');
    expect(byId['rt-09'].text).toBe(
      'Review of the child in need plan.\n\nAll actions are complete. There is no evidence that Ms Carter is aggressive; the entry of 06/03/2023 was not based on anything observed.',
    );
    expect(records.map((r) => [r.record_id, r.markup ?? null])).toEqual([
      ['rt-01', ['html']],
      ['rt-02', ['html']],
      ['rt-03', ['html']],
      ['rt-04', ['rtf']],
      ['rt-05', ['rtf']],
      ['rt-06', null],
      ['rt-07', null],
      ['rt-09', ['html']],
    ]);
    for (const r of records) expect(r.text).not.toMatch(/<\/?(p|br|div|script|span)\b|\\rtf|\\par|&[a-z]+;|autosave|fonttbl|Calibri|MsoNormal/);
    expect(rejected).toEqual([{ path: FIXTURE, line: 15, record: 8, reason: 'text is empty once its HTML mark-up is removed' }]);
    expect(summaries[0]).toMatchObject({ profile: 'canonical', rows_read: 9, rows_audited: 8, rows_rejected: 1 });
  });

  it('audits end to end: label flags point at the words in the converted text', async () => {
    const result = await runCli(['audit', FIXTURE, '--format', 'json', '--as-of', '2025-06-30', '--fail-on', 'never', '--mentions']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    const { records } = await read(FIXTURE);
    const text = (id: string) => records.find((r) => r.record_id === id)!.text;
    const labels = report.flags.filter((f: { category: string }) => f.category === 'unevidenced-label');
    expect(
      labels.map((f: { record_id: string; label: string; status: string; severity: string; span: { text: string } }) => [
        f.record_id,
        f.label,
        f.status,
        f.severity,
        f.span.text,
      ]),
    ).toEqual([
      ['rt-01', 'aggressive', 'asserted', 'warning', 'aggressive'],
      // RTF note asserting FII after the HTML note recorded the paediatrician's letter against it.
      ['rt-04', 'FII', 'asserted', 'error', 'FII'],
    ]);
    for (const f of labels) {
      expect(text(f.record_id).slice(f.span.start, f.span.end)).toBe(f.span.text);
      expect(f.snippet.before + f.snippet.match + f.snippet.after).not.toMatch(/[<>{}\\]/);
    }
    expect(labels[0].snippet.before).toContain('Lego.');
    expect(labels[1].related_record_ids).toContain('rt-02');
    const mentions = report.mentions.map((m: { record_id: string; label: string; status: string }) => [m.record_id, m.label, m.status]);
    expect(mentions).toEqual(
      expect.arrayContaining([
        ['rt-02', 'FII', 'negated'],
        ['rt-05', 'controlling', 'attributed'],
        ['rt-09', 'aggressive', 'negated'],
      ]),
    );
    expect(report.inputs[0]).toMatchObject({ rows_read: 9, rows_audited: 8, rows_rejected: 1 });
    expect(report.summary.records_audited + report.summary.rows_rejected).toBe(report.summary.rows_read);
    expect(result.stdout).not.toContain('autosave');
  });
});
