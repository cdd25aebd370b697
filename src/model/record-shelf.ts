/**
 * Records a check may need again at the end of the run, kept as lines of JSON, deflated
 * (deflated-rows.ts), rather than as objects. A check that keeps a record in case it flags it
 * (a staleness claim, which is stale only if an event came before it, known at the end) would
 * otherwise hold the record's whole text to the end: on the benchmark export the staleness check
 * held about one record in six that way, 64 MB of 100,000 records, where the deflated line is
 * about a quarter of the text.
 */
import type { CanonicalRecord } from './record.ts';
import { DeflatedRows } from './deflated-rows.ts';

/** Records read back and kept (the last used): the same number gives the same object while it is here. */
const READ_BACK = 512;

export class RecordShelf {
  private readonly rows = new DeflatedRows();
  private last: CanonicalRecord | null = null;
  private lastNumber = -1;
  private readonly readBack = new Map<number, CanonicalRecord>();

  /** Keeps the record (once, when put again straight after); returns its number on the shelf. */
  put(record: CanonicalRecord): number {
    if (record === this.last) return this.lastNumber;
    this.last = record;
    this.lastNumber = this.rows.add(JSON.stringify(record));
    return this.lastNumber;
  }

  /** The record kept as number n: equal to the one put, field for field (a field that was undefined is absent). */
  get(n: number): CanonicalRecord {
    let record = this.readBack.get(n);
    if (record) {
      this.readBack.delete(n);
      this.readBack.set(n, record);
      return record;
    }
    record = JSON.parse(this.rows.get(n)) as CanonicalRecord;
    if (this.readBack.size >= READ_BACK) this.readBack.delete(this.readBack.keys().next().value!);
    this.readBack.set(n, record);
    return record;
  }

  /** Lets go of the records read back and the batches inflated to read them. */
  clearCache(): void {
    this.readBack.clear();
    this.rows.clearCache();
  }
}
