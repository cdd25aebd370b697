import type { Command } from 'commander';
import { Chalk } from 'chalk';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { audit } from '../core/audit.ts';
import { resolveInputs } from '../intake/read-inputs.ts';
import { loadProfiles } from '../intake/profiles.ts';
import { normaliseEncodingName } from '../intake/decode.ts';
import { parseDelimiterOption } from '../intake/delimiter.ts';
import type { IntakeOptions } from '../intake/read-export.ts';
import { DEFAULT_RULES_DIR, loadPacksInSteps } from '../packs/load-packs.ts';
import { loadLabelsCsv } from '../packs/labels-csv.ts';
import { applyBaselineInSteps, baselineFileChunks, baselineOfInSteps, readBaseline } from '../report/baseline.ts';
import { readReviewed } from '../report/reviewed.ts';
import { failsRun } from '../report/failing.ts';
import { appendHistory, previousRun, readHistory, type HistoryLine } from '../report/history.ts';
import { buildManifest } from '../report/manifest.ts';
import { atLeast, type Severity } from '../model/flag.ts';
import type { Report } from '../report/build-report.ts';
import { defaultTextPolicy, formatForPath, renderChunks } from '../report/formats/index.ts';
import type { FormatName } from '../model/formats.ts';
import { applyTextPolicyInSteps, namesPattern, type TextPolicy } from '../report/text-policy.ts';
import { reportSections } from '../checks/index.ts';
import { UserError } from '../model/errors.ts';
import { applyConfigToPacks, loadConfig, type Config } from '../config/load-config.ts';
import type { YamlSource } from '../packs/yaml-source.ts';
import type { CanonicalField } from '../model/record.ts';
import { describeWindow, windowProblem, type WindowDates } from '../report/window.ts';
import { defaultJobs, todayIso } from './options.ts';
import { writeFileAtomic, writePiecesAtomic } from './write-output.ts';
import { Breaks, runStepsWithBreaks } from '../model/steps.ts';
import { writtenFiles } from './interrupt.ts';
import { checkOutputs, prepareOutputFolder, type PlannedOutput } from './output-paths.ts';
import { ProgressLine } from './progress.ts';
import type { Io } from './io.ts';

export interface AuditFlags {
  config?: string;
  rules: string[];
  defaultRules: boolean;
  profile?: string;
  map: Partial<Record<CanonicalField, string>>;
  encoding?: string;
  delimiter?: string;
  dateOrder: 'dmy' | 'mdy';
  asOf?: string;
  failOn: Severity | 'never';
  minSeverity: Severity;
  strict: boolean;
  maxRejected?: RejectLimit;
  quiet: boolean;
  progress: boolean;
  mentions: boolean;
  timeline: boolean;
  labels?: string;
  baseline?: string;
  initBaseline: boolean;
  reviewed?: string;
  showReviewed: boolean;
  sample?: string;
  seed: string;
  redact: boolean;
  snippets?: boolean;
  excelIds: boolean;
  history?: string;
  manifest?: string;
  jobs?: number;
  since?: string;
  until?: string;
}

/** Where one rendering of the report goes: `--format X [--output FILE]`, in the order given. */
export interface Target {
  format?: FormatName;
  output?: string;
}

/** `scrutineer audit`: the command line and the config file merged, then the audit run. */
export async function runAudit(inputs: string[], flags: AuditFlags, command: Command, targets: Target[], io: Io): Promise<number> {
  const loaded = loadConfig(flags.config);
  const merged = loaded ? withConfig(flags, command, loaded.config) : flags;
  const chosen = targets.length || !loaded?.config.outputs ? targets : loaded.config.outputs.map((o) => ({ ...o }));
  return auditAction(inputs, merged, chosen, io, loaded);
}

function resolveTargets(targets: Target[], io: Io): { format: FormatName; output?: string }[] {
  const resolved = (targets.length ? targets : [{}]).map((t) => {
    // `-o -` is stdout, as for the inputs.
    const output = t.output === '-' ? undefined : t.output;
    return { format: t.format ?? (output ? (formatForPath(output) ?? 'json') : io.stdoutIsTTY ? 'terminal' : 'json'), output };
  });
  if (resolved.filter((t) => !t.output).length > 1) {
    throw new UserError(`only one format can go to stdout; give the others --output (formats: ${resolved.map((t) => t.format).join(', ')})`);
  }
  return resolved;
}

/** The command line wins; the config file fills in what it did not say; then the defaults. */
function withConfig(flags: AuditFlags, command: Command, config: Config): AuditFlags {
  const fromCli = (name: string) => command.getOptionValueSource(name) === 'cli';
  const out: AuditFlags = { ...flags };
  const take = <K extends keyof AuditFlags & keyof Config>(key: K, option: string) => {
    if (!fromCli(option) && config[key] !== undefined) (out as unknown as Record<string, unknown>)[key] = config[key];
  };
  if (config.rules) out.rules = [...config.rules, ...flags.rules];
  if (!fromCli('defaultRules') && config.default_rules !== undefined) out.defaultRules = config.default_rules;
  if (!fromCli('failOn') && config.fail_on) out.failOn = config.fail_on;
  if (!fromCli('minSeverity') && config.min_severity) out.minSeverity = config.min_severity;
  if (!fromCli('dateOrder') && config.date_order) out.dateOrder = config.date_order;
  if (!fromCli('excelIds') && config.excel_ids !== undefined) out.excelIds = config.excel_ids;
  if (config.map) out.map = { ...config.map, ...flags.map };
  const besideConfig = join(dirname(config.path), 'scrutineer-reviewed.yaml');
  if (!fromCli('reviewed') && !config.reviewed && existsSync(besideConfig)) out.reviewed = besideConfig;
  for (const [key, option] of [
    ['labels', 'labels'],
    ['profile', 'profile'],
    ['encoding', 'encoding'],
    ['delimiter', 'delimiter'],
    ['redact', 'redact'],
    ['snippets', 'snippets'],
    ['mentions', 'mentions'],
    ['strict', 'strict'],
    ['reviewed', 'reviewed'],
    ['baseline', 'baseline'],
    ['history', 'history'],
    ['manifest', 'manifest'],
    ['since', 'since'],
    ['until', 'until'],
  ] as const) {
    take(key, option);
  }
  return out;
}

async function auditAction(
  inputs: string[],
  flags: AuditFlags,
  targetList: Target[],
  io: Io,
  loaded?: { config: Config; source: YamlSource },
): Promise<number> {
  if (flags.failOn !== 'never' && !atLeast(flags.failOn, flags.minSeverity)) {
    throw new UserError(`--fail-on ${flags.failOn} would count flags that --min-severity ${flags.minSeverity} leaves out; lower --min-severity`);
  }
  const window: WindowDates | undefined = flags.since || flags.until ? { since: flags.since ?? null, until: flags.until ?? null } : undefined;
  const badWindow = window && windowProblem(window);
  if (badWindow) throw new UserError(badWindow);
  if (flags.snippets === false && flags.redact) io.stderr('scrutineer: --no-snippets leaves no record text, so --redact has nothing to mask\n');
  const targets = resolveTargets(targetList, io);
  let packs = await runStepsWithBreaks(loadPacksInSteps([...(flags.defaultRules ? [DEFAULT_RULES_DIR] : []), ...flags.rules]), new Breaks());
  if (loaded) packs = applyConfigToPacks(packs, loaded.config, loaded.source);
  if (flags.labels) {
    const { pack, skipped } = await loadLabelsCsv(
      flags.labels,
      packs.flatMap((p) => p.rules),
    );
    packs.push(pack);
    if (!flags.quiet) for (const s of skipped) io.stderr(`scrutineer: ${s}; row skipped\n`);
  }
  if (!packs.some((p) => p.rules.length)) throw new UserError('no rules to run: give --rules PATH or leave out --no-default-rules');
  const sources = resolveInputs(inputs, io.stdin);
  if (flags.initBaseline && !flags.baseline) throw new UserError('--init-baseline needs --baseline FILE: the file to create on the first run');
  const createBaseline = Boolean(flags.initBaseline && flags.baseline && !existsSync(flags.baseline));
  // Every place the run writes is checked before any input is read.
  const outputs: PlannedOutput[] = [
    ...targets.filter((t) => t.output).map((t) => ({ path: t.output!, option: '--output' })),
    ...(flags.manifest ? [{ path: flags.manifest, option: '--manifest' }] : []),
    ...(flags.history ? [{ path: flags.history, option: '--history', append: true }] : []),
    ...(createBaseline ? [{ path: flags.baseline!, option: '--baseline' }] : []),
  ];
  const reads = [
    ...sources.map((s) => s.path).filter((p) => p !== '-'),
    ...packs.map((p) => p.path),
    ...(loaded ? [loaded.config.path] : []),
    ...[flags.labels, createBaseline ? undefined : flags.baseline, flags.reviewed].filter((p): p is string => Boolean(p)),
  ];
  checkOutputs(outputs, reads);
  if (io.stdoutClosed && targets.some((t) => !t.output)) throw new UserError('standard output is closed, so the report would be lost; give --output FILE');
  const baseline = flags.baseline && !createBaseline ? { path: flags.baseline, flags: await readBaseline(flags.baseline) } : undefined;
  const reviewed = flags.reviewed ? { path: flags.reviewed, entries: readReviewed(flags.reviewed) } : undefined;
  const asOf = flags.asOf ?? todayIso();
  // The manager's summary compares with the run before this one: read before this run's line is appended.
  const previous: HistoryLine | undefined =
    flags.history && targets.some((t) => t.format === 'summary') && existsSync(flags.history) ? previousRun(readHistory(flags.history), asOf) : undefined;
  const progressCounter = { bytes: 0 };
  const intake: IntakeOptions = {
    profiles: loadProfiles(),
    profile: flags.profile,
    map: flags.map,
    encoding: flags.encoding ? normaliseEncodingName(flags.encoding) : undefined,
    delimiter: flags.delimiter ? parseDelimiterOption(flags.delimiter) : undefined,
    dateOrder: flags.dateOrder,
    progress: progressCounter,
  };
  const showProgress = flags.progress && !flags.quiet && io.stderrIsTTY && !io.env.CI;
  const totalBytes = sources.reduce((n, s) => n + (s.path === '-' ? 0 : safeSize(s.path)), 0);
  let progress: ProgressLine | undefined;
  const names = new Set<string>();
  const runOptions = {
    formats: targets.map((t) => t.format),
    profile: flags.profile ?? null,
    map: flags.map,
    encoding: flags.encoding ?? null,
    delimiter: flags.delimiter ?? null,
    date_order: flags.dateOrder,
    fail_on: flags.failOn,
    min_severity: flags.minSeverity,
    strict: flags.strict,
    rules: flags.rules,
    default_rules: flags.defaultRules,
    mentions: flags.mentions,
    timeline: flags.timeline,
    labels: flags.labels ?? null,
    baseline: flags.baseline ?? null,
    reviewed: flags.reviewed ?? null,
    redact: flags.redact,
    snippets: flags.snippets ?? null,
    config: loaded?.config.path ?? null,
    ...(window && { since: window.since, until: window.until }),
  };
  let startedAt = new Date();
  let report: Report = await audit({
    sources,
    intake,
    packs,
    asOf,
    minSeverity: flags.minSeverity,
    mentions: flags.mentions,
    timeline: flags.timeline,
    runOptions,
    sample: flags.sample ? { value: flags.sample, seed: flags.seed } : undefined,
    baseline,
    reviewed,
    names,
    onStart: () => {
      // After a sample's first pass: the manifest's start time and the progress line time the audit itself.
      startedAt = new Date();
      if (showProgress) progress = new ProgressLine(io.stderr, totalBytes);
    },
    onRow: showProgress ? (rows) => progress!.update(rows, progressCounter.bytes) : undefined,
    jobs: flags.jobs ?? defaultJobs(totalBytes),
    window,
  });
  progress?.done();
  const breaks = new Breaks();
  if (createBaseline) {
    // The first run of a job: every flag is where the job starts from.
    const own = await runStepsWithBreaks(baselineOfInSteps(report), breaks);
    report = await runStepsWithBreaks(applyBaselineInSteps(report, own, flags.baseline!, window && (() => false)), breaks);
    await writePiecesAtomic(flags.baseline!, baselineFileChunks(report), '--baseline', breaks);
    if (!flags.quiet) io.stderr(`scrutineer: created the baseline ${flags.baseline} with ${report.flags.length} flags; later runs fail only on new ones\n`);
  }
  if (!flags.quiet) {
    for (const input of report.inputs) {
      const outside = input.rows_outside_sample ? `, ${input.rows_outside_sample} outside the sample` : '';
      io.stderr(
        `${input.path}: ${input.profile} profile, ${input.encoding}, '${input.delimiter}' delimited; ${input.rows_audited} of ${input.rows_read} rows audited, ${input.rows_rejected} rejected${outside}\n`,
      );
    }
    const w = report.run.window;
    if (w)
      io.stderr(
        `scrutineer: window ${describeWindow(w)}: ${w.records_in_window} records dated in it audited, ${w.records_read_for_context} outside it read for context only\n`,
      );
    for (const e of report.reviewed?.stale ?? [])
      io.stderr(`scrutineer: reviewed flag ${e.id} (${e.reviewer}, ${e.date}) matches no flag in this run; remove it from ${flags.reviewed}\n`);
  }
  const namesRe = flags.redact ? namesPattern(names) : null;
  const sections = reportSections();
  let policed: { policy: TextPolicy; report: Report } | undefined;
  for (const target of targets) {
    // A signal that came while the last report was rendered is handled before the next is written.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const policy = defaultTextPolicy(target.format, { redact: flags.redact, snippets: flags.snippets });
    const colour = target.format === 'terminal' && !target.output && io.stdoutIsTTY && !io.env.NO_COLOR;
    // Targets of the same policy in a row share one copy: at 505,000 flags each copy is a few hundred MB to collect.
    if (policed?.policy !== policy) policed = { policy, report: await runStepsWithBreaks(applyTextPolicyInSteps(report, policy, namesRe, sections), breaks) };
    const pieces = renderChunks(target.format, policed.report, {
      chalk: new Chalk({ level: colour ? 2 : 0 }),
      failOn: flags.failOn,
      showReviewed: flags.showReviewed,
      previous,
      history: Boolean(flags.history),
      recordText: policy !== 'none',
      excelIds: flags.excelIds,
    });
    if (target.output) await writePiecesAtomic(target.output, pieces, '--output', breaks);
    else {
      for (const piece of pieces) {
        // An empty piece is a renderer's step (formats/pieces.ts): nothing to write, a place for a break.
        if (piece) io.stdout(piece);
        if (breaks.due()) await breaks.take();
      }
    }
  }
  if (flags.history) {
    prepareOutputFolder(flags.history, '--history');
    appendHistory(flags.history, report);
    writtenFiles.push(`${flags.history} (a line appended)`);
  }
  if (flags.manifest) writeFileAtomic(flags.manifest, JSON.stringify(buildManifest(report, startedAt, new Date()), null, 2) + '\n');
  // Nothing audited is not a pass: a CI job must not go green on an export it could not read.
  const unread = report.inputs.filter((i) => i.rows_read - i.rows_rejected === 0);
  for (const i of unread) {
    io.stderr(
      `scrutineer: ${i.path}: ${i.rows_read ? `none of its ${i.rows_read} rows could be audited (every one rejected; the report lists why)` : 'the export holds no rows, only a header'}; nothing audited is not a pass\n`,
    );
  }
  if (unread.length) return 2;
  if (report.run.window && report.run.window.records_in_window === 0) {
    io.stderr(`scrutineer: no record is dated in the window ${describeWindow(report.run.window)}; nothing audited is not a pass\n`);
    return 2;
  }
  const limit = flags.maxRejected ?? (flags.strict ? { value: 0, percent: false } : undefined);
  const over = limit && tooManyRejected(report.summary.rows_rejected, report.summary.rows_read, limit, flags.maxRejected ? undefined : '--strict');
  if (over) {
    io.stderr(`scrutineer: ${over}\n`);
    return 2;
  }
  return failing(report, flags.failOn) > 0 ? 1 : 0;
}

/** Flags that fail the run: at or above the threshold, not dismissed, and new when there is a baseline (report/failing.ts). */
export function failing(report: Report, failOn: Severity | 'never'): number {
  return report.flags.filter((f) => failsRun(f, report, failOn)).length;
}

export interface RejectLimit {
  value: number;
  percent: boolean;
}

/** Why the rejected rows are too many, or undefined when they are within the limit. */
export function tooManyRejected(rejected: number, read: number, limit: RejectLimit, option?: string): string | undefined {
  const shown = option ?? `--max-rejected ${limit.percent ? `${limit.value}%` : limit.value}`;
  if (limit.percent ? rejected * 100 > limit.value * read : rejected > limit.value) {
    return `${rejected} of ${read} rows rejected, more than ${shown} allows`;
  }
  return undefined;
}

function safeSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
