/**
 * The audit window (`--since` / `--until`): flags are reported only on records dated in it,
 * while every record of each case is still read for context (label histories, staleness
 * events, the sources of copies). A flag belongs to the window by its own record's
 * `record_date`; both ends are inclusive and either may be left open.
 */

/** The window as asked for: ISO dates (YYYY-MM-DD), null for an open end. */
export interface WindowDates {
  since: string | null;
  until: string | null;
}

/** The window as the report records it (`run.window`). */
export interface WindowInfo extends WindowDates {
  /** Records dated in the window: the records audited, and the denominator of every rate. */
  records_in_window: number;
  /** Records outside the window, read only for the context of the records in it. */
  records_read_for_context: number;
}

/** Whether a record dated `date` (YYYY-MM-DD) is in the window. ISO dates compare as strings. */
export function inWindow(date: string, window: WindowDates): boolean {
  return (window.since === null || date >= window.since) && (window.until === null || date <= window.until);
}

/** Why a window is not one, or undefined when it is (`since` after `until` is empty). */
export function windowProblem(window: WindowDates): string | undefined {
  if (window.since && window.until && window.since > window.until) {
    return `--since ${window.since} is after --until ${window.until}: the window would hold no day`;
  }
  return undefined;
}

/** The window in words: `2023-06-01 to 2023-09-30`, `from 2023-06-01`, `up to 2023-09-30`. */
export function describeWindow(window: WindowDates): string {
  if (window.since && window.until) return `${window.since} to ${window.until}`;
  if (window.since) return `from ${window.since}`;
  return `up to ${window.until}`;
}

/** Whether two windows are the same days (absent is no window). */
export function sameWindow(a: WindowDates | undefined, b: WindowDates | undefined): boolean {
  return (a?.since ?? null) === (b?.since ?? null) && (a?.until ?? null) === (b?.until ?? null);
}
