import { appendFileSync, readFileSync } from 'node:fs';
import { describeCode, UserError } from '../model/errors.ts';
import type { Report } from './build-report.ts';

/** One line of an audit history: enough to compare runs, no case content. */
export interface HistoryLine {
  as_of: string;
  inputs: { path: string; sha256: string }[];
  records: number;
  cases: number;
  flags: number;
  per_100_records: { all: number; by_category: Record<string, number>; by_standard: Record<string, number> };
  /** The run audited a --sample: its rates describe the cases sampled, not every case. */
  sample?: { requested: string; seed: string; cases_selected: number; cases_total: number };
  /** The run reported on a window (--since / --until): its rates are the window's records'. */
  window?: { since: string | null; until: string | null };
}

export function historyLine(report: Report): HistoryLine {
  return {
    as_of: report.run.as_of,
    inputs: report.inputs.map((i) => ({ path: i.path, sha256: i.sha256 })),
    records: report.summary.records_audited,
    cases: report.summary.cases_audited,
    flags: report.summary.flags,
    per_100_records: report.summary.rates.per_100_records,
    ...(report.run.sample && { sample: report.run.sample }),
    ...(report.run.window && { window: { since: report.run.window.since, until: report.run.window.until } }),
  };
}

export function appendHistory(path: string, report: Report): void {
  try {
    appendFileSync(path, JSON.stringify(historyLine(report)) + '\n', { mode: 0o600 });
  } catch (err) {
    throw new UserError(`cannot append to --history ${path}: ${describeCode((err as NodeJS.ErrnoException).code)}`);
  }
}

export function readHistory(path: string): HistoryLine[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UserError(`${path}: no such history file`);
  }
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((line, i) => {
      try {
        return JSON.parse(line) as HistoryLine;
      } catch {
        throw new UserError(`${path}:${i + 1}: not a history line (expected one JSON object per line)`);
      }
    });
}

/** The series as a table: flags per 100 records overall and by category, with the change since the previous run and the first. */
export function formatTrend(history: HistoryLine[]): string {
  if (!history.length) return 'No runs in the history yet.\n';
  // In as-of order, whatever order the runs were appended in (a month audited late); stable,
  // so two runs of one date keep the order they were run in.
  const lines = [...history].sort((a, b) => a.as_of.localeCompare(b.as_of));
  const sampled = lines.some((l) => l.sample);
  const categories = [...new Set(lines.flatMap((l) => Object.keys(l.per_100_records.by_category)))].sort();
  const head = ['as of', ...(sampled ? ['sample'] : []), 'records', 'flags/100', 'vs previous', 'vs first', ...categories.map((c) => `${c}/100`)];
  const sign = (n: number) => (n > 0 ? `+${n.toFixed(2)}` : n.toFixed(2));
  const rows = lines.map((l, i) => [
    l.as_of,
    ...(sampled ? [l.sample ? `${l.sample.requested} (${l.sample.cases_selected}/${l.sample.cases_total} cases)` : 'all'] : []),
    String(l.records),
    l.per_100_records.all.toFixed(2),
    i ? sign(l.per_100_records.all - lines[i - 1].per_100_records.all) : '',
    i ? sign(l.per_100_records.all - lines[0].per_100_records.all) : '',
    ...categories.map((c) => (l.per_100_records.by_category[c] ?? 0).toFixed(2)),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  const note = sampled ? '\nSampled runs describe the cases in their sample: compare them with care against runs of every case.\n' : '';
  return [line(head), ...rows.map(line)].join('\n') + '\n' + note;
}
