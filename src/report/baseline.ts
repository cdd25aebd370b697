import { UserError, unreadableJson } from '../model/errors.ts';
import type { Report } from './build-report.ts';
import { filterInSteps, mapInSteps, runSteps, sortInSteps, type Steps } from '../model/steps.ts';
import { jsonPieces } from '../model/json-pieces.ts';
import { readJsonEvents } from '../model/json-stream.ts';

export interface BaselineFlag {
  id: string;
  rule: string;
  case_id: string;
  record_id: string;
  /** The record's date, when the baseline is a full JSON report (a file written by --init-baseline has none). */
  record_date?: string;
}

/**
 * The flags of an earlier JSON report, by id. The report is read in chunks (model/json-stream.ts),
 * flag by flag, keeping only what a baseline is compared by: a report of any size can be read,
 * in memory for its flags' ids, and the main thread is free between chunks.
 */
export async function readBaseline(path: string): Promise<Map<string, BaselineFlag>> {
  let version: unknown;
  let flags: Map<string, BaselineFlag> | undefined;
  let flagsAreObjects = true;
  try {
    await readJsonEvents(path, (e) => {
      if (e.type === 'member' && e.key === 'schema_version') version = e.value;
      else if (e.type === 'member' && e.key === 'flags') flags = undefined;
      else if (e.type === 'start' && e.key === 'flags') flags = new Map();
      else if (e.type === 'item' && e.key === 'flags') {
        const f = e.value as BaselineFlag & { record_date?: unknown };
        if (!f || typeof f !== 'object') flagsAreObjects = false;
        else {
          flags!.set(f.id, {
            id: f.id,
            rule: f.rule,
            case_id: f.case_id,
            record_id: f.record_id,
            ...(typeof f.record_date === 'string' && { record_date: f.record_date }),
          });
        }
      }
    });
  } catch (err) {
    const why = unreadableJson(err);
    throw new UserError(
      `--baseline ${path}: ${why}${why.startsWith('too large') ? '; a baseline needs only the flag ids: use the file --init-baseline writes' : ''}`,
    );
  }
  if (!version || !flags || !flagsAreObjects) throw new UserError(`--baseline ${path}: not a scrutineer JSON report (no schema_version or flags)`);
  return flags;
}

/**
 * Marks each flag new or existing, and lists the earlier flags that are gone as resolved. With
 * a window, `outsideWindow` says which earlier flags stand on records dated outside it: this
 * run does not report on those records, so their flags are counted apart, never as resolved.
 */
export function applyBaseline(report: Report, baseline: Map<string, BaselineFlag>, path: string, outsideWindow?: (flag: BaselineFlag) => boolean): Report {
  return runSteps(applyBaselineInSteps(report, baseline, path, outsideWindow));
}

/** applyBaseline in steps (model/steps.ts): at 505,000 flags, with a new baseline written, it held the main thread 3.6 s. */
export function* applyBaselineInSteps(
  report: Report,
  baseline: Map<string, BaselineFlag>,
  path: string,
  outsideWindow?: (flag: BaselineFlag) => boolean,
): Steps<Report> {
  const flags = yield* mapInSteps(report.flags, (f) => ({ ...f, baseline: baseline.has(f.id) ? ('existing' as const) : ('new' as const) }));
  const current = new Set<string>();
  yield* mapInSteps(flags, (f) => current.add(f.id));
  const gone = yield* filterInSteps(baseline.values(), (f) => !current.has(f.id));
  const outside = outsideWindow ? (yield* filterInSteps(gone, outsideWindow)).length : 0;
  const kept = outsideWindow ? yield* filterInSteps(gone, (f) => !outsideWindow(f)) : gone;
  const resolved = yield* sortInSteps(kept, (a, b) => a.case_id.localeCompare(b.case_id) || a.record_id.localeCompare(b.record_id) || a.id.localeCompare(b.id));
  const existing = (yield* filterInSteps(flags, (f) => f.baseline === 'existing')).length;
  const summary = { path, new: flags.length - existing, existing, resolved: yield* mapInSteps(resolved, ({ record_date: _date, ...f }) => f) };
  return { ...report, flags, baseline: outsideWindow ? { ...summary, outside_window: outside } : summary };
}

/**
 * A report's flags as a new baseline file: only what a baseline is compared by (id, rule, case,
 * record), with no record text, so the file a CI job keeps holds no case content.
 */
export function baselineFile(report: Report): string {
  return [...baselineFileChunks(report)].join('');
}

/** baselineFile's text in pieces (model/json-pieces.ts), with an empty piece, a step, every few thousand flags taken. */
export function* baselineFileChunks(report: Report): Generator<string, void, void> {
  const flags: BaselineFlag[] = [];
  for (const f of report.flags) {
    flags.push({ id: f.id, rule: f.rule, case_id: f.case_id, record_id: f.record_id });
    if (flags.length % 4096 === 0) yield '';
  }
  yield* jsonPieces({ schema_version: report.schema_version, baseline_of: report.run.as_of, flags }, ' ');
}

/** The flags of a report as a baseline, for a first run that creates its own. */
export function baselineOf(report: Report): Map<string, BaselineFlag> {
  return runSteps(baselineOfInSteps(report));
}

export function* baselineOfInSteps(report: Report): Steps<Map<string, BaselineFlag>> {
  const out = new Map<string, BaselineFlag>();
  yield* mapInSteps(report.flags, (f) => out.set(f.id, { id: f.id, rule: f.rule, case_id: f.case_id, record_id: f.record_id }));
  return out;
}
