import type { ChalkInstance } from 'chalk';
import type { Report } from '../build-report.ts';
import type { Severity } from '../../model/flag.ts';
import type { TextPolicy } from '../text-policy.ts';
import { csvChunks, formatCsv } from './csv.ts';
import { formatHtml, htmlChunks } from './html.ts';
import { formatJson, jsonChunks } from './json.ts';
import { formatJunit, junitChunks } from './junit.ts';
import { formatMarkdown } from './markdown.ts';
import { formatNdjson, ndjsonChunks } from './ndjson.ts';
import { formatSummary, summaryChunks } from './summary.ts';
import type { HistoryLine } from '../history.ts';
import { formatTerminal, terminalChunks } from './terminal.ts';
import type { FormatName } from '../../model/formats.ts';

export interface FormatContext {
  chalk: ChalkInstance;
  failOn: Severity | 'never';
  showReviewed: boolean;
  /** For `summary`: the run the history holds before this one (read before this run's line is appended). */
  previous?: HistoryLine;
  /** For `summary`: a --history was given. */
  history?: boolean;
  /** For `summary`: the text policy lets record text through (--snippets). */
  recordText?: boolean;
  /** For `csv`: write the id cells as Excel text constants (--excel-ids). */
  excelIds?: boolean;
}

/** Every format is written from the same report object. */
export function render(format: FormatName, report: Report, ctx: FormatContext): string {
  switch (format) {
    case 'terminal':
      return formatTerminal(report, ctx.chalk, { showReviewed: ctx.showReviewed });
    case 'json':
      return formatJson(report);
    case 'ndjson':
      return formatNdjson(report);
    case 'csv':
      return formatCsv(report, { excelIds: ctx.excelIds });
    case 'html':
      return formatHtml(report);
    case 'junit':
      return formatJunit(report, { failOn: ctx.failOn });
    case 'markdown':
      return formatMarkdown(report, { failOn: ctx.failOn });
    case 'summary':
      return formatSummary(report, { previous: ctx.previous, history: ctx.history, recordText: ctx.recordText });
  }
}

/**
 * render()'s text in pieces, the same bytes (formats/pieces.ts): every format whose size or work
 * grows with the flags comes in pieces of about PIECE_CHARS characters, with empty pieces (steps) after
 * passes over every flag, so that a report longer than the longest string JavaScript can hold
 * can be written, and a signal can be handled between the pieces. The markdown summary is
 * bounded: it lists at most its first flags.
 */
export function renderChunks(format: FormatName, report: Report, ctx: FormatContext): Iterable<string> {
  switch (format) {
    case 'terminal':
      return terminalChunks(report, ctx.chalk, { showReviewed: ctx.showReviewed });
    case 'json':
      return jsonChunks(report);
    case 'ndjson':
      return ndjsonChunks(report);
    case 'csv':
      return csvChunks(report, { excelIds: ctx.excelIds });
    case 'html':
      return htmlChunks(report);
    case 'junit':
      return junitChunks(report, { failOn: ctx.failOn });
    case 'summary':
      return summaryChunks(report, { previous: ctx.previous, history: ctx.history, recordText: ctx.recordText });
    case 'markdown':
      return [render(format, report, ctx)];
  }
}

/**
 * How much record text each format carries unless told otherwise: the formats that end up in
 * CI logs and pull-request comments (junit, markdown) carry none unless --snippets is given,
 * nor does the manager's summary, which goes to people who do not need the records.
 */
export function defaultTextPolicy(format: FormatName, options: { redact: boolean; snippets: boolean | undefined }): TextPolicy {
  if (options.snippets === false) return 'none';
  if ((format === 'junit' || format === 'markdown' || format === 'summary') && options.snippets !== true) return 'none';
  return options.redact ? 'redacted' : 'full';
}

/** The format a file name suggests (report.html → html, team.summary.html → summary), or undefined. */
export function formatForPath(path: string): FormatName | undefined {
  if (/\.summary\.html?$/i.test(path)) return 'summary';
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  const byExt: Record<string, FormatName> = {
    json: 'json',
    ndjson: 'ndjson',
    jsonl: 'ndjson',
    csv: 'csv',
    html: 'html',
    htm: 'html',
    xml: 'junit',
    md: 'markdown',
    txt: 'terminal',
  };
  return ext ? byExt[ext] : undefined;
}
