import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { auditJson, repoPath, runCli } from './support/run-cli.ts';
import { formatHtml } from '../src/report/formats/html.ts';
import { stalenessKind, type StalenessRule } from '../src/checks/staleness/staleness.ts';
import { DEFAULT_RULES_DIR, loadPacks } from '../src/packs/load-packs.ts';
import type { CanonicalRecord } from '../src/model/record.ts';
import type { Rule } from '../src/checks/rule-kind.ts';
import type { FactSheet, StalenessRole } from '../src/model/sections.ts';

/**
 * The fact sheet (`fact_sheet`, with --timeline): per case, person and topic, the state by the
 * records, since when and by which record, the changes before it and the later records that
 * still state an old one. fixtures/facts/cases.csv is written for it: a course completed and
 * then ignored, a negative test then a positive one (so a later claim of use is not stale), a
 * return home then "a looked after child", a plan ended, and a case with no flag at all.
 */
const FIXTURE = 'fixtures/facts/cases.csv';
const AUDIT = ['--as-of', '2025-06-30', '--fail-on', 'never', '-q'];

const change = (state: string, record_id: string, record_date: string, role: StalenessRole) => ({ state, record_id, record_date, role });

const EXPECTED: FactSheet[] = [
  {
    case_id: 'K1',
    people: [
      {
        name: 'Ms Kowalczyk',
        facts: [
          {
            topic: 'Parenting programme',
            state: 'completed',
            since: '2024-03-22',
            record_id: 'K1-03',
            rules: ['staleness.parenting-course-completed'],
            history: [change('not done', 'K1-01', '2024-01-10', 'claim'), change('completed', 'K1-03', '2024-03-22', 'event')],
            stale_claims: [{ record_id: 'K1-04', record_date: '2024-05-02', state: 'not done', since_record_id: 'K1-03' }],
          },
        ],
      },
      {
        name: 'Mr Adebayo',
        facts: [
          {
            topic: 'Substance use',
            state: 'positive test or relapse',
            since: '2024-06-11',
            record_id: 'K1-05',
            rules: ['staleness.negative-substance-test'],
            history: [change('negative test', 'K1-02', '2024-02-14', 'event'), change('positive test or relapse', 'K1-05', '2024-06-11', 'reversal')],
            // "is still using cocaine" (K1-06) comes after the positive retest: the record is up to date.
            stale_claims: [],
          },
        ],
      },
      {
        // "Attendance is 97%" (K1-04): the school attendance rule names nobody, so it is about the child.
        name: 'the child',
        facts: [
          {
            topic: 'School attendance',
            state: 'good',
            since: '2024-05-02',
            record_id: 'K1-04',
            rules: ['staleness.attendance-improved'],
            history: [change('good', 'K1-04', '2024-05-02', 'event')],
            stale_claims: [],
          },
        ],
      },
    ],
  },
  {
    case_id: 'L2',
    people: [
      {
        name: 'the child',
        facts: [
          {
            topic: 'Where the child lives',
            state: 'at home',
            since: '2024-04-15',
            record_id: 'L2-02',
            rules: ['staleness.returned-home'],
            history: [change('in care', 'L2-01', '2024-02-01', 'claim'), change('at home', 'L2-02', '2024-04-15', 'event')],
            stale_claims: [{ record_id: 'L2-04', record_date: '2024-07-30', state: 'in care', since_record_id: 'L2-02' }],
          },
          {
            topic: 'Child protection plan',
            state: 'ended',
            since: '2024-05-20',
            record_id: 'L2-03',
            rules: ['staleness.plan-or-order-ended'],
            history: [change('ended', 'L2-03', '2024-05-20', 'event')],
            stale_claims: [],
          },
        ],
      },
    ],
  },
  {
    case_id: 'M3',
    people: [
      {
        name: 'the parents',
        facts: [
          {
            topic: 'Relationship with a partner',
            state: 'separated',
            since: '2024-03-05',
            record_id: 'M3-01',
            rules: ['staleness.parents-separated'],
            history: [change('separated', 'M3-01', '2024-03-05', 'event')],
            stale_claims: [],
          },
        ],
      },
    ],
  },
];

describe('fact sheet (--timeline)', () => {
  it('gives each person and topic its current state, since when, which record, the history and the stale claims', async () => {
    const report = await auditJson([FIXTURE], ['--timeline']);
    expect(report.schema_version).toBe('1.5.0');
    expect(report.fact_sheet).toEqual(EXPECTED);
    // Before the timeline it comes from, and the stale claims are the flags'.
    expect(Object.keys(report).slice(-2)).toEqual(['fact_sheet', 'staleness_timeline']);
    const staleFlags = report.flags
      .filter((f: { category: string }) => f.category === 'staleness')
      .map((f: { record_id: string; related_record_ids: string[] }) => `${f.record_id}<${f.related_record_ids.join(',')}`);
    const staleFacts = EXPECTED.flatMap((s) =>
      s.people.flatMap((p) => p.facts.flatMap((f) => f.stale_claims.map((c) => `${c.record_id}<${c.since_record_id}`))),
    );
    expect(staleFlags.sort()).toEqual(staleFacts.sort());
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(repoPath('schema/report.schema.json'), 'utf8')));
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  });

  it('is left out without --timeline', async () => {
    expect(await auditJson([FIXTURE])).not.toHaveProperty('fact_sheet');
  });

  it('shows in the terminal view per case, before the staleness timeline, and for a case without flags', async () => {
    const { stdout } = await runCli(['audit', FIXTURE, ...AUDIT, '--timeline', '--format', 'terminal']);
    const block = (from: string, to: string) => stdout.slice(stdout.indexOf(from), stdout.indexOf(to, stdout.indexOf(from)));
    expect(block('  Fact sheet\n    Ms Kowalczyk', '  Staleness timeline').split('\n')).toEqual([
      '  Fact sheet',
      '    Ms Kowalczyk',
      '      Parenting programme: completed since 22/03/2024 (K1-03); before: not done 10/01/2024 K1-01',
      '        still stated as not done: K1-04 (02/05/2024)',
      '    Mr Adebayo',
      '      Substance use: positive test or relapse since 11/06/2024 (K1-05); before: negative test 14/02/2024 K1-02',
      '    the child',
      '      School attendance: good since 02/05/2024 (K1-04)',
      '',
    ]);
    expect(block('Case M3', '\n\n').split('\n')).toEqual([
      'Case M3  no flags',
      '  Fact sheet',
      '    the parents',
      '      Relationship with a partner: separated since 05/03/2024 (M3-01)',
      '  Staleness timeline',
      '    staleness.parents-separated: 05/03/2024 M3-01 event “have separated”',
    ]);
  });

  it('is a table per case in the HTML report, every cell escaped, each flagged case linking to its sheet', async () => {
    const report = await auditJson([FIXTURE], ['--timeline']);
    const html = formatHtml(report);
    expect(html).toContain('<li><a href="#facts">Fact sheets (3)</a></li>');
    expect(html).toContain(
      '<tr><th scope="row">Ms Kowalczyk</th><td>Parenting programme</td><td><strong>completed</strong></td><td><time datetime="2024-03-22">22/03/2024</time></td><td><code>K1-03</code></td>' +
        '<td>not done (<time datetime="2024-01-10">10/01/2024</time>, <code>K1-01</code>)</td>' +
        '<td><span class="step-asserted">not done</span> in <code>K1-04</code> (<time datetime="2024-05-02">02/05/2024</time>)</td></tr>',
    );
    expect(html).toContain('<article class="facts" id="facts-3" aria-labelledby="facts-3-h">\n<h3 id="facts-3-h">Case M3</h3>');
    expect(html).toMatch(/<h3 id="case-1-h">Case K1<\/h3>\n<p class="case-meta">[^\n]*· <a href="#facts-1">Fact sheet<\/a><\/p>/);
    const section = html.slice(html.indexOf('<section id="facts"'), html.indexOf('</section>', html.indexOf('<section id="facts"')));
    expect(new Set([...section.matchAll(/<([a-z0-9]+)[\s>]/g)].map((m) => m[1]))).toEqual(
      new Set(['section', 'h2', 'p', 'article', 'h3', 'div', 'table', 'thead', 'tr', 'th', 'tbody', 'td', 'strong', 'time', 'code', 'span']),
    );
    // Names come from the records, topics and states from packs: all of it is escaped.
    const hostile = JSON.parse(JSON.stringify(report));
    hostile.fact_sheet[0].people[0].name = '<script>alert(1)</script>';
    hostile.fact_sheet[0].people[0].facts[0].topic = '"><img src=x onerror=alert(2)>';
    const page = formatHtml(hostile);
    expect(page).not.toContain('<script>alert(1)');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('lets no name through with --no-snippets and masks names with --redact', async () => {
    const none = await auditJson([FIXTURE], ['--timeline', '--no-snippets']);
    expect(none.fact_sheet.flatMap((s: FactSheet) => s.people.map((p) => p.name))).toEqual(['', '', '', '', '']);
    expect(JSON.stringify(none.fact_sheet)).not.toMatch(/Kowalczyk|Adebayo/);
    const redacted = await auditJson([FIXTURE], ['--timeline', '--redact']);
    expect(redacted.fact_sheet.flatMap((s: FactSheet) => s.people.map((p) => p.name))).toEqual(['[name]', '[name]', 'the child', 'the child', 'the parents']);
    const { stdout } = await runCli(['audit', FIXTURE, ...AUDIT, '--timeline', '--no-snippets', '--format', 'terminal']);
    expect(stdout).toContain('    (name not shown)\n      Parenting programme: completed since 22/03/2024 (K1-03)');
    expect(stdout).not.toMatch(/Kowalczyk|Adebayo/);
  });

  it('is the same with two workers as with one, and when parts audited by case are merged', async () => {
    const one = await auditJson([FIXTURE], ['--timeline', '--jobs', '1']);
    const two = await auditJson([FIXTURE], ['--timeline', '--jobs', '2']);
    expect(two.fact_sheet).toEqual(one.fact_sheet);
    expect(one.fact_sheet).toEqual(EXPECTED);

    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-facts-'));
    const [header, ...rows] = readFileSync(FIXTURE, 'utf8').trim().split('\n');
    const parts = ['K1', 'L2', 'M3'].map((c) => {
      const path = join(dir, `${c}.csv`);
      writeFileSync(path, [header, ...rows.filter((r) => r.startsWith(`"${c}-`))].join('\n') + '\n');
      return path;
    });
    const reports = parts.map((p) => p.replace(/\.csv$/, '.json'));
    for (const [i, p] of parts.entries()) expect((await runCli(['audit', p, ...AUDIT, '--timeline', '--format', 'json', '--output', reports[i]])).code).toBe(0);
    const merged = await runCli(['merge', ...reports]);
    expect(merged.code).toBe(0);
    expect(JSON.parse(merged.stdout).fact_sheet).toEqual(EXPECTED);
  });
});

describe('fact sheet: who and what', () => {
  const packs = loadPacks([DEFAULT_RULES_DIR]);
  const sections: Record<string, unknown[]> = {};
  for (const p of packs) for (const [k, v] of Object.entries(p.sections)) (sections[k] ??= []).push(v);
  const rules = packs.flatMap((p) => p.rules).filter((r) => r.kind === 'staleness') as StalenessRule[];
  const record = (record_id: string, record_date: string, text: string): CanonicalRecord => ({
    record_id,
    case_id: 'Z9',
    subject_id: 'P1',
    subject_name: 'Ellis Hart',
    subject_dob: '2018-01-01',
    subject_gender: 'male',
    record_date,
    recorded_at: null,
    author: 'A N Other',
    team: 'CIN',
    record_type: 'Case Note',
    text,
    source: { path: 't.csv', line: 2, record: 1 },
  });
  const sheet = (texts: [string, string][]) => {
    const check = stalenessKind.createCheck(rules, { asOf: '2025-06-30', sections, collectMentions: false, timeline: true } as never);
    texts.forEach(([date, text], i) => check.record(record(`Z-${i + 1}`, date, text)));
    check.finish();
    return (check.sections!().fact_sheet as FactSheet[])[0].people.map(
      (p) => `${p.name}: ${p.facts.map((f) => `${f.topic} ${f.state} (${f.record_id}; ${f.stale_claims.map((s) => s.record_id).join(',')})`).join('; ')}`,
    );
  };

  it('calls a role by the one person of that sex the records name, and keeps two named women apart', () => {
    expect(
      sheet([
        ['2024-01-05', 'Ms Greenhalgh has finished the Solihull Approach course.'],
        ['2024-03-05', 'Mother has not completed a parenting course.'],
      ]),
    ).toEqual(['Ms Greenhalgh: Parenting programme completed (Z-1; Z-2)']);
    // Two women named: "mother" alone is neither, but her stale claim is the flag's, so it goes with the event it ignores.
    expect(
      sheet([
        ['2024-01-05', 'Ms Greenhalgh has finished the Solihull Approach course.'],
        ['2024-02-05', 'Ms Pell has not completed a parenting course; she was offered Triple P in the spring.'],
        ['2024-03-05', 'Mother has not completed a parenting course.'],
        ['2024-04-05', 'Ms Pell has now completed Triple P.'],
      ]),
    ).toEqual(['Ms Greenhalgh: Parenting programme completed (Z-1; Z-3)', 'Ms Pell: Parenting programme completed (Z-4; )']);
    expect(sheet([['2024-01-05', 'She has finished the Solihull Approach course.']])).toEqual(['unnamed woman: Parenting programme completed (Z-1; )']);
  });

  it('is not built without --timeline', () => {
    const check = stalenessKind.createCheck(rules, { asOf: '2025-06-30', sections, collectMentions: false } as never);
    check.record(record('Z-1', '2024-01-05', 'Ms Greenhalgh has finished the Solihull Approach course.'));
    check.finish();
    expect(check.sections!()).toEqual({});
  });

  it('refuses a fact whose topic names no `same:` list, or whose reversal state does not match reversed_by', () => {
    const base = {
      id: 'x.y',
      kind: 'staleness',
      category: 'staleness',
      severity: 'warning',
      standards: ['3.11'],
      message: 'm',
      pack: 'p',
      event: { terms: ['order ended'] },
      claims: { terms: ['order continues'] },
    };
    expect(
      stalenessKind.validate!({
        ...base,
        fact: { topic: 'Order {order}', event: 'ended', claim: 'in force' },
        reversed_by: { terms: ['new order'] },
      } as unknown as Rule),
    ).toEqual([
      { key: 'fact/topic', message: "{order} is not one of the rule's same: word lists" },
      { key: 'fact/reversal', message: 'the rule has reversed_by: name the state a reversal establishes' },
    ]);
    expect(stalenessKind.validate!({ ...base, fact: { topic: 'Order', event: 'ended', claim: 'in force', reversal: 'in force' } } as unknown as Rule)).toEqual([
      { key: 'fact/reversal', message: 'the rule has no reversed_by for this state to come from' },
    ]);
  });
});
