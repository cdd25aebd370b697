/** Append-only numeric columns kept in fixed-size typed-array chunks (no doubling, no holes). */

type Typed = Uint32Array | Int32Array | Float64Array;
const CHUNK = 1 << 16;

export class Column<T extends Typed> {
  private readonly chunks: T[] = [];
  length = 0;

  constructor(private readonly make: (n: number) => T) {}

  push(value: number): void {
    const at = this.length % CHUNK;
    if (at === 0) this.chunks.push(this.make(CHUNK));
    this.chunks[this.chunks.length - 1][at] = value;
    this.length++;
  }

  /** Sets a value already pushed. */
  set(i: number, value: number): void {
    this.chunks[Math.floor(i / CHUNK)][i % CHUNK] = value;
  }

  get(i: number): number {
    return this.chunks[Math.floor(i / CHUNK)][i % CHUNK];
  }

  /** The values, a chunk at a time (the last one only as far as it is filled), for a loop over all of them. */
  get parts(): T[] {
    return this.chunks.map((c, i) => c.subarray(0, Math.min(CHUNK, this.length - i * CHUNK)) as T);
  }

  /** One contiguous array of the values; the chunks are released. */
  take(): T {
    const out = this.make(this.length);
    this.chunks.forEach((c, i) => out.set(c.subarray(0, Math.min(CHUNK, this.length - i * CHUNK)) as never, i * CHUNK));
    this.clear();
    return out;
  }

  /** Releases the values. */
  clear(): void {
    this.chunks.length = 0;
    this.length = 0;
  }

  /** Bytes held. */
  get bytes(): number {
    return this.chunks.reduce((n, c) => n + c.byteLength, 0);
  }
}

export const u32 = () => new Column((n) => new Uint32Array(n));
export const i32 = () => new Column((n) => new Int32Array(n));
export const f64 = () => new Column((n) => new Float64Array(n));
