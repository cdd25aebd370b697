import type { Report } from '../build-report.ts';
import type { Severity } from '../../model/flag.ts';
import { describeWindow } from '../window.ts';
import { isDismissed } from '../failing.ts';

const cellText = (s: string) => s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

/**
 * A short summary for CI job summaries and pull-request comments. It names rules, records and
 * counts; record text appears only when the report carries it (--snippets).
 */
export function formatMarkdown(report: Report, options: { failOn: Severity | 'never'; maxFlags?: number }): string {
  const s = report.summary;
  const out: string[] = ['## scrutineer audit', ''];
  out.push(`As of ${report.run.as_of}: **${s.records_audited}** records audited in **${s.cases_audited}** cases (${s.rows_rejected} rows rejected).`, '');
  const w = report.run.window;
  if (w)
    out.push(
      `Window ${describeWindow(w)}: flags only on the ${w.records_in_window} records dated in it; ${w.records_read_for_context} other records read for context only.`,
      '',
    );
  out.push('| severity | flags |', '|---|---|');
  for (const sev of ['error', 'warning', 'info'] as const) out.push(`| ${sev} | ${s.by_severity[sev]} |`);
  out.push('', `Flags per 100 records: **${s.rates.per_100_records.all}**; cases with flags: **${s.cases_flagged}** of ${s.cases_audited}.`, '');
  if (report.baseline) {
    out.push(`Against the baseline: **${report.baseline.new}** new, ${report.baseline.existing} existing, ${report.baseline.resolved.length} resolved.`, '');
  }
  if (Object.keys(s.by_category).length) {
    out.push('| category | flags | per 100 records |', '|---|---|---|');
    for (const [k, n] of Object.entries(s.by_category)) out.push(`| ${k} | ${n} | ${s.rates.per_100_records.by_category[k]} |`);
    out.push('');
    out.push('| standard | flags |', '|---|---|');
    for (const [k, n] of Object.entries(s.by_standard)) out.push(`| ${k} | ${n} |`);
    out.push('');
  }
  const max = options.maxFlags ?? 20;
  // The first `max` only, found without a pass over every flag (there may be 500,000).
  const shown: typeof report.flags = [];
  for (const f of report.flags) {
    if (shown.length >= max) break;
    if (!isDismissed(f) && (report.baseline ? f.baseline === 'new' : true)) shown.push(f);
  }
  if (shown.length) {
    out.push(`### ${report.baseline ? 'New flags' : 'Flags'}${shown.length === max ? ` (first ${max})` : ''}`, '');
    out.push('| severity | rule | case | record | date | message |', '|---|---|---|---|---|---|');
    for (const f of shown)
      out.push(`| ${f.severity} | ${f.rule} | ${cellText(f.case_id)} | ${cellText(f.record_id)} | ${f.record_date} | ${cellText(f.message)} |`);
    out.push('');
  }
  const verdict = options.failOn === 'never' ? 'not failing on any severity' : `failing on ${options.failOn}`;
  out.push(`_scrutineer ${report.tool.version}, ${verdict}._`, '');
  return out.join('\n');
}
