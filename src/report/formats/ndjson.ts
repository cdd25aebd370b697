import type { Report } from '../build-report.ts';

/** One flag per line, for streaming into other tools. */
export function formatNdjson(report: Report): string {
  return report.flags.map((f) => JSON.stringify(f)).join('\n') + (report.flags.length ? '\n' : '');
}
