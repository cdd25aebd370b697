/**
 * Reads one row of an export again, at its place in the file, as intake first read it (issue
 * #18): the duplication check keeps each row's place (a few bytes) rather than the row (about
 * 375 bytes deflated), and reads again only the few rows that verification needs at the end.
 *
 * A row is read with the state intake had at that point of the file: its encoding (the bytes
 * decoded strictly, a byte order mark inside the file kept as it was), line endings made LF, the
 * CSV options and delimiter, the header and column mapping, the date order. A row starts at a
 * line start, where the parser is between records, so its bytes parse alone to the same fields,
 * a quoted note over several lines included. Only one-row records are placed: a form's record is
 * assembled from many rows and keeps the old way, as does standard input (it cannot be read again).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { csvParseOptions } from './read-rows.ts';
import { toRecord, type RereadableInput, type RowRegister } from './read-export.ts';
import { Windows1252Decoder } from './windows1252.ts';
import { UserError } from '../model/errors.ts';
import type { CanonicalRecord, RecordPlace, RecordReader } from '../model/record.ts';

export class RowRereader implements RecordReader, RowRegister {
  private readonly inputs: RereadableInput[] = [];
  private readonly open = new Map<number, number>();

  /** Makes a file's rows readable again; returns its number for the places of its rows. */
  register(input: RereadableInput): number {
    this.inputs.push(input);
    return this.inputs.length - 1;
  }

  read(place: RecordPlace): CanonicalRecord {
    const input = this.inputs[place.input];
    const changed = () =>
      new UserError(`${input.path}: the row on line ${place.line} could not be read again as it was read first: was the file changed during the audit?`);
    let fd = this.open.get(place.input);
    if (fd === undefined) this.open.set(place.input, (fd = openSync(input.file, 'r')));
    const bytes = Buffer.allocUnsafe(place.bytes);
    for (let got = 0; got < place.bytes; ) {
      const n = readSync(fd, bytes, got, place.bytes - got, place.offset + got);
      if (n === 0) throw changed();
      got += n;
    }
    let text: string;
    try {
      text =
        input.encoding === 'windows-1252'
          ? new Windows1252Decoder().decode(bytes)
          : new TextDecoder(input.encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      throw changed();
    }
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    const fields = rowFields(text, input.delimiter);
    if (!fields) throw changed();
    const record = toRecord(fields, input.header, input.mapping, input.dateOrder, { path: input.path, line: place.line, record: place.record }, []);
    if (typeof record === 'string') throw changed();
    return record;
  }

  /** Closes the files opened to read rows again. */
  close(): void {
    for (const fd of this.open.values()) closeSync(fd);
    this.open.clear();
  }
}

/**
 * The fields of one row's text as intake's csv-parse reads them (null when it is not one row).
 * A well-formed row (each field bare, with no quote or line break in it, or quoted, with "" for
 * a quote inside) is split here, about ten times faster than csv-parse, whose setup for one
 * row costs more than the row; anything else (a stray quote, text after a closing quote) goes
 * to csv-parse itself, with intake's options.
 */
export function rowFields(text: string, delimiter: string): string[] | null {
  const fields = wellFormedRow(text, delimiter);
  if (fields) return fields;
  const rows = parse(text, { ...csvParseOptions(delimiter), info: false, raw: false }) as string[][];
  return rows.length === 1 ? rows[0] : null;
}

function wellFormedRow(text: string, delimiter: string): string[] | null {
  const end = text.endsWith('\n') ? text.length - 1 : text.length;
  if (end === 0) return null;
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === 34) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1 || q >= end) return null;
        value += text.slice(from, q);
        if (q + 1 < end && text.charCodeAt(q + 1) === 34) {
          value += '"';
          from = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      fields.push(value);
    } else {
      const next = text.indexOf(delimiter, i);
      const stop = next === -1 || next > end ? end : next;
      const bare = text.slice(i, stop);
      if (bare.includes('"') || bare.includes('\n')) return null;
      fields.push(bare);
      i = stop;
    }
    if (i === end) return fields;
    if (!text.startsWith(delimiter, i)) return null;
    i += delimiter.length;
  }
}
