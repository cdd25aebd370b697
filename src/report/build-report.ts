import type { InputSummary, IntakeWarning } from '../intake/read-export.ts';
import type { RejectedRow } from '../intake/record.ts';
import type { LoadedPack } from '../packs/load-packs.ts';
import { atLeast, fingerprintId, toFlag, SEVERITIES, type Flag, type FlagDraft, type Severity } from './flag.ts';
import { STANDARDS, compareStandards } from './standards.ts';
import { TOOL_NAME, TOOL_VERSION } from '../version.ts';

export const REPORT_SCHEMA_VERSION = '1.0.0';

export interface RunInfo {
  as_of: string;
  options: Record<string, unknown>;
}

export interface Summary {
  flags: number;
  by_severity: Record<Severity, number>;
  by_category: Record<string, number>;
  by_standard: Record<string, number>;
  rows_read: number;
  rows_rejected: number;
  records_audited: number;
  records_flagged: number;
  cases_audited: number;
  cases_flagged: number;
  /** Flags found but left out because they are below --min-severity. */
  flags_below_min_severity: number;
}

export interface Report {
  schema_version: string;
  tool: { name: string; version: string };
  run: RunInfo;
  inputs: InputSummary[];
  rule_packs: { name: string; version: string; sha256: string }[];
  summary: Summary;
  standards: Record<string, string>;
  flags: Flag[];
  rejected_rows: RejectedRow[];
  warnings: IntakeWarning[];
  /** Per case and label: where a label started, how far it spread, and evidence against it. */
  label_histories?: unknown[];
  /** Every label mention, whatever its status (with --mentions). */
  mentions?: unknown[];
}

export interface ReportParts {
  run: RunInfo;
  inputs: InputSummary[];
  packs: LoadedPack[];
  drafts: FlagDraft[];
  rejected: RejectedRow[];
  warnings: IntakeWarning[];
  recordsAudited: number;
  casesAudited: number;
  minSeverity: Severity;
  /** Sections the checks added (label_histories, mentions). */
  extra?: Record<string, unknown[]>;
}

/** Flags in a stable order: case, record date, record, position, rule. */
export function compareFlags(a: Flag, b: Flag): number {
  return (
    cmp(a.case_id, b.case_id) ||
    cmp(a.record_date, b.record_date) ||
    cmp(a.record_id, b.record_id) ||
    (a.span?.start ?? -1) - (b.span?.start ?? -1) ||
    cmp(a.rule, b.rule) ||
    cmp(a.id, b.id)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Assembles the one report every format is written from. */
export function buildReport(parts: ReportParts): Report {
  const built = parts.drafts.map(toFlag);
  built.sort((a, b) => cmp(a.record_id, b.record_id) || (a.span?.start ?? -1) - (b.span?.start ?? -1) || cmp(a.fingerprint, b.fingerprint));
  const uses = new Map<string, number>();
  const all: Flag[] = built.map(({ fingerprint, ...flag }) => {
    const n = (uses.get(fingerprint) ?? 0) + 1;
    uses.set(fingerprint, n);
    return { id: fingerprintId(n === 1 ? fingerprint : `${fingerprint}\u0000${n}`), ...flag };
  });
  const flags = all.filter((f) => atLeast(f.severity, parts.minSeverity)).sort(compareFlags);
  const standardsUsed = new Set(['3.11', ...flags.flatMap((f) => f.standards)]);
  return {
    schema_version: REPORT_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    run: parts.run,
    inputs: parts.inputs,
    rule_packs: parts.packs.map((p) => ({ name: p.name, version: p.version, sha256: p.sha256 })),
    summary: summarise(flags, parts, all.length - flags.length),
    standards: Object.fromEntries([...standardsUsed].sort(compareStandards).map((s) => [s, STANDARDS[s]])),
    flags,
    rejected_rows: parts.rejected,
    warnings: parts.warnings,
    ...parts.extra,
  };
}

function summarise(flags: Flag[], parts: ReportParts, hidden: number): Summary {
  const by_severity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const by_category: Record<string, number> = {};
  const by_standard: Record<string, number> = {};
  for (const f of flags) {
    by_severity[f.severity]++;
    by_category[f.category] = (by_category[f.category] ?? 0) + 1;
    for (const s of f.standards) by_standard[s] = (by_standard[s] ?? 0) + 1;
  }
  return {
    flags: flags.length,
    by_severity,
    by_category: sortKeys(by_category),
    by_standard: Object.fromEntries(Object.entries(by_standard).sort(([a], [b]) => compareStandards(a, b))),
    rows_read: parts.inputs.reduce((n, i) => n + i.rows_read, 0),
    rows_rejected: parts.rejected.length,
    records_audited: parts.recordsAudited,
    records_flagged: new Set(flags.map((f) => f.record_id)).size,
    cases_audited: parts.casesAudited,
    cases_flagged: new Set(flags.map((f) => f.case_id)).size,
    flags_below_min_severity: hidden,
  };
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => cmp(a, b)));
}

/** How many flags are at or above a severity (for the exit code). */
export function countAtLeast(report: Report, threshold: Severity): number {
  return report.flags.filter((f) => atLeast(f.severity, threshold)).length;
}
