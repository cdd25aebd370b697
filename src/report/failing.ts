import { atLeast, type Flag, type Severity } from '../model/flag.ts';
import type { Report } from './build-report.ts';

/**
 * Whether a flag fails the run: at or above `--fail-on`, not reviewed, and new when there is a
 * baseline. The exit code and every format that reports failures (junit) use this one rule.
 */
export function failsRun(flag: Flag, report: Pick<Report, 'baseline'>, failOn: Severity | 'never'): boolean {
  if (failOn === 'never') return false;
  return atLeast(flag.severity, failOn) && !flag.review && (!report.baseline || flag.baseline === 'new');
}
