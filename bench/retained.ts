/**
 * What the whole run keeps per record, check by check: reads an export with the intake, runs
 * the default packs' checks of the kinds given (all by default) on this thread, as
 * `--jobs 1` would, and prints the heap and the memory outside it (typed arrays, buffers)
 * retained after a forced gc at the start, every `--every` records, and at the end of reading
 * (before finish()), per record. `--each` runs every kind alone, one after another, in this
 * process, so their figures are comparable; `--drafts` counts the drafts' own records too.
 * Records are given their places in the file, as in an audit, so that checks keep places rather
 * than records; `--keep-rows` gives none, as for standard input.
 *
 *   node --expose-gc --import tsx bench/retained.ts FILE [--limit N] [--kinds a,b] [--each] [--every N] [--keep-rows]
 */
import { writeHeapSnapshot } from 'node:v8';
import { readInputs, resolveInputs } from '../src/intake/read-inputs.ts';
import { loadProfiles } from '../src/intake/profiles.ts';
import { RowRereader } from '../src/intake/reread.ts';
import { DEFAULT_RULES_DIR, loadPacks } from '../src/packs/load-packs.ts';
import { createChecks } from '../src/core/audit.ts';
import type { CheckEnv } from '../src/checks/rule-kind.ts';
import type { FlagDraft } from '../src/model/flag.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  process.stderr.write('run with node --expose-gc --import tsx bench/retained.ts FILE\n');
  process.exit(2);
}
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!file) {
  process.stderr.write('usage: retained.ts FILE [--limit N] [--kinds a,b] [--each] [--every N] [--keep-rows]\n');
  process.exit(2);
}
const limit = Number(option('--limit') ?? Infinity);
const every = Number(option('--every') ?? 0);
const snapshot = option('--snapshot');
const packs = loadPacks([DEFAULT_RULES_DIR]);
const allRules = packs.flatMap((p) => p.rules);
const kinds = option('--kinds')?.split(',') ?? [...new Set(allRules.map((r) => r.kind))];
const sections: Record<string, unknown[]> = {};
for (const pack of packs) for (const [key, value] of Object.entries(pack.sections)) (sections[key] ??= []).push(value);
const keepRows = args.includes('--keep-rows');
const env: CheckEnv = { asOf: '2026-12-07', sections, collectMentions: false, timeline: false };
const profiles = loadProfiles();

function retained(): { heap: number; external: number } {
  gc!();
  gc!();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, external: m.external + m.arrayBuffers };
}

async function run(chosen: string[]): Promise<void> {
  const reread = keepRows ? undefined : new RowRereader();
  const intake = { profiles, dateOrder: 'dmy' as const, reread };
  const checks = createChecks(
    allRules.filter((r) => chosen.includes(r.kind)),
    { ...env, records: reread },
  );
  const before = retained();
  const drafts: FlagDraft[] = [];
  let records = 0;
  const show = (at: string) => {
    const now = retained();
    const per = (b: number) => Math.round(b / Math.max(1, records));
    process.stdout.write(
      `${chosen.join('+').padEnd(28)} ${at.padEnd(8)} ${records} records: heap ${per(now.heap - before.heap)} B + outside ${per(now.external - before.external)} B a record (${Math.round((now.heap - before.heap) / 1e6)} + ${Math.round((now.external - before.external) / 1e6)} MB), drafts ${drafts.length}\n`,
    );
  };
  const started = performance.now();
  for await (const item of readInputs(resolveInputs([file!]), intake, [], [])) {
    if (!item.record) continue;
    if (records >= limit) break;
    records++;
    for (const c of checks) for (const d of c.record(item.record, item.place)) drafts.push(d);
    if (every && records % every === 0) show('reading');
  }
  const seconds = (performance.now() - started) / 1000;
  show('read');
  process.stdout.write(`${' '.repeat(29)}(${seconds.toFixed(1)} s, ${checks.length} checks)\n`);
  if (snapshot) writeHeapSnapshot(snapshot);
  // The checks are used after the measure, so that the collector cannot free them before it.
  if (checks.length < 0) process.stdout.write(String(checks));
}

if (args.includes('--each')) for (const kind of kinds) await run([kind]);
else await run(kinds);
