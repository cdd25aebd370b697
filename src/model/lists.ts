/**
 * List helpers safe at any size. `list.push(...items)` and `Math.max(...items)` pass every item
 * as a call argument, and past about 100,000 items the call overflows the stack: an audit with
 * many findings would end with no report. Anything that can grow with the export goes through these.
 */

/** Appends every item to `list` and returns it. */
export function append<T>(list: T[], items: Iterable<T>): T[] {
  for (const item of items) list.push(item);
  return list;
}

/** The largest of the values (`-Infinity` for none), at any length. */
export function largest(values: Iterable<number>): number {
  let best = -Infinity;
  for (const v of values) if (v > best) best = v;
  return best;
}

/** The smallest of the values (`Infinity` for none), at any length. */
export function smallest(values: Iterable<number>): number {
  let best = Infinity;
  for (const v of values) if (v < best) best = v;
  return best;
}
