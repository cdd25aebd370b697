/**
 * What the duplication check keeps of each indexed record until the end of the run: its id,
 * case, child, date and time as numbers, and the whole record as a line of JSON, deflated (see
 * model/deflated-rows.ts). The text is needed again only for records in candidate pairs (to verify the
 * match and to quote the flagged passage), but which records those are is known only once
 * every record has been read, and the later copy can come first in the input.
 */
import { CANONICAL_FIELDS, type CanonicalRecord } from '../../model/record.ts';
import { DeflatedRows } from '../../model/deflated-rows.ts';
import { f64, i32, u32 } from '../../model/columns.ts';

export class RecordStore {
  readonly recordIds: string[] = [];
  private readonly caseNumbers = new Map<string, number>();
  private readonly subjectNumbers = new Map<string, number>();
  private readonly fileNumbers = new Map<string, number>();
  private readonly fileOf = u32();
  private readonly caseOf = u32();
  private readonly subjectOf = u32();
  private readonly day = i32();
  private readonly time = f64();
  private readonly rows = new DeflatedRows();

  get size(): number {
    return this.recordIds.length;
  }

  /** Keeps the record; returns its number in the store. */
  add(record: CanonicalRecord): number {
    const n = this.recordIds.length;
    this.recordIds.push(record.record_id);
    let c = this.caseNumbers.get(record.case_id);
    if (c === undefined) this.caseNumbers.set(record.case_id, (c = this.caseNumbers.size));
    this.caseOf.push(c);
    const subject = record.subject_id ? `id\u0000${record.subject_id}` : `case\u0000${record.case_id}\u0000${record.subject_name?.trim().toLowerCase() ?? ''}`;
    let p = this.subjectNumbers.get(subject);
    if (p === undefined) this.subjectNumbers.set(subject, (p = this.subjectNumbers.size));
    this.subjectOf.push(p);
    let f = this.fileNumbers.get(record.source.path);
    if (f === undefined) this.fileNumbers.set(record.source.path, (f = this.fileNumbers.size));
    this.fileOf.push(f);
    this.day.push(Math.floor(Date.parse(record.record_date.slice(0, 10)) / 86_400_000));
    this.time.push(minutes(record.recorded_at));
    const row = [...CANONICAL_FIELDS.map((f) => record[f]), record.source.path, record.source.line, record.source.record, record.segments ?? null];
    this.rows.add(JSON.stringify(row));
    return n;
  }

  record(n: number): CanonicalRecord {
    const row = JSON.parse(this.rows.get(n)) as unknown[];
    const record = Object.fromEntries(CANONICAL_FIELDS.map((f, i) => [f, row[i]])) as unknown as CanonicalRecord;
    const at = CANONICAL_FIELDS.length;
    record.source = { path: row[at] as string, line: row[at + 1] as number, record: row[at + 2] as number };
    // A form's segments, so that a flag raised at the end of the run can say which question it is in.
    if (row[at + 3]) record.segments = row[at + 3] as CanonicalRecord['segments'];
    return record;
  }

  /** Case, subject and input file numbers, days and chronological ranks of every record, for the candidate search. */
  columns(): { caseOf: Uint32Array; subjectOf: Uint32Array; fileOf: Uint32Array; day: Int32Array; rank: Uint32Array } {
    const caseOf = this.caseOf.take();
    const fileOf = this.fileOf.take();
    const subjectOf = this.subjectOf.take();
    const day = this.day.take();
    const time = this.time.take();
    const order = Uint32Array.from({ length: this.size }, (_, i) => i).sort(
      (a, b) => day[a] - day[b] || time[a] - time[b] || compare(this.recordIds[a], this.recordIds[b]) || a - b,
    );
    const rank = new Uint32Array(this.size);
    order.forEach((r, i) => (rank[r] = i));
    return { caseOf, subjectOf, fileOf, day, rank };
  }

  /**
   * Bytes held for the records: the deflated rows (see DeflatedRows.bytes), the columns, and
   * the ids (roughly: a short string is 16 bytes and its characters).
   */
  get bytes(): number {
    const columns = [this.caseOf, this.subjectOf, this.fileOf, this.day, this.time].reduce((n, c) => n + c.bytes, 0);
    return this.rows.bytes + columns + this.recordIds.reduce((n, id) => n + 16 + id.length, 0);
  }

  /** Bytes of deflated record data (what the arena holds). */
  get deflatedBytes(): number {
    return this.rows.deflatedBytes;
  }

  /** Releases the inflated batches kept while verifying. */
  clearCache(): void {
    this.rows.clearCache();
  }
}

/** Minutes of an ISO date-time; a date alone sorts before any time that day, no time before all. */
function minutes(at: string | null): number {
  if (!at) return -Infinity;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(at);
  if (!m) return -Infinity;
  const base = Date.UTC(+m[1], +m[2] - 1, +m[3]) / 60_000;
  return m[4] === undefined ? base - 0.5 : base + +m[4] * 60 + +m[5];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
