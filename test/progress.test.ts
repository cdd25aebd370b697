import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProgressLine } from '../src/cli/progress.ts';

describe('the progress line', () => {
  afterEach(() => vi.useRealTimers());

  it('shows records, rate, share of bytes and time left, at most five times a second, and clears itself', () => {
    vi.useFakeTimers({ now: 0 });
    const out: string[] = [];
    const line = new ProgressLine((s) => out.push(s), 1000);
    vi.setSystemTime(1000);
    line.update(500, 250);
    vi.setSystemTime(1100);
    line.update(550, 275); // within 200 ms of the last draw: not drawn
    vi.setSystemTime(2000);
    line.update(1000, 500);
    line.done();
    expect(out).toEqual([
      `\r${'█'.repeat(6)}${'░'.repeat(18)}  25%  500 records  500/s  3s left\x1b[K`,
      `\r${'█'.repeat(12)}${'░'.repeat(12)}  50%  1,000 records  500/s  2s left\x1b[K`,
      '\r\x1b[K',
    ]);
  });

  it('is not drawn at all when not on a terminal or under CI (the audit command never creates it then)', async () => {
    const { runCli } = await import('./support/run-cli.ts');
    const r = await runCli(['audit', 'fixtures/exports/liquidlogic-casenotes.csv', '--format', 'json', '--fail-on', 'never'], { env: { CI: 'true' } });
    expect(r.stderr).not.toContain('\r');
  });
});
