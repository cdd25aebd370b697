/**
 * What the duplication check keeps of each indexed record until the end of the run: its id,
 * case, date and time as numbers, and the whole record, deflated in batches of about 8 KB
 * (deflating records together compresses prose to about 40%, against 66% one by one). The text
 * is needed again only for records in candidate pairs (to verify the match and to quote the
 * flagged passage), but which records those are is known only once every record has been
 * read, and the later copy can come first in the input.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { CANONICAL_FIELDS, type CanonicalRecord } from '../../intake/record.ts';
import { f64, i32, u32 } from './columns.ts';

const BATCH_BYTES = 8 << 10;
/** Deflated batches are copied into chunks of this size (zlib's own buffers are 16 KB or more). */
const ARENA_CHUNK = 4 << 20;
/** Inflated batches kept while verifying (about 2 MB). */
const BATCH_CACHE = 256;

export class RecordStore {
  readonly recordIds: string[] = [];
  private readonly caseNumbers = new Map<string, number>();
  private readonly subjectNumbers = new Map<string, number>();
  private readonly caseOf = u32();
  private readonly subjectOf = u32();
  private readonly day = i32();
  private readonly time = f64();
  private readonly blobBatch = u32();
  private readonly blobStart = u32();
  private readonly blobLength = u32();
  private readonly arena: Buffer[] = [];
  private arenaUsed = ARENA_CHUNK;
  /** Where each deflated batch is: arena chunk, offset, length. */
  private readonly batchChunk = u32();
  private readonly batchStart = u32();
  private readonly batchLength = u32();
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private batchBytes = 0;
  private readonly inflated = new Map<number, Buffer>();

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
    this.day.push(Math.floor(Date.parse(record.record_date.slice(0, 10)) / 86_400_000));
    this.time.push(minutes(record.recorded_at));
    const row = [...CANONICAL_FIELDS.map((f) => record[f]), record.source.path, record.source.line, record.source.record, record.segments ?? null];
    const blob = Buffer.from(JSON.stringify(row));
    this.blobBatch.push(this.batchChunk.length);
    this.blobStart.push(this.pendingBytes);
    this.blobLength.push(blob.length);
    this.pending.push(blob);
    this.pendingBytes += blob.length;
    if (this.pendingBytes >= BATCH_BYTES) this.seal();
    return n;
  }

  /** Deflates the batch being filled. */
  private seal(): void {
    if (!this.pending.length) return;
    const batch = deflateRawSync(Buffer.concat(this.pending));
    if (this.arenaUsed + batch.length > ARENA_CHUNK) {
      this.arena.push(Buffer.allocUnsafeSlow(Math.max(ARENA_CHUNK, batch.length)));
      this.arenaUsed = 0;
    }
    batch.copy(this.arena[this.arena.length - 1], this.arenaUsed);
    this.batchChunk.push(this.arena.length - 1);
    this.batchStart.push(this.arenaUsed);
    this.batchLength.push(batch.length);
    this.arenaUsed += batch.length;
    this.batchBytes += batch.length;
    this.pending = [];
    this.pendingBytes = 0;
  }

  private batch(b: number): Buffer {
    let data = this.inflated.get(b);
    if (data) return data;
    const start = this.batchStart.get(b);
    data = inflateRawSync(this.arena[this.batchChunk.get(b)].subarray(start, start + this.batchLength.get(b)));
    if (this.inflated.size >= BATCH_CACHE) this.inflated.delete(this.inflated.keys().next().value!);
    this.inflated.set(b, data);
    return data;
  }

  record(n: number): CanonicalRecord {
    this.seal();
    const start = this.blobStart.get(n);
    const row = JSON.parse(this.batch(this.blobBatch.get(n)).toString('utf8', start, start + this.blobLength.get(n))) as unknown[];
    const record = Object.fromEntries(CANONICAL_FIELDS.map((f, i) => [f, row[i]])) as unknown as CanonicalRecord;
    const at = CANONICAL_FIELDS.length;
    record.source = { path: row[at] as string, line: row[at + 1] as number, record: row[at + 2] as number };
    // A form's segments, so that a flag raised at the end of the run can say which question it is in.
    if (row[at + 3]) record.segments = row[at + 3] as CanonicalRecord['segments'];
    return record;
  }

  /** Case and subject numbers, days and chronological ranks of every record, for the candidate search. */
  columns(): { caseOf: Uint32Array; subjectOf: Uint32Array; day: Int32Array; rank: Uint32Array } {
    const caseOf = this.caseOf.take();
    const subjectOf = this.subjectOf.take();
    const day = this.day.take();
    const time = this.time.take();
    const order = Uint32Array.from({ length: this.size }, (_, i) => i).sort(
      (a, b) => day[a] - day[b] || time[a] - time[b] || compare(this.recordIds[a], this.recordIds[b]) || a - b,
    );
    const rank = new Uint32Array(this.size);
    order.forEach((r, i) => (rank[r] = i));
    return { caseOf, subjectOf, day, rank };
  }

  /**
   * Bytes held for the records: the arena (allocated, of which `batchBytes` used), the pending
   * batch, the columns, and the ids (roughly: a short string is 16 bytes and its characters).
   */
  get bytes(): number {
    const columns = [this.caseOf, this.subjectOf, this.day, this.time, this.blobBatch, this.blobStart, this.blobLength, this.batchChunk, this.batchStart, this.batchLength].reduce((n, c) => n + c.bytes, 0);
    const arena = this.arena.reduce((n, c) => n + c.length, 0);
    return arena + this.pendingBytes + columns + this.recordIds.reduce((n, id) => n + 16 + id.length, 0);
  }

  /** Bytes of deflated record data (what the arena holds). */
  get deflatedBytes(): number {
    return this.batchBytes;
  }

  /** Releases the inflated batches kept while verifying. */
  clearCache(): void {
    this.inflated.clear();
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
