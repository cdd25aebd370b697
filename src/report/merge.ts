import { readFileSync } from 'node:fs';
import { UserError } from '../model/errors.ts';
import { REPORT_SCHEMA_VERSION, compareFlags, summarise, type Report } from './build-report.ts';
import type { Flag } from '../model/flag.ts';
import { inReportOrder, type SectionDeclaration } from '../model/sections.ts';
import { STANDARDS, compareStandards } from '../model/standards.ts';

export function readReport(path: string): Report {
  let report: Report;
  try {
    report = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UserError(`${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not a JSON report'}`);
  }
  if (report.schema_version !== REPORT_SCHEMA_VERSION || !Array.isArray(report.flags)) {
    throw new UserError(`${path}: not a scrutineer ${REPORT_SCHEMA_VERSION} JSON report`);
  }
  return report;
}

/**
 * Combines the reports of an export audited in parts split by case. Flags, inputs, rejected
 * rows and the checks' sections (as their declarations in `sections` say: `merge.acrossReports`)
 * are joined and the summary and rates are worked out again from the sums.
 * The parts must share an as-of date. What splitting cannot give back: copies between cases in
 * different parts, and another child's name known only to another part.
 */
export function mergeReports(parts: { path: string; report: Report }[], sections: readonly SectionDeclaration[]): Report {
  if (!parts.length) throw new UserError('merge needs at least one report');
  const asOf = parts[0].report.run.as_of;
  const other = parts.find((p) => p.report.run.as_of !== asOf);
  if (other) throw new UserError(`${other.path}: as of ${other.report.run.as_of}, but ${parts[0].path} is as of ${asOf}; merge reports of one run date`);
  const reports = parts.map((p) => p.report);
  const byId = new Map<string, Flag>();
  for (const r of reports) for (const f of r.flags) byId.set(f.id, f);
  const flags = [...byId.values()].sort(compareFlags);
  const sum = (get: (r: Report) => number) => reports.reduce((n, r) => n + get(r), 0);
  const groupRecords = (key: 'by_team' | 'by_author') => {
    const out = new Map<string, number>();
    for (const r of reports) for (const [k, g] of Object.entries(r.summary.rates[key])) out.set(k, (out.get(k) ?? 0) + g.records);
    return out;
  };
  const inputs = reports.flatMap((r) => r.inputs);
  const rejected = reports.flatMap((r) => r.rejected_rows);
  const summary = summarise(
    flags,
    {
      run: { as_of: asOf, options: {} },
      inputs,
      packs: [],
      drafts: [],
      rejected,
      warnings: [],
      recordsAudited: sum((r) => r.summary.records_audited),
      casesAudited: sum((r) => r.summary.cases_audited),
      minSeverity: 'info',
      recordsByTeam: groupRecords('by_team'),
      recordsByAuthor: groupRecords('by_author'),
      outsideSample: sum((r) => r.summary.rows_outside_sample),
    },
    sum((r) => r.summary.flags_below_min_severity),
  );
  const packs = new Map(reports.flatMap((r) => r.rule_packs).map((p) => [p.sha256, p]));
  const standards = new Set(['3.11', ...flags.flatMap((f) => f.standards)]);
  const merged: Report = {
    schema_version: REPORT_SCHEMA_VERSION,
    tool: reports[0].tool,
    run: { as_of: asOf, options: { merged_from: parts.map((p) => p.path) } },
    inputs,
    rule_packs: [...packs.values()],
    summary,
    standards: Object.fromEntries([...standards].sort(compareStandards).map((s) => [s, STANDARDS[s]])),
    flags,
    rejected_rows: rejected,
    warnings: reports.flatMap((r) => r.warnings),
  };
  const out = merged as unknown as Record<string, unknown[]>;
  for (const { key, merge } of inReportOrder(sections)) {
    const has = (r: Report) => Array.isArray((r as unknown as Record<string, unknown>)[key]);
    if (merge.acrossReports === 'never' || !(merge.acrossReports === 'every' ? reports.every(has) : reports.some(has))) continue;
    out[key] = reports.flatMap((r) => ((r as unknown as Record<string, unknown[]>)[key] ?? []));
  }
  return merged;
}
