import { beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, formatHtml, htmlChunks, HTML_CSP } from '../src/report/formats/html.ts';
import { PIECE_CHARS } from '../src/report/formats/pieces.ts';
import type { Report } from '../src/report/build-report.ts';
import type { Flag } from '../src/model/flag.ts';
import { runCli } from './support/run-cli.ts';

let report: Report;
let html: string;

beforeAll(async () => {
  const result = await runCli(['audit', 'fixtures/exports', '--format', 'json', '--fail-on', 'never']);
  expect(result.code).toBe(0);
  report = JSON.parse(result.stdout);
  html = formatHtml(report, {});
});

const clone = (r: Report): Report => JSON.parse(JSON.stringify(r));
const stat = (page: string, key: string) => new RegExp(`data-stat="${key}"><dt>[^<]*</dt><dd>([^<]*)</dd>`).exec(page)?.[1];

const SAFE_TAGS = new Set(
  'html head meta title style body div header h1 h2 h3 h4 p dl dt dd nav ul ol li a section code details summary table caption thead tbody tr th td strong span form fieldset legend label input button article blockquote mark time footer script pre kbd select option'.split(
    ' ',
  ),
);

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "'><svg onload=alert(3)>",
  '</textarea></style></script><iframe src="https://evil.example/">',
];

describe('escapeHtml', () => {
  it('turns the characters HTML gives meaning to into entities', () => {
    expect(escapeHtml('<script>alert("x") & \'y\'</script>')).toBe('&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;');
    expect(escapeHtml('"><img src=x onerror=alert(1)>')).toBe('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('leaves ordinary text, entities-to-be and non-ASCII alone apart from &', () => {
    expect(escapeHtml('Mother’s “view” – 71% · Zoë')).toBe('Mother’s “view” – 71% · Zoë');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('shows control and bidi characters as \\xNN, keeping tabs and line breaks', () => {
    expect(escapeHtml('a\u0000b\u001bc\u202ed\te\nf')).toBe('a\\x00b\\x1bc\\x202ed\te\nf');
  });

  it('writes null and undefined as nothing and numbers as they are', () => {
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(0)).toBe('0');
    expect(escapeHtml(139)).toBe('139');
  });
});

describe('the HTML report of the bundled exports', () => {
  it('is one HTML document with a strict Content-Security-Policy', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${HTML_CSP.replace(/'/g, '&#39;')}">`);
    expect(HTML_CSP).toMatch(/^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]+=*'; style-src 'sha256-[A-Za-z0-9+/]+=*';/);
    expect(HTML_CSP).not.toContain('unsafe');
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html.match(/<style\b/g)).toHaveLength(1);
  });

  it('refers to nothing outside the document', () => {
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
    const refs = [...html.matchAll(/\b(?:src|href|action|srcset|poster|data)\s*=\s*"([^"]*)"/gi)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref).toMatch(/^#[\w-]+$/);
    expect(html).not.toMatch(/<(?:link|img|iframe|object|embed|base|form[^>]*action)\b/i);
    // CSS url() and @import; the script's URL.createObjectURL (the export's download) is not one.
    expect(html).not.toMatch(/@import|(?<![A-Za-z])url\(/i);
    expect(html).not.toMatch(/ style="/);
  });

  it('contains every flag, with its id', () => {
    expect(report.flags.length).toBeGreaterThan(10);
    for (const flag of report.flags) expect(html).toContain(`id="flag-${flag.id}"`);
    expect(html.match(/<li class="flag /g)).toHaveLength(report.flags.length);
  });

  it('shows the headline numbers exactly as in the summary', () => {
    const s = report.summary;
    const expected: Record<string, number> = {
      rows_read: s.rows_read,
      records_audited: s.records_audited,
      rows_rejected: s.rows_rejected,
      cases_audited: s.cases_audited,
      cases_flagged: s.cases_flagged,
      records_flagged: s.records_flagged,
      flags: s.flags,
      error: s.by_severity.error,
      warning: s.by_severity.warning,
      info: s.by_severity.info,
    };
    for (const [key, value] of Object.entries(expected)) expect(stat(html, key), key).toBe(String(value));
    expect(stat(html, 'rows_read')).toBe('139');
  });

  it('names the as-of date, tool version, inputs with hash prefix and profile, and rule packs', () => {
    expect(html).toContain(`scrutineer audit report, as of ${report.run.as_of.split('-').reverse().join('/')}`);
    expect(html).toContain(`scrutineer ${report.tool.version}`);
    for (const input of report.inputs) {
      expect(html).toContain(`<code>${input.path}</code>`);
      expect(html).toContain(`<code title="${input.sha256}">${input.sha256.slice(0, 12)}</code>`);
      expect(html).toContain(`<td>${input.profile}</td>`);
    }
    for (const pack of report.rule_packs) expect(html).toContain(`<th scope="row">${pack.name}</th><td>${pack.version}</td>`);
  });

  it('tabulates flags by standard with its text, and by category, team and author', () => {
    for (const [code, n] of Object.entries(report.summary.by_standard)) {
      expect(html).toContain(`<th scope="row"><strong>${code}</strong></th><td>${escapeHtml(report.standards[code])}</td><td class="num">${n}</td>`);
    }
    for (const [category, n] of Object.entries(report.summary.by_category)) {
      expect(html).toMatch(new RegExp(`<th scope="row">${category}</th>(<td class="num">\\d+</td>){3}<td class="num"><strong>${n}</strong>`));
    }
    const teams = new Set(report.flags.map((f) => f.team));
    for (const team of teams) expect(html).toContain(`<th scope="row">${escapeHtml(team ?? '(not recorded)')}</th>`);
    const authors = new Set(report.flags.map((f) => f.author));
    for (const author of authors) expect(html).toContain(`<th scope="row">${escapeHtml(author ?? '(not recorded)')}</th>`);
  });

  it('lists each case’s flagged records in date order, and its label chronology', () => {
    const cases = [...new Set(report.flags.map((f) => f.case_id))];
    for (const caseId of cases) {
      const start = html.indexOf(`>Case ${caseId}</h3>`);
      expect(start, caseId).toBeGreaterThan(0);
      const end = html.indexOf('</article>', start);
      const part = html.slice(start, end);
      const dates = [...part.matchAll(/<h4 id="[^"]+">Record <code>[^<]*<\/code> · <time datetime="([\d-]+)"/g)].map((m) => m[1]);
      expect(dates).toEqual([...dates].sort());
      for (const f of report.flags.filter((x) => x.case_id === caseId)) expect(part).toContain(`id="flag-${f.id}"`);
    }
    // Case 1005120: FII asserted, evidence against, asserted again after it.
    const fii = html.slice(html.indexOf('>Case 1005120</h3>'));
    const chronology = fii.slice(fii.indexOf('<h4>Label chronology</h4>'), fii.indexOf('</article>'));
    expect(chronology).toContain('<strong>FII</strong>');
    expect(chronology.indexOf('5201511')).toBeLessThan(chronology.indexOf('5201541'));
    expect(chronology.indexOf('5201541')).toBeLessThan(chronology.indexOf('5201796'));
    expect(chronology).toMatch(/5201541<\/code><\/a>|5201541<\/code>/);
    expect(chronology).toContain('evidence against');
    expect(chronology).toMatch(/5201796<\/code><\/a> · <span class="step-asserted">asserted<\/span> <span class="badge late">After evidence against<\/span>/);
  });

  it('highlights the words found with <mark>', () => {
    const f = report.flags[0];
    expect(html).toContain(`${escapeHtml(f.snippet!.before)}<mark>${escapeHtml(f.snippet!.match)}</mark>${escapeHtml(f.snippet!.after)}`);
  });

  it('gives every filter checkbox a label and starts with the filters hidden until the script runs', () => {
    expect(html).toContain('<form id="filters" class="filters" aria-label="Filter the flags" hidden>');
    const boxes = html.match(/<input type="checkbox"[^>]*>/g) ?? [];
    // Categories, three severities and three decisions (not decided, confirmed, dismissed).
    expect(boxes.length).toBe(Object.keys(report.summary.by_category).length + 6);
    expect(html.match(/<label><input type="checkbox"/g)).toHaveLength(boxes.length);
    // The review controls: a note and a reason a flag, the initials and the date, each in its label.
    const inputs = html.match(/<input [^>]*>|<select [^>]*>/g) ?? [];
    expect(inputs.length).toBe(boxes.length + 2 * report.flags.length + 2);
    expect(html.match(/<label>[^<]*<(?:input|select) /g)).toHaveLength(inputs.length);
    expect(html).toContain('<div id="review-panel" class="review-panel no-print" role="region" aria-labelledby="h-review"');
    expect(html).toMatch(/<div id="review-panel"[^>]* hidden>/);
  });

  it('is the same for the same report', () => {
    expect(formatHtml(report, {})).toBe(html);
  });

  it('is written in pieces of about PIECE_CHARS characters, with steps between the passes over every flag, and the pieces are the page', () => {
    // 20,000 flags in 2,000 cases: rendered at once it was one string (505,000 flags were longer than a string can be).
    const many = clone(report);
    many.flags = Array.from({ length: 20_000 }, (_, i) => ({
      ...report.flags[i % report.flags.length],
      case_id: `C${i % 2000}`,
      id: `${i}`.padStart(16, '0'),
    }));
    const pieces = [...htmlChunks(many, {})];
    expect(pieces.join('')).toBe(formatHtml(many, {}));
    const text = pieces.filter(Boolean);
    expect(text.length).toBeGreaterThan(10);
    expect(Math.max(...text.map((p) => p.length))).toBeLessThan(PIECE_CHARS * 1.1);
    // Steps (empty pieces) come before any text, where every flag is grouped, counted or indexed.
    expect(pieces.indexOf('')).toBe(0);
    expect(pieces.filter((p) => !p).length).toBeGreaterThan(5);
    expect(text.join('').match(/<article class="case"/g)).toHaveLength(2000);
  });
});

describe('hostile record text', () => {
  const hostileReport = () => {
    const r = clone(report);
    const f = r.flags[0];
    f.snippet = { before: `${HOSTILE[0]} before `, match: HOSTILE[1], after: ` after ${HOSTILE[2]}` };
    f.span = { start: 0, end: HOSTILE[1].length, text: HOSTILE[1] };
    f.message = `Message ${HOSTILE[0]} ${HOSTILE[1]}`;
    f.author = HOSTILE[1];
    f.team = HOSTILE[2];
    f.record_type = HOSTILE[3];
    f.related_record_ids = [HOSTILE[0]];
    f.label = HOSTILE[1];
    f.category = `cat${HOSTILE[1]}`;
    f.case_id = HOSTILE[3];
    f.record_id = HOSTILE[0];
    r.rejected_rows = [{ path: HOSTILE[1], line: 3, record: 2, reason: HOSTILE[0] }];
    r.warnings = [{ path: HOSTILE[2], line: 4, record: 3, message: HOSTILE[1] }];
    r.inputs[0].path = HOSTILE[0];
    r.rule_packs[0].name = HOSTILE[1];
    r.run.options = { ...r.run.options, [HOSTILE[0]]: HOSTILE[1] };
    r.standards['3.11'] = HOSTILE[0];
    r.summary.by_category = { [`cat${HOSTILE[1]}`]: 1, ...r.summary.by_category };
    (r.label_histories as { case_id: string; label: string; entries: { text: string }[] }[])[0].label = HOSTILE[1];
    return r;
  };

  it('is written as text: no raw tag or attribute survives anywhere', () => {
    const page = formatHtml(hostileReport(), { title: HOSTILE[0] });
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<svg');
    expect(page).not.toContain('<iframe');
    const tags = [...page.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[\w-]+(?:="[^"]*")?)*)\s*>/g)];
    const names = new Set(tags.map((t) => t[1].toLowerCase()));
    expect([...names].filter((n) => !SAFE_TAGS.has(n))).toEqual([]);
    const attributes = tags.flatMap((t) => [...t[2].matchAll(/\s+([\w-]+)(?:="[^"]*")?/g)].map((a) => a[1].toLowerCase()));
    expect(attributes.filter((a) => a.startsWith('on') || a === 'src' || a === 'style')).toEqual([]);
    // Every '<' that starts a tag was matched above: none is left unaccounted for.
    expect(page.replace(/<([a-zA-Z][\w-]*)((?:\s+[\w-]+(?:="[^"]*")?)*)\s*>|<\/[a-zA-Z][\w-]*>|<!DOCTYPE html>/g, '')).not.toMatch(/<[a-zA-Z!/]/);
    expect(page).toContain('&#39;&gt;&lt;svg onload=alert(3)&gt;');
    expect(page.match(/<script\b/g)).toHaveLength(1);
    expect(page.match(/<\/script>/g)).toHaveLength(1);
    expect(page.match(/<\/style>/g)).toHaveLength(1);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(page).toContain('<mark>&quot;&gt;&lt;img src=x onerror=alert(2)&gt;</mark>');
    expect(page).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(page).toContain('value="cat&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"');
    const refs = [...page.matchAll(/\s(?:src|href|action)="([^"]*)"/g)].map((m) => m[1]);
    for (const ref of refs) expect(ref).toMatch(/^#[\w-]+$/);
  });

  it('in a snippet with no snippet or span renders without a quote', () => {
    const r = clone(report);
    for (const f of r.flags) {
      f.snippet = null;
      f.span = null;
    }
    const page = formatHtml(r, {});
    expect(page).not.toContain('<mark>');
    expect(page).not.toContain('<blockquote');
    for (const f of r.flags) expect(page).toContain(`id="flag-${f.id}"`);
  });
});

describe('optional parts of a report', () => {
  it('shows a reviewed badge with the reason and a new badge when flags carry them', () => {
    const r = clone(report);
    const flags = r.flags as (Flag & { review?: unknown; baseline?: unknown })[];
    flags.forEach((f, i) => (f.baseline = i === 0 ? 'new' : 'existing'));
    flags[1].review = {
      status: 'reviewed',
      decision: 'dismissed',
      reason_code: 'evidenced-elsewhere',
      reviewer: 'J. Okoro',
      date: '2025-01-15',
      reason: 'Police report <PR-1> on file',
    };
    const page = formatHtml(r, {});
    const first = page.slice(page.indexOf(`id="flag-${flags[0].id}"`), page.indexOf('</li>', page.indexOf(`id="flag-${flags[0].id}"`)));
    expect(first).toContain('<span class="badge new">New</span>');
    expect(first).toContain('data-baseline="new"');
    const second = page.slice(page.indexOf(`id="flag-${flags[1].id}"`), page.indexOf('</li>', page.indexOf(`id="flag-${flags[1].id}"`)));
    expect(second).toContain('<span class="badge dismissed" data-review-badge>Dismissed</span>');
    expect(second).toContain(
      'data-review="dismissed" data-decided-reviewer="J. Okoro" data-decided-date="2025-01-15" data-decided-reason="Police report &lt;PR-1&gt; on file" data-decided-reason-code="evidenced-elsewhere"',
    );
    expect(second).toContain(
      '<strong>Dismissed</strong> (evidenced elsewhere in the record) by J. Okoro on <time datetime="2025-01-15">15/01/2025</time>: Police report &lt;PR-1&gt; on file',
    );
    expect(first).toContain('<span class="badge open" data-review-badge hidden>Not decided</span>');
    expect(page).toContain('<input type="checkbox" name="review" value="dismissed" checked>');
    expect(page).toContain('<input type="checkbox" name="baseline" value="new" checked>');
  });

  it('works without label histories, flags, rejected rows or warnings', () => {
    const r = clone(report);
    delete r.label_histories;
    r.flags = [];
    const page = formatHtml(r, {});
    expect(page).toContain('<p><strong>No flags.</strong></p>');
    expect(page).not.toContain('Label chronology</h4>');
    expect(page).toContain('Rejected rows (0)');
    expect(page).toContain('Warnings (0)');
  });

  it('lists rejected rows and warnings with file, line, record and reason', () => {
    const r = clone(report);
    r.rejected_rows = [{ path: 'export.csv', line: 12, record: 8, reason: 'expected 12 fields, found 10' }];
    r.warnings = [{ path: 'export.csv', line: 5, record: 4, message: "subject_dob: cannot read '32/13/2015'" }];
    const page = formatHtml(r, {});
    expect(page).toContain('Rejected rows (1)');
    expect(page).toContain('<th scope="row"><code>export.csv</code></th><td class="num">12</td><td class="num">8</td><td>expected 12 fields, found 10</td>');
    expect(page).toContain('<td>subject_dob: cannot read &#39;32/13/2015&#39;</td>');
  });

  it('uses the title it is given', () => {
    expect(formatHtml(report, { title: 'Anyshire QA, March 2025' })).toContain('<h1>Anyshire QA, March 2025</h1>');
  });
});
