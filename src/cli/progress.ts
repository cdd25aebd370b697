/**
 * A progress line on stderr for long runs at a terminal: records, records per second, share of
 * bytes read and time left. Redrawn at most five times a second; cleared at the end.
 */
export class ProgressLine {
  private started = Date.now();
  private last = 0;

  constructor(
    private readonly write: (s: string) => void,
    private readonly totalBytes: number,
  ) {}

  update(rows: number, bytes: number): void {
    const now = Date.now();
    if (now - this.last < 200) return;
    this.last = now;
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? rows / seconds : 0;
    const share = this.totalBytes > 0 ? Math.min(1, bytes / this.totalBytes) : 0;
    const left = share > 0.01 ? (seconds / share) * (1 - share) : NaN;
    const width = 24;
    const bar = '█'.repeat(Math.round(share * width)).padEnd(width, '░');
    const eta = Number.isFinite(left) ? `${Math.ceil(left)}s left` : '';
    this.write(
      `\r${bar} ${(share * 100).toFixed(0).padStart(3)}%  ${rows.toLocaleString('en-GB')} records  ${Math.round(rate).toLocaleString('en-GB')}/s  ${eta}\x1b[K`,
    );
  }

  done(): void {
    if (this.last) this.write('\r\x1b[K');
  }
}
