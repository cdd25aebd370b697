import { UserError, unreadableJson } from '../model/errors.ts';
import { readJsonFile } from '../model/json-stream.ts';
import { REPORT_SCHEMA_VERSION, compareFlags, summariseInSteps, type Report } from './build-report.ts';
import { mapInSteps, runSteps, sortInSteps, type Steps } from '../model/steps.ts';
import type { Flag } from '../model/flag.ts';
import { inReportOrder, type SectionDeclaration } from '../model/sections.ts';
import { STANDARDS, compareStandards } from '../model/standards.ts';
import { describeWindow, sameWindow } from './window.ts';

/**
 * A JSON report to merge, read in chunks (model/json-stream.ts): a report longer than the
 * longest string can be read, each of its top-level arrays (flags, label histories…) item by
 * item. The main thread is free between chunks.
 */
export async function readReport(path: string): Promise<Report> {
  let report: Report;
  try {
    report = (await readJsonFile(path)) as Report;
  } catch (err) {
    throw new UserError(`${path}: ${unreadableJson(err)}`);
  }
  if (!report || typeof report !== 'object' || report.schema_version !== REPORT_SCHEMA_VERSION || !Array.isArray(report.flags)) {
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
  return runSteps(mergeReportsInSteps(parts, sections));
}

/** mergeReports in steps (model/steps.ts): joining and sorting the flags of a 505,000-flag report at once held the main thread about a second. */
export function* mergeReportsInSteps(parts: { path: string; report: Report }[], sections: readonly SectionDeclaration[]): Steps<Report> {
  if (!parts.length) throw new UserError('merge needs at least one report');
  const asOf = parts[0].report.run.as_of;
  const other = parts.find((p) => p.report.run.as_of !== asOf);
  if (other) throw new UserError(`${other.path}: as of ${other.report.run.as_of}, but ${parts[0].path} is as of ${asOf}; merge reports of one run date`);
  checkPartsBelongTogether(parts);
  const reports = parts.map((p) => p.report);
  const byId = new Map<string, Flag>();
  for (const r of reports) yield* mapInSteps(r.flags, (f) => byId.set(f.id, f));
  const flags = yield* sortInSteps(yield* mapInSteps(byId.values(), (f) => f), compareFlags);
  const sum = (get: (r: Report) => number) => reports.reduce((n, r) => n + get(r), 0);
  const groupRecords = (key: 'by_team' | 'by_author') => {
    const out = new Map<string, number>();
    for (const r of reports) for (const [k, g] of Object.entries(r.summary.rates[key])) out.set(k, (out.get(k) ?? 0) + g.records);
    return out;
  };
  const inputs = reports.flatMap((r) => r.inputs);
  const rejected = reports.flatMap((r) => r.rejected_rows);
  const summary = yield* summariseInSteps(
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
  const standards = new Set(['3.11']);
  yield* mapInSteps(flags, (f) => {
    for (const s of f.standards) standards.add(s);
  });
  const merged: Report = {
    schema_version: REPORT_SCHEMA_VERSION,
    tool: reports[0].tool,
    run: {
      as_of: asOf,
      options: { ...comparableOptions(reports[0]), merged_from: parts.map((p) => p.path) },
      ...mergedSample(reports),
      ...mergedWindow(reports),
    },
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
    out[key] = reports.flatMap((r) => (r as unknown as Record<string, unknown[]>)[key] ?? []);
  }
  return merged;
}

/** Options that change what a part finds; where each part writes its report does not. */
const OUTPUT_ONLY = new Set(['formats', 'baseline', 'reviewed', 'redact', 'snippets', 'config']);

function comparableOptions(report: Report): Record<string, unknown> {
  return Object.fromEntries(Object.entries(report.run.options ?? {}).filter(([k]) => !OUTPUT_ONLY.has(k)));
}

/**
 * Parts of one export audited once each, the same way: the same report given twice, or two
 * parts that read the same input (which would count its records twice), are refused; so are
 * parts audited with different rule packs, options or samples, whose figures do not add up.
 */
function checkPartsBelongTogether(parts: { path: string; report: Report }[]): void {
  const firstRead = new Map<string, string>();
  for (const part of parts) {
    for (const input of part.report.inputs) {
      const earlier = firstRead.get(input.sha256);
      if (earlier !== undefined) {
        throw new UserError(
          `${part.path}: it audited ${input.path}, which ${earlier === part.path ? 'it lists twice' : `${earlier} audited too`} (the same content); merge each part once`,
        );
      }
      firstRead.set(input.sha256, part.path);
    }
  }
  const first = parts[0];
  const packsOf = (r: Report) =>
    r.rule_packs
      .map((p) => `${p.name} ${p.version} (${p.sha256.slice(0, 12)})`)
      .sort()
      .join(', ');
  /** The options two parts were audited with that differ, as `name: this against that`. */
  const optionDifferences = (a: Report, b: Report) => {
    const [x, y] = [comparableOptions(a), comparableOptions(b)];
    const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
    return keys
      .filter((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k]))
      .map((k) => `${k}: ${JSON.stringify(x[k] ?? null)} against ${JSON.stringify(y[k] ?? null)}`);
  };
  const windowOf = (r: Report) => (r.run.window ? `the window ${describeWindow(r.run.window)}` : 'no window');
  for (const part of parts.slice(1)) {
    if (!sameWindow(part.report.run.window, first.report.run.window)) {
      throw new UserError(
        `${part.path} was audited with ${windowOf(part.report)}, ${first.path} with ${windowOf(first.report)}; merge parts audited for the same window`,
      );
    }
  }
  const sampleOf = (r: Report) => (r.run.sample ? `--sample ${r.run.sample.requested} --seed ${r.run.sample.seed}` : 'no sample');
  for (const part of parts.slice(1)) {
    if (packsOf(part.report) !== packsOf(first.report)) {
      throw new UserError(
        `${part.path} was audited with the rule packs ${packsOf(part.report)}, ${first.path} with ${packsOf(first.report)}; merge parts audited with the same packs`,
      );
    }
    const differences = optionDifferences(part.report, first.report);
    if (differences.length) {
      throw new UserError(`${part.path} was audited with other options than ${first.path} (${differences.join('; ')}); merge parts audited the same way`);
    }
    if (sampleOf(part.report) !== sampleOf(first.report)) {
      throw new UserError(
        `${part.path} was audited with ${sampleOf(part.report)}, ${first.path} with ${sampleOf(first.report)}; merge parts sampled the same way`,
      );
    }
  }
}

/** The parts' samples as one: the same request and seed, the cases counted over every part. */
function mergedSample(reports: Report[]): Pick<Report['run'], 'sample'> {
  const samples = reports.map((r) => r.run.sample);
  if (!samples[0]) return {};
  const total = (key: 'cases_total' | 'cases_selected') => samples.reduce((n, s) => n + (s?.[key] ?? 0), 0);
  return { sample: { requested: samples[0].requested, seed: samples[0].seed, cases_total: total('cases_total'), cases_selected: total('cases_selected') } };
}

/** The parts' window as one: the same days, the records in it and read for context counted over every part. */
function mergedWindow(reports: Report[]): Pick<Report['run'], 'window'> {
  const first = reports[0].run.window;
  if (!first) return {};
  const total = (key: 'records_in_window' | 'records_read_for_context') => reports.reduce((n, r) => n + (r.run.window?.[key] ?? 0), 0);
  return {
    window: {
      since: first.since,
      until: first.until,
      records_in_window: total('records_in_window'),
      records_read_for_context: total('records_read_for_context'),
    },
  };
}
