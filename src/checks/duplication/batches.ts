/**
 * Rows of text kept deflated, for the few that are read again at the end of the run. Rows are
 * joined a batch of about 8 KB at a time and each batch deflated on its own with a preset
 * dictionary: the first 32 KB of rows, kept as they are. Small batches keep reading one row
 * cheap; the dictionary gives them the words, names and field values of the export from the
 * start, so that they compress about as well as batches of 64 KB without it (on the benchmark
 * exports 374 bytes a record at level 4, against 530 for 8 KB batches at level 6 without one).
 */
import { deflateRawSync, inflateRawSync, type ZlibOptions } from 'node:zlib';
import { u32 } from './columns.ts';

const DICTIONARY_BYTES = 32 << 10;
const BATCH_BYTES = 8 << 10;
const LEVEL = 4;
/** Deflated batches are copied into chunks of this size (zlib's own buffers are 16 KB or more). */
const ARENA_CHUNK = 4 << 20;
/** Inflated batches kept while verifying (about 2 MB). */
const BATCH_CACHE = 256;

export class DeflatedRows {
  private rows = 0;
  /** The rows of the batch being filled. */
  private pending: string[] = [];
  private pendingChars = 0;
  /** Each batch's first row. */
  private readonly batchFirst = u32();
  /** Where each batch is in the arena: chunk, offset, length (zeros for the first, kept as it is). */
  private readonly batchChunk = u32();
  private readonly batchStart = u32();
  private readonly batchLength = u32();
  /** The first batch, kept as it is: the dictionary of the others. */
  private dictionary: Buffer | null = null;
  private options: ZlibOptions | null = null;
  private readonly arena: Buffer[] = [];
  private arenaUsed = ARENA_CHUNK;
  private deflated = 0;
  private readonly inflated = new Map<number, Buffer>();

  get size(): number {
    return this.rows;
  }

  /** Keeps a row (no line breaks in it); returns its number. */
  add(row: string): number {
    this.pending.push(row);
    this.pendingChars += row.length + 1;
    const n = this.rows++;
    if (this.pendingChars >= (this.options ? BATCH_BYTES : DICTIONARY_BYTES)) this.seal();
    return n;
  }

  get(n: number): string {
    const firstPending = this.rows - this.pending.length;
    if (n >= firstPending) return this.pending[n - firstPending];
    const b = this.batchOf(n);
    const data = this.batch(b);
    let start = 0;
    for (let k = n - this.batchFirst.get(b); k > 0; k--) start = data.indexOf(10, start) + 1;
    return data.toString('utf8', start, data.indexOf(10, start));
  }

  /** Bytes held: the arena (allocated, of which `deflatedBytes` used), the dictionary, the pending rows, the columns. */
  get bytes(): number {
    const columns = [this.batchFirst, this.batchChunk, this.batchStart, this.batchLength].reduce((n, c) => n + c.bytes, 0);
    return this.arena.reduce((n, c) => n + c.length, 0) + (this.dictionary?.length ?? 0) + this.pendingChars + columns;
  }

  get deflatedBytes(): number {
    return this.deflated;
  }

  /** Releases the inflated batches kept while reading rows. */
  clearCache(): void {
    this.inflated.clear();
  }

  /** Closes the batch being filled: the first becomes the dictionary, the others are deflated. */
  private seal(): void {
    this.batchFirst.push(this.rows - this.pending.length);
    const data = Buffer.from(`${this.pending.join('\n')}\n`);
    this.pending = [];
    this.pendingChars = 0;
    if (!this.dictionary) {
      [this.batchChunk, this.batchStart, this.batchLength].forEach((c) => c.push(0));
      this.dictionary = data;
      this.options = { level: LEVEL, dictionary: data.subarray(Math.max(0, data.length - DICTIONARY_BYTES)) };
    } else this.place(deflateRawSync(data, this.options!));
  }

  private place(batch: Buffer): void {
    if (this.arenaUsed + batch.length > ARENA_CHUNK) {
      this.arena.push(Buffer.allocUnsafeSlow(Math.max(ARENA_CHUNK, batch.length)));
      this.arenaUsed = 0;
    }
    batch.copy(this.arena[this.arena.length - 1], this.arenaUsed);
    this.batchChunk.push(this.arena.length - 1);
    this.batchStart.push(this.arenaUsed);
    this.batchLength.push(batch.length);
    this.arenaUsed += batch.length;
    this.deflated += batch.length;
  }

  /** The batch holding row n (the last whose first row is at most n). */
  private batchOf(n: number): number {
    let [low, high] = [0, this.batchFirst.length - 1];
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.batchFirst.get(mid) <= n) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private batch(b: number): Buffer {
    if (b === 0) return this.dictionary!;
    let data = this.inflated.get(b);
    if (data) return data;
    const start = this.batchStart.get(b);
    data = inflateRawSync(this.arena[this.batchChunk.get(b)].subarray(start, start + this.batchLength.get(b)), { dictionary: this.options!.dictionary });
    if (this.inflated.size >= BATCH_CACHE) this.inflated.delete(this.inflated.keys().next().value!);
    this.inflated.set(b, data);
    return data;
  }
}
