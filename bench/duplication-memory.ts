/**
 * What the duplication check holds per record until the end of the run, and what its finish()
 * costs: reads an export with the intake, feeds only the duplication rules of the default
 * packs, and prints the memory retained after a forced gc before finish() (less the same
 * measure taken before reading), the seconds in record() and finish(), the peak resident size,
 * and a digest of the flags so that two versions of the check can be compared for identical
 * findings. `--intake-only` reads without the check, to show what the intake alone retains.
 * The check keeps each row's place in the file and reads candidate rows again, as in an audit;
 * `--keep-rows` makes it keep every row deflated, as it does for standard input.
 *
 *   node --expose-gc --import tsx bench/duplication-memory.ts FILE [--intake-only] [--keep-rows] [--json]
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { resolveInputs, readInputs } from '../src/intake/read-inputs.ts';
import { loadProfiles } from '../src/intake/profiles.ts';
import { RowRereader } from '../src/intake/reread.ts';
import { DEFAULT_RULES_DIR, loadPacks } from '../src/packs/load-packs.ts';
import { findKind } from '../src/checks/index.ts';
import type { CheckEnv } from '../src/checks/rule-kind.ts';
import type { FlagDraft } from '../src/model/flag.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  process.stderr.write('run with node --expose-gc --import tsx bench/duplication-memory.ts FILE\n');
  process.exit(2);
}
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  process.stderr.write('usage: duplication-memory.ts FILE [--intake-only] [--keep-rows] [--json]\n');
  process.exit(2);
}
const intakeOnly = args.includes('--intake-only');

/** JS heap plus the memory outside it that typed arrays and buffers hold, after a full gc. */
function retained(): { heap: number; external: number; rss: number } {
  gc!();
  gc!();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, external: m.external, rss: m.rss };
}

const rules = loadPacks([DEFAULT_RULES_DIR])
  .flatMap((p) => p.rules)
  .filter((r) => r.kind === 'duplication');
const reread = args.includes('--keep-rows') ? undefined : new RowRereader();
const env: CheckEnv = { asOf: new Date().toISOString().slice(0, 10), sections: {}, collectMentions: false, records: reread };
const check = findKind('duplication')!.createCheck(rules, env);
const intake = { profiles: loadProfiles(), dateOrder: 'dmy' as const, reread };

const before = retained();
const started = performance.now();
let records = 0;
let recordMs = 0;
for await (const item of readInputs(resolveInputs([file]), intake, [], [])) {
  if (!item.record) continue;
  records++;
  if (intakeOnly) continue;
  const t = performance.now();
  check.record(item.record, item.place);
  recordMs += performance.now() - t;
}
const readMs = performance.now() - started;
const read = retained();
const peakBeforeFinish = process.resourceUsage().maxRSS * 1024;
let finishMs = 0;
let drafts: FlagDraft[] = [];
if (!intakeOnly) {
  const t = performance.now();
  drafts = check.finish();
  finishMs = performance.now() - t;
}
reread?.close();
const peak = process.resourceUsage().maxRSS * 1024;

const digest = createHash('sha256');
for (const d of drafts)
  digest.update(JSON.stringify([d.rule.id, d.record.record_id, d.span, d.message, d.severity, d.related_record_ids, d.details, d.discriminator]));

const perRecord = (bytes: number) => Math.round(bytes / Math.max(1, records));
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
const result = {
  records,
  read_s: Math.round(readMs) / 1000,
  record_s: Math.round(recordMs) / 1000,
  finish_s: Math.round(finishMs) / 1000,
  retained_per_record: {
    heap: perRecord(read.heap - before.heap),
    external: perRecord(read.external - before.external),
    rss: perRecord(read.rss - before.rss),
  },
  retained_mb: { heap: mb(read.heap - before.heap), external: mb(read.external - before.external) },
  peak_rss_mb: { before_finish: mb(peakBeforeFinish), after_finish: mb(peak) },
  flags: drafts.length,
  digest: digest.digest('hex').slice(0, 16),
  stats: (check as { stats?: unknown }).stats,
};
if (args.includes('--json')) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
else {
  const r = result.retained_per_record;
  process.stdout.write(
    [
      `${records.toLocaleString('en-GB')} records${intakeOnly ? ' (intake only)' : ''}: reading ${result.read_s} s, of which record() ${result.record_s} s; finish() ${result.finish_s} s`,
      `retained before finish(), a record: heap ${r.heap} B + outside the heap ${r.external} B (rss ${r.rss} B); in all ${result.retained_mb.heap} + ${result.retained_mb.external} MB`,
      `peak rss ${result.peak_rss_mb.before_finish} MB before finish(), ${result.peak_rss_mb.after_finish} MB after`,
      `flags ${result.flags}, digest ${result.digest}`,
      ...(result.stats ? [`stats ${JSON.stringify(result.stats)}`] : []),
    ].join('\n') + '\n',
  );
}
