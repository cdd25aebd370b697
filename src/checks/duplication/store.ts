/**
 * What the duplication check keeps of each indexed record until the end of the run: its id,
 * case, child, date and time as numbers, and a way to have the whole record again. The text is
 * needed again only for records in candidate pairs (to verify the match and to quote the
 * flagged passage), but which records those are is known only once every record has been read,
 * and the later copy can come first in the input. So the store keeps the record's place in its
 * file (24 bytes: intake reads the row again, intake/reread.ts) when intake gave one, and
 * otherwise (standard input, a form's assembled record) the whole record as a line of JSON,
 * deflated (model/deflated-rows.ts, about 375 bytes a record on the benchmark export).
 */
import { CANONICAL_FIELDS, type CanonicalRecord, type RecordPlace, type RecordReader } from '../../model/record.ts';
import { DeflatedRows } from '../../model/deflated-rows.ts';
import { f64, i32, u32 } from '../../model/columns.ts';
import { PlaceColumns } from '../../model/place-columns.ts';

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
  /** Each record's row in `rows`, or NOT_KEPT when it has a place. */
  private readonly rowOf = u32();
  /** Each record's place (none for a record kept in `rows`). */
  private readonly places = new PlaceColumns();

  /** `reader`: reads a record again from its place; without one, every record is kept deflated. */
  constructor(private readonly reader?: RecordReader) {}

  get size(): number {
    return this.recordIds.length;
  }

  /** Keeps the record (its place, when it has one and the store a reader); returns its number in the store. */
  add(record: CanonicalRecord, place?: RecordPlace): number {
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
    if (place && this.reader) {
      this.rowOf.push(NOT_KEPT);
      this.places.push(place);
      return n;
    }
    const row = [...CANONICAL_FIELDS.map((f) => record[f]), record.source.path, record.source.line, record.source.record, record.segments ?? null];
    this.rowOf.push(this.rows.add(JSON.stringify(row)));
    this.places.push(null);
    return n;
  }

  /** Record n as it was kept: its canonical fields, source (path, line, record) and a form's segments. */
  record(n: number): CanonicalRecord {
    const kept = this.rowOf.get(n);
    if (kept === NOT_KEPT) return this.reread(n);
    const row = JSON.parse(this.rows.get(kept)) as unknown[];
    const record = Object.fromEntries(CANONICAL_FIELDS.map((f, i) => [f, row[i]])) as unknown as CanonicalRecord;
    const at = CANONICAL_FIELDS.length;
    record.source = { path: row[at] as string, line: row[at + 1] as number, record: row[at + 2] as number };
    // A form's segments, so that a flag raised at the end of the run can say which question it is in.
    if (row[at + 3]) record.segments = row[at + 3] as CanonicalRecord['segments'];
    return record;
  }

  private reread(n: number): CanonicalRecord {
    const place = this.places.get(n)!;
    const read = this.reader!.read(place);
    if (read.record_id !== this.recordIds[n])
      throw new Error(
        `${read.source.path}: line ${place.line} held record '${this.recordIds[n]}' and now holds '${read.record_id}': was the file changed during the audit?`,
      );
    // The same fields as a record kept deflated, in the same order.
    const record = Object.fromEntries(CANONICAL_FIELDS.map((f) => [f, read[f]])) as unknown as CanonicalRecord;
    record.source = { path: read.source.path, line: read.source.line, record: read.source.record };
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
   * Bytes held for the records: the deflated rows (see DeflatedRows.bytes), the places and the
   * other columns, and the ids (roughly: a short string is 16 bytes and its characters).
   */
  get bytes(): number {
    const columns = [this.caseOf, this.subjectOf, this.fileOf, this.day, this.time, this.rowOf].reduce((n, c) => n + c.bytes, 0) + this.places.bytes;
    return this.rows.bytes + columns + this.recordIds.reduce((n, id) => n + 16 + id.length, 0);
  }

  /** Records kept deflated (not by place). */
  get keptRows(): number {
    return this.rows.size;
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

const NOT_KEPT = 0xffffffff;

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
