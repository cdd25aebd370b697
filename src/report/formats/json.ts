import type { Report } from '../build-report.ts';

/** The versioned JSON report (schema/report.schema.json). */
export function formatJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
