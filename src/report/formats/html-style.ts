/**
 * The stylesheet of the HTML report, inlined in a <style> element and allowed by its hash in the
 * Content-Security-Policy. No fonts, images or other files: system fonts only. Severity is
 * carried by a text label as well as by colour (and in print by a border style too), so it does
 * not depend on seeing colour and survives printing in black and white.
 */
export const HTML_STYLE = `
:root {
  color-scheme: light;
  --ink: #1b1f24; --muted: #555d66; --rule: #d5d9de; --panel: #f5f6f8; --link: #0b4f9c;
  --error: #a1141b; --error-bg: #fdecec; --warning: #7a4a00; --warning-bg: #fff3d6;
  --info: #17457f; --info-bg: #e8f0fb; --ok: #1d6b35; --mark: #ffe16b;
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
html { font-size: 100%; -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--ink); background: #fff;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  font-size: 1rem; line-height: 1.5;
}
.page { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1, h2, h3, h4 { line-height: 1.25; margin: 1.6em 0 .5em; }
h1 { font-size: 1.75rem; margin-top: .25em; }
h2 { font-size: 1.35rem; border-bottom: 2px solid var(--ink); padding-bottom: .2em; }
h3 { font-size: 1.15rem; }
h4 { font-size: 1rem; margin: 0; }
p { margin: .4em 0; }
a { color: var(--link); }
code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: .9em; }
.lede { max-width: 48rem; color: var(--muted); }
.muted { color: var(--muted); }
.meta { display: flex; flex-wrap: wrap; gap: .25rem 2rem; margin: .75rem 0; padding: 0; }
.meta div { display: flex; gap: .4rem; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; font-weight: 600; }
nav.toc ul, nav.cases ul { list-style: none; margin: .5rem 0; padding: 0; display: flex; flex-wrap: wrap; gap: .35rem 1.25rem; }
.stats { display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: .6rem; margin: 1rem 0; padding: 0; }
.stat { border: 1px solid var(--rule); border-radius: 6px; padding: .55rem .75rem; background: var(--panel); }
.stat dt { font-size: .85rem; color: var(--muted); }
.stat dd { margin: 0; font-size: 1.6rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.stat.sev-error { border-left: 5px solid var(--error); }
.stat.sev-warning { border-left: 5px solid var(--warning); }
.stat.sev-info { border-left: 5px solid var(--info); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.25rem; font-size: .95rem; }
caption { text-align: left; font-weight: 700; padding: .3rem 0; }
th, td { border-bottom: 1px solid var(--rule); padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); background: var(--panel); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.table-wrap { overflow-x: auto; }
.filters { border: 1px solid var(--rule); border-radius: 6px; padding: .75rem 1rem; margin: 1rem 0; background: var(--panel); }
.filters fieldset { border: 0; margin: 0 0 .5rem; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1.1rem; align-items: center; }
.filters legend { font-weight: 700; float: left; margin-right: .75rem; padding: 0; }
.filters label { display: inline-flex; align-items: center; gap: .35rem; cursor: pointer; }
.filters input { width: 1.05rem; height: 1.05rem; margin: 0; }
.filters button { font: inherit; padding: .2rem .8rem; border: 1px solid var(--muted); border-radius: 4px; background: #fff; cursor: pointer; }
.filter-status { font-weight: 600; margin: .5rem 0 0; }
.case { border-top: 3px solid var(--ink); margin-top: 2rem; padding-top: .25rem; }
.case > h3 { margin-top: .6rem; }
.case-meta { color: var(--muted); }
.record { margin: 1rem 0 0 0; padding-left: .9rem; border-left: 2px solid var(--rule); }
.record-who { color: var(--muted); font-size: .95rem; }
.flags { list-style: none; margin: .5rem 0 0; padding: 0; }
.flag { margin: 0 0 .8rem; padding: .6rem .8rem; border: 1px solid var(--rule); border-left-width: 6px; border-radius: 4px; background: #fff; }
.flag.sev-error { border-left-color: var(--error); }
.flag.sev-warning { border-left-color: var(--warning); }
.flag.sev-info { border-left-color: var(--info); }
.flag-head { display: flex; flex-wrap: wrap; gap: .3rem .7rem; align-items: baseline; margin: 0 0 .3rem; }
.sev { display: inline-block; font-size: .8rem; font-weight: 700; letter-spacing: .04em; text-transform: uppercase; padding: .05rem .45rem; border-radius: 3px; border: 1px solid currentColor; }
.sev-error .sev, .sev.sev-error { color: var(--error); background: var(--error-bg); }
.sev-warning .sev, .sev.sev-warning { color: var(--warning); background: var(--warning-bg); }
.sev-info .sev, .sev.sev-info { color: var(--info); background: var(--info-bg); }
.badge { display: inline-block; font-size: .78rem; font-weight: 700; padding: .05rem .45rem; border-radius: 3px; border: 1px solid var(--muted); color: var(--ink); background: #fff; }
.badge.late { border-color: var(--error); color: var(--error); }
.badge.new { border-color: var(--info); color: var(--info); }
.badge.dismissed { border-color: var(--ok); color: var(--ok); }
.badge.confirmed { border-color: var(--error); color: var(--error); }
.flag-facts { font-size: .9rem; color: var(--muted); }
.snippet { margin: .4rem 0; padding: .4rem .7rem; background: var(--panel); border-left: 3px solid var(--rule); font-size: .97rem; overflow-wrap: anywhere; }
mark { background: var(--mark); color: #000; padding: 0 .1em; border-bottom: 2px solid #000; }
.message { max-width: 56rem; }
.review { border-left: 3px solid var(--ok); padding-left: .6rem; }
.flag[data-review="confirmed"] .review { border-left-color: var(--error); }
.flag.current { outline: 3px solid var(--link); outline-offset: 2px; }
.flag:focus { outline: 3px solid var(--link); outline-offset: 2px; }
.decide { display: flex; flex-wrap: wrap; gap: .4rem .8rem; align-items: center; margin: .4rem 0; font-size: .95rem; }
.decide button, .review-panel button { font: inherit; padding: .15rem .7rem; border: 1px solid var(--muted); border-radius: 4px; background: #fff; cursor: pointer; }
.decide select, .decide input, .review-panel input { font: inherit; }
.decide-status { color: var(--error); font-weight: 600; }
.review-panel { border: 1px solid var(--rule); border-radius: 6px; padding: .75rem 1rem; margin: 1rem 0; background: var(--panel); }
.review-panel h3 { margin-top: 0; }
.review-who { display: flex; flex-wrap: wrap; gap: .4rem 1.5rem; }
.review-count { font-weight: 600; }
.review-panel pre { white-space: pre-wrap; overflow-wrap: anywhere; max-height: 20rem; overflow: auto; background: #fff; border: 1px solid var(--rule); padding: .5rem; }
kbd { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85em; border: 1px solid var(--muted); border-radius: 3px; padding: 0 .3em; background: #fff; }
.chronology { margin: 1rem 0 0; padding: .6rem .8rem; border: 1px dashed var(--rule); border-radius: 4px; }
.chronology ul { margin: .3rem 0 0; padding-left: 1.1rem; }
.chronology ol { margin: .2rem 0 .5rem; padding-left: 1.5rem; }
.step-against { color: var(--ok); font-weight: 600; }
.step-asserted { font-weight: 600; }
.step-quote { color: var(--muted); font-style: italic; }
.filter-note { display: none; }
footer { margin-top: 3rem; border-top: 1px solid var(--rule); padding-top: .75rem; color: var(--muted); font-size: .9rem; }
@media (max-width: 40rem) { .page { padding: 1rem .75rem 2rem; } .stat dd { font-size: 1.3rem; } }
@media print {
  @page { margin: 14mm 12mm; }
  html { font-size: 10pt; }
  body { line-height: 1.4; }
  td { overflow-wrap: anywhere; }
  .page { max-width: none; padding: 0; }
  nav, .filters, .no-print { display: none !important; }
  body.filtered .filter-note { display: block; font-weight: 700; border: 1px solid #000; padding: .3rem .5rem; }
  a { color: inherit; text-decoration: none; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  .flag, .stat, tr, .chronology li { break-inside: avoid; page-break-inside: avoid; }
  .case { break-before: auto; }
  .stat, thead th, .snippet, .flag, .sev, .badge, mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .table-wrap { overflow: visible; }
  .flag { border-left-width: 4px; }
  .flag.sev-warning { border-left-style: dashed; }
  .flag.sev-info { border-left-style: dotted; }
  .snippet { border-left-color: #999; }
  mark { background: #fff0a8; }
}
`;
