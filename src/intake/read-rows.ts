import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { decodeText, type Encoding, type EncodingInfo } from './decode.ts';
import { detectDelimiter } from './delimiter.ts';
import type { LineStarts } from './line-starts.ts';
import { UserError } from '../model/errors.ts';

/**
 * One physical CSV row with the line it starts on, or a stretch the parser could not read. With
 * `places`, a row also says where its bytes are in the file (`offset`, `bytes`: from the start
 * of its first line to the start of the line after its last), to be read again (reread.ts).
 */
export type CsvRow =
  | { fields: string[]; line: number; offset?: number; bytes?: number; error?: undefined }
  | { error: string; line: number; fields?: undefined };

/**
 * csv-parse as intake runs it, on text whose line endings are already LF: ragged rows and stray
 * quotes are read (and judged later) rather than stopping the file; info and raw give lines.
 */
export function csvParseOptions(delimiter: string, fromLine = 1) {
  return {
    delimiter,
    from_line: fromLine,
    record_delimiter: '\n',
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    raw: true,
  };
}

/** What reading the file found out about it; filled in as the file is read. */
export interface CsvFileInfo {
  sha256: string;
  encoding: Encoding;
  delimiter: string;
  /** The first line of the decoded text (the header). */
  headerLine: string;
}

export interface CsvReadOptions {
  encoding?: Encoding;
  delimiter?: string;
  /** Bytes read so far (for progress display). */
  progress?: { bytes: number };
  /** Give each row its place in the file (only for a file that can be read again). */
  places?: boolean;
}

/**
 * The CSV layer of intake: bytes → strictly decoded text (line endings made LF) → rows, each
 * with the physical line it starts on. csv-parse is told to skip, not stop at, a row it cannot
 * read (an unclosed quote at the end); that row comes out as an error with its line.
 */
export async function* readCsvRows(
  source: { path: string; open(): AsyncIterable<Uint8Array> },
  options: CsvReadOptions,
  info: Partial<CsvFileInfo>,
): AsyncGenerator<CsvRow> {
  const path = source.path;
  const hash = createHash('sha256');
  let byteCount = 0;
  async function* hashed() {
    for await (const chunk of source.open()) {
      hash.update(chunk);
      byteCount += chunk.length;
      if (options.progress) options.progress.bytes += chunk.length;
      yield chunk;
    }
  }
  const encodingInfo: { value?: EncodingInfo } = {};
  const tracked: { starts?: LineStarts } | undefined = options.places ? {} : undefined;
  const text = decodeText(hashed(), path, options.encoding, encodingInfo, tracked);
  const first = await text.next();
  if (first.done || !first.value.trim()) {
    info.sha256 = hash.digest('hex');
    if (byteCount === 0 || first.done) throw new UserError(`${path}: the file is empty`);
    throw new UserError(`${path}: the file holds only blank lines`);
  }
  info.encoding = encodingInfo.value!.encoding;
  info.headerLine = lineAt(first.value, 0);
  // Excel writes `sep=;` as the first line of a CSV saved for a locale whose list separator is
  // not a comma: it names the delimiter, and the header is the line after it.
  const sep = /^sep=(.)\s*$/i.exec(info.headerLine);
  if (sep) info.headerLine = lineAt(first.value, first.value.indexOf('\n') + 1);
  const delimiter = options.delimiter ?? (sep ? sep[1] : detectDelimiter(info.headerLine));
  info.delimiter = delimiter;

  async function* allText() {
    yield first.value as string;
    yield* text;
  }
  const parser = Readable.from(allText()).pipe(parse(csvParseOptions(delimiter, sep ? 2 : 1)));
  const skipped: CsvRow[] = [];
  parser.on('skip', (err: { message: string; lines: number; raw?: string }) => {
    skipped.push({ line: startLine(err.lines, err.raw ?? ''), error: csvReason(err.message) });
  });
  const iterator = parser[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<{ record: string[]; info: { lines: number }; raw: string }>;
    try {
      next = await iterator.next();
    } catch (err) {
      if (err instanceof UserError) throw err;
      throw new UserError(`${path}: ${(err as Error).message}`);
    }
    if (next.done) break;
    const { record: fields, info: at, raw } = next.value;
    const { line, lines } = rowLines(at.lines, raw);
    // The parser reports a skipped stretch when it reaches it, which can be before the rows
    // ahead of it have been read from its buffer: put everything out in line order.
    while (skipped.length && skipped[0].line < line) yield skipped.shift()!;
    const starts = tracked?.starts;
    if (starts) {
      // The decoder has scanned past the row's last line ending (the parser has read it), or to the end of the file.
      const offset = starts.take(line);
      const end = starts.peek(line + lines) ?? starts.end;
      if (offset !== null && end !== null && end > offset) {
        yield { fields, line, offset, bytes: end - offset };
        continue;
      }
    }
    yield { fields, line };
  }
  while (skipped.length) yield skipped.shift()!;
  info.sha256 = hash.digest('hex');
}

/** The line of `text` that starts at `start`, without its line ending. */
function lineAt(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end);
}

/** Physical line on which a parsed record starts, from the line it ends on and its raw text. */
function startLine(endLine: number, raw: string): number {
  return rowLines(endLine, raw).line;
}

/** The physical line on which a parsed record starts and how many lines it spans. */
function rowLines(endLine: number, raw: string): { line: number; lines: number } {
  const body = raw.replace(/^\n+/, '').replace(/\n$/, '');
  let inner = 0;
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) inner++;
  return { line: endLine - inner, lines: inner + 1 };
}

function csvReason(message: string): string {
  if (/Quote Not Closed/i.test(message)) return 'a quoted field is never closed (an opening " with no closing ")';
  return message;
}
