import type { Report } from './build-report.ts';

export const MANIFEST_SCHEMA_VERSION = '1.0.0';

/**
 * A run manifest for a council's audit record: what was run, on what, with which rules, and
 * how many rows and flags, with no case content (no record ids, names or text).
 */
export interface Manifest {
  manifest_version: string;
  tool: { name: string; version: string };
  started_at: string;
  finished_at: string;
  as_of: string;
  options: Record<string, unknown>;
  sample?: Report['run']['sample'];
  inputs: {
    path: string;
    sha256: string;
    encoding: string;
    delimiter: string;
    profile: string;
    rows_read: number;
    rows_audited: number;
    rows_rejected: number;
  }[];
  rule_packs: { name: string; version: string; sha256: string }[];
  counts: { rows_read: number; rows_rejected: number; records_audited: number; cases_audited: number; cases_flagged: number; flags: number };
  flags_by_severity: Report['summary']['by_severity'];
  flags_by_category: Record<string, number>;
  flags_by_standard: Record<string, number>;
}

export function buildManifest(report: Report, startedAt: Date, finishedAt: Date): Manifest {
  const s = report.summary;
  return {
    manifest_version: MANIFEST_SCHEMA_VERSION,
    tool: report.tool,
    started_at: startedAt.toISOString(),
    finished_at: finishedAt.toISOString(),
    as_of: report.run.as_of,
    options: report.run.options,
    ...(report.run.sample && { sample: report.run.sample }),
    inputs: report.inputs.map((i) => ({
      path: i.path,
      sha256: i.sha256,
      encoding: i.encoding,
      delimiter: i.delimiter,
      profile: i.profile,
      rows_read: i.rows_read,
      rows_audited: i.rows_audited,
      rows_rejected: i.rows_rejected,
    })),
    rule_packs: report.rule_packs,
    counts: {
      rows_read: s.rows_read,
      rows_rejected: s.rows_rejected,
      records_audited: s.records_audited,
      cases_audited: s.cases_audited,
      cases_flagged: s.cases_flagged,
      flags: s.flags,
    },
    flags_by_severity: s.by_severity,
    flags_by_category: s.by_category,
    flags_by_standard: s.by_standard,
  };
}
