import { pageHead, staticPagePolicy } from './page.ts';
import { inPieces } from './pieces.ts';
import type { Report } from '../build-report.ts';
import type { Flag } from '../../model/flag.ts';
import { compareStandards } from '../../model/standards.ts';
import { windowText, type HistoryLine } from '../history.ts';
import { escapeHtml as esc } from './html.ts';

export interface SummaryOptions {
  /** The run this one compares with, from --history (read before this run's line is appended). */
  previous?: HistoryLine;
  /** A --history was given (so "no earlier run" can be told from "no history"). */
  history?: boolean;
  /** Record text may be shown (--snippets): each team's page then lists findings to discuss. */
  recordText?: boolean;
}

/** The one style sheet, allowed by its hash; the page has no script. */
export const SUMMARY_STYLE = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff;font-size:11pt}
body{margin:0}
.page{max-width:50rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.5rem;margin:.2rem 0}
h2{font-size:1.3rem;margin:0 0 .2rem}
h3{font-size:1rem;margin:1rem 0 .3rem}
.muted,.run{color:#444}
.run{font-size:.85rem;margin:0 0 .6rem}
.team{border-top:3px solid #0060a8;padding-top:.6rem;margin-top:2rem}
.stats{display:grid;grid-template-columns:repeat(4,1fr);gap:.4rem;margin:.6rem 0}
.stat{border:1px solid #ccc;border-radius:.3rem;padding:.3rem .5rem}
.stat dt{font-size:.8rem;color:#444}
.stat dd{margin:0;font-size:1.3rem;font-weight:600}
.stat dd small{font-size:.75rem;font-weight:400;color:#444}
.up{color:#a3280c}.down{color:#00795c}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:0 1.2rem}
table{border-collapse:collapse;width:100%;font-size:.85rem}
caption{text-align:left;font-weight:600;padding:.2rem 0}
th,td{border:1px solid #ccc;padding:.15rem .4rem;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
ul.teams{columns:2}
@page{size:A4;margin:14mm}
@media print{
.screen-only{display:none}
.page{max-width:none;padding:0}
.team{margin-top:0;border-top:none;break-after:page;page-break-after:always;break-inside:avoid;page-break-inside:avoid}
.team:last-of-type{break-after:auto;page-break-after:auto}
}
`;

/** Nothing may be fetched or run: the inline style sheet by its hash, no script. */
export const SUMMARY_CSP = staticPagePolicy(SUMMARY_STYLE);

const NONE = '(none)';
const teamName = (key: string) => (key === NONE ? '(no team recorded)' : key);

interface TeamRate {
  records: number;
  flags: number;
  per_100_records: number;
}

/**
 * A manager's summary: one printable A4 page per team with the records audited, flags per 100
 * records and the change since the last run, the labels most flagged, flags by standard and,
 * with --reviewed, the findings confirmed by standard. No record text (no snippets, no messages,
 * no authors or case ids) unless `recordText`.
 */
export function formatSummary(report: Report, options: SummaryOptions = {}): string {
  return [...summaryChunks(report, options)].join('');
}

/** formatSummary's text in pieces (formats/pieces.ts): team by team, with a step after each team's passes over its flags. */
export function summaryChunks(report: Report, options: SummaryOptions = {}): Generator<string, void, void> {
  return inPieces(summaryParts(report, options));
}

function* summaryParts(report: Report, options: SummaryOptions): Generator<string, void, void> {
  const rates = (report.summary.rates?.by_team ?? {}) as Record<string, TeamRate>;
  const byTeam = new Map<string, Flag[]>();
  for (const key of Object.keys(rates)) byTeam.set(key, []);
  for (const f of report.flags) {
    const key = f.team ?? NONE;
    if (!byTeam.has(key)) byTeam.set(key, []);
    byTeam.get(key)!.push(f);
  }
  yield '';
  const teams = [...byTeam.keys()].sort((a, b) => (a === NONE ? 1 : b === NONE ? -1 : a < b ? -1 : a > b ? 1 : 0));
  const title = `scrutineer manager’s summary, as of ${report.run.as_of}`;
  const runLine = runDescription(report);
  const overall = report.summary;
  yield `${pageHead({ policy: SUMMARY_CSP, generator: `${report.tool.name} ${report.tool.version}`, title, style: SUMMARY_STYLE, esc })}
<body>
<div class="page">
<header class="screen-only">
<h1>${esc(title)}</h1>
<p class="run">${runLine}</p>
<p>${esc(overall.records_audited)} records audited across ${esc(teams.length)} ${teams.length === 1 ? 'team' : 'teams'}: ${esc(overall.flags)} flags, ${esc(overall.rates.per_100_records.all)} per 100 records. Printed, each team has a page of its own.</p>
<nav aria-label="Teams"><ul class="teams">${teams.map((t, i) => `<li><a href="#team-${i + 1}">${esc(teamName(t))}</a></li>`).join('')}</ul></nav>
</header>
`;
  if (!teams.length) yield '<p>No records audited.</p>';
  for (const [i, team] of teams.entries()) {
    yield `${i ? '\n' : ''}${teamPage(report, team, i, byTeam.get(team)!, rates[team], runLine, options)}`;
    yield '';
  }
  yield `
</div>
</body>
</html>
`;
}

function runDescription(report: Report): string {
  const parts = [`as of ${esc(report.run.as_of)}`];
  const w = report.run.window;
  if (w) parts.push(`window ${esc(windowText(w))} (${esc(w.records_in_window)} records dated in it)`);
  const s = report.run.sample;
  if (s) parts.push(`sample ${esc(s.requested)} of cases (${esc(s.cases_selected)} of ${esc(s.cases_total)}, seed ${esc(s.seed)})`);
  parts.push(`${esc(report.tool.name)} ${esc(report.tool.version)}`);
  return parts.join(' · ');
}

function teamPage(report: Report, team: string, index: number, flags: Flag[], rate: TeamRate | undefined, runLine: string, options: SummaryOptions): string {
  const id = `team-${index + 1}`;
  const records = rate?.records ?? 0;
  const per100 = rate?.per_100_records ?? 0;
  const stat = (key: string, label: string, html: string) => `<div class="stat" data-stat="${key}"><dt>${esc(label)}</dt><dd>${html}</dd></div>`;
  const change = changeHtml(team, per100, options);
  const stats = [
    stat('records', 'Records audited', esc(records)),
    stat('flags', 'Flags', esc(flags.length)),
    stat('per_100_records', 'Flags per 100 records', `${esc(per100)} <small>all teams ${esc(report.summary.rates.per_100_records.all)}</small>`),
    stat('change', 'Since the last run', change),
  ];
  const labels = count(
    flags.filter((f) => f.label),
    (f) => [f.label!],
  );
  const topLabels = [...labels].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).slice(0, 5);
  const byStandard = count(flags, (f) => f.standards);
  const standards = [...byStandard.keys()].sort(compareStandards);
  const reviewed = Boolean(report.reviewed);
  const confirmed = flags.filter((f) => f.review?.decision === 'confirmed');
  const dismissed = flags.filter((f) => f.review?.decision === 'dismissed').length;
  const confirmedBy = count(confirmed, (f) => f.standards);
  const standardRows = standards.map(
    (code) =>
      `<tr><th scope="row">${esc(code)}</th><td>${esc(report.standards[code] ?? '')}</td><td class="num">${esc(byStandard.get(code) ?? 0)}</td>${reviewed ? `<td class="num" data-confirmed="${esc(code)}">${esc(confirmedBy.get(code) ?? 0)}</td>` : ''}</tr>`,
  );
  const standardsTable = standards.length
    ? `<table data-table="standards"><caption>Flags by standard${reviewed ? ', and the findings confirmed' : ''}</caption>
<thead><tr><th scope="col">Standard</th><th scope="col">Text</th><th scope="col" class="num">Flags</th>${reviewed ? '<th scope="col" class="num">Confirmed</th>' : ''}</tr></thead>
<tbody>${standardRows.join('')}</tbody></table>`
    : '<p class="muted">No flags.</p>';
  const reviewLine = reviewed
    ? `<p data-review>Decisions on this team’s flags: <strong>${esc(confirmed.length)}</strong> confirmed as recording problems, ${esc(dismissed)} dismissed, ${esc(flags.length - confirmed.length - dismissed)} not yet decided.</p>`
    : '<p class="muted">No decisions were given (<code>--reviewed</code>): confirmed findings are not counted.</p>';
  const labelsTable = topLabels.length
    ? `<table data-table="labels"><caption>Labels most flagged</caption><thead><tr><th scope="col">Label</th><th scope="col" class="num">Flags</th></tr></thead><tbody>${topLabels.map(([l, n]) => `<tr><th scope="row">${esc(l)}</th><td class="num">${esc(n)}</td></tr>`).join('')}</tbody></table>`
    : '<p class="muted">No unevidenced labels flagged.</p>';
  const byCategory = count(flags, (f) => [f.category]);
  const categoryTable = byCategory.size
    ? `<table data-table="categories"><caption>Flags by category</caption><thead><tr><th scope="col">Category</th><th scope="col" class="num">Flags</th><th scope="col" class="num">Per 100 records</th></tr></thead><tbody>${[
        ...byCategory,
      ]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(
          ([c, n]) =>
            `<tr><th scope="row">${esc(c)}</th><td class="num">${esc(n)}</td><td class="num">${esc(records ? Math.round((n * 10000) / records) / 100 : 0)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  return `<section class="team" id="${id}" data-team="${esc(team)}" aria-labelledby="h-${id}">
<h2 id="h-${id}">${esc(teamName(team))}</h2>
<p class="run">Manager’s summary · ${runLine}</p>
<dl class="stats">${stats.join('')}</dl>
${reviewLine}
<div class="cols"><div>${labelsTable}</div><div>${categoryTable}</div></div>
<h3>Standards</h3>
${standardsTable}
${options.recordText ? discussHtml(flags) : ''}
</section>`;
}

/** The change in the team's rate since the run the history holds before this one. */
function changeHtml(team: string, now: number, options: SummaryOptions): string {
  const prev = options.previous;
  if (!prev) return `<small>${options.history ? 'no earlier run in the history' : 'give --history for the change'}</small>`;
  const before = prev.per_100_records.by_team?.[team];
  if (before === undefined) {
    return `<small>${prev.per_100_records.by_team ? `no record of the team in the run of ${esc(prev.as_of)}` : `the run of ${esc(prev.as_of)} kept no rates by team`}</small>`;
  }
  const d = Math.round((now - before) * 100) / 100;
  const cls = d > 0 ? 'up' : d < 0 ? 'down' : '';
  const caveat =
    prev.sample || prev.window ? `; that run was ${[prev.sample ? 'sampled' : '', prev.window ? 'windowed' : ''].filter(Boolean).join(' and ')}` : '';
  return `<span class="${cls}" data-change="${d}">${d > 0 ? '+' : ''}${esc(d.toFixed(2))}</span> <small>from ${esc(before)} on ${esc(prev.as_of)}${esc(caveat)}</small>`;
}

/** With --snippets: up to five findings to discuss, confirmed first, then errors. */
function discussHtml(flags: Flag[]): string {
  const rank = (f: Flag) =>
    f.review?.decision === 'confirmed' ? 0 : f.review?.decision === 'dismissed' ? 9 : f.severity === 'error' ? 1 : f.severity === 'warning' ? 2 : 3;
  // The first five of the best rank, in report order, as a stable sort would give them, without sorting every flag.
  const byRank: Flag[][] = [];
  for (const f of flags) {
    if (f.review?.decision === 'dismissed') continue;
    const r = rank(f);
    const list = (byRank[r] ??= []);
    if (list.length < 5) list.push(f);
  }
  const chosen = byRank.flat().slice(0, 5);
  if (!chosen.length) return '';
  return `<h3>Findings to discuss</h3>
<table data-table="discuss"><thead><tr><th scope="col">Record</th><th scope="col">Rule</th><th scope="col">Finding</th></tr></thead><tbody>${chosen
    .map((f) => `<tr><th scope="row">${esc(f.record_id)}</th><td><code>${esc(f.rule)}</code></td><td>${esc(f.message)}</td></tr>`)
    .join('')}</tbody></table>`;
}

function count<T>(items: T[], keys: (item: T) => string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) for (const k of keys(item)) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}
