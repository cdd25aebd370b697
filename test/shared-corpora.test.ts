import { describe, expect, it } from 'vitest';
import {
  readSharedDecisions,
  readSharedLabels,
  scoreDecisions,
  scoreSharedLabels,
  scoreStaleness,
  sharedCorporaPresent,
  type Half,
} from './accuracy/shared-corpora.ts';
import { auditJson } from './support/run-cli.ts';

// ../shared/corpora was written independently of this project's rules and fixtures (its README).
// The floors are what `npm run accuracy -- --held-out` measured when they were set, less a margin
// of one sentence or so; they move only with a measurement, never to make a change pass.
// CI always has ../shared; a clone without it skips these.
const present = sharedCorporaPresent();
if (!present && process.env.CI) throw new Error('../shared/corpora is missing: CI must score the shared corpora');

const FLOORS: Partial<
  Record<Half, { assertedP: number; assertedR: number; agreement: number; notALabelFlagged: number; decisionsP: number; decisionsR: number }>
> = {
  development: { assertedP: 0.97, assertedR: 0.95, agreement: 0.95, notALabelFlagged: 1, decisionsP: 0.95, decisionsR: 0.95 },
  // Measured at the end of the second session on #15 (2026-12-07): P 0.68, R 0.96, agreement 0.84, 3 of 20, decisions P 0.78, R 1.00;
  // and once at the end of the third: P 0.68, R 0.96, agreement 0.85, 4 of 20, decisions P 0.84, R 1.00;
  // and at the end of the fourth: P 0.69, R 0.98, agreement 0.86, 3 of 20, decisions P 0.82, R 1.00.
  // and once at the end of the fifth: P 0.71, R 0.98, agreement 0.87, 2 of 20, decisions P 0.82, R 1.00;
  // the sixth the same; the seventh agreement 0.88; the eighth: P 0.72, R 0.98, agreement 0.89, 1 of 20, decisions P 0.82, R 1.00;
  // the ninth: P 0.73, R 0.98, agreement 0.90, 1 of 20, decisions P 0.82, R 1.00.
  'held-out': { assertedP: 0.72, assertedR: 0.96, agreement: 0.89, notALabelFlagged: 2, decisionsP: 0.8, decisionsR: 0.97 },
};

describe.runIf(present)('accuracy on the shared corpora', () => {
  it.each(Object.entries(FLOORS) as [Half, NonNullable<(typeof FLOORS)[Half]>][])('%s half', (half, floor) => {
    const { scores } = scoreSharedLabels(readSharedLabels(half));
    const { score: decisions } = scoreDecisions(readSharedDecisions(half));
    console.log(
      `${half}: asserted P ${scores.asserted.precision.toFixed(3)} R ${scores.asserted.recall.toFixed(3)}, agreement ${scores.agreement.toFixed(3)}, ` +
        `not-a-label flagged ${scores.notALabelFlagged}/${scores.notALabelRows}, decisions P ${decisions.precision.toFixed(3)} R ${decisions.recall.toFixed(3)}`,
    );
    expect(scores.rows).toBeGreaterThanOrEqual(250);
    expect(scores.asserted.precision).toBeGreaterThanOrEqual(floor.assertedP);
    expect(scores.asserted.recall).toBeGreaterThanOrEqual(floor.assertedR);
    expect(scores.agreement).toBeGreaterThanOrEqual(floor.agreement);
    expect(scores.notALabelFlagged).toBeLessThanOrEqual(floor.notALabelFlagged);
    expect(decisions.precision).toBeGreaterThanOrEqual(floor.decisionsP);
    expect(decisions.recall).toBeGreaterThanOrEqual(floor.decisionsR);
  });
});

// staleness-cases.csv, split by case number. Held-out measured at the end of the first pass at
// issue #16 (2026-12-07): 4 of 13 stale claims found (precision 0.80), 1 of 6 traps fired; at the
// end of the second, 6 of 13 (0.86), 1 trap; at the end of the third, 4 of 13 (0.80), no trap;
// at the end of the fourth, 4 of 13 (0.80), no trap, one other flag; at the end of the fifth to the ninth, the same.
// The development half's precision floor is 0.93, not 0.95, since the tenth round: C01-R4's plan
// "SW to refer Ms Barton to a parenting course", written months after she completed Triple P, is
// flagged as stale with the claim before it; the corpus lists only that claim, so its scorer counts
// the plan as a flag elsewhere.
const STALENESS_FLOORS: Record<Half, { precision: number; recall: number; trapsFired: number }> = {
  development: { precision: 0.93, recall: 0.92, trapsFired: 0 },
  'held-out': { precision: 0.75, recall: 0.3, trapsFired: 0 },
};

describe.runIf(present)('staleness on the shared corpora', () => {
  it.each(Object.entries(STALENESS_FLOORS) as [Half, (typeof STALENESS_FLOORS)[Half]][])('%s half', async (half, floor) => {
    const s = await scoreStaleness(half, (file) => auditJson([file], ['--as-of', '2026-01-01']));
    console.log(
      `${half}: stale claims found ${s.found}/${s.stale} (${s.withEvent} naming the event), precision ${s.precision.toFixed(2)}, traps fired ${s.trapsFired}/${s.traps}`,
    );
    expect(s.cases).toBe(18);
    expect(s.precision).toBeGreaterThanOrEqual(floor.precision);
    expect(s.recall).toBeGreaterThanOrEqual(floor.recall);
    expect(s.trapsFired).toBeLessThanOrEqual(floor.trapsFired);
  });
});
