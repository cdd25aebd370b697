import { bounded } from '../model/errors.ts';
import { readInputs } from '../intake/read-inputs.ts';
import { RowRereader } from '../intake/reread.ts';
import type { InputSource, IntakeOptions, RereadableInput } from '../intake/read-export.ts';
import type { InputSummary, IntakeWarning, RejectedRow } from '../model/record.ts';
import { findKind, reportSections } from '../checks/index.ts';
import type { Check, CheckEnv, Rule } from '../checks/rule-kind.ts';
import type { LoadedPack } from '../packs/load-packs.ts';
import { withoutText, type FlagDraft, type Severity } from '../model/flag.ts';
import { buildReportInSteps, type Report, type RunInfo } from '../report/build-report.ts';
import { applyBaselineInSteps, type BaselineFlag } from '../report/baseline.ts';
import { applyReviewedInSteps, type ReviewEntry } from '../report/reviewed.ts';
import { caseSample, type CaseSample } from './sampling.ts';
import { CheckPool } from './parallel/check-pool.ts';
import { mergeSections } from './parallel/merge-sections.ts';
import { append } from '../model/lists.ts';
import { Breaks, runStepsWithBreaks } from '../model/steps.ts';
import { inWindow, type WindowDates } from '../report/window.ts';

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
  /** Add each case's staleness chronology to the report (`staleness_timeline`). */
  timeline?: boolean;
  /** Called after each row read (for progress display). */
  onRow?: (rowsRead: number) => void;
  /** Audit only these whole cases (`--sample`). */
  sample?: CaseSample;
  /** Filled with the names the export holds (subjects and authors), for --redact. */
  names?: Set<string>;
  /**
   * Worker threads for the case-scoped checks (1 or less: none, everything on this thread).
   * The report is the same either way.
   */
  jobs?: number;
  /**
   * `--since` / `--until`: report flags only on records dated in this window. Every record of
   * the audited cases is still read and checked, so the records in the window are judged in the
   * light of the whole case; flags on the others are left out of the report and its counts.
   */
  window?: WindowDates;
  /** When to let the event loop run during long work (default: every model/steps.ts BREAK_EVERY_MS); given only by tests. */
  breaks?: Breaks;
  /** Records of at least this many characters are checked in steps (default STEPPED_FROM_CHARS); given only by tests. */
  steppedFromChars?: number;
}

/** What the audit use case is asked: the run's options, plus the sample, baseline and reviewed flags as given. */
export interface AuditRequest extends Omit<AuditOptions, 'sample'> {
  /** `--sample` as given (`25` cases or `10%`) and its seed. */
  sample?: { value: string; seed: string };
  /** The flags of an earlier report (report/baseline.ts) and the file they came from. */
  baseline?: { path: string; flags: Map<string, BaselineFlag> };
  /** Flags an auditor has reviewed (report/reviewed.ts) and the file they came from. */
  reviewed?: { path: string; entries: ReviewEntry[] };
  /** Called once the audit's own pass over the inputs begins (after a sample's first pass, if any). */
  onStart?: () => void;
}

/**
 * The audit use case: choose the sample, read and check every record, then compare with the
 * baseline and mark the reviewed flags. Returns the finished report model, which the CLI
 * renders; never prints, never exits.
 */
export async function audit(request: AuditRequest): Promise<Report> {
  const { sample, baseline, reviewed, onStart, ...options } = request;
  const breaks = options.breaks ?? new Breaks();
  const chosen = sample ? await caseSample(sample.value, sample.seed, options.sources, options.intake) : undefined;
  // A sample's first pass read the inputs too: progress counts the audit's own pass.
  if (options.intake.progress) options.intake.progress.bytes = 0;
  onStart?.();
  const context = options.window ? { outsideIds: new Set<string>(), recordsRead: new Map<string, boolean>() } : undefined;
  let report = await runChecks({ ...options, sample: chosen, breaks }, context);
  if (baseline) {
    // An earlier flag on a record dated outside the window is not this run's to resolve: the
    // record's date is this run's when it read the record, else the earlier report's, if it has one.
    const outside = context && options.window ? outsideWindow(options.window, context.recordsRead) : undefined;
    report = await runStepsWithBreaks(applyBaselineInSteps(report, baseline.flags, baseline.path, outside), breaks);
  }
  if (reviewed) {
    // A decision about a flag outside the window is neither applied nor stale: the flag is still there.
    const entries = context ? reviewed.entries.filter((e) => !context.outsideIds.has(e.id)) : reviewed.entries;
    report = await runStepsWithBreaks(applyReviewedInSteps(report, entries, reviewed.path), breaks);
  }
  return report;
}

/** `recordsRead`: whether each record this run read is in the window, by record id. */
function outsideWindow(window: WindowDates, recordsRead: Map<string, boolean>): (flag: BaselineFlag) => boolean {
  return (flag) => {
    const inside = recordsRead.get(flag.record_id);
    if (inside !== undefined) return !inside;
    return flag.record_date !== undefined && !inWindow(flag.record_date, window);
  };
}

/** Runs every rule of every pack over every record and returns the report. Never prints. */
export async function runAudit(options: AuditOptions): Promise<Report> {
  return runChecks(options);
}

/**
 * A record whose text is at least this long is checked in steps (Check.recordInSteps): a 50 MB
 * note held the main thread for seconds when checked in one go. Shorter ones, nearly all, in
 * one go, as that is a little cheaper.
 */
export const STEPPED_FROM_CHARS = 1 << 18;

/**
 * The audit itself. With a window, `context` is filled with the ids of the flags left out (on
 * records outside the window) and, for every record read, whether it is in the window.
 */
async function runChecks(options: AuditOptions, context?: { outsideIds: Set<string>; recordsRead: Map<string, boolean> }): Promise<Report> {
  const sections: Record<string, unknown[]> = {};
  for (const pack of options.packs) for (const [key, value] of Object.entries(pack.sections)) (sections[key] ??= []).push(value);
  // Rows of a file intake can read again are read again at the end by the checks that need them (issue #18).
  const reread = new RowRereader();
  const env: CheckEnv = {
    asOf: options.asOf,
    sections,
    collectMentions: options.mentions ?? false,
    timeline: options.timeline ?? false,
    records: reread,
  };
  const rules = options.packs.flatMap((p) => p.rules);
  /** The report sections the kinds in use declare: how the workers' parts merge and where each stands. */
  const declared = reportSections(new Set(rules.map((r) => r.kind)));
  const jobs = Math.max(1, Math.floor(options.jobs ?? 1));
  const inWorkers = jobs > 1 ? rules.filter((r) => findKind(r.kind)!.scope !== 'export') : [];
  const onMain = jobs > 1 ? rules.filter((r) => findKind(r.kind)!.scope === 'export') : rules;
  // With workers, they also work out the export-scoped checks' per-record digests (duplication's
  // fingerprints), so that the main thread reads, routes and keeps compact hashes.
  const digested = new Set(jobs > 1 ? onMain.map((r) => r.kind).filter((kind) => findKind(kind)!.digest) : []);
  const byKind = checksByKind(onMain, env, digested);
  const checks = [...byKind.values()];
  const digests = [...digested].map((kind) => {
    const check = byKind.get(kind)!;
    return { kind, rules: onMain.filter((r) => r.kind === kind), digested: (n: number, digest: Uint32Array | null) => check.digested!(n, digest) };
  });
  const pool = inWorkers.length || digests.length ? new CheckPool(inWorkers, env, jobs, digests) : null;
  const drafts: FlagDraft[] = [];
  /** Keeps drafts to the end without their records' text (the workers send theirs so). */
  const keep = (list: FlagDraft[]) => {
    for (const d of list) drafts.push(withoutText(d));
  };
  const rejected: RejectedRow[] = [];
  const inputs: InputSummary[] = [];
  const warnings: IntakeWarning[] = [];
  const cases = new Set<string>();
  const recordsByTeam = new Map<string, number>();
  const recordsByAuthor = new Map<string, number>();
  let rows = 0;
  let outsideSample = 0;
  let records = 0;
  const window = options.window;
  /** Records outside the window, read for context only. */
  let contextOnly = 0;
  /** Read order of each record, to put the workers' mention inventories back in it. */
  const readOrder = pool && env.collectMentions ? new Map<string, number>() : null;
  // Reading and checking a buffered chunk of records, and a check's finish, are synchronous
  // work: breaks let a signal's handler run on a large export (model/steps.ts).
  const breaks = options.breaks ?? new Breaks();
  const steppedFrom = options.steppedFromChars ?? STEPPED_FROM_CHARS;
  let workerSections: Record<string, unknown[]>[] | null = null;
  try {
    // Each file whose rows can be read again is registered here and in every worker, in the same order.
    const register = {
      register: (input: RereadableInput) => {
        pool?.input(input);
        return reread.register(input);
      },
    };
    for await (const item of readInputs(options.sources, { ...options.intake, reread: register }, inputs, warnings)) {
      if (breaks.due()) await breaks.take();
      rows++;
      options.onRow?.(rows);
      if (item.rejected) {
        // A reason quotes the value it could not use: a 200 KB one is cut, in the report as in a message.
        rejected.push({ ...item.rejected, reason: bounded(item.rejected.reason) });
        continue;
      }
      if (options.sample && !options.sample.keep(item.record.case_id)) {
        // A form record holds many rows; the summary counts rows here, for the input being read.
        const n = item.record.source.rows?.length ?? 1;
        const input = inputs[inputs.length - 1];
        input.rows_audited -= n;
        input.rows_outside_sample += n;
        outsideSample += n;
        continue;
      }
      records++;
      if (options.names) {
        if (item.record.subject_name) options.names.add(item.record.subject_name);
        if (item.record.author) options.names.add(item.record.author);
      }
      // Every record is checked; only those in the window are counted as audited.
      const inside = !window || inWindow(item.record.record_date, window);
      context?.recordsRead.set(item.record.record_id, inside);
      if (inside) {
        cases.add(item.record.case_id);
        const { team, author } = item.record;
        recordsByTeam.set(team ?? '(none)', (recordsByTeam.get(team ?? '(none)') ?? 0) + 1);
        recordsByAuthor.set(author ?? '(none)', (recordsByAuthor.get(author ?? '(none)') ?? 0) + 1);
      } else {
        contextOnly++;
      }
      if (item.record.text.length < steppedFrom) for (const check of checks) keep(check.record(item.record, item.place));
      else {
        // One very long note: its checks in steps, with a break between checks when one is due.
        for (const check of checks) {
          keep(check.recordInSteps ? await runStepsWithBreaks(check.recordInSteps(item.record, item.place), breaks) : check.record(item.record, item.place));
          if (breaks.due()) await breaks.take();
        }
      }
      if (readOrder && !readOrder.has(item.record.record_id)) readOrder.set(item.record.record_id, records);
      if (pool) await pool.record(item.record, item.place);
    }
    // The workers answer their last batches, with the digests the main thread's checks still
    // need, then finish their own checks while the main thread's checks finish.
    pool?.flush();
    const fromPool = pool?.finish();
    // Awaited below; a failure meanwhile is thrown by drained() or by that await.
    fromPool?.catch(() => {});
    await pool?.drained();
    for (const check of checks) keep(check.finishInSteps ? await runStepsWithBreaks(check.finishInSteps(), breaks) : check.finish());
    if (fromPool) {
      const fromWorkers = await fromPool;
      append(drafts, fromWorkers.drafts);
      workerSections = fromWorkers.sections;
    }
  } catch (err) {
    await pool?.stop();
    throw err;
  } finally {
    reread.close();
  }
  const extra: Record<string, unknown[]> = {};
  for (const check of checks) Object.assign(extra, check.sections?.());
  if (workerSections) Object.assign(extra, mergeSections(workerSections, readOrder, declared));
  const run: RunInfo = {
    as_of: options.asOf,
    options: options.runOptions,
    ...(options.sample && { sample: options.sample.info() }),
    ...(window && { window: { ...window, records_in_window: records - contextOnly, records_read_for_context: contextOnly } }),
  };
  const parts = {
    run,
    inputs,
    packs: options.packs,
    drafts,
    rejected,
    warnings: warnings.map((w) => ({ ...w, message: bounded(w.message) })),
    recordsAudited: records - contextOnly,
    casesAudited: cases.size,
    minSeverity: options.minSeverity,
    extra,
    sections: declared,
    recordsByTeam,
    recordsByAuthor,
    outsideSample,
    ...(window && { window: { dates: window, outsideIds: context?.outsideIds } }),
  };
  return runStepsWithBreaks(buildReportInSteps(parts), breaks);
}

/** One check per rule kind, over all the rules of that kind. */
export function createChecks(rules: Rule[], env: CheckEnv): Check[] {
  return [...checksByKind(rules, env).values()];
}

/** One check per rule kind, by kind, in the order the kinds first come; the kinds in `digestsElsewhere` are told their digests come from the workers. */
function checksByKind(rules: Rule[], env: CheckEnv, digestsElsewhere: ReadonlySet<string> = new Set()): Map<string, Check> {
  const byKind = new Map<string, Rule[]>();
  for (const rule of rules) byKind.set(rule.kind, [...(byKind.get(rule.kind) ?? []), rule]);
  return new Map(
    [...byKind].map(([kind, kindRules]) => [
      kind,
      findKind(kind)!.createCheck(kindRules, digestsElsewhere.has(kind) ? { ...env, digestsElsewhere: true } : env),
    ]),
  );
}
