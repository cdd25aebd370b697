import type { Encoding } from './decode.ts';
import { describeDelimiter, DELIMITERS } from './delimiter.ts';
import { readCsvRows, type CsvFileInfo } from './read-rows.ts';
import { chooseProfile, type ColumnMapping, type ColumnProfile } from './profiles.ts';
import { parseDate, type DateOrder } from './dates.ts';
import {
  CANONICAL_FIELDS,
  REQUIRED_FIELDS,
  type CanonicalField,
  type CanonicalRecord,
  type RecordPlace,
  type InputSummary,
  type IntakeWarning,
  type RejectedRow,
} from '../model/record.ts';
import { UserError } from '../model/errors.ts';
import { FormAssembler, type FormItem, type FormRow, type RecordValues } from './forms/assemble.ts';
import { toPlainText } from './rich-text/index.ts';
import { append } from '../model/lists.ts';

export interface InputSource {
  /** The path as shown in reports (`-` for standard input). */
  path: string;
  open(): AsyncIterable<Uint8Array>;
  /** A regular file holding the same bytes, which rows can be read again from (none for standard input). */
  file?: string;
}

export interface IntakeOptions {
  profiles: ColumnProfile[];
  profile?: string;
  map?: Partial<Record<CanonicalField, string>>;
  encoding?: Encoding;
  delimiter?: string;
  dateOrder: DateOrder;
  /** Bytes read so far across all inputs (for progress display). */
  progress?: { bytes: number };
  /** Registers each file whose rows can be read again, and gives each of its one-row records its place (reread.ts). */
  reread?: RowRegister;
}

/** What reading a row again needs to know about its file. */
export interface RereadableInput {
  /** The path as shown in reports. */
  path: string;
  /** The file to open (the same path, for a file given on the command line or found in a folder). */
  file: string;
  encoding: Encoding;
  delimiter: string;
  header: string[];
  mapping: ColumnMapping;
  dateOrder: DateOrder;
}

/** Where intake registers the files whose rows can be read again (reread.ts). */
export interface RowRegister {
  /** Returns the file's number, for the places of its rows. */
  register(input: RereadableInput): number;
}

export type IntakeItem =
  | { record: CanonicalRecord; place?: RecordPlace; rejected?: undefined }
  | { rejected: RejectedRow; record?: undefined; place?: undefined };

/**
 * Streams one export: bytes → text (strict decoding) → CSV rows → canonical records.
 * Every data row comes out either as a record or as a rejected row with its reason.
 */
export async function* readExport(source: InputSource, options: IntakeOptions, summary: InputSummary, warnings: IntakeWarning[]): AsyncGenerator<IntakeItem> {
  const path = source.path;
  const file: Partial<CsvFileInfo> = {};
  let header: string[] | undefined;
  let mapping: ColumnMapping | undefined;
  let forms: FormAssembler | undefined;
  let recordNumber = 0;
  /** The file's number in options.reread, when its rows can be read again. */
  let input: number | undefined;
  const rereadFrom = options.reread && source.file;
  const places = Boolean(rereadFrom);
  for await (const row of readCsvRows(source, { ...options, places }, file)) {
    if (row.error !== undefined) {
      yield* rejectSkipped({ path, line: row.line, record: 0, reason: row.error });
      continue;
    }
    const { fields, line } = row;
    if (!header) {
      summary.encoding = file.encoding!;
      summary.delimiter = describeDelimiter(file.delimiter!);
      header = fields.map((h) => h.trim());
      mapping = mapColumns(header, options, path, file.headerLine!, file.delimiter!);
      summary.profile = mapping.profile;
      if (places && !mapping.form)
        input = options.reread!.register({
          path,
          file: rereadFrom!,
          encoding: file.encoding!,
          delimiter: file.delimiter!,
          header,
          mapping,
          dateOrder: options.dateOrder,
        });
      if (mapping.form)
        forms = new FormAssembler(
          path,
          { instance: header[mapping.form.instance], question: mapping.form.question.map((i) => header![i]).join(', ') },
          warnings,
        );
      continue;
    }
    recordNumber++;
    summary.rows_read++;
    const source = { path, line, record: recordNumber };
    if (forms) {
      // A row with the wrong number of fields is rejected before it reaches its form: its columns cannot be trusted.
      const wrongCount = fields.length !== header.length && `expected ${header.length} fields, found ${fields.length}`;
      yield* counted(wrongCount ? [{ rejected: { ...source, reason: wrongCount } }] : forms.add(toFormRow(fields, mapping!, options.dateOrder, source)));
    } else {
      const result = toRecord(fields, header, mapping!, options.dateOrder, source, warnings);
      if (typeof result === 'string') {
        summary.rows_rejected++;
        yield { rejected: { path, line, record: recordNumber, reason: result } };
      } else if (input !== undefined && row.offset !== undefined) {
        yield { record: result, place: { input, offset: row.offset, bytes: row.bytes!, line, record: recordNumber } };
      } else {
        yield { record: result };
      }
    }
  }
  if (forms) yield* counted(forms.finish());
  summary.sha256 = file.sha256!;
  if (!header) throw new UserError(`${path}: the file has no header row`);

  function* counted(items: FormItem[]): Generator<IntakeItem> {
    for (const item of items) {
      if (item.rejected) summary.rows_rejected++;
      yield item;
    }
  }

  function* rejectSkipped(row: RejectedRow): Generator<IntakeItem> {
    recordNumber++;
    summary.rows_read++;
    summary.rows_rejected++;
    yield { rejected: { ...row, record: recordNumber } };
  }
}

function mapColumns(header: string[], options: IntakeOptions, path: string, headerLine: string, delimiter: string): ColumnMapping {
  try {
    const mapping = chooseProfile(header, options.profiles, path, options.profile, options.map);
    checkDuplicateColumns(header, mapping, path);
    return mapping;
  } catch (err) {
    if (err instanceof UserError && /^\s*[[{]/.test(headerLine)) {
      throw new UserError(`${path}: this looks like JSON, not a CSV export (it starts with '${headerLine.trim()[0]}'); export the records as CSV`);
    }
    if (err instanceof UserError && header.length === 1) {
      const other = DELIMITERS.find((d) => d !== delimiter && headerLine.includes(d));
      if (other) {
        throw new UserError(
          `${err.message}\nThe header has a single column: is the delimiter right? It contains '${describeDelimiter(other)}' (try --delimiter '${describeDelimiter(other)}')`,
        );
      }
    }
    throw err;
  }
}

function checkDuplicateColumns(header: string[], mapping: ColumnMapping, path: string) {
  for (const [field, at] of Object.entries(mapping.index)) {
    const name = header[at!];
    const again = header.findIndex((h, i) => i !== at && h.toLowerCase() === name.toLowerCase());
    if (again !== -1) {
      throw new UserError(`${path}: the column '${name}' (used for ${field}) appears twice in the header, as columns ${at! + 1} and ${again + 1}`);
    }
  }
}

const GENDERS: Record<string, string> = { m: 'male', male: 'male', boy: 'male', f: 'female', female: 'female', girl: 'female' };

/**
 * The longest text a record may hold: 64 M characters. Each check reads a text in passes that
 * cannot be broken up (a regular expression, a tokenizer), about 10 ms a megabyte, so this keeps
 * the longest pause, in which a signal waits, under a second.
 */
export const MAX_TEXT_LENGTH = 64 * 2 ** 20;

/** A row's record, or why it cannot be one; `warnings` takes what it could not use of an audited row. */
export function toRecord(
  fields: string[],
  header: string[],
  mapping: ColumnMapping,
  dateOrder: DateOrder,
  source: CanonicalRecord['source'],
  warnings: IntakeWarning[],
): CanonicalRecord | string {
  if (fields.length !== header.length) return `expected ${header.length} fields, found ${fields.length}`;
  // Warnings are kept only for rows that are audited.
  const rowWarnings: IntakeWarning[] = [];
  const values = readValues(fields, mapping, dateOrder, source, rowWarnings, REQUIRED_FIELDS);
  if (typeof values === 'string') return values;
  const plain = toPlainText(fieldValue(fields, mapping, 'text')!);
  if (plain.markup && !plain.text.trim()) return `text is empty once its ${plain.markup.toUpperCase()} mark-up is removed`;
  if (plain.text.length > MAX_TEXT_LENGTH)
    return `text is ${Math.round(plain.text.length / 2 ** 20)} M characters, more than the ${MAX_TEXT_LENGTH / 2 ** 20} M a record may hold (a note this long is usually a quote left open, which runs the rest of the file into one field: check the quoting around this line)`;
  append(warnings, rowWarnings);
  const record = Object.fromEntries(
    CANONICAL_FIELDS.map((f) => [f, f === 'text' ? plain.text : values[f as keyof RecordValues]]),
  ) as unknown as CanonicalRecord;
  record.source = source;
  if (plain.markup) record.markup = [plain.markup];
  return record;
}

/** Fields a form row must have itself; record_id (the instance) and the text are the form's business. */
const FORM_ROW_REQUIRED: readonly CanonicalField[] = REQUIRED_FIELDS.filter((f) => f !== 'record_id' && f !== 'text');

/** One row of a form-shaped export, for the assembler. */
function toFormRow(fields: string[], mapping: ColumnMapping, dateOrder: DateOrder, source: CanonicalRecord['source']): FormRow {
  const form = mapping.form!;
  const first = (columns: number[]) => columns.map((i) => fields[i]).find((v) => v.trim() !== '') ?? '';
  const rowWarnings: IntakeWarning[] = [];
  const values = readValues(fields, mapping, dateOrder, source, rowWarnings, FORM_ROW_REQUIRED);
  const order = form.order === undefined ? '' : fields[form.order].trim();
  return {
    source,
    instance: fields[form.instance].trim(),
    question: first(form.question).trim(),
    answer: first(form.answer),
    order: order || null,
    values,
    warnings: rowWarnings.map((w) => w.message),
  };
}

/** A canonical field's value in a row: null when the column is missing or blank; the text is not trimmed. */
function fieldValue(fields: string[], mapping: ColumnMapping, field: CanonicalField): string | null {
  const at = mapping.index[field] ?? mapping.index[mapping.fallbacks[field]!];
  if (at === undefined) return null;
  const v = field === 'text' ? fields[at] : fields[at].trim();
  return v.trim() === '' ? null : v;
}

/** Reads and checks a row's fields other than its text; returns why it cannot be used if it cannot. */
function readValues(
  fields: string[],
  mapping: ColumnMapping,
  dateOrder: DateOrder,
  source: CanonicalRecord['source'],
  warnings: IntakeWarning[],
  required: readonly CanonicalField[],
): RecordValues | string {
  const value = (field: CanonicalField): string | null => fieldValue(fields, mapping, field);
  for (const field of required) {
    if (value(field) === null) return `${field} is empty`;
  }
  const recordDate = parseDate(value('record_date')!, dateOrder);
  if ('error' in recordDate) {
    const hint = dateOrder === 'dmy' && /^month (1[3-9]|2\d|3[01]) /.test(recordDate.error) ? ' (is the export month-first? try --date-order mdy)' : '';
    return `record_date: ${recordDate.error}${hint}`;
  }
  const optionalDate = (field: 'subject_dob' | 'recorded_at', part: 'date' | 'dateTime'): string | null => {
    const raw = value(field);
    if (raw === null) return null;
    const parsed = parseDate(raw, dateOrder);
    if ('error' in parsed) {
      warnings.push({ ...source, message: `${field} ignored: ${parsed.error}` });
      return null;
    }
    return parsed[part];
  };
  const record = Object.fromEntries(CANONICAL_FIELDS.filter((f) => f !== 'text').map((f) => [f, value(f)])) as unknown as RecordValues;
  record.record_date = recordDate.date;
  record.subject_dob = optionalDate('subject_dob', 'date');
  record.recorded_at = optionalDate('recorded_at', 'dateTime');
  const gender = record.subject_gender?.toLowerCase();
  record.subject_gender = gender ? (GENDERS[gender] ?? gender) : null;
  return record;
}
