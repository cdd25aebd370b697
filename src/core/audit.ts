import { readInputs, } from '../intake/read-inputs.ts';
import type { InputSource, InputSummary, IntakeOptions, IntakeWarning } from '../intake/read-export.ts';
import type { RejectedRow } from '../intake/record.ts';
import { findKind } from '../checks/index.ts';
import type { Check, CheckEnv, Rule } from '../checks/rule-kind.ts';
import type { LoadedPack } from '../packs/load-packs.ts';
import type { FlagDraft, Severity } from '../report/flag.ts';
import { buildReport, type Report, type RunInfo } from '../report/build-report.ts';

export interface AuditOptions {
  sources: InputSource[];
  intake: IntakeOptions;
  packs: LoadedPack[];
  /** Reference date, YYYY-MM-DD. */
  asOf: string;
  /** Flags below this are left out of the report. */
  minSeverity: Severity;
  /** The options as given, recorded in the report. */
  runOptions: Record<string, unknown>;
  /** Keep every label mention in the report (`mentions`). */
  mentions?: boolean;
  /** Called after each row read (for progress display). */
  onRow?: (rowsRead: number) => void;
}

/** Runs every rule of every pack over every record and returns the report. Never prints. */
export async function runAudit(options: AuditOptions): Promise<Report> {
  const sections: Record<string, unknown[]> = {};
  for (const pack of options.packs) for (const [key, value] of Object.entries(pack.sections)) (sections[key] ??= []).push(value);
  const env: CheckEnv = { asOf: options.asOf, sections, collectMentions: options.mentions ?? false };
  const checks = createChecks(options.packs.flatMap((p) => p.rules), env);
  const drafts: FlagDraft[] = [];
  const rejected: RejectedRow[] = [];
  const inputs: InputSummary[] = [];
  const warnings: IntakeWarning[] = [];
  const cases = new Set<string>();
  let rows = 0;
  let records = 0;
  for await (const item of readInputs(options.sources, options.intake, inputs, warnings)) {
    rows++;
    options.onRow?.(rows);
    if (item.rejected) {
      rejected.push(item.rejected);
      continue;
    }
    records++;
    cases.add(item.record.case_id);
    for (const check of checks) drafts.push(...check.record(item.record));
  }
  for (const check of checks) drafts.push(...check.finish());
  const extra: Record<string, unknown[]> = {};
  for (const check of checks) Object.assign(extra, check.sections?.());
  if (!options.mentions) delete extra.mentions;
  const run: RunInfo = { as_of: options.asOf, options: options.runOptions };
  return buildReport({ run, inputs, packs: options.packs, drafts, rejected, warnings, recordsAudited: records, casesAudited: cases.size, minSeverity: options.minSeverity, extra });
}

/** One check per rule kind, over all the rules of that kind. */
export function createChecks(rules: Rule[], env: CheckEnv): Check[] {
  const byKind = new Map<string, Rule[]>();
  for (const rule of rules) byKind.set(rule.kind, [...(byKind.get(rule.kind) ?? []), rule]);
  return [...byKind].map(([kind, kindRules]) => findKind(kind)!.createCheck(kindRules, env));
}
