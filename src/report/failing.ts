import { atLeast, type Flag, type Severity } from '../model/flag.ts';
import type { Report } from './build-report.ts';

/**
 * Whether a flag fails the run: at or above `--fail-on`, not dismissed by an auditor, and new
 * when there is a baseline. A flag an auditor *confirmed* is a real recording problem, so it
 * counts exactly as a flag not yet reviewed does (the same threshold, the same baseline rule);
 * only a dismissed one is let off. The exit code and every format that reports failures (junit)
 * use this one rule.
 */
export function failsRun(flag: Flag, report: Pick<Report, 'baseline'>, failOn: Severity | 'never'): boolean {
  if (failOn === 'never') return false;
  return atLeast(flag.severity, failOn) && !isDismissed(flag) && (!report.baseline || flag.baseline === 'new');
}

/** An auditor decided this flag is not a recording problem. */
export function isDismissed(flag: Flag): boolean {
  return flag.review?.decision === 'dismissed' || (!!flag.review && flag.review.decision === undefined);
}
