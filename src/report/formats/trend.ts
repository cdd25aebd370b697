import { pageHead, staticPagePolicy } from './page.ts';
import { escapeHtml as esc } from './html.ts';
import { inAsOfOrder, windowText, type HistoryLine } from '../history.ts';
import { TOOL_NAME, TOOL_VERSION } from '../../model/version.ts';
import { compareStandards } from '../../model/standards.ts';

/** The groups a trend is drawn by: each is a map of series, one value per run (null: not measured in that run). */
export const TREND_GROUPS = [
  { key: 'by_category', title: 'By category', noun: 'category' },
  { key: 'by_standard', title: 'By standard', noun: 'standard' },
  { key: 'by_team', title: 'By team', noun: 'team' },
] as const;
export type TrendGroup = (typeof TREND_GROUPS)[number]['key'];

export interface Trend {
  /** The runs in as-of order. */
  runs: HistoryLine[];
  /** Per group, per series, the rate per 100 records of each run (aligned with `runs`), or null. */
  series: Record<TrendGroup, Record<string, (number | null)[]>>;
}

/**
 * The series of a history. A category or standard a run does not list had no flags in it (0);
 * a team a run does not list had no records in it, and a run written before team rates were kept
 * did not measure teams: both are null, no point.
 */
export function trendOf(history: HistoryLine[]): Trend {
  const runs = inAsOfOrder(history);
  const series = {} as Trend['series'];
  for (const { key } of TREND_GROUPS) {
    const names = [...new Set(runs.flatMap((r) => Object.keys(r.per_100_records[key] ?? {})))].sort(compareNames(key));
    series[key] = Object.fromEntries(
      names.map((name) => [
        name,
        runs.map((r) => {
          const group = r.per_100_records[key];
          if (key === 'by_team') return group && name in group ? group[name] : null;
          return group?.[name] ?? 0;
        }),
      ]),
    );
  }
  return { runs, series };
}

const compareNames = (key: TrendGroup) => (a: string, b: string) => (key === 'by_standard' ? compareStandards(a, b) : a < b ? -1 : a > b ? 1 : 0);

/** The trend for scripts: the runs in as-of order and every series. */
export function formatTrendJson(history: HistoryLine[]): string {
  return JSON.stringify(trendOf(history), null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------
// HTML

/** The one style sheet, allowed by its hash; the page has no script at all. */
export const TREND_STYLE = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff}
body{margin:0}
.page{max-width:60rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem;margin:.2rem 0 .5rem}
h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
.lede,.muted{color:#444}
figure{margin:1rem 0 2rem;break-inside:avoid;page-break-inside:avoid}
figcaption{font-weight:600;margin-bottom:.4rem}
svg.chart{width:100%;height:auto;max-width:56rem;display:block;background:#fff}
.axis,.tick{stroke:#767676;stroke-width:1}
.grid{stroke:#e3e3e3;stroke-width:1}
.axis-label{font-size:11px;fill:#333}
.run-sampled{fill:#fff4d6}
.run-windowed{fill:#e8f1fb}
.line{fill:none;stroke-width:2}
.pt{stroke-width:2}
.pt.sampled{fill:#fff}
${PALETTE()
  .map((c, i) => `.s${i}{stroke:${c};color:${c}}.s${i}.pt{fill:${c}}.s${i}.pt.sampled{fill:#fff}.key.s${i}{fill:${c}}`)
  .join('\n')}
.legend{list-style:none;padding:0;margin:.4rem 0;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;font-size:.9rem}
.swatch{display:inline-block;width:1.6em;vertical-align:middle;margin-right:.3em}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:.2rem 0}
th,td{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}
tbody th{white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.mark{font-size:.8rem;border-radius:.3rem;padding:0 .3rem;margin-left:.3rem;white-space:nowrap}
.mark.sampled{background:#fff4d6;border:1px solid #b58100}
.mark.windowed{background:#e8f1fb;border:1px solid #2b6cb0}
@media print{.page{max-width:none;padding:0}h2{break-after:avoid;page-break-after:avoid}}
`;

function PALETTE(): string[] {
  // Eight colours told apart by most forms of colour blindness (Okabe and Ito), darkened for contrast on white.
  return ['#0060a8', '#c25e00', '#00795c', '#b0007a', '#5b4a00', '#005f86', '#a3280c', '#444444'];
}

/** Nothing may be fetched or run: the inline style sheet by its hash, no script. */
export const TREND_CSP = staticPagePolicy(TREND_STYLE);

const W = 720;
const H = 300;
const M = { top: 16, right: 44, bottom: 56, left: 48 };

/**
 * The trend as one self-contained HTML page: per group (category, standard, team) an inline SVG
 * line chart of the rates per 100 records in as-of order, with a title and description, a legend
 * and the same figures as a table under it. Sampled and windowed runs are marked on the chart
 * (a shaded column, hollow points, a letter under the date) and in the table.
 */
export function formatTrendHtml(history: HistoryLine[]): string {
  const trend = trendOf(history);
  const { runs } = trend;
  const title = runs.length ? `scrutineer trend, ${runs[0].as_of} to ${runs.at(-1)!.as_of}` : 'scrutineer trend';
  const sampled = runs.filter((r) => r.sample).length;
  const windowed = runs.filter((r) => r.window).length;
  const notes = [
    sampled
      ? `<p class="muted">${sampled} of ${runs.length} runs audited a sample of cases (<span class="mark sampled">S</span>, hollow points): their rates describe the cases sampled; compare them with care against runs of every case.</p>`
      : '',
    windowed
      ? `<p class="muted">${windowed} of ${runs.length} runs reported on a window of dates (<span class="mark windowed">W</span>): their rates are those of the records dated in it.</p>`
      : '',
  ].join('\n');
  const body = runs.length ? TREND_GROUPS.map((g, gi) => chartSection(trend, g, gi)).join('\n') : '<p>No runs in the history yet.</p>';
  return `${pageHead({ policy: TREND_CSP, generator: `${TOOL_NAME} ${TOOL_VERSION}`, title, style: TREND_STYLE, esc })}
<body>
<div class="page">
<header>
<h1>${esc(title)}</h1>
<p class="lede">Flags per 100 records audited, run by run in as-of order (${runs.length} ${runs.length === 1 ? 'run' : 'runs'}). A flag says that no evidence or attribution was found, not that a record is false; a falling rate is recording improving, or rules switched off: read it with the runs’ options.</p>
${notes}
</header>
${body}
</div>
</body>
</html>
`;
}

function chartSection(trend: Trend, group: (typeof TREND_GROUPS)[number], gi: number): string {
  const { runs } = trend;
  const names = Object.keys(trend.series[group.key]);
  const id = `chart-${group.key}`;
  const heading = `Flags per 100 records ${group.title.toLowerCase()}`;
  if (!names.length) {
    const why =
      group.key === 'by_team' ? 'No run of this history recorded rates by team (runs before they were kept, or exports with no team).' : 'No flags in any run.';
    return `<section aria-labelledby="h-${id}"><h2 id="h-${id}">${esc(heading)}</h2><p class="muted">${esc(why)}</p></section>`;
  }
  const values = names.flatMap((n) => trend.series[group.key][n].filter((v): v is number => v !== null));
  const { top, step } = axisOf(Math.max(0, ...values));
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const x = (i: number) => M.left + (runs.length === 1 ? plotW / 2 : (i * plotW) / (runs.length - 1));
  const y = (v: number) => M.top + plotH - (v / top) * plotH;
  const band = runs.length === 1 ? plotW : plotW / (runs.length - 1);
  const parts: string[] = [];
  // Sampled and windowed runs: a shaded column behind their points.
  runs.forEach((r, i) => {
    if (!r.sample && !r.window) return;
    const cls = r.sample ? 'run-sampled' : 'run-windowed';
    const left = Math.max(M.left, x(i) - band / 2);
    const right = Math.min(M.left + plotW, x(i) + band / 2);
    parts.push(`<rect class="${cls}" data-run="${i}" x="${fmt(left)}" y="${M.top}" width="${fmt(right - left)}" height="${plotH}"/>`);
  });
  for (let t = 0; t * step <= top + 1e-9; t++) {
    const v = t * step;
    parts.push(`<line class="grid" x1="${M.left}" x2="${M.left + plotW}" y1="${fmt(y(v))}" y2="${fmt(y(v))}"/>`);
    parts.push(`<text class="axis-label" x="${M.left - 6}" y="${fmt(y(v) + 4)}" text-anchor="end">${esc(fmtValue(v))}</text>`);
  }
  parts.push(`<line class="axis" x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${M.top + plotH}"/>`);
  parts.push(`<line class="axis" x1="${M.left}" x2="${M.left + plotW}" y1="${M.top + plotH}" y2="${M.top + plotH}"/>`);
  runs.forEach((r, i) => {
    const marks = `${r.sample ? ' S' : ''}${r.window ? ' W' : ''}`;
    parts.push(`<line class="tick" x1="${fmt(x(i))}" x2="${fmt(x(i))}" y1="${M.top + plotH}" y2="${M.top + plotH + 4}"/>`);
    parts.push(`<text class="axis-label" x="${fmt(x(i))}" y="${M.top + plotH + 18}" text-anchor="middle">${esc(r.as_of)}</text>`);
    if (marks) parts.push(`<text class="axis-label" x="${fmt(x(i))}" y="${M.top + plotH + 32}" text-anchor="middle">${esc(marks.trim())}</text>`);
  });
  parts.push(
    `<text class="axis-label" x="${M.left}" y="${H - 6}">as-of date${runs.some((r) => r.sample || r.window) ? ' (S sampled, W windowed)' : ''}</text>`,
  );
  names.forEach((name, si) => {
    const cls = `s${si % PALETTE().length}`;
    const vals = trend.series[group.key][name];
    // A line through consecutive runs that measured the series; a gap where one did not.
    let path = '';
    let open = false;
    vals.forEach((v, i) => {
      if (v === null) {
        open = false;
        return;
      }
      path += `${open ? 'L' : 'M'}${fmt(x(i))} ${fmt(y(v))} `;
      open = true;
    });
    parts.push(`<path class="line ${cls}" data-series="${esc(name)}" d="${path.trim()}"/>`);
    vals.forEach((v, i) => {
      if (v === null) return;
      const r = runs[i];
      const state = `${r.sample ? ' sampled' : ''}${r.window ? ' windowed' : ''}`;
      const label = `${name}, ${r.as_of}: ${fmtValue(v)} per 100 records${r.sample ? `, sampled ${r.sample.requested}` : ''}${r.window ? `, window ${windowText(r.window)}` : ''}`;
      parts.push(
        `<circle class="pt ${cls}${state}" data-series="${esc(name)}" data-run="${i}" data-value="${v}" cx="${fmt(x(i))}" cy="${fmt(y(v))}" r="4"><title>${esc(label)}</title></circle>`,
      );
    });
  });
  const desc = `Line chart of flags per 100 records audited ${group.title.toLowerCase()}, ${names.length} ${names.length === 1 ? 'series' : 'series'} over ${runs.length} ${runs.length === 1 ? 'run' : 'runs'} from ${runs[0].as_of} to ${runs.at(-1)!.as_of}; the table below gives every value.`;
  const svg = `<svg class="chart" role="img" viewBox="0 0 ${W} ${H}" aria-labelledby="t-${id} d-${id}" data-group="${group.key}" xmlns="http://www.w3.org/2000/svg">
<title id="t-${id}">${esc(heading)}</title>
<desc id="d-${id}">${esc(desc)}</desc>
${parts.join('\n')}
</svg>`;
  const legend = `<ul class="legend" aria-hidden="true">${names.map((n, si) => `<li><svg class="swatch" viewBox="0 0 24 8" width="24" height="8"><line class="line s${si % PALETTE().length}" x1="0" x2="24" y1="4" y2="4"/></svg>${esc(n)}</li>`).join('')}</ul>`;
  const table = dataTable(trend, group, names, id);
  return `<section aria-labelledby="h-${id}">
<h2 id="h-${id}">${esc(heading)}</h2>
<figure id="${id}" data-chart="${gi}">
${svg}
<figcaption>${legend}</figcaption>
</figure>
${table}
</section>`;
}

function dataTable(trend: Trend, group: (typeof TREND_GROUPS)[number], names: string[], id: string): string {
  const head = ['As of', 'Run', 'Records', ...names];
  const rows = trend.runs.map((r, i) => {
    const run =
      [
        r.sample
          ? `<span class="mark sampled">sample ${esc(r.sample.requested)} (${esc(r.sample.cases_selected)}/${esc(r.sample.cases_total)} cases)</span>`
          : '',
        r.window ? `<span class="mark windowed">window ${esc(windowText(r.window))}</span>` : '',
      ].join('') || 'every case';
    const cells = names.map((n) => {
      const v = trend.series[group.key][n][i];
      return `<td class="num" data-series="${esc(n)}">${v === null ? '–' : esc(fmtValue(v))}</td>`;
    });
    return `<tr data-run="${i}"${r.sample ? ' data-sampled=""' : ''}${r.window ? ' data-windowed=""' : ''}><th scope="row">${esc(r.as_of)}</th><td>${run}</td><td class="num">${esc(r.records)}</td>${cells.join('')}</tr>`;
  });
  return `<table id="table-${id}" data-table="${group.key}"><caption>${esc(`Flags per 100 records ${group.title.toLowerCase()}, by run`)}</caption>
<thead><tr>${head.map((h, i) => `<th scope="col"${i > 1 ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>${group.key === 'by_team' ? '<p class="muted">– : the run audited no record of the team, or was written before rates by team were kept.</p>' : ''}`;
}

/** The axis for values up to `v`: a round step (1, 2 or 5 times a power of ten), at most five of them, and the top at a whole step (at least 1). */
function axisOf(v: number): { top: number; step: number } {
  const max = Math.max(v, 1);
  const rough = max / 5;
  const p = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= rough)!;
  return { top: Math.ceil(max / step - 1e-9) * step, step };
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);
const fmtValue = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));
