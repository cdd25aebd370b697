import type { Report } from '../build-report.ts';
import type { Flag } from '../../model/flag.ts';

export const CSV_COLUMNS = [
  'flag_id', 'case_id', 'record_id', 'record_date', 'author', 'team', 'category', 'rule', 'label', 'status', 'severity', 'standards',
  'message', 'snippet', 'related_record_ids', 'baseline', 'reviewed_by', 'review_reason', 'review_decision', 'review_reason_code',
] as const;

/**
 * A cell a spreadsheet will not run: text that begins with = + - @ tab or carriage return
 * is prefixed with an apostrophe (the OWASP advice against CSV injection).
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cell(value: string): string {
  return `"${neutralise(value).replace(/"/g, '""')}"`;
}

function row(flag: Flag): string[] {
  const snippet = flag.snippet ? `${flag.snippet.before}[${flag.snippet.match}]${flag.snippet.after}` : '';
  return [
    flag.id, flag.case_id, flag.record_id, flag.record_date, flag.author ?? '', flag.team ?? '', flag.category, flag.rule, flag.label ?? '',
    flag.status ?? '', flag.severity, flag.standards.join(' '), flag.message, snippet, flag.related_record_ids.join(' '),
    flag.baseline ?? '', flag.review?.reviewer ?? '', flag.review?.reason ?? '', flag.review?.decision ?? '', flag.review?.reason_code ?? '',
  ];
}

/** One row per flag, for Excel: UTF-8 with a BOM, CRLF, every cell (the header's too) quoted and neutralised. */
export function formatCsv(report: Report): string {
  const lines = [CSV_COLUMNS.map(cell).join(','), ...report.flags.map((f) => row(f).map(cell).join(','))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
