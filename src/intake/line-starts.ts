/**
 * Byte offsets of the lines of a file as it is decoded, so that a row can be read again from the
 * file at the end of the run (issue #18: the duplication check keeps each row's place instead of
 * the row). A line ends where decoding ends one: at CRLF, CR or LF (decode.ts makes each of them
 * one LF), so line n of the decoded text starts at the n-th offset kept here.
 *
 * The decoder runs ahead of the CSV parser by what the stream between them buffers, so the
 * offsets are kept from the line the reader last asked for to the last line decoded: a queue
 * that the reader empties as rows come out.
 */
export class LineStarts {
  /** Offsets of lines `first` … `first + count - 1`. */
  private starts = new Float64Array(1024);
  private head = 0;
  private count = 0;
  private first = 1;
  /** The byte offset of the code unit scanned next. */
  private offset = 0;
  /** A CR ended the last chunk: the line after it starts after it, or after an LF that follows. */
  private pendingCr = false;
  /** A UTF-16 code unit split between chunks: its first byte. */
  private oddByte = -1;
  /** The file's length, once the last chunk has been scanned. */
  end: number | null = null;

  /** `unit` 1 for single-byte and UTF-8 text, 2 for UTF-16 (`bigEndian` for UTF-16BE). */
  constructor(
    private readonly unit: 1 | 2,
    private readonly bigEndian = false,
  ) {
    this.push(0);
  }

  /** Scans the next bytes of the file, in order. */
  scan(bytes: Uint8Array): void {
    if (this.unit === 1) this.scanBytes(bytes);
    else this.scanUnits(bytes);
  }

  /** No more bytes: the file ends here. */
  finish(): void {
    if (this.pendingCr) {
      this.push(this.offset);
      this.pendingCr = false;
    }
    this.end = this.offset + (this.oddByte === -1 ? 0 : 1);
  }

  /**
   * Where line `line` starts (null when the file ends before it), forgetting every line before
   * it: lines are asked for in order.
   */
  take(line: number): number | null {
    const skip = Math.min(Math.max(0, line - this.first), this.count);
    this.head += skip;
    this.count -= skip;
    this.first += skip;
    return this.peek(line);
  }

  /** Where line `line` starts, at or after the last line taken (null when not yet scanned or past the end). */
  peek(line: number): number | null {
    const i = line - this.first;
    return i >= 0 && i < this.count ? this.starts[this.head + i] : null;
  }

  private push(offset: number): void {
    if (this.head + this.count === this.starts.length) {
      if (this.head >= this.starts.length / 2) this.starts.copyWithin(0, this.head, this.head + this.count);
      else {
        const grown = new Float64Array(this.starts.length * 2);
        grown.set(this.starts.subarray(this.head, this.head + this.count));
        this.starts = grown;
      }
      this.head = 0;
    }
    this.starts[this.head + this.count++] = offset;
  }

  private scanBytes(bytes: Uint8Array): void {
    const base = this.offset;
    let i = 0;
    if (this.pendingCr && bytes.length) {
      this.pendingCr = false;
      if (bytes[0] === 10) i = 1;
      this.push(base + i);
    }
    // Line endings found with indexOf (memchr), not byte by byte: CRLF files are the usual export.
    let lf = bytes.indexOf(10, i);
    let cr = bytes.indexOf(13, i);
    while (cr !== -1) {
      if (lf !== -1 && lf < cr) {
        this.push(base + lf + 1);
        lf = bytes.indexOf(10, lf + 1);
        continue;
      }
      if (cr + 1 === bytes.length) {
        this.pendingCr = true;
        break;
      }
      if (bytes[cr + 1] === 10) {
        this.push(base + cr + 2);
        lf = bytes.indexOf(10, cr + 2);
      } else this.push(base + cr + 1);
      cr = bytes.indexOf(13, cr + 1);
    }
    if (cr === -1) for (; lf !== -1; lf = bytes.indexOf(10, lf + 1)) this.push(base + lf + 1);
    this.offset += bytes.length;
  }

  private scanUnits(bytes: Uint8Array): void {
    let i = 0;
    let at = this.offset;
    if (this.oddByte !== -1 && bytes.length) {
      this.unitAt(at, this.oddByte, bytes[0]);
      this.oddByte = -1;
      at += 2;
      i = 1;
    }
    for (; i + 1 < bytes.length; i += 2, at += 2) this.unitAt(at, bytes[i], bytes[i + 1]);
    if (i < bytes.length) this.oddByte = bytes[i];
    this.offset = at;
  }

  /** One UTF-16 code unit at byte offset `at`. */
  private unitAt(at: number, b0: number, b1: number): void {
    const code = this.bigEndian ? (b0 << 8) | b1 : b0 | (b1 << 8);
    if (this.pendingCr) {
      this.pendingCr = false;
      if (code === 10) {
        this.push(at + 2);
        return;
      }
      this.push(at);
    }
    if (code === 10) this.push(at + 2);
    else if (code === 13) this.pendingCr = true;
  }
}
