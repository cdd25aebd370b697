import type { Report } from '../build-report.ts';
import type { Flag } from '../../model/flag.ts';
import { PIECE_CHARS } from './pieces.ts';

export const CSV_COLUMNS = [
  'flag_id',
  'case_id',
  'record_id',
  'record_date',
  'author',
  'team',
  'category',
  'rule',
  'label',
  'status',
  'severity',
  'standards',
  'message',
  'snippet',
  'related_record_ids',
  'baseline',
  'reviewed_by',
  'review_reason',
  'review_decision',
  'review_reason_code',
] as const;

/** The columns that hold identifiers, which --excel-ids writes so a spreadsheet keeps them as text. */
const ID_COLUMNS = new Set<(typeof CSV_COLUMNS)[number]>(['flag_id', 'case_id', 'record_id', 'related_record_ids']);

/** Excel refuses a text constant longer than this inside a formula. */
const EXCEL_LITERAL_MAX = 255;

export interface CsvOptions {
  /**
   * Write each id cell as the formula ="…", a text constant, so that Excel shows `0012345` and
   * `123456789012345678` as they are rather than as the numbers 12345 and 1.23457E+17.
   */
  excelIds?: boolean;
}

/**
 * A cell a spreadsheet will not run: text that begins with = + - @ tab or carriage return
 * is prefixed with an apostrophe (the OWASP advice against CSV injection).
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * An id as an Excel text constant: ="0012345". Everything between the quotes is a string
 * literal (quotes doubled), so nothing in the id can be run; the cell shows the id unchanged.
 * Empty ids stay empty; an id too long for a literal is written as an ordinary (neutralised) cell.
 */
export function excelText(value: string): string {
  if (value === '' || value.length > EXCEL_LITERAL_MAX) return neutralise(value);
  return `="${value.replace(/"/g, '""')}"`;
}

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function row(flag: Flag): string[] {
  const snippet = flag.snippet ? `${flag.snippet.before}[${flag.snippet.match}]${flag.snippet.after}` : '';
  return [
    flag.id,
    flag.case_id,
    flag.record_id,
    flag.record_date,
    flag.author ?? '',
    flag.team ?? '',
    flag.category,
    flag.rule,
    flag.label ?? '',
    flag.status ?? '',
    flag.severity,
    flag.standards.join(' '),
    flag.message,
    snippet,
    flag.related_record_ids.join(' '),
    flag.baseline ?? '',
    flag.review?.reviewer ?? '',
    flag.review?.reason ?? '',
    flag.review?.decision ?? '',
    flag.review?.reason_code ?? '',
  ];
}

/**
 * One row per flag, for Excel: UTF-8 with a BOM, CRLF, every cell (the header's too) quoted and
 * neutralised. With `excelIds`, the id columns are written as text constants (see excelText).
 */
export function formatCsv(report: Report, options: CsvOptions = {}): string {
  return [...csvChunks(report, options)].join('');
}

/** formatCsv's text in pieces of about PIECE_CHARS characters (a report too long for one string can still be written). */
export function* csvChunks(report: Report, options: CsvOptions = {}): Generator<string, void, void> {
  const cellOf = (value: string, i: number) => quoted(options.excelIds && ID_COLUMNS.has(CSV_COLUMNS[i]) ? excelText(value) : neutralise(value));
  let piece = `\ufeff${CSV_COLUMNS.map((c) => quoted(c)).join(',')}\r\n`;
  for (const f of report.flags) {
    piece += `${row(f).map(cellOf).join(',')}\r\n`;
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  if (piece) yield piece;
}
