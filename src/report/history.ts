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
  /**
   * Flags per 100 records audited. `by_team` (a team's flags per 100 of its records audited) is
   * written since the trend charts; lines written before it have none, and are read as such.
   */
  per_100_records: { all: number; by_category: Record<string, number>; by_standard: Record<string, number>; by_team?: Record<string, number> };
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
    per_100_records: { ...report.summary.rates.per_100_records, ...teamRates(report) },
    ...(report.run.sample && { sample: report.run.sample }),
    ...(report.run.window && { window: { since: report.run.window.since, until: report.run.window.until } }),
  };
}

/** Each team's flags per 100 of its records audited, from the report's rates (absent in a report that has none). */
function teamRates(report: Report): { by_team?: Record<string, number> } {
  const byTeam = (report.summary.rates as { by_team?: Record<string, { per_100_records?: unknown }> }).by_team;
  if (!byTeam || typeof byTeam !== 'object') return {};
  return {
    by_team: Object.fromEntries(
      Object.entries(byTeam)
        .filter(([, r]) => typeof r?.per_100_records === 'number')
        .map(([team, r]) => [team, r.per_100_records as number]),
    ),
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
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        throw new UserError(`${path}:${i + 1}: not a history line (expected one JSON object per line)`);
      }
      const problem = historyLineProblem(parsed);
      if (problem) throw new UserError(`${path}:${i + 1}: not a history line: ${problem}`);
      return parsed as HistoryLine;
    });
}

/** What makes a parsed line unusable as a history line, or undefined. Old lines (no `by_team`) are fine. */
function historyLineProblem(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'expected a JSON object';
  const l = value as Record<string, unknown>;
  if (typeof l.as_of !== 'string') return 'no as_of date';
  const rates = l.per_100_records as Record<string, unknown> | undefined;
  if (!rates || typeof rates !== 'object' || typeof rates.all !== 'number') return 'no per_100_records.all';
  for (const key of ['by_category', 'by_standard', 'by_team']) {
    const group = rates[key];
    if (group === undefined && key === 'by_team') continue;
    if (!group || typeof group !== 'object' || Array.isArray(group) || Object.values(group).some((v) => typeof v !== 'number'))
      return `per_100_records.${key} is not a map of numbers`;
  }
  return undefined;
}

/** The runs in as-of order, whatever order they were appended in (stable: two runs of one date keep the order they were run in). */
export function inAsOfOrder(history: HistoryLine[]): HistoryLine[] {
  return [...history].sort((a, b) => a.as_of.localeCompare(b.as_of));
}

/**
 * The run a new run of `asOf` compares with: the last of the history in as-of order dated on or
 * before it (a run of the same date earlier counts), or undefined.
 */
export function previousRun(history: HistoryLine[], asOf: string): HistoryLine | undefined {
  return inAsOfOrder(history)
    .filter((l) => l.as_of <= asOf)
    .at(-1);
}

/** The series as a table: flags per 100 records overall and by category, with the change since the previous run and the first. */
export function formatTrend(history: HistoryLine[]): string {
  if (!history.length) return 'No runs in the history yet.\n';
  // In as-of order, whatever order the runs were appended in (a month audited late).
  const lines = inAsOfOrder(history);
  const sampled = lines.some((l) => l.sample);
  const windowed = lines.some((l) => l.window);
  const categories = [...new Set(lines.flatMap((l) => Object.keys(l.per_100_records.by_category)))].sort();
  const head = [
    'as of',
    ...(sampled ? ['sample'] : []),
    ...(windowed ? ['window'] : []),
    'records',
    'flags/100',
    'vs previous',
    'vs first',
    ...categories.map((c) => `${c}/100`),
  ];
  const sign = (n: number) => (n > 0 ? `+${n.toFixed(2)}` : n.toFixed(2));
  const rows = lines.map((l, i) => [
    l.as_of,
    ...(sampled ? [l.sample ? `${l.sample.requested} (${l.sample.cases_selected}/${l.sample.cases_total} cases)` : 'all'] : []),
    ...(windowed ? [l.window ? windowText(l.window) : 'all dates'] : []),
    String(l.records),
    l.per_100_records.all.toFixed(2),
    i ? sign(l.per_100_records.all - lines[i - 1].per_100_records.all) : '',
    i ? sign(l.per_100_records.all - lines[0].per_100_records.all) : '',
    ...categories.map((c) => (l.per_100_records.by_category[c] ?? 0).toFixed(2)),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const textColumns = 1 + (sampled ? 1 : 0) + (windowed ? 1 : 0);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < textColumns ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  const windowNote = windowed ? '\nWindowed runs (--since / --until) count only the records dated in their window.\n' : '';
  const note = sampled ? '\nSampled runs describe the cases in their sample: compare them with care against runs of every case.\n' : '';
  return [line(head), ...rows.map(line)].join('\n') + '\n' + note + windowNote;
}

/** A run's window as text: "2025-05-01 to 2025-05-31", an open end as "the start" or "the end". */
export function windowText(w: { since: string | null; until: string | null }): string {
  return `${w.since ?? 'the start'} to ${w.until ?? 'the end'}`;
}
