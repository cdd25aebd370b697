import type { ReviewStat } from '../model/sections.ts';

/** The dismissals of a row by reason code, most first: `attributed 2, other 1`, or `-`. */
export function dismissedFor(stat: ReviewStat): string {
  const reasons = Object.entries(stat.dismissed_for).filter(([, n]) => n > 0);
  return reasons.length
    ? reasons
        .sort((a, b) => b[1] - a[1])
        .map(([code, n]) => `${code} ${n}`)
        .join(', ')
    : '-';
}

/**
 * `rules stats` for people: a line for all decisions, then a table per rule and a table per
 * label with confirmed, dismissed, the field precision (confirmed / decided) and the reasons.
 */
export function formatReviewStats(stats: ReviewStat[], files: string[]): string {
  const all = stats.find((s) => s.by === 'all');
  const out = [
    all
      ? `${all.decided} decision${all.decided === 1 ? '' : 's'} from ${files.length} file${files.length === 1 ? '' : 's'}: ${all.confirmed} confirmed, ${all.dismissed} dismissed; field precision ${all.precision.toFixed(2)}`
      : `No decisions in ${files.length === 1 ? files[0] : `${files.length} files`}.`,
  ];
  const byRule = stats.filter((s) => s.by === 'rule');
  const byLabel = stats.filter((s) => s.by === 'label');
  if (byRule.length)
    out.push(
      '',
      ...table(
        ['RULE', 'LABEL', 'CONFIRMED', 'DISMISSED', 'PRECISION', 'DISMISSED FOR'],
        byRule.map((s) => [s.key, s.label ?? '-', ...counts(s)]),
      ),
    );
  if (byLabel.length)
    out.push(
      '',
      ...table(
        ['LABEL', 'CONFIRMED', 'DISMISSED', 'PRECISION', 'DISMISSED FOR'],
        byLabel.map((s) => [s.key, ...counts(s)]),
      ),
    );
  return `${out.join('\n')}\n`;
}

const counts = (s: ReviewStat) => [String(s.confirmed), String(s.dismissed), s.precision.toFixed(2), dismissedFor(s)];

/** Text columns left-aligned, the counts right-aligned, two spaces between. */
function table(head: string[], rows: string[][]): string[] {
  const numeric = (i: number) => ['CONFIRMED', 'DISMISSED', 'PRECISION'].includes(head[i]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric(i) ? c.padStart(widths[i]) : i < cells.length - 1 ? c.padEnd(widths[i]) : c))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)];
}
