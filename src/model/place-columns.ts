import type { RecordPlace } from './record.ts';
import { f64, u32 } from './columns.ts';

/**
 * Records' places in their files (record.ts), kept as columns: 24 bytes a record. A record with
 * no place (read from standard input, or assembled from a form's rows) has a row of zeros and
 * `get` gives null for it.
 */
export class PlaceColumns {
  private readonly input = u32();
  private readonly offset = f64();
  private readonly length = u32();
  private readonly line = u32();
  private readonly record = u32();

  push(place: RecordPlace | null): void {
    this.input.push(place?.input ?? 0);
    this.offset.push(place?.offset ?? 0);
    // A row is at least one byte long, so 0 marks "no place".
    this.length.push(place?.bytes ?? 0);
    this.line.push(place?.line ?? 0);
    this.record.push(place?.record ?? 0);
  }

  get(n: number): RecordPlace | null {
    const bytes = this.length.get(n);
    if (bytes === 0) return null;
    return { input: this.input.get(n), offset: this.offset.get(n), bytes, line: this.line.get(n), record: this.record.get(n) };
  }

  get bytes(): number {
    return [this.input, this.offset, this.length, this.line, this.record].reduce((n, c) => n + c.bytes, 0);
  }
}
