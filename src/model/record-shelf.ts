/**
 * Records a check may need again at the end of the run, kept by their place in their file
 * (place-columns.ts, 24 bytes: read again by intake) or, with no place (standard input, a form),
 * as lines of JSON, deflated (deflated-rows.ts), rather than as objects. A check that keeps a
 * record in case it flags it (a staleness claim, which is stale only if an event came before it,
 * known at the end) would otherwise hold the record's whole text to the end: on the benchmark
 * export the staleness check held about one record in six that way, 64 MB of 100,000 records,
 * where the deflated line is about a quarter of the text.
 */
import type { CanonicalRecord, RecordPlace, RecordReader } from './record.ts';
import { DeflatedRows } from './deflated-rows.ts';
import { PlaceColumns } from './place-columns.ts';
import { u32 } from './columns.ts';

/** Records read back and kept (the last used): the same number gives the same object while it is here. */
const READ_BACK = 512;
const NOT_KEPT = 0xffffffff;

export class RecordShelf {
  private readonly rows = new DeflatedRows();
  /** Each record's line in `rows`, or NOT_KEPT for one kept by its place. */
  private readonly rowOf = u32();
  private readonly places = new PlaceColumns();
  private last: CanonicalRecord | null = null;
  private lastNumber = -1;
  private readonly readBack = new Map<number, CanonicalRecord>();

  /** `reader`: reads a record again from its place; without one, every record is kept deflated. */
  constructor(private readonly reader?: RecordReader) {}

  /** Keeps the record (once, when put again straight after); returns its number on the shelf. */
  put(record: CanonicalRecord, place?: RecordPlace): number {
    if (record === this.last) return this.lastNumber;
    this.last = record;
    this.lastNumber = this.rowOf.length;
    if (place && this.reader) {
      this.rowOf.push(NOT_KEPT);
      this.places.push(place);
    } else {
      this.rowOf.push(this.rows.add(JSON.stringify(record)));
      this.places.push(null);
    }
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
    const row = this.rowOf.get(n);
    record = row === NOT_KEPT ? this.reader!.read(this.places.get(n)!) : (JSON.parse(this.rows.get(row)) as CanonicalRecord);
    if (this.readBack.size >= READ_BACK) this.readBack.delete(this.readBack.keys().next().value!);
    this.readBack.set(n, record);
    return record;
  }

  /** Records kept deflated (not by place). */
  get keptRows(): number {
    return this.rows.size;
  }

  /** Lets go of the records read back and the batches inflated to read them. */
  clearCache(): void {
    this.readBack.clear();
    this.rows.clearCache();
  }
}
