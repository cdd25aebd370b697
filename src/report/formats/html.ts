import { createHash } from 'node:crypto';
import { groupBy } from '../group.ts';
import type { Report } from '../build-report.ts';
import { DISMISSAL_REASONS, DISMISSAL_REASON_TEXT, type Flag } from '../../model/flag.ts';
import { FACT_SHEET, LABEL_HISTORIES, REVIEW_STATS, sectionItems, type FactSheet, type LabelHistory, type ReviewStat } from '../../model/sections.ts';
import { terminalSafe } from '../../text/terminal-safe.ts';
import { HTML_STYLE } from './html-style.ts';
import { HTML_SCRIPT } from './html-script.ts';
import { pageHead, staticPagePolicy } from './page.ts';
import { inPieces, joined } from './pieces.ts';

export interface HtmlOptions {
  /** The document title and main heading; by default "scrutineer audit report, as of <date>". */
  title?: string;
}

/**
 * Text for HTML, in element content and in double-quoted attribute values alike. The five
 * characters that HTML gives meaning to become entities; control characters and the bidi
 * controls that could reorder what an auditor reads are shown as \xNN, as in the terminal.
 */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return terminalSafe(String(value)).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = escapeHtml;

const SEVERITY_ORDER = ['error', 'warning', 'info'] as const;
const SEVERITY_NAME: Record<string, string> = { error: 'Error', warning: 'Warning', info: 'Info' };
const sevClass = (s: string) => (s in SEVERITY_NAME ? `sev-${s}` : 'sev-other');
const sevName = (s: string) => SEVERITY_NAME[s] ?? esc(s);
const NOT_RECORDED = '(not recorded)';

/**
 * Nothing may be fetched: no scripts, styles, fonts, images, frames, connections or form posts
 * other than the one inline style sheet and the one inline script, allowed by their hashes.
 */
export const HTML_CSP = staticPagePolicy(HTML_STYLE, HTML_SCRIPT);

/** Fields a flag may carry with --reviewed and --baseline; read defensively. */
interface ReviewLike {
  decision?: unknown;
  reason_code?: unknown;
  reviewer?: unknown;
  date?: unknown;
  reason?: unknown;
}
type HtmlFlag = Flag & { review?: unknown; baseline?: unknown };

interface GroupRate {
  records: number;
  flags: number;
  per_100_records: number;
}

/**
 * One self-contained HTML file for auditors: headline figures, flags by standard, category,
 * team and author, a chronology per case with every flag in place, filters that work offline,
 * rejected rows and warnings. Every string from the report is escaped; the page loads nothing.
 */
export function formatHtml(report: Report, options: HtmlOptions = {}): string {
  return [...htmlChunks(report, options)].join('');
}

/**
 * formatHtml's text in pieces (formats/pieces.ts): case by case and record by record, with a
 * step after each pass over every flag, so a report of 500,000 flags (longer than one string
 * can hold) is written, and a signal is handled while it is.
 */
export function htmlChunks(report: Report, options: HtmlOptions = {}): Generator<string, void, void> {
  return inPieces(htmlParts(report, options));
}

function* htmlParts(report: Report, options: HtmlOptions): Generator<string, void, void> {
  const flags = report.flags as HtmlFlag[];
  const title = options.title?.trim() || `scrutineer audit report, as of ${ukDate(report.run.as_of)}`;
  const cases = groupBy(flags, (f) => f.case_id);
  yield '';
  const sheets = factSheets(report);
  const factAnchors = new Map(sheets.map((s, i) => [s.case_id, `facts-${i + 1}`]));
  yield `${pageHead({ policy: HTML_CSP, generator: `${report.tool.name} ${report.tool.version}`, title, style: HTML_STYLE, esc })}
<body>
<div class="page">
`;
  yield `${header(report, title)}\n${toc(report, cases.size, sheets.length)}\n${summarySection(report)}\n`;
  yield* breakdownSection(report, flags);
  yield '\n';
  yield* factsSection(sheets, factAnchors);
  yield '\n';
  yield* casesSection(report, flags, cases, factAnchors);
  yield `\n${reviewStatsSection(report)}\n`;
  yield* rejectedSection(report);
  yield '\n';
  yield* warningsSection(report);
  yield `\n${footer(report)}
</div>
<script>${HTML_SCRIPT}</script>
</body>
</html>
`;
}

function header(report: Report, title: string): string {
  const opts = report.run.options ?? {};
  const minSeverity = typeof opts.min_severity === 'string' ? opts.min_severity : null;
  return `<header>
<h1>${esc(title)}</h1>
<p class="lede">Flags in case records mapped to Social Work England professional standard 3.11: “${esc(report.standards['3.11'] ?? '')}” A flag says that no evidence or attribution was found; it does not say that the record is false. Deciding is the auditor’s job.</p>
<dl class="meta">
${metaItem('As of', dateHtml(report.run.as_of))}
${report.run.window ? metaItem('Window', `${report.run.window.since ? dateHtml(report.run.window.since) : 'the start'} to ${report.run.window.until ? dateHtml(report.run.window.until) : 'the end'}: flags on the ${report.run.window.records_in_window} records dated in it; ${report.run.window.records_read_for_context} others read for context only`) : ''}
${metaItem('Tool', `${esc(report.tool.name)} ${esc(report.tool.version)}`)}
${metaItem('Report schema', esc(report.schema_version))}
${minSeverity ? metaItem('Minimum severity', esc(minSeverity)) : ''}
</dl>
<p id="filter-note" class="filter-note" role="note"></p>
</header>`;
}

function metaItem(term: string, html: string): string {
  return `<div><dt>${esc(term)}</dt><dd>${html}</dd></div>`;
}

function toc(report: Report, caseCount: number, sheetCount: number): string {
  const items = [
    ['summary', 'Summary'],
    ['breakdown', 'Flags by standard, category, team and author'],
    ...(sheetCount ? [['facts', `Fact sheets (${sheetCount})`]] : []),
    ['cases', `Cases with flags (${caseCount})`],
    ...(sectionItems(report, REVIEW_STATS).length || report.reviewed ? [['review-stats', 'What the decisions teach']] : []),
    ['rejected', `Rejected rows (${report.rejected_rows.length})`],
    ['warnings', `Warnings (${report.warnings.length})`],
  ];
  return `<nav class="toc" aria-label="Contents"><ul>${items.map(([id, text]) => `<li><a href="#${id}">${esc(text)}</a></li>`).join('')}</ul></nav>`;
}

// ---------------------------------------------------------------------------------------------
// Summary

function summarySection(report: Report): string {
  const s = report.summary;
  const stat = (key: string, label: string, value: number, cls = '') =>
    `<div class="stat${cls ? ` ${cls}` : ''}" data-stat="${esc(key)}"><dt>${esc(label)}</dt><dd>${esc(value)}</dd></div>`;
  const stats = [
    stat('rows_read', 'Records read', s.rows_read),
    stat('records_audited', 'Records audited', s.records_audited),
    stat('rows_rejected', 'Rows rejected', s.rows_rejected),
    stat('cases_audited', 'Cases audited', s.cases_audited),
    stat('cases_flagged', 'Cases with flags', s.cases_flagged),
    stat('records_flagged', 'Records with flags', s.records_flagged),
    stat('flags', 'Flags', s.flags),
    ...SEVERITY_ORDER.map((sev) => stat(sev, `${SEVERITY_NAME[sev]} flags`, s.by_severity[sev] ?? 0, sevClass(sev))),
  ];
  const below = s.flags_below_min_severity
    ? `<p class="muted" data-stat="flags_below_min_severity">${esc(s.flags_below_min_severity)} further ${s.flags_below_min_severity === 1 ? 'flag was' : 'flags were'} found below the minimum severity and ${s.flags_below_min_severity === 1 ? 'is' : 'are'} not listed.</p>`
    : '';
  // Under --sample, rows of the cases left out are neither audited nor rejected: a column says how many.
  const sampled = report.inputs.some((i) => i.rows_outside_sample);
  const inputs = table(
    'h-inputs',
    ['File', 'Profile', 'Encoding', 'Delimiter', 'Read', 'Audited', 'Rejected', ...(sampled ? ['Outside the sample'] : []), 'SHA-256'],
    sampled ? [4, 5, 6, 7] : [4, 5, 6],
    report.inputs.map((i) => [
      `<code>${esc(i.path)}</code>`,
      esc(i.profile),
      esc(i.encoding),
      `<code>${esc(i.delimiter)}</code>`,
      esc(i.rows_read),
      esc(i.rows_audited),
      esc(i.rows_rejected),
      ...(sampled ? [esc(i.rows_outside_sample ?? 0)] : []),
      shaHtml(i.sha256),
    ]),
  );
  const packs = table(
    'h-packs',
    ['Rule pack', 'Version', 'SHA-256'],
    [],
    report.rule_packs.map((p) => [esc(p.name), esc(p.version), shaHtml(p.sha256)]),
  );
  return `<section id="summary" aria-labelledby="h-summary">
<h2 id="h-summary">Summary</h2>
<dl class="stats">
${stats.join('\n')}
</dl>
${below}
${baselineHtml(report)}
${reviewedHtml(report)}
<h3 id="h-inputs">Inputs</h3>
${inputs}
<h3 id="h-packs">Rule packs</h3>
${packs}
${optionsHtml(report)}
</section>`;
}

function shaHtml(sha: string): string {
  return `<code title="${esc(sha)}">${esc(String(sha).slice(0, 12))}</code>`;
}

function optionsHtml(report: Report): string {
  const entries = Object.entries(report.run.options ?? {});
  if (!entries.length) return '';
  const rows = entries.map(([k, v]) => [`<code>${esc(k)}</code>`, `<code>${esc(v === undefined ? '' : JSON.stringify(v))}</code>`]);
  return `<details class="no-print"><summary>Options of the run</summary>${table(null, ['Option', 'Value'], [], rows, 'Options of the run')}</details>`;
}

/** With --baseline: new, existing and resolved flags against an earlier report. */
function baselineHtml(report: Report): string {
  const b = (report as { baseline?: unknown }).baseline as
    | { path?: unknown; new?: unknown; existing?: unknown; resolved?: { id?: unknown; rule?: unknown; case_id?: unknown; record_id?: unknown }[] }
    | undefined;
  if (!b || typeof b !== 'object') return '';
  const resolved = Array.isArray(b.resolved) ? b.resolved : [];
  const list = resolved.length
    ? table(
        null,
        ['Resolved flag', 'Rule', 'Case', 'Record'],
        [],
        resolved.map((r) => [`<code>${esc(r.id)}</code>`, `<code>${esc(r.rule)}</code>`, esc(r.case_id), esc(r.record_id)]),
        'Flags of the baseline that this report no longer has',
      )
    : '';
  return `<h3 id="h-baseline">Against the baseline</h3>
<p>Compared with <code>${esc(b.path)}</code>: <strong>${esc(b.new)}</strong> new, ${esc(b.existing)} existing, ${esc(resolved.length)} resolved.</p>
${list}`;
}

/** With --reviewed: the reviewed-flags file applied, and its entries that matched nothing. */
function reviewedHtml(report: Report): string {
  const r = (report as { reviewed?: unknown }).reviewed as
    | { path?: unknown; applied?: unknown; stale?: { id?: unknown; reviewer?: unknown; date?: unknown; reason?: unknown }[] }
    | undefined;
  if (!r || typeof r !== 'object') return '';
  const stale = Array.isArray(r.stale) ? r.stale : [];
  const list = stale.length
    ? table(
        null,
        ['Flag id', 'Reviewer', 'Date', 'Reason'],
        [],
        stale.map((s) => [`<code>${esc(s.id)}</code>`, esc(s.reviewer), dateHtml(s.date), esc(s.reason)]),
        'Reviewed entries that match no flag of this run',
      )
    : '';
  return `<h3 id="h-reviewed">Reviewed flags</h3>
<p>From <code>${esc(r.path)}</code>: ${esc(r.applied)} applied, ${esc(stale.length)} matching no flag of this run.</p>
${list}`;
}

// ---------------------------------------------------------------------------------------------
// Breakdown tables

function* breakdownSection(report: Report, flags: HtmlFlag[]): Generator<string, void, void> {
  const s = report.summary;
  const codes = [...new Set([...Object.keys(report.standards), ...Object.keys(s.by_standard)])];
  const standards = table(
    'h-by-standard',
    ['Standard', 'Text', 'Flags'],
    [2],
    codes.map((code) => [`<strong>${esc(code)}</strong>`, esc(report.standards[code] ?? ''), esc(s.by_standard[code] ?? 0)]),
  );
  const categories = severityTable('h-by-category', 'Category', flags, (f) => f.category, Object.keys(s.by_category));
  yield '';
  const rates = (s as unknown as { rates?: { by_team?: Record<string, GroupRate>; by_author?: Record<string, GroupRate> } }).rates;
  const teams = severityTable('h-by-team', 'Team', flags, (f) => f.team ?? NOT_RECORDED, [], rates?.by_team);
  yield '';
  const authors = severityTable('h-by-author', 'Author', flags, (f) => f.author ?? NOT_RECORDED, [], rates?.by_author);
  yield '';
  yield `<section id="breakdown" aria-labelledby="h-breakdown">
<h2 id="h-breakdown">Flags by standard, category, team and author</h2>
<h3 id="h-by-standard">By standard</h3>
${standards}
<h3 id="h-by-category">By category</h3>
${categories}
<h3 id="h-by-team">By team</h3>
${teams}
<h3 id="h-by-author">By author</h3>
${authors}
</section>`;
}

/**
 * Counts by severity for one grouping of the flags. With rates (records audited per team or
 * author) the groups without flags are listed too, with the flags per 100 records audited.
 */
function severityTable(
  labelledBy: string,
  what: string,
  flags: HtmlFlag[],
  key: (f: HtmlFlag) => string,
  order: string[],
  rates?: Record<string, GroupRate>,
): string {
  const counts = new Map<string, Record<string, number>>();
  for (const k of order) counts.set(k, {});
  for (const f of flags) {
    const k = key(f);
    const row = counts.get(k) ?? {};
    row[f.severity] = (row[f.severity] ?? 0) + 1;
    counts.set(k, row);
  }
  const rateOf = (k: string) => (rates && typeof rates === 'object' ? rates[k === NOT_RECORDED ? '(none)' : k] : undefined);
  if (rates && typeof rates === 'object')
    for (const k of Object.keys(rates)) if (!counts.has(k === '(none)' ? NOT_RECORDED : k)) counts.set(k === '(none)' ? NOT_RECORDED : k, {});
  const total = (row: Record<string, number>) => Object.values(row).reduce((a, b) => a + b, 0);
  let rows = [...counts];
  if (!order.length) rows = rows.sort(([a, ra], [b, rb]) => total(rb) - total(ra) || (a < b ? -1 : a > b ? 1 : 0));
  if (!rows.length) return '<p class="muted">No flags.</p>';
  const withRates = !!rates && typeof rates === 'object';
  const head = [what, ...SEVERITY_ORDER.map((s) => SEVERITY_NAME[s]), 'Total', ...(withRates ? ['Records audited', 'Flags per 100 records'] : [])];
  const numeric = head.map((_, i) => i).filter((i) => i > 0);
  return table(
    labelledBy,
    head,
    numeric,
    rows.map(([k, row]) => {
      const rate = rateOf(k);
      return [
        esc(k),
        ...SEVERITY_ORDER.map((s) => esc(row[s] ?? 0)),
        `<strong>${esc(total(row))}</strong>`,
        ...(withRates ? [esc(rate?.records ?? ''), esc(rate?.per_100_records ?? '')] : []),
      ];
    }),
  );
}

/** A table whose cells are already HTML. */
function table(labelledBy: string | null, head: string[], numeric: number[], rows: string[][], caption?: string): string {
  if (!rows.length) return '<p class="muted">None.</p>';
  const cls = (i: number) => (numeric.includes(i) ? ' class="num"' : '');
  const label = labelledBy ? ` aria-labelledby="${esc(labelledBy)}"` : '';
  return `<div class="table-wrap"><table${label}>${caption ? `<caption>${esc(caption)}</caption>` : ''}
<thead><tr>${head.map((h, i) => `<th scope="col"${cls(i)}>${esc(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((r) => tableRow(r, numeric)).join('\n')}
</tbody></table></div>`;
}

function tableRow(cells: string[], numeric: number[]): string {
  const cls = (i: number) => (numeric.includes(i) ? ' class="num"' : '');
  return `<tr>${cells.map((c, i) => (i === 0 ? `<th scope="row"${cls(i)}>${c}</th>` : `<td${cls(i)}>${c}</td>`)).join('')}</tr>`;
}

// ---------------------------------------------------------------------------------------------
// Cases

/** Cases, and the index of them, given this many at a time between two steps. */
const CASES_A_STEP = 256;

function* casesSection(report: Report, flags: HtmlFlag[], cases: Map<string, HtmlFlag[]>, factAnchors: Map<string, string>): Generator<string, void, void> {
  // By case once: looking each case's histories up in the whole list was quadratic.
  const histories = groupBy(labelHistories(report), (h) => h.case_id);
  yield '';
  const caseIds = [...cases.keys()];
  yield `<section id="cases" aria-labelledby="h-cases">
<h2 id="h-cases">Cases with flags</h2>
<p class="muted">Each case’s flagged records in date order, with their flags in place, then the chronology of the labels used more than once or against evidence.</p>
`;
  if (flags.length) {
    yield `${reviewPanelHtml(report)}\n`;
    yield* filtersHtml(flags);
  } else yield '<p><strong>No flags.</strong></p>';
  yield '\n';
  if (caseIds.length) {
    yield '<nav class="cases" aria-label="Cases with flags"><ul>';
    for (const [ci, id] of caseIds.entries()) {
      yield `<li><a href="#case-${ci + 1}">${esc(id)}</a> <span class="muted">(${cases.get(id)!.length})</span></li>`;
      if ((ci + 1) % CASES_A_STEP === 0) yield '';
    }
    yield '</ul></nav>';
  }
  yield '\n';
  yield* joined(caseIds, (caseId, ci) => caseHtml(caseId, ci, cases.get(caseId)!, histories.get(caseId) ?? [], factAnchors.get(caseId)));
  yield '\n</section>';
}

function labelHistories(report: Report): LabelHistory[] {
  const all = sectionItems(report, LABEL_HISTORIES);
  return all.filter(
    (h) =>
      h &&
      typeof h === 'object' &&
      Array.isArray(h.entries) &&
      h.first_record_id &&
      ((h.repeated_in?.length ?? 0) > 0 || (h.contrary_evidence_record_ids?.length ?? 0) > 0),
  );
}

function* filtersHtml(flags: HtmlFlag[]): Generator<string, void, void> {
  const count = (values: string[]) => {
    const m = new Map<string, number>();
    for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
    return m;
  };
  const box = (name: string, value: string, text: string, n: number) =>
    `<label><input type="checkbox" name="${esc(name)}" value="${esc(value)}" checked> ${esc(text)} <span class="muted">(<span data-count="${esc(`${name}:${value}`)}">${esc(n)}</span>)</span></label>`;
  const group = (name: string, legend: string, values: Map<string, number>, text: (v: string) => string, order?: string[]) => {
    const keys = order ? order.filter((k) => values.has(k)).concat([...values.keys()].filter((k) => !order.includes(k)).sort()) : [...values.keys()].sort();
    return `<fieldset data-filter="${esc(name)}"><legend>${esc(legend)}</legend>${keys.map((k) => box(name, k, text(k), values.get(k)!)).join('')}</fieldset>`;
  };
  const severities = count(flags.map((f) => f.severity));
  for (const s of SEVERITY_ORDER) if (!severities.has(s)) severities.set(s, 0);
  yield '';
  const groups = [
    group('category', 'Category', count(flags.map((f) => f.category)), (v) => v),
    group('severity', 'Severity', severities, (v) => SEVERITY_NAME[v] ?? v, [...SEVERITY_ORDER]),
  ];
  yield '';
  // Always there, since decisions can be made in the page: the script keeps the counts up to date.
  const reviews = count(flags.map(reviewState));
  for (const v of REVIEW_STATES) if (!reviews.has(v)) reviews.set(v, 0);
  groups.push(group('review', 'Decision', reviews, (v) => REVIEW_STATE_NAME[v] ?? v, [...REVIEW_STATES]));
  yield '';
  if (flags.some((f) => typeof f.baseline === 'string')) {
    const names: Record<string, string> = { new: 'New', existing: 'Existing', none: 'Not compared' };
    groups.push(group('baseline', 'Against the baseline', count(flags.map(baselineState)), (v) => names[v] ?? v, ['new', 'existing', 'none']));
    yield '';
  }
  yield `<form id="filters" class="filters" aria-label="Filter the flags" hidden>
${groups.join('\n')}
<button type="button" id="filters-all">Show all</button>
<p id="filter-status" class="filter-status" role="status" aria-live="polite"></p>
</form>`;
}

function reviewOf(f: HtmlFlag): ReviewLike | null {
  return f.review && typeof f.review === 'object' ? (f.review as ReviewLike) : null;
}
const REVIEW_STATES = ['open', 'confirmed', 'dismissed'] as const;
const REVIEW_STATE_NAME: Record<string, string> = { open: 'Not decided', confirmed: 'Confirmed', dismissed: 'Dismissed' };
/** `open`, `confirmed` or `dismissed` (a review without a decision, from an older report, was an acceptance). */
const reviewState = (f: HtmlFlag) => {
  const r = reviewOf(f);
  return !r ? 'open' : r.decision === 'confirmed' ? 'confirmed' : 'dismissed';
};
const baselineState = (f: HtmlFlag) => (f.baseline === 'new' || f.baseline === 'existing' ? f.baseline : typeof f.baseline === 'string' ? f.baseline : 'none');

function* caseHtml(caseId: string, ci: number, flags: HtmlFlag[], histories: LabelHistory[], factAnchor?: string): Generator<string, void, void> {
  const caseAnchor = `case-${ci + 1}`;
  const records = [...groupBy(flags, (f) => f.record_id)].sort(([, a], [, b]) => cmp(a[0].record_date, b[0].record_date));
  const anchors = new Map<string, string>();
  records.forEach(([recordId], ri) => anchors.set(recordId, `${caseAnchor}-r${ri + 1}`));
  const subjects = [...new Set(flags.map((f) => f.subject_id).filter((s): s is string => !!s))];
  yield `<article class="case" data-case id="${caseAnchor}" aria-labelledby="${caseAnchor}-h">
<h3 id="${caseAnchor}-h">Case ${esc(caseId)}</h3>
<p class="case-meta">${subjects.length ? `Subject ${subjects.map((s) => `<code>${esc(s)}</code>`).join(', ')} · ` : ''}${plural(flags.length, 'flag')} in ${plural(records.length, 'record')}<span data-shown></span>${factAnchor ? ` · <a href="#${factAnchor}">Fact sheet</a>` : ''}</p>
`;
  yield* joined(records, ([recordId, recordFlags]) => recordHtml(recordId, recordFlags, anchors));
  yield '\n';
  yield* chronologyHtml(histories, anchors);
  yield '\n</article>';
}

function* recordHtml(recordId: string, recordFlags: HtmlFlag[], anchors: Map<string, string>): Generator<string, void, void> {
  const r = recordFlags[0];
  const who = [r.record_type, r.author ?? 'no author recorded', r.team].filter(Boolean).map(esc).join(' · ');
  yield `<section class="record" data-record id="${anchors.get(recordId)}" aria-labelledby="${anchors.get(recordId)}-h">
<h4 id="${anchors.get(recordId)}-h">Record <code>${esc(recordId)}</code> · ${dateHtml(r.record_date)}</h4>
<p class="record-who">${who}</p>
<ol class="flags">
`;
  yield* joined(recordFlags, (f) => flagHtml(f, anchors));
  yield `
</ol>
</section>`;
}

function flagHtml(f: HtmlFlag, anchors: Map<string, string>): string {
  const review = reviewOf(f);
  const badges: string[] = [];
  if (f.details && f.details.repeated_after_contrary_evidence === true) badges.push('<span class="badge late">After evidence against</span>');
  if (f.baseline === 'new') badges.push('<span class="badge new">New</span>');
  else if (f.baseline === 'existing') badges.push('<span class="badge">Existing</span>');
  const state = reviewState(f);
  badges.push(`<span class="badge ${state}" data-review-badge${state === 'open' ? ' hidden' : ''}>${esc(REVIEW_STATE_NAME[state])}</span>`);
  const label = f.label ? `<span>Label <strong>${esc(f.label)}</strong>${f.status ? ` (${esc(f.status)})` : ''}</span>` : '';
  const related = f.related_record_ids?.length
    ? `<p class="related">Related records: ${f.related_record_ids.map((id) => recordRef(id, anchors)).join(', ')}</p>`
    : '';
  const reviewHtml = `<p class="review" data-review-text${review ? '' : ' hidden'}>${review ? reviewText(review, state) : ''}</p>`;
  const id = /^[0-9a-f]{16}$/.test(f.id) ? `flag-${f.id}` : null;
  // What the page's script needs to keep and export a decision: the flag's id, rule and label,
  // and the decision the reviewed file gave it, if any.
  const decided = review
    ? ` data-decided-reviewer="${esc(review.reviewer)}" data-decided-date="${esc(review.date)}" data-decided-reason="${esc(review.reason)}"${typeof review.reason_code === 'string' ? ` data-decided-reason-code="${esc(review.reason_code)}"` : ''}`
    : '';
  return `<li class="flag ${sevClass(f.severity)}" data-flag${id ? ` id="${id}" data-flag-id="${esc(f.id)}"` : ''} data-rule="${esc(f.rule)}"${f.label ? ` data-label="${esc(f.label)}"` : ''} data-severity="${esc(f.severity)}" data-category="${esc(f.category)}" data-review="${state}"${decided} data-baseline="${esc(baselineState(f))}">
<p class="flag-head"><span class="sev">${sevName(f.severity)}</span> <code class="rule">${esc(f.rule)}</code> ${label} ${badges.join(' ')}</p>
${snippetHtml(f)}
<p class="message">${esc(f.message)}</p>
${related}
${reviewHtml}
${id ? DECIDE_HTML : ''}
<p class="flag-facts">Category ${esc(f.category)} · Standards ${(f.standards ?? []).map(esc).join(', ')} · Flag id <code>${esc(f.id)}</code></p>
</li>`;
}

/** `Confirmed by JO on 02/05/2025: note` or `Dismissed (attributed) by …`, as the script writes it too. */
function reviewText(review: ReviewLike, state: string): string {
  const code =
    typeof review.reason_code === 'string' && review.reason_code !== 'other'
      ? DISMISSAL_REASON_TEXT[review.reason_code as keyof typeof DISMISSAL_REASON_TEXT]
      : undefined;
  return `<strong>${esc(REVIEW_STATE_NAME[state] ?? 'Reviewed')}</strong>${code ? ` (${esc(code)})` : ''}${review.reviewer ? ` by ${esc(review.reviewer)}` : ''}${review.date ? ` on ${dateHtml(review.date)}` : ''}${review.reason ? `: ${esc(review.reason)}` : ''}`;
}

/**
 * The controls to decide one flag, the same for every flag (the script finds the flag from the
 * element they sit in). Hidden until the script shows them; never printed.
 */
const DECIDE_HTML = `<div class="decide no-print" data-decide hidden>
<button type="button" data-act="confirm" aria-keyshortcuts="c">Confirm</button>
<label>Dismiss because <select data-field="reason_code"><option value="">choose a reason</option>${DISMISSAL_REASONS.map((r) => `<option value="${r}">${esc(DISMISSAL_REASON_TEXT[r])}</option>`).join('')}</select></label>
<button type="button" data-act="dismiss" aria-keyshortcuts="d">Dismiss</button>
<label>Note <input type="text" data-field="reason" maxlength="500" autocomplete="off" spellcheck="true"></label>
<button type="button" data-act="undo" hidden>Undo</button>
<span class="decide-status" data-decide-status role="status"></span>
</div>`;

/**
 * The auditor's review: initials and date, the count of decided and left, the keys, and the
 * export of the decisions as the reviewed-flags file. Hidden until the script shows it. The
 * storage key is a hash of what makes two reports the same audit (as-of date, inputs, packs,
 * sample), so decisions kept in the browser for one report never appear in another.
 */
function reviewPanelHtml(report: Report): string {
  return `<div id="review-panel" class="review-panel no-print" role="region" aria-labelledby="h-review" data-report-key="${esc(reviewStorageKey(report))}" data-as-of="${esc(report.run.as_of)}" hidden>
<h3 id="h-review">Review the flags</h3>
<p class="muted">Confirm a flag that is a real recording problem; dismiss one that is not, with the reason. Decisions are kept in this browser for this report until you export them as <code>scrutineer-reviewed.yaml</code> for <code>scrutineer audit --reviewed</code>.</p>
<p class="review-who"><label>Your initials <input type="text" id="review-reviewer" maxlength="40" autocomplete="off" size="8"></label>
<label>Date of the decisions <input type="date" id="review-date"></label></p>
<p id="review-count" class="review-count" role="status" aria-live="polite"></p>
<p><button type="button" id="review-export">Export decisions (scrutineer-reviewed.yaml)</button> <span id="review-export-status" role="status"></span></p>
<details id="review-export-details"><summary>The exported file</summary><pre id="review-export-text"></pre></details>
<p class="muted keys">Keys: <kbd>j</kbd> or <kbd>↓</kbd> next flag, <kbd>k</kbd> or <kbd>↑</kbd> previous, <kbd>c</kbd> confirm, <kbd>d</kbd> dismiss (with the reason chosen), <kbd>u</kbd> undo.</p>
</div>`;
}

/** What makes two reports the same audit, hashed: as-of date, inputs, rule packs and sample. */
export function reviewStorageKey(report: Report): string {
  const identity = {
    as_of: report.run.as_of,
    inputs: report.inputs.map((i) => i.sha256),
    rule_packs: report.rule_packs.map((p) => p.sha256),
    sample: report.run.sample ?? null,
  };
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 32);
}

// ---------------------------------------------------------------------------------------------
// What the decisions teach

function reviewStatsSection(report: Report): string {
  const stats = sectionItems(report, REVIEW_STATS);
  if (!stats.length && !report.reviewed) return '';
  const all = stats.find((s) => s.by === 'all');
  const row = (s: ReviewStat, first: string[]) => [...first, esc(s.confirmed), esc(s.dismissed), esc(s.precision.toFixed(2)), esc(dismissedFor(s))];
  const byRule = stats.filter((s) => s.by === 'rule');
  const byLabel = stats.filter((s) => s.by === 'label');
  return `<section id="review-stats" aria-labelledby="h-review-stats">
<h2 id="h-review-stats">What the decisions teach</h2>
<p class="muted">From the reviewed-flags file: of the flags of this run that an auditor decided, how many were confirmed as real recording problems and how many dismissed, and why. The field precision is confirmed ÷ decided.</p>
${all ? '' : '<p><strong>No flag of this run has a decision in the reviewed file.</strong></p>'}
${all ? `<p data-review-stats-all>${esc(all.decided)} decided: <strong>${esc(all.confirmed)}</strong> confirmed, ${esc(all.dismissed)} dismissed; field precision ${esc(all.precision.toFixed(2))}.</p>` : ''}
<h3 id="h-review-by-rule">By rule</h3>
${table(
  'h-review-by-rule',
  ['Rule', 'Label', 'Confirmed', 'Dismissed', 'Precision', 'Dismissed for'],
  [2, 3, 4],
  byRule.map((s) => row(s, [`<code>${esc(s.key)}</code>`, esc(s.label ?? '')])),
)}
<h3 id="h-review-by-label">By label</h3>
${table(
  'h-review-by-label',
  ['Label', 'Confirmed', 'Dismissed', 'Precision', 'Dismissed for'],
  [1, 2, 3],
  byLabel.map((s) => row(s, [esc(s.key)])),
)}
</section>`;
}

function dismissedFor(s: ReviewStat): string {
  const reasons = Object.entries(s.dismissed_for ?? {})
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  return reasons.length ? reasons.map(([code, n]) => `${DISMISSAL_REASON_TEXT[code as keyof typeof DISMISSAL_REASON_TEXT] ?? code} ${n}`).join(', ') : '–';
}

/** The words found, highlighted in their sentence; the span alone when there is no snippet. */
function snippetHtml(f: Flag): string {
  if (f.snippet) {
    return `<blockquote class="snippet">“${esc(f.snippet.before)}<mark>${esc(f.snippet.match)}</mark>${esc(f.snippet.after)}”</blockquote>`;
  }
  if (f.span?.text) return `<blockquote class="snippet">“<mark>${esc(f.span.text)}</mark>”</blockquote>`;
  return '';
}

function recordRef(id: string, anchors: Map<string, string>): string {
  const anchor = anchors.get(id);
  return anchor ? `<a href="#${anchor}"><code>${esc(id)}</code></a>` : `<code>${esc(id)}</code>`;
}

/** Per label, one step per record: evidence against wins; otherwise the statuses it was used with. */
function* chronologyHtml(histories: LabelHistory[], anchors: Map<string, string>): Generator<string, void, void> {
  if (!histories.length) return;
  yield `<section class="chronology" aria-label="Label chronology">
<h4>Label chronology</h4>
<ul>`;
  yield* joined(histories, (h) => {
    const steps = [...groupBy(h.entries, (e) => e.record_id)].map(([recordId, entries]) => {
      const against = entries.filter((e) => e.event === 'contrary-evidence');
      const statuses = [...new Set(entries.filter((e) => e.event !== 'contrary-evidence').map((e) => e.status ?? 'mention'))];
      const what = against.length
        ? `<span class="step-against">evidence against</span>${against[0].text ? ` <span class="step-quote">“${esc(against[0].text)}”</span>` : ''}`
        : statuses.map((st) => (st === 'asserted' ? `<span class="step-asserted">${esc(st)}</span>` : esc(st))).join(' / ');
      const late = (h.repeated_after_contrary_evidence ?? []).includes(recordId) ? ' <span class="badge late">After evidence against</span>' : '';
      return `<li>${dateHtml(entries[0].record_date)} · record ${recordRef(recordId, anchors)} · ${what}${late}</li>`;
    });
    return `<li><strong>${esc(h.label)}</strong><ol>${steps.join('')}</ol></li>`;
  });
  yield `</ul>
</section>`;
}

// ---------------------------------------------------------------------------------------------
// Rejected rows, warnings, footer

function* rejectedSection(report: Report): Generator<string, void, void> {
  const rows = report.rejected_rows;
  yield `<section id="rejected" aria-labelledby="h-rejected">
<h2 id="h-rejected">Rejected rows (${esc(rows.length)})</h2>
${rows.length ? '<p class="muted">Rows read but not audited. The line is where the row starts in the file; the record number counts data rows.</p>' : ''}
`;
  yield* tableParts('h-rejected', ['File', 'Line', 'Record', 'Reason'], [1, 2], rows, (r) => [
    `<code>${esc(r.path)}</code>`,
    esc(r.line),
    esc(r.record),
    esc(r.reason),
  ]);
  yield '\n</section>';
}

function* warningsSection(report: Report): Generator<string, void, void> {
  const rows = report.warnings;
  yield `<section id="warnings" aria-labelledby="h-warnings">
<h2 id="h-warnings">Warnings (${esc(rows.length)})</h2>
${rows.length ? '<p class="muted">Values that could not be used in rows that were still audited.</p>' : ''}
`;
  yield* tableParts('h-warnings', ['File', 'Line', 'Record', 'Message'], [1, 2], rows, (w) => [
    `<code>${esc(w.path)}</code>`,
    esc(w.line),
    esc(w.record),
    esc(w.message),
  ]);
  yield '\n</section>';
}

/** table() for rows that may be many (rejected rows, warnings), made a row at a time. */
function* tableParts<T>(labelledBy: string, head: string[], numeric: number[], items: T[], cells: (item: T) => string[]): Generator<string, void, void> {
  if (!items.length) {
    yield table(labelledBy, head, numeric, []);
    return;
  }
  const [open, close] = table(labelledBy, head, numeric, [['\u0000']]).split('<tr><th scope="row">\u0000</th></tr>');
  yield open;
  yield* joined(items, (item) => tableRow(cells(item), numeric));
  yield close;
}

function footer(report: Report): string {
  return `<footer>
<p>Written by ${esc(report.tool.name)} ${esc(report.tool.version)} from a report of schema ${esc(report.schema_version)}, as of ${dateHtml(report.run.as_of)}. This file is self-contained and loads nothing from the network.</p>
</footer>`;
}

// ---------------------------------------------------------------------------------------------
// Fact sheets

/** The report's fact sheets (with --timeline), read defensively. */
function factSheets(report: Report): FactSheet[] {
  return sectionItems(report, FACT_SHEET).filter(
    (s) => s && typeof s === 'object' && Array.isArray(s.people) && s.people.some((p) => Array.isArray(p?.facts) && p.facts.length),
  );
}

/**
 * With --timeline: one table per case, whether or not it has flags, one row per person and
 * topic: the state now, since when and by which record, the states before it, and the later
 * records that still state an old one. Names are the only record text in it.
 */
function* factsSection(sheets: FactSheet[], anchors: Map<string, string>): Generator<string, void, void> {
  if (!sheets.length) return;
  const sheetHtml = (sheet: FactSheet) => {
    const anchor = anchors.get(sheet.case_id)!;
    const rows = sheet.people.flatMap((person) =>
      (person.facts ?? []).map((f) => [
        person.name ? esc(person.name) : '<span class="muted">(name not shown)</span>',
        esc(f.topic),
        `<strong>${esc(f.state)}</strong>`,
        dateHtml(f.since),
        `<code>${esc(f.record_id)}</code>`,
        (f.history ?? [])
          .slice(0, -1)
          .map((h) => `${esc(h.state)} (${dateHtml(h.record_date)}, <code>${esc(h.record_id)}</code>)`)
          .join(' → '),
        (f.stale_claims ?? [])
          .map((c) => `<span class="step-asserted">${esc(c.state)}</span> in <code>${esc(c.record_id)}</code> (${dateHtml(c.record_date)})`)
          .join('; '),
      ]),
    );
    return `<article class="facts" id="${anchor}" aria-labelledby="${anchor}-h">
<h3 id="${anchor}-h">Case ${esc(sheet.case_id)}</h3>
${table(`${anchor}-h`, ['Person', 'Topic', 'State now', 'Since', 'Record', 'Before', 'Still stated later'], [], rows)}
</article>`;
  };
  yield `<section id="facts" aria-labelledby="h-facts">
<h2 id="h-facts">Fact sheets</h2>
<p class="muted">For each case, person and topic where a record documents a change: the state now by the records, since when and which record says so, the states before it, and the later records that still state an old one (the staleness flags). Topics and states are the rule packs’ words; names are the records’.</p>
`;
  yield* joined(sheets, sheetHtml);
  yield '\n</section>';
}

// ---------------------------------------------------------------------------------------------
// Helpers

function dateHtml(value: unknown): string {
  const s = String(value ?? '');
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  return m ? `<time datetime="${esc(s.slice(0, 10))}">${m[3]}/${m[2]}/${m[1]}</time>` : esc(s);
}

function ukDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : String(value ?? '');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
