import { DEFAULT_RULES_DIR } from '../packs/loaded-pack.ts';
import { todayIso } from './options.ts';
import type { Io } from './io.ts';
import type { ReviewEntry } from '../report/reviewed.ts';
import { packsAt, packsFor, type PackFlags } from './packs-for.ts';

// Each subcommand imports what only it needs when it runs: `rules list` needs no audit engine.

/** `rules list`: every rule of the packs an audit would run, as a table or JSON. */
export async function listRules(io: Io, flags: PackFlags & { format: 'table' | 'json' }): Promise<void> {
  const packs = await packsFor(flags);
  if (flags.format === 'json') {
    const list = packs.flatMap((p) =>
      p.rules.map((r) => ({
        id: r.id,
        kind: r.kind,
        category: r.category,
        severity: r.severity,
        standards: r.standards,
        ...(r.label ? { label: r.label } : {}),
        pack: p.name,
        pack_version: p.version,
      })),
    );
    io.stdout(`${JSON.stringify({ rules: list }, null, 2)}\n`);
    return;
  }
  const rows = packs.flatMap((p) => p.rules.map((r) => [r.id, r.kind, r.category, r.severity, r.standards.join(' '), p.name]));
  const head = ['RULE', 'KIND', 'CATEGORY', 'SEVERITY', 'STANDARDS', 'PACK'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < cells.length - 1 ? c.padEnd(widths[i]) : c)).join('  ');
  io.stdout([line(head), ...rows.map(line)].join('\n') + '\n');
}

/** `rules validate`: load the packs, which throws on any problem, and say how many rules they hold. */
export async function validateRules(io: Io, paths: string[]): Promise<void> {
  const packs = await packsAt(paths.length ? paths : [DEFAULT_RULES_DIR]);
  const count = packs.reduce((n, p) => n + p.rules.length, 0);
  io.stdout(`${packs.length} pack${packs.length === 1 ? '' : 's'}, ${count} rule${count === 1 ? '' : 's'}: valid\n`);
}

/** `rules test`: each rule's fixtures; exit 1 when one fails. */
export async function testRules(io: Io, paths: string[], flags: PackFlags & { asOf: string }): Promise<void> {
  const [{ runRuleTests }, { formatRuleTests }] = await Promise.all([import('./rule-tests.ts'), import('./rule-tests-format.ts')]);
  const all = await packsFor(flags, paths);
  const results = await runRuleTests(all, flags.asOf ?? todayIso());
  const wanted = paths.length ? new Set((await packsAt(paths)).flatMap((p) => p.rules.map((r) => r.id))) : undefined;
  const shown = wanted ? results.filter((r) => wanted.has(r.rule)) : results;
  io.stdout(formatRuleTests(shown));
  io.exitCode = shown.every((r) => r.passed) ? 0 : 1;
}

/** `rules stats`: what auditors' decisions say about each rule and label. */
export async function ruleStats(io: Io, paths: string[], flags: { format: 'table' | 'json' }): Promise<void> {
  const [{ readReviewed }, { reviewStats }, { formatReviewStats }] = await Promise.all([
    import('../report/reviewed.ts'),
    import('../report/review-stats.ts'),
    import('./review-stats-format.ts'),
  ]);
  // A flag decided in more than one file counts once, as the last file given decides it (its
  // rule and label kept from an earlier file when the last is of version 1 and has none).
  const byId = new Map<string, ReviewEntry>();
  for (const path of paths) {
    for (const entry of readReviewed(path, null)) {
      const earlier = byId.get(entry.id);
      byId.set(entry.id, { ...(earlier?.rule && { rule: earlier.rule }), ...(earlier?.label && { label: earlier.label }), ...entry });
    }
  }
  const stats = reviewStats([...byId.values()]);
  io.stdout(flags.format === 'json' ? `${JSON.stringify({ files: paths, review_stats: stats }, null, 2)}\n` : formatReviewStats(stats, paths));
}
