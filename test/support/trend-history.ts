import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.ts';

export const SAMPLE_EXPORT = 'fixtures/exports/liquidlogic-casenotes.csv';

/** A parsed history line, as the tests read it. */
export interface TestHistoryLine {
  as_of: string;
  records: number;
  per_100_records: { all: number; by_category: Record<string, number>; by_standard: Record<string, number>; by_team?: Record<string, number> };
  sample?: { requested: string };
  window?: { since: string | null; until: string | null };
}

/**
 * Three audits of the sample export appended to one history, out of as-of order: April sampled
 * (50% of cases), March whole, May windowed to 2023's records. Returns the folder, the history's
 * path and its lines in as-of order (March, April, May).
 */
export async function threeRunHistory(): Promise<{ dir: string; history: string; lines: TestHistoryLine[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-trend-'));
  const history = join(dir, 'history.ndjson');
  const runs = [
    ['--as-of', '2025-04-30', '--sample', '50%'],
    ['--as-of', '2025-03-31'],
    ['--as-of', '2025-05-31', '--since', '2023-01-01', '--until', '2023-12-31'],
  ];
  for (const [i, extra] of runs.entries()) {
    const r = await runCli([
      'audit',
      SAMPLE_EXPORT,
      '--format',
      'json',
      '--output',
      join(dir, `run-${i}.json`),
      '--history',
      history,
      '--fail-on',
      'never',
      '-q',
      ...extra,
    ]);
    if (r.code !== 0) throw new Error(`audit exited ${r.code}: ${r.stderr}`);
  }
  const appended = readFileSync(history, 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as TestHistoryLine);
  const lines = [appended[1], appended[0], appended[2]];
  return { dir, history, lines };
}
