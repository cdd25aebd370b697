/**
 * Working days (Monday to Friday, not a listed holiday) after `from` up to and including `to`
 * (both ISO dates): an entry typed the next working day is 1 working day late. 0 when `to` is
 * not after `from`.
 */
export function workingDaysAfter(from: string, to: string, holidays: ReadonlySet<string>): number {
  const start = Date.parse(from.slice(0, 10));
  const end = Date.parse(to.slice(0, 10));
  let n = 0;
  for (let t = start + 86_400_000; t <= end; t += 86_400_000) {
    const d = new Date(t);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6 && !holidays.has(d.toISOString().slice(0, 10))) n++;
  }
  return n;
}
