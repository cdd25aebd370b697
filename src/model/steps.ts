/**
 * Long work in steps, so that a signal is not kept waiting. A signal's handler (Ctrl-C stops
 * the run, src/cli/interrupt.ts) runs only when the event loop gets a turn, and a synchronous
 * step such as verifying every candidate pair of the duplication check can hold the loop for
 * seconds on a large export. Such work is written as a generator that `yield`s between pieces:
 * run to the end at once (`runSteps`), or with a break for the event loop whenever `Breaks`
 * says one is due (`runStepsWithBreaks`). The work and its result are the same either way.
 */

/** Work that yields between pieces and returns `T` at the end. */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once: the plain synchronous function. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs the steps, letting the event loop run whenever a break is due. */
export async function runStepsWithBreaks<T>(steps: Steps<T>, breaks: Breaks): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (breaks.due()) await breaks.take();
  }
}

/** The longest the event loop is kept waiting by work that takes breaks (a signal is then handled within about this). */
export const BREAK_EVERY_MS = 50;

/** When to let the event loop run: at most every `everyMs` of work, at a cost of one clock reading per step. */
export class Breaks {
  private last = performance.now();
  /** Breaks taken, for tests. */
  taken = 0;

  /** `everyMs` 0 breaks at every step (for tests). */
  constructor(private readonly everyMs = BREAK_EVERY_MS) {}

  due(): boolean {
    return performance.now() - this.last >= this.everyMs;
  }

  /** Lets whatever is queued (a signal's handler, I/O, timers) run, then carries on. */
  async take(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.taken++;
    this.last = performance.now();
  }
}

/** Items a loop over one record's matches, tokens or mentions handles between two steps of a check's recordInSteps. */
export const STEP_ITEMS = 4096;

/** Items sorted at once (with the engine's sort) in one step of sortInSteps, and merged in one step. */
const SORTED_A_STEP = 4096;

/**
 * `items` sorted by `compare`, stably, as `[...items].sort(compare)` would give them, in steps:
 * sorting 500,000 flags at once held the main thread for up to a second. Runs of a few thousand
 * are sorted by the engine's own (stable) sort, a step each, then merged pairwise (taking from
 * the left run on a tie, so the order stays stable), a step every few thousand items.
 */
export function* sortInSteps<T>(items: readonly T[], compare: (a: T, b: T) => number): Steps<T[]> {
  let from: T[] = [];
  for (let at = 0; at < items.length; at += SORTED_A_STEP) {
    const run = items.slice(at, at + SORTED_A_STEP).sort(compare);
    for (const item of run) from.push(item);
    yield;
  }
  let to: T[] = new Array(from.length);
  for (let width = SORTED_A_STEP; width < from.length; width *= 2) {
    let k = 0;
    for (let left = 0; left < from.length; left += 2 * width) {
      const mid = Math.min(left + width, from.length);
      const end = Math.min(left + 2 * width, from.length);
      let i = left;
      let j = mid;
      while (k < end) {
        const stop = Math.min(end, k + SORTED_A_STEP);
        while (k < stop) to[k++] = j >= end || (i < mid && compare(from[j], from[i]) >= 0) ? from[i++] : from[j++];
        yield;
      }
    }
    [from, to] = [to, from];
  }
  return from;
}

/** `items.map(f)` in steps, one every `every` items. */
export function* mapInSteps<T, U>(items: Iterable<T>, f: (item: T) => U, every = SORTED_A_STEP): Steps<U[]> {
  const out: U[] = [];
  for (const item of items) {
    out.push(f(item));
    if (out.length % every === 0) yield;
  }
  return out;
}

/** The items for which `keep` holds, in steps, one every `every` items looked at. */
export function* filterInSteps<T>(items: Iterable<T>, keep: (item: T) => boolean, every = SORTED_A_STEP): Steps<T[]> {
  const out: T[] = [];
  let seen = 0;
  for (const item of items) {
    if (keep(item)) out.push(item);
    if (++seen % every === 0) yield;
  }
  return out;
}
