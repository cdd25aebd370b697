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
  text: string;
  /** Where the row came from. */
  source: RecordSource;
}

export interface RecordSource {
  path: string;
  /** Physical line on which the record starts (1-based, header is line 1). */
  line: number;
  /** Data-record number (1-based, header not counted). */
  record: number;
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
