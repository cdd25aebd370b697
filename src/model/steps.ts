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
