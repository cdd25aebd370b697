/** The canonical record: one row of any export, whatever its system called the columns. */
export interface CanonicalRecord {
  record_id: string;
  case_id: string;
  subject_id: string | null;
  subject_name: string | null;
  /** ISO date, YYYY-MM-DD. */
  subject_dob: string | null;
  /** `male`, `female`, or the export's own value lower-cased. */
  subject_gender: string | null;
  /** ISO date of the event or observation, YYYY-MM-DD. */
  record_date: string;
  /** ISO date-time when the record was typed, YYYY-MM-DDTHH:MM (or a date alone). */
  recorded_at: string | null;
  author: string | null;
  team: string | null;
  record_type: string | null;
  /** The free text as the auditor sees it: plain text, converted from HTML or RTF when the export held mark-up. */
  text: string;
  /** Where the row came from. */
  source: RecordSource;
  /**
   * For a record assembled from a form-shaped export: which part of `text` holds which
   * question's answer (heading and answer), in text order. Absent for one-row records.
   */
  segments?: TextSegment[];
  /** The mark-up `text` was converted from (`html`, `rtf`, or both for a form); absent for plain text. */
  markup?: ('html' | 'rtf')[];
}

/** A stretch of an assembled record's text and the question and source line it came from. */
export interface TextSegment {
  /** Offsets in the record's text, as for a flag's span (end exclusive). */
  start: number;
  end: number;
  /** The question (or control name) the answer was given to. */
  label: string;
  /** Physical line of the answer's row in the export. */
  line: number;
}

export interface RecordSource {
  path: string;
  /** Physical line on which the record starts (1-based, header is line 1). */
  line: number;
  /** Data-record number (1-based, header not counted). */
  record: number;
  /**
   * For a record assembled from several rows (a form): every row it holds, in file order,
   * answered or not. `line` and `record` above are those of the first.
   */
  rows?: { line: number; record: number }[];
}

/**
 * Where a one-row record's row is in its input file, so that it can be read again at the end of
 * the run instead of being kept (issue #18): given by intake for a file it can read again.
 */
export interface RecordPlace {
  /** The input file, numbered by the reader that gave the place. */
  input: number;
  /** Byte offset of the row's first line, and its length to the start of the line after its last. */
  offset: number;
  bytes: number;
  /** The record's `source.line` and `source.record`. */
  line: number;
  record: number;
}

/** Reads a record again from its place: the record as intake first made it. */
export interface RecordReader {
  read(place: RecordPlace): CanonicalRecord;
}

export const CANONICAL_FIELDS = [
  'record_id',
  'case_id',
  'subject_id',
  'subject_name',
  'subject_dob',
  'subject_gender',
  'record_date',
  'recorded_at',
  'author',
  'team',
  'record_type',
  'text',
] as const;

export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

export const REQUIRED_FIELDS: readonly CanonicalField[] = ['record_id', 'case_id', 'record_date', 'text'];

export interface RejectedRow {
  path: string;
  line: number;
  record: number;
  reason: string;
}

/** What one input file held. Filled in while the file is read. */
export interface InputSummary {
  path: string;
  sha256: string;
  profile: string;
  encoding: string;
  delimiter: string;
  rows_read: number;
  rows_audited: number;
  rows_rejected: number;
  /** Valid rows whose case was not in the --sample: rows_read = rows_audited + rows_rejected + rows_outside_sample. */
  rows_outside_sample: number;
}

/** A value the row had that could not be used, though the row itself was audited. */
export interface IntakeWarning {
  path: string;
  line: number;
  record: number;
  message: string;
}
