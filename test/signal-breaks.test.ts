import { describe, expect, it } from 'vitest';
import { audit, createChecks } from '../src/core/audit.ts';
import { readInputs, resolveInputs } from '../src/intake/read-inputs.ts';
import { loadProfiles } from '../src/intake/profiles.ts';
import { DEFAULT_RULES_DIR, loadPacks } from '../src/packs/load-packs.ts';
import { Breaks, runSteps, runStepsWithBreaks, sortInSteps, type Steps } from '../src/model/steps.ts';
import type { CanonicalRecord } from '../src/model/record.ts';
import type { Flag } from '../src/model/flag.ts';
import type { Check } from '../src/checks/rule-kind.ts';
import { repoPath, runCli } from './support/run-cli.ts';
import { writtenFiles } from '../src/cli/interrupt.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A signal's handler (src/cli/interrupt.ts) runs only when the event loop gets a turn. These
 * tests show that the long synchronous work of an audit gives it turns, without timing anything:
 * `new Breaks(0)` takes a break at every step, and a callback queued with setImmediate (as a
 * signal's handler is queued) must run before the work ends, with the same result as without.
 */
const EXPORTS = ['liquidlogic-casenotes.csv', 'canonical-notes.csv'].map((f) => repoPath(`fixtures/exports/${f}`));
const intake = () => ({ profiles: loadProfiles(), dateOrder: 'dmy' as const });

async function recordsOf(paths: string[]): Promise<CanonicalRecord[]> {
  const records: CanonicalRecord[] = [];
  for await (const item of readInputs(resolveInputs(paths), intake(), [], [])) if (item.record) records.push(item.record);
  return records;
}

function duplicationCheck(records: CanonicalRecord[]): Check {
  const rules = loadPacks([DEFAULT_RULES_DIR])
    .flatMap((p) => p.rules)
    .filter((r) => r.kind === 'duplication');
  const [check] = createChecks(rules, { asOf: '2025-06-30', sections: {}, collectMentions: false });
  for (const r of records) check.record(r);
  return check;
}

/** Runs `work` and says whether a callback queued (like a signal's handler) when it started ran before it ended. */
async function queuedRanDuring<T>(work: () => Promise<T>): Promise<{ result: T; ranDuring: boolean }> {
  let ended = false;
  let ranDuring = false;
  setImmediate(() => {
    ranDuring = !ended;
  });
  const result = await work();
  ended = true;
  return { result, ranDuring };
}

describe('long work takes breaks for a signal', () => {
  it('steps give the same result at once or with breaks, and a break lets queued callbacks run', async () => {
    function* count(n: number): Steps<number> {
      let sum = 0;
      for (let i = 1; i <= n; i++) {
        sum += i;
        yield;
      }
      return sum;
    }
    expect(runSteps(count(100))).toBe(5050);
    const breaks = new Breaks(0);
    const { result, ranDuring } = await queuedRanDuring(() => runStepsWithBreaks(count(100), breaks));
    expect(result).toBe(5050);
    expect(breaks.taken).toBe(100);
    expect(ranDuring).toBe(true);
  });

  it("the duplication check's finish, the longest step on the main thread, yields between records with the same flags", async () => {
    const records = await recordsOf(EXPORTS);
    const atOnce = duplicationCheck(records).finish();
    expect(atOnce.length).toBeGreaterThan(0);
    const check = duplicationCheck(records);
    const breaks = new Breaks(0);
    const { result, ranDuring } = await queuedRanDuring(() => runStepsWithBreaks(check.finishInSteps!(), breaks));
    expect(result).toEqual(atOnce);
    expect(ranDuring).toBe(true);
    // A step after the search's sorted pass and after each record with candidate pairs (every flagged record among them).
    expect(breaks.taken).toBeGreaterThan(new Set(atOnce.map((d) => d.record.record_id)).size);
  });

  it("the label check's finish, which gives every label flag once each case's history is known, yields with the same flags", async () => {
    const records = await recordsOf(EXPORTS);
    const packs = loadPacks([DEFAULT_RULES_DIR]);
    const sections: Record<string, unknown[]> = {};
    for (const pack of packs) for (const [key, value] of Object.entries(pack.sections)) (sections[key] ??= []).push(value);
    const label = () => {
      const [check] = createChecks(
        packs.flatMap((p) => p.rules).filter((r) => r.kind === 'label'),
        { asOf: '2025-06-30', sections, collectMentions: false },
      );
      for (const r of records) check.record(r);
      return check;
    };
    const atOnce = label().finish();
    expect(atOnce.length).toBeGreaterThan(0);
    const breaks = new Breaks(0);
    const { result, ranDuring } = await queuedRanDuring(() => runStepsWithBreaks(label().finishInSteps!(), breaks));
    expect(result).toEqual(atOnce);
    expect(ranDuring).toBe(true);
    expect(breaks.taken).toBeGreaterThan(1);
  });

  it('the audit takes breaks while reading and checking records and in finish, and reports the same flags', async () => {
    const run = (breaks?: Breaks) =>
      audit({
        sources: resolveInputs(EXPORTS),
        intake: intake(),
        packs: loadPacks([DEFAULT_RULES_DIR]),
        asOf: '2025-06-30',
        minSeverity: 'info',
        runOptions: {},
        breaks,
      });
    const plain = await run();
    const breaks = new Breaks(0);
    const { result, ranDuring } = await queuedRanDuring(() => run(breaks));
    expect(result.flags).toEqual(plain.flags);
    expect(result.summary).toEqual(plain.summary);
    expect(ranDuring).toBe(true);
    // At least one break before each row after the first.
    expect(breaks.taken).toBeGreaterThanOrEqual(plain.summary.rows_read - 1);
  });
});

describe('one very long note is checked in steps', () => {
  const run = (sources: string[], options: { breaks?: Breaks; steppedFromChars?: number; onRow?: (rows: number) => void } = {}) =>
    audit({
      sources: resolveInputs(sources),
      intake: intake(),
      packs: loadPacks([DEFAULT_RULES_DIR]),
      asOf: '2025-06-30',
      minSeverity: 'info',
      runOptions: {},
      mentions: true,
      timeline: true,
      ...options,
    });

  it('every record checked in steps, as a very long note is, gives the same report as checked at once', async () => {
    const plain = await run(EXPORTS);
    expect(plain.flags.length).toBeGreaterThan(0);
    const breaks = new Breaks(0);
    const stepped = await run(EXPORTS, { breaks, steppedFromChars: 0 });
    expect(stepped).toEqual(plain);
    // More breaks than a break before each row and after each check of each record.
    const checks = new Set(loadPacks([DEFAULT_RULES_DIR]).flatMap((p) => p.rules.map((r) => r.kind))).size;
    expect(breaks.taken).toBeGreaterThan(plain.summary.rows_read * (checks + 1));
  });

  it('a note longer than STEPPED_FROM_CHARS takes breaks inside its checks, and its label is found', async () => {
    const { STEPPED_FROM_CHARS } = await import('../src/core/audit.ts');
    const { writeFileSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-long-'));
    const path = join(dir, 'long.csv');
    const sentence = 'Visited the family at home. The children were seen together and then alone in their bedrooms. ';
    const text = `${sentence.repeat(Math.ceil(STEPPED_FROM_CHARS / sentence.length))}Mother is aggressive.`;
    writeFileSync(path, `record_id,case_id,record_date,text\r\nLONG-1,C-1,01/02/2024,"${text}"\r\nSHORT-1,C-1,02/02/2024,Seen at school.\r\n`);
    const breaks = new Breaks(0);
    const takenAt: number[] = [];
    const report = await run([path], { breaks, onRow: () => takenAt.push(breaks.taken) });
    expect(report.flags.map((f) => [f.record_id, f.rule, f.span?.start])).toEqual([['LONG-1', 'label.aggressive', text.length - 'aggressive.'.length]]);
    // Between the long note's row and the next: a break before the next row, one after each of
    // its checks, and the breaks inside the checks that take steps.
    const checks = new Set(loadPacks([DEFAULT_RULES_DIR]).flatMap((p) => p.rules.map((r) => r.kind))).size;
    expect(takenAt[1] - takenAt[0]).toBeGreaterThan(checks + 1);
  });
});

describe('merging reports in steps', () => {
  it('gives the merged report merging at once gives, with breaks between the passes over the flags', async () => {
    const { auditJson } = await import('./support/run-cli.ts');
    const { mergeReports, mergeReportsInSteps } = await import('../src/report/merge.ts');
    const { reportSections } = await import('../src/checks/index.ts');
    const parts = await Promise.all(EXPORTS.map(async (path) => ({ path, report: await auditJson([path]) })));
    const atOnce = mergeReports(parts, reportSections());
    expect(atOnce.flags.length).toBe(parts[0].report.flags.length + parts[1].report.flags.length);
    const breaks = new Breaks(0);
    const { result, ranDuring } = await queuedRanDuring(() => runStepsWithBreaks(mergeReportsInSteps(parts, reportSections()), breaks));
    expect(result).toEqual(atOnce);
    expect(ranDuring).toBe(true);
  });
});

describe('sorting and the text policy in steps', () => {
  /** Runs the steps to the end, counting them. */
  function stepsOf<T>(steps: Steps<T>): { result: T; steps: number } {
    let n = 0;
    for (;;) {
      const next = steps.next();
      if (next.done) return { result: next.value, steps: n };
      n++;
    }
  }

  it('sortInSteps gives what a stable sort gives, at every size, with a step every few thousand items', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const n of [0, 1, 2, 4095, 4096, 4097, 8193, 20_000, 70_000]) {
      // Few distinct keys, so that stability shows: equal keys keep their input order.
      const items = Array.from({ length: n }, (_, i) => ({ key: Math.floor(random() * 50), i }));
      const compare = (a: { key: number }, b: { key: number }) => a.key - b.key;
      const { result, steps } = stepsOf(sortInSteps(items, compare));
      expect(result).toEqual([...items].sort(compare));
      expect(result.map((x) => x.i)).toEqual([...items].sort(compare).map((x) => x.i));
      expect(steps).toBeGreaterThanOrEqual(Math.floor(n / 4096));
    }
  });

  it('--redact and --no-snippets over every flag and section take steps, with the same report as at once', async () => {
    const { auditJson } = await import('./support/run-cli.ts');
    const { applyTextPolicy, applyTextPolicyInSteps, namesPattern } = await import('../src/report/text-policy.ts');
    const { reportSections } = await import('../src/checks/index.ts');
    const audited = await auditJson(EXPORTS, ['--mentions', '--timeline']);
    const report = { ...audited, flags: Array.from({ length: 3000 }, (_, i) => audited.flags[i % audited.flags.length]) };
    const names = namesPattern(['Jordan Smith', 'Kelly']);
    for (const policy of ['redacted', 'none'] as const) {
      const atOnce = applyTextPolicy(report, policy, names, reportSections());
      const { result, steps } = stepsOf(applyTextPolicyInSteps(report, policy, names, reportSections()));
      expect(result).toEqual(atOnce);
      expect(steps).toBeGreaterThanOrEqual(Math.floor(report.flags.length / 512));
      const breaks = new Breaks(0);
      const { result: withBreaks, ranDuring } = await queuedRanDuring(() =>
        runStepsWithBreaks(applyTextPolicyInSteps(report, policy, names, reportSections()), breaks),
      );
      expect(withBreaks).toEqual(atOnce);
      expect(ranDuring).toBe(true);
    }
  });
});

describe('loading the packs in steps', () => {
  it('takes a break after each pack file, with the same packs as at once', async () => {
    const { loadPacksInSteps } = await import('../src/packs/load-packs.ts');
    const paths = [DEFAULT_RULES_DIR, repoPath('fixtures/packs/valid')];
    const atOnce = loadPacks(paths);
    const breaks = new Breaks(0);
    const { result, ranDuring } = await queuedRanDuring(() => runStepsWithBreaks(loadPacksInSteps(paths), breaks));
    expect(result).toEqual(atOnce);
    expect(ranDuring).toBe(true);
    expect(breaks.taken).toBe(atOnce.length);
  });
});

describe('the baseline and the reviewed flags in steps', () => {
  it('applying a baseline and decisions, and writing a new baseline, take steps and give what they gave at once', async () => {
    const { auditJson } = await import('./support/run-cli.ts');
    const { applyBaseline, applyBaselineInSteps, baselineFile, baselineFileChunks, baselineOf } = await import('../src/report/baseline.ts');
    const { applyReviewed, applyReviewedInSteps } = await import('../src/report/reviewed.ts');
    const audited = await auditJson(EXPORTS, []);
    const report = {
      ...audited,
      flags: Array.from({ length: 20_000 }, (_, i) => ({ ...audited.flags[i % audited.flags.length], id: i.toString(16).padStart(16, '0') })),
    };
    // Half the flags were there before; 5,000 earlier ones are gone.
    const earlier = baselineOf({
      ...report,
      flags: [...report.flags.slice(0, 10_000), ...report.flags.slice(0, 5000).map((f: Flag) => ({ ...f, id: `e${f.id.slice(1)}` }))],
    });
    const breaks = new Breaks(0);
    const stepped = await runStepsWithBreaks(applyBaselineInSteps(report, earlier, 'b.json'), breaks);
    expect(stepped).toEqual(applyBaseline(report, earlier, 'b.json'));
    expect(stepped.baseline).toMatchObject({ new: 10_000, existing: 10_000 });
    expect(stepped.baseline!.resolved).toHaveLength(5000);
    expect(breaks.taken).toBeGreaterThan(20_000 / 4096);
    const entries = report.flags.slice(0, 3000).map((f: Flag, i: number) => ({
      id: f.id,
      decision: i % 2 ? ('confirmed' as const) : ('dismissed' as const),
      reason_code: i % 2 ? undefined : ('attributed' as const),
      reviewer: 'JO',
      date: '2025-01-02',
      reason: '',
      rule: f.rule,
    }));
    const reviewedBreaks = new Breaks(0);
    expect(await runStepsWithBreaks(applyReviewedInSteps(report, entries, 'r.yaml'), reviewedBreaks)).toEqual(applyReviewed(report, entries, 'r.yaml'));
    expect(reviewedBreaks.taken).toBeGreaterThan(20_000 / 4096);
    const pieces = [...baselineFileChunks(report)];
    expect(pieces.join('')).toBe(
      `${JSON.stringify({ schema_version: report.schema_version, baseline_of: report.run.as_of, flags: report.flags.map((f: Flag) => ({ id: f.id, rule: f.rule, case_id: f.case_id, record_id: f.record_id })) }, null, 1)}\n`,
    );
    expect(baselineFile(report)).toBe(pieces.join(''));
    expect(pieces.filter((p) => !p).length).toBe(Math.floor(20_000 / 4096));
  });
});

describe('what an interrupt says was written', () => {
  it('counts a history line among what was written, in the order written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-written-'));
    const [report, history, manifest] = ['r.json', 'h.ndjson', 'm.json'].map((f) => join(dir, f));
    const before = writtenFiles.length;
    const r = await runCli([
      'audit',
      EXPORTS[0],
      '--format',
      'json',
      '--output',
      report,
      '--history',
      history,
      '--manifest',
      manifest,
      '--fail-on',
      'never',
      '--as-of',
      '2025-06-30',
      '-q',
    ]);
    expect(r.code).toBe(0);
    expect(writtenFiles.slice(before)).toEqual([report, `${history} (a line appended)`, manifest]);
  });
});
