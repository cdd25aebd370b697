/**
 * Rows of text kept deflated, for the few that are read again at the end of the run. Rows are
 * joined a batch of about 8 KB at a time and each batch deflated on its own with a preset
 * dictionary: the first 32 KB of rows, kept as they are. Small batches keep reading one row
 * cheap; the dictionary gives them the words, names and field values of the export from the
 * start, so that they compress about as well as batches of 64 KB without it (on the benchmark
 * exports 374 bytes a record at level 4, against 530 for 8 KB batches at level 6 without one).
 *
 * On the main thread a batch is deflated by a thread of its own (deflate-thread.ts; issue #18:
 * deflating was 16% of the main thread's time), and kept as it is until the deflated batch comes
 * back, so a row reads the same whenever that happens: from the batch as it is, or inflated.
 */
import { inflateRawSync, type ZlibOptions } from 'node:zlib';
import { u32 } from './columns.ts';
import { deflater } from './deflate-thread.ts';

const DICTIONARY_BYTES = 32 << 10;
const BATCH_BYTES = 8 << 10;
const LEVEL = 4;
/** Deflated batches are copied into chunks of this size (zlib's own buffers are 16 KB or more). */
const ARENA_CHUNK = 4 << 20;
/** Batches waiting for the deflating thread at most (about 4 MB); more are deflated here. */
const MAX_WAITING = 512;
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
  /** Batches handed to zlib and not yet given back deflated, as they are. */
  private readonly raw = new Map<number, Buffer>();
  private inZlib = 0;
  private deflate: ((batch: number, data: Buffer, here?: boolean) => void) | null = null;
  private readonly whenSettled: (() => void)[] = [];

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
    let raw = 0;
    for (const data of this.raw.values()) raw += data.length;
    return this.arena.reduce((n, c) => n + c.length, 0) + (this.dictionary?.length ?? 0) + this.pendingChars + raw + columns;
  }

  get deflatedBytes(): number {
    return this.deflated;
  }

  /** Resolves once zlib has given back every batch handed to it (for tests: reading never needs to wait). */
  settled(): Promise<void> {
    return this.inZlib ? new Promise((resolve) => this.whenSettled.push(resolve)) : Promise.resolve();
  }

  /** Releases the inflated batches kept while reading rows. */
  clearCache(): void {
    this.inflated.clear();
  }

  /** Closes the batch being filled: the first becomes the dictionary, the others are deflated. */
  private seal(): void {
    const b = this.batchFirst.length;
    this.batchFirst.push(this.rows - this.pending.length);
    const data = Buffer.from(`${this.pending.join('\n')}\n`);
    this.pending = [];
    this.pendingChars = 0;
    // Where the batch is in the arena is set when zlib gives it back (zeros until then).
    [this.batchChunk, this.batchStart, this.batchLength].forEach((c) => c.push(0));
    if (!this.dictionary) {
      this.dictionary = data;
      this.options = { level: LEVEL, dictionary: data.subarray(Math.max(0, data.length - DICTIONARY_BYTES)) };
      this.deflate = deflater(this.options, (batch, deflated) => {
        // (Should zlib fail, the batch stays as it is.)
        if (deflated) {
          this.place(batch, deflated);
          this.raw.delete(batch);
        }
        if (--this.inZlib === 0) for (const resolve of this.whenSettled.splice(0)) resolve();
      });
      return;
    }
    this.raw.set(b, data);
    this.inZlib++;
    this.deflate!(b, data, this.raw.size > MAX_WAITING);
  }

  private place(b: number, batch: Buffer): void {
    if (this.arenaUsed + batch.length > ARENA_CHUNK) {
      this.arena.push(Buffer.allocUnsafeSlow(Math.max(ARENA_CHUNK, batch.length)));
      this.arenaUsed = 0;
    }
    batch.copy(this.arena[this.arena.length - 1], this.arenaUsed);
    this.batchChunk.set(b, this.arena.length - 1);
    this.batchStart.set(b, this.arenaUsed);
    this.batchLength.set(b, batch.length);
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
    let data = this.raw.get(b) ?? this.inflated.get(b);
    if (data) return data;
    const start = this.batchStart.get(b);
    data = inflateRawSync(this.arena[this.batchChunk.get(b)].subarray(start, start + this.batchLength.get(b)), { dictionary: this.options!.dictionary });
    if (this.inflated.size >= BATCH_CACHE) this.inflated.delete(this.inflated.keys().next().value!);
    this.inflated.set(b, data);
    return data;
  }
}
