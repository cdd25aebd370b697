/**
 * How long the main thread is held (the longest a Ctrl-C waits) where one item is very large,
 * and what reading back a JSON report longer than a string can be costs:
 *
 * - auditing one very long note (10 MB and 50 MB of sentences, a label at the very end), with
 *   `--jobs 1` (every check on the main thread) and `--jobs 2` (only the export-wide ones);
 * - the JSON report of 5,000 notes with 101 labels each (505,000 flags, about 830 MB: longer
 *   than the longest string, about 512 M characters) read back as `--baseline` (by an audit of
 *   a small export) and as the one part of a `merge`.
 *
 * Each command runs under bench/event-loop-holds.mjs (a timer due every 10 ms; how late it
 * fires is how long the thread was held). `npm run bench -- --holds-only`.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface HoldRun {
  name: string;
  wall_s: number;
  peak_rss_mb: number | null;
  longest_hold_ms: number | null;
  exit_code: number | null;
}

type Measure = (
  cmd: string,
  args: string[],
  timeoutMs: number,
) => Promise<{ code: number | null; wall_s: number; peak_rss_mb: number | null; stderr: string; timed_out: boolean }>;

/** A CSV export of one note of about `mb` MB of plain sentences, a label at its very end, and one short note. */
function longNote(path: string, mb: number): void {
  const sentence = 'Visited the family at home. The children were seen together and then alone in their bedrooms, which were warm and tidy. ';
  const chunk = sentence.repeat(1000);
  const parts = ['record_id,case_id,record_date,text\r\nBIG-1,C-1,01/02/2024,"'];
  for (let length = 0; length < mb * 2 ** 20; length += chunk.length) parts.push(chunk);
  parts.push('Mother is aggressive."\r\nSMALL-1,C-1,02/02/2024,Seen at school.\r\n');
  writeFileSync(path, parts.join(''));
}

/** The export test/large-reports.test.ts audits: 5,000 notes, each the same labelled sentence 101 times. */
function manyLabels(path: string): void {
  const rows = ['record_id|case_id|subject_name|record_date|author|text'];
  for (let i = 0; i < 5000; i++) {
    rows.push(
      `R${i}|C${Math.floor(i / 10)}|Child ${Math.floor(i / 10)}|2024-01-${String((i % 28) + 1).padStart(2, '0')}|A Worker|${Array(101).fill('Mum was aggressive.').join(' ')}`,
    );
  }
  writeFileSync(path, `${rows.join('\n')}\n`);
}

export async function holdsTable(
  root: string,
  bin: string,
  data: string,
  measure: Measure,
  log: (s: string) => void,
): Promise<{ runs: HoldRun[]; report_bytes: number }> {
  mkdirSync(data, { recursive: true });
  const runs: HoldRun[] = [];
  const held = async (name: string, args: string[]) => {
    log(`holds: ${name}…`);
    const m = await measure(process.execPath, ['--import', join(root, 'bench/event-loop-holds.mjs'), bin, ...args], 30 * 60_000);
    const longest = /event-loop-holds: \d+ over \d+ ms; longest (\d+)/.exec(m.stderr);
    runs.push({
      name,
      wall_s: Math.round(m.wall_s * 10) / 10,
      peak_rss_mb: m.peak_rss_mb === null ? null : Math.round(m.peak_rss_mb),
      longest_hold_ms: longest ? Number(longest[1]) : /longest none/.test(m.stderr) ? 0 : null,
      exit_code: m.timed_out ? null : m.code,
    });
  };
  const common = ['--format', 'json', '--fail-on', 'never', '--as-of', '2025-06-30', '--quiet'];
  for (const mb of [10, 50]) {
    const path = join(data, `long-note-${mb}mb.csv`);
    if (!existsSync(path)) longNote(path, mb);
    for (const jobs of [1, 2])
      await held(`audit one ${mb} MB note, --jobs ${jobs}`, ['audit', path, ...common, '--output', join(data, 'long-note.json'), '--jobs', String(jobs)]);
  }
  const many = join(data, 'many-labels.csv');
  if (!existsSync(many)) manyLabels(many);
  const report = join(data, 'many-labels.json');
  await held('audit 5,000 notes, 505,000 flags, to JSON', [
    'audit',
    many,
    '--no-default-rules',
    '-r',
    join(root, 'rules/labels.rules.yaml'),
    ...common,
    '--output',
    report,
  ]);
  await held('read that report back as --baseline (auditing a 45-record export)', [
    'audit',
    join(root, 'fixtures/exports/liquidlogic-casenotes.csv'),
    ...common,
    '--baseline',
    report,
    '--output',
    join(data, 'against-baseline.json'),
  ]);
  await held('merge that report (one part)', ['merge', report, '--output', join(data, 'merged.json')]);
  return { runs, report_bytes: statSync(report).size };
}

export function holdsMarkdown(t: { runs: HoldRun[]; report_bytes: number }): string {
  return [
    `Main-thread holds (longest, from bench/event-loop-holds.mjs); the 505,000-flag JSON report is ${Math.round(t.report_bytes / 1e6)} MB:`,
    '',
    '| command | wall s | peak RSS MB | longest hold ms | exit |',
    '|---|---:|---:|---:|---:|',
    ...t.runs.map((r) => `| ${r.name} | ${r.wall_s} | ${r.peak_rss_mb ?? '–'} | ${r.longest_hold_ms ?? '–'} | ${r.exit_code ?? 'stopped'} |`),
    '',
  ].join('\n');
}
