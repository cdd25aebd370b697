import type { InputSummary, IntakeWarning, RejectedRow } from '../model/record.ts';
import type { LoadedPack } from '../packs/load-packs.ts';
import {
  atLeast,
  fingerprintId,
  toFlag,
  SEVERITIES,
  type DismissalReason,
  type Flag,
  type FlagDraft,
  type ReviewDecision,
  type Severity,
} from '../model/flag.ts';
import { STANDARDS, compareStandards } from '../model/standards.ts';
import { TOOL_NAME, TOOL_VERSION } from '../model/version.ts';
import type { SampleInfo } from '../intake/sample.ts';
import { inReportOrder, type ReportSections, type SectionDeclaration } from '../model/sections.ts';
import { inWindow, type WindowDates, type WindowInfo } from './window.ts';
import { foldIdentityIntoCopies } from './fold.ts';
import { runSteps, sortInSteps, type Steps } from '../model/steps.ts';

export const REPORT_SCHEMA_VERSION = '1.5.0';

export interface RunInfo {
  as_of: string;
  options: Record<string, unknown>;
  /** With --sample: what was asked for and how many cases it kept. */
  sample?: SampleInfo;
  /** With --since / --until: the window reported on, and the records in it and read for context only. */
  window?: WindowInfo;
}

export interface Summary {
  flags: number;
  by_severity: Record<Severity, number>;
  by_category: Record<string, number>;
  by_standard: Record<string, number>;
  rows_read: number;
  rows_rejected: number;
  /** Rows that are part of an audited record (a form export has many rows per record). */
  rows_audited: number;
  /** Valid rows whose case was not in the --sample. rows_read = rows_audited + rows_rejected + rows_outside_sample. */
  rows_outside_sample: number;
  records_audited: number;
  records_flagged: number;
  cases_audited: number;
  cases_flagged: number;
  /** Flags found but left out because they are below --min-severity. */
  flags_below_min_severity: number;
  /** Rates that make samples of different sizes comparable. */
  rates: Rates;
}

export interface GroupRate {
  records: number;
  flags: number;
  per_100_records: number;
}

export interface Rates {
  per_100_records: { all: number; by_category: Record<string, number>; by_standard: Record<string, number> };
  per_case: { all: number; by_category: Record<string, number>; by_standard: Record<string, number> };
  by_team: Record<string, GroupRate>;
  by_author: Record<string, GroupRate>;
}

/** The sections the rule kinds add (`ReportSections`, declared in model/sections.ts) come after `warnings`. */
export interface Report extends ReportSections {
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
  /** With --baseline: how this report compares with an earlier one. */
  baseline?: BaselineSummary;
  /** With --reviewed: the reviewed-flags file applied. */
  reviewed?: ReviewedSummary;
}

export interface BaselineSummary {
  path: string;
  new: number;
  existing: number;
  /** Flags of the earlier report that this one no longer has. */
  resolved: { id: string; rule: string; case_id: string; record_id: string }[];
  /**
   * With --since / --until: flags of the earlier report on records dated outside the window,
   * which this run does not report on, so they are neither compared nor listed as resolved.
   */
  outside_window?: number;
}

/** One decision of a reviewed-flags file (report/reviewed.ts reads both versions into this). */
export interface ReviewEntry {
  id: string;
  decision: ReviewDecision;
  /** Why it was dismissed; every dismissed entry has one (version 1 entries read as `other`). */
  reason_code?: DismissalReason;
  reviewer: string;
  date: string;
  /** The auditor's own words; empty when a version 2 entry gives none. */
  reason: string;
  /** The flag's rule and label (version 2), so decisions can be counted without the report. */
  rule?: string;
  label?: string;
}

export interface ReviewedSummary {
  path: string;
  applied: number;
  /** Entries that match no flag of this run, so the file does not rot. */
  stale: ReviewEntry[];
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
  /** Sections the checks added, by key. */
  extra?: Record<string, unknown[]>;
  /** The declarations of those sections (from the kinds in use): they stand in the report in declared order. */
  sections?: readonly SectionDeclaration[];
  /** Records audited per team and per author (for rates). */
  recordsByTeam: Map<string, number>;
  recordsByAuthor: Map<string, number>;
  /** Valid rows left out because their case is not in the sample. */
  outsideSample?: number;
  /**
   * With --since / --until: only flags on records dated in the window are reported and counted.
   * `recordsAudited`, `casesAudited` and the team and author counts are then the window's.
   * The ids of the flags left out are added to `outsideIds`, when given (for the reviewed list).
   */
  window?: { dates: WindowDates; outsideIds?: Set<string> };
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
  return runSteps(buildReportInSteps(parts));
}

/** Flags made (fingerprinted, then given ids) between two steps of buildReportInSteps. */
const FLAGS_A_STEP = 1024;

/** buildReport in steps (model/steps.ts): fingerprinting and naming 500,000 flags takes seconds. */
export function* buildReportInSteps(parts: ReportParts): Steps<Report> {
  const folded = foldIdentityIntoCopies(parts.drafts);
  const built: ReturnType<typeof toFlag>[] = [];
  for (const draft of folded) {
    built.push(toFlag(draft));
    if (built.length % FLAGS_A_STEP === 0) yield;
  }
  const byRecord = yield* sortInSteps(
    built,
    (a, b) => cmp(a.record_id, b.record_id) || (a.span?.start ?? -1) - (b.span?.start ?? -1) || cmp(a.fingerprint, b.fingerprint),
  );
  const uses = new Map<string, number>();
  const all: Flag[] = [];
  for (const { fingerprint, ...flag } of byRecord) {
    const n = (uses.get(fingerprint) ?? 0) + 1;
    uses.set(fingerprint, n);
    all.push({ id: fingerprintId(n === 1 ? fingerprint : `${fingerprint}\u0000${n}`), ...flag });
    if (all.length % FLAGS_A_STEP === 0) yield;
  }
  // Ids are given before the window is applied, so a flag has the same id in a windowed run as in a whole one.
  const window = parts.window;
  const inside = window ? all.filter((f) => inWindow(f.record_date, window.dates)) : all;
  if (window?.outsideIds) for (const f of all) if (!inWindow(f.record_date, window.dates)) window.outsideIds.add(f.id);
  yield;
  const flags = yield* sortInSteps(
    inside.filter((f) => atLeast(f.severity, parts.minSeverity)),
    compareFlags,
  );
  const summary = yield* summariseInSteps(flags, parts, inside.length - flags.length);
  const standardsUsed = new Set(['3.11']);
  for (const f of flags) for (const s of f.standards) standardsUsed.add(s);
  return {
    schema_version: REPORT_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    run: parts.run,
    inputs: parts.inputs,
    rule_packs: parts.packs.map((p) => ({ name: p.name, version: p.version, sha256: p.sha256 })),
    summary,
    standards: Object.fromEntries([...standardsUsed].sort(compareStandards).map((s) => [s, STANDARDS[s]])),
    flags,
    rejected_rows: parts.rejected,
    warnings: parts.warnings,
    ...inDeclaredOrder(parts.extra ?? {}, parts.sections ?? []),
  };
}

/** The checks' sections, declared ones first in declared order, then any other in the order given. */
function inDeclaredOrder(extra: Record<string, unknown[]>, sections: readonly SectionDeclaration[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const { key } of inReportOrder(sections)) if (extra[key]) out[key] = extra[key];
  return Object.assign(out, extra);
}

export function summarise(flags: Flag[], parts: ReportParts, hidden: number): Summary {
  return runSteps(summariseInSteps(flags, parts, hidden));
}

/** summarise in steps, one after each pass over every flag (six passes took 0.4 s at 505,000 flags). */
export function* summariseInSteps(flags: Flag[], parts: ReportParts, hidden: number): Steps<Summary> {
  const by_severity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const by_category: Record<string, number> = {};
  const by_standard: Record<string, number> = {};
  for (const f of flags) {
    by_severity[f.severity]++;
    by_category[f.category] = (by_category[f.category] ?? 0) + 1;
    for (const s of f.standards) by_standard[s] = (by_standard[s] ?? 0) + 1;
  }
  yield;
  const recordsFlagged = new Set(flags.map((f) => f.record_id)).size;
  yield;
  const casesFlagged = new Set(flags.map((f) => f.case_id)).size;
  yield;
  const byTeam = yield* groupRates(flags, parts.recordsByTeam, (f) => f.team);
  const byAuthor = yield* groupRates(flags, parts.recordsByAuthor, (f) => f.author);
  return {
    flags: flags.length,
    by_severity,
    by_category: sortKeys(by_category),
    by_standard: Object.fromEntries(Object.entries(by_standard).sort(([a], [b]) => compareStandards(a, b))),
    rows_read: parts.inputs.reduce((n, i) => n + i.rows_read, 0),
    rows_rejected: parts.rejected.length,
    rows_audited: parts.inputs.reduce((n, i) => n + i.rows_audited, 0),
    rows_outside_sample: parts.outsideSample ?? 0,
    records_audited: parts.recordsAudited,
    records_flagged: recordsFlagged,
    cases_audited: parts.casesAudited,
    cases_flagged: casesFlagged,
    flags_below_min_severity: hidden,
    rates: rates(flags, parts, by_category, by_standard, byTeam, byAuthor),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
const NONE = '(none)';

function rates(
  flags: Flag[],
  parts: ReportParts,
  byCategory: Record<string, number>,
  byStandard: Record<string, number>,
  byTeam: Record<string, GroupRate>,
  byAuthor: Record<string, GroupRate>,
): Rates {
  const map = (o: Record<string, number>, scale: number, d: number) => Object.fromEntries(Object.entries(o).map(([k, n]) => [k, per(n * scale, d)]));
  const records = parts.recordsAudited;
  const cases = parts.casesAudited;
  return {
    per_100_records: { all: per(flags.length * 100, records), by_category: map(byCategory, 100, records), by_standard: map(byStandard, 100, records) },
    per_case: { all: per(flags.length, cases), by_category: map(byCategory, 1, cases), by_standard: map(byStandard, 1, cases) },
    by_team: byTeam,
    by_author: byAuthor,
  };
}

const per = (n: number, d: number) => (d ? round(n / d) : 0);

/** Flags per 100 records audited for each team (or author), a step after the pass over every flag. */
function* groupRates(flags: Flag[], counts: Map<string, number>, key: (f: Flag) => string | null): Steps<Record<string, GroupRate>> {
  const flagged = new Map<string, number>();
  for (const f of flags) flagged.set(key(f) ?? NONE, (flagged.get(key(f) ?? NONE) ?? 0) + 1);
  yield;
  return Object.fromEntries(
    [...counts]
      .sort(([a], [b]) => cmp(a, b))
      .map(([k, n]) => [k, { records: n, flags: flagged.get(k) ?? 0, per_100_records: per((flagged.get(k) ?? 0) * 100, n) }]),
  );
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => cmp(a, b)));
}
