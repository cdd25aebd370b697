/**
 * Where an audit's time goes, check by check: reads an export with the intake, runs every
 * check of the default packs over it in-process, and times each check's record() calls and its
 * finish() separately (plus the intake itself). Complements the CPU profile, which shows the
 * hot functions but not which check called them.
 *
 *   npx tsx bench/check-costs.ts FILE [--json]
 */
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveInputs, readInputs } from '../src/intake/read-inputs.ts';
import { loadProfiles } from '../src/intake/profiles.ts';
import type { CanonicalRecord } from '../src/model/record.ts';
import { DEFAULT_RULES_DIR, loadPacks } from '../src/packs/load-packs.ts';
import { findKind } from '../src/checks/index.ts';
import type { Check, CheckEnv, Rule } from '../src/checks/rule-kind.ts';

export interface CheckCost {
  kind: string;
  rules: number;
  record_s: number;
  finish_s: number;
  flags: number;
}

export async function checkCosts(file: string): Promise<{ records: number; intake_s: number; checks: CheckCost[] }> {
  const packs = loadPacks([DEFAULT_RULES_DIR]);
  const sections: Record<string, unknown[]> = {};
  for (const pack of packs) for (const [key, value] of Object.entries(pack.sections)) (sections[key] ??= []).push(value);
  const env: CheckEnv = { asOf: new Date().toISOString().slice(0, 10), sections, collectMentions: false };
  const byKind = new Map<string, Rule[]>();
  for (const rule of packs.flatMap((p) => p.rules)) byKind.set(rule.kind, [...(byKind.get(rule.kind) ?? []), rule]);
  const checks: { kind: string; rules: number; check: Check; record: number; finish: number; flags: number }[] = [...byKind].map(([kind, rules]) => ({
    kind,
    rules: rules.length,
    check: findKind(kind)!.createCheck(rules, env),
    record: 0,
    finish: 0,
    flags: 0,
  }));
  const intake = { profiles: loadProfiles(), dateOrder: 'dmy' as const };
  let records = 0;
  let inChecks = 0;
  const started = performance.now();
  for await (const item of readInputs(resolveInputs([file]), intake, [], [])) {
    if (!item.record) continue;
    records++;
    const record: CanonicalRecord = item.record;
    for (const c of checks) {
      const t = performance.now();
      c.flags += c.check.record(record).length;
      const dt = performance.now() - t;
      c.record += dt;
      inChecks += dt;
    }
  }
  const intakeSeconds = (performance.now() - started - inChecks) / 1000;
  for (const c of checks) {
    const t = performance.now();
    c.flags += c.check.finish().length;
    c.finish = performance.now() - t;
  }
  return {
    records,
    intake_s: Math.round(intakeSeconds * 100) / 100,
    checks: checks
      .map((c) => ({ kind: c.kind, rules: c.rules, record_s: Math.round(c.record / 10) / 100, finish_s: Math.round(c.finish / 10) / 100, flags: c.flags }))
      .sort((a, b) => b.record_s + b.finish_s - (a.record_s + a.finish_s)),
  };
}

export function costsMarkdown(c: Awaited<ReturnType<typeof checkCosts>>): string {
  const total = c.intake_s + c.checks.reduce((n, x) => n + x.record_s + x.finish_s, 0);
  const pct = (s: number) => `${((s / total) * 100).toFixed(1)}%`;
  return [
    `${c.records.toLocaleString('en-GB')} records; intake (read, decode, parse, map) ${c.intake_s} s (${pct(c.intake_s)}).`,
    '',
    '| check kind | rules | record() s | finish() s | share | flags |',
    '|---|---:|---:|---:|---:|---:|',
    ...c.checks.map((x) => `| ${x.kind} | ${x.rules} | ${x.record_s} | ${x.finish_s} | ${pct(x.record_s + x.finish_s)} | ${x.flags} |`),
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const [file, flag] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: check-costs.ts FILE [--json]\n');
    process.exit(2);
  }
  const costs = await checkCosts(file);
  process.stdout.write(flag === '--json' ? `${JSON.stringify(costs, null, 2)}\n` : `${costsMarkdown(costs)}\n`);
}
