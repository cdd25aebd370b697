import { Command, Option } from 'commander';
import { DEFAULT_RULES_DIR, loadPacks, type LoadedPack } from '../packs/load-packs.ts';
import { runRuleTests } from './rule-tests.ts';
import { applyConfigToPacks, loadConfig } from '../config/load-config.ts';
import { collect, todayIso } from './options.ts';
import { formatRuleTests } from './rule-tests-format.ts';
import type { Io } from './io.ts';
import { readReviewed, type ReviewEntry } from '../report/reviewed.ts';
import { reviewStats } from '../report/review-stats.ts';
import { formatReviewStats } from './review-stats-format.ts';

interface PackFlags {
  rules: string[];
  defaultRules: boolean;
  config?: string;
}

/** The packs an audit would run: defaults, --rules, and the config file's choices. */
export function packsFor(flags: PackFlags, extraPaths: string[] = []): LoadedPack[] {
  const loaded = loadConfig(flags.config);
  const useDefaults = flags.defaultRules && loaded?.config.default_rules !== false;
  const packs = loadPacks([...(useDefaults ? [DEFAULT_RULES_DIR] : []), ...(loaded?.config.rules ?? []), ...flags.rules, ...extraPaths]);
  return loaded ? applyConfigToPacks(packs, loaded.config, loaded.source) : packs;
}

const packOptions = (cmd: Command) =>
  cmd
    .option('-r, --rules <path>', 'add a rule pack or folder (repeatable)', collect, [])
    .option('--no-default-rules', 'leave out the default packs')
    .option('-c, --config <file>', 'council configuration (default: scrutineer.yaml here, if any)');

export function rulesCommand(io: Io): Command {
  const rules = new Command('rules').description('list, check and test rule packs');
  packOptions(rules.command('list').description('list every rule: id, kind, category, severity, standards and pack'))
    .addOption(new Option('-f, --format <format>', 'table for people, json for programs').choices(['table', 'json']).default('table'))
    .action((flags: PackFlags & { format: 'table' | 'json' }) => {
    const packs = packsFor(flags);
    if (flags.format === 'json') {
      const list = packs.flatMap((p) => p.rules.map((r) => ({ id: r.id, kind: r.kind, category: r.category, severity: r.severity, standards: r.standards, ...(r.label ? { label: r.label } : {}), pack: p.name, pack_version: p.version })));
      io.stdout(`${JSON.stringify({ rules: list }, null, 2)}\n`);
      return;
    }
    const rows = packs.flatMap((p) => p.rules.map((r) => [r.id, r.kind, r.category, r.severity, r.standards.join(' '), p.name]));
    const head = ['RULE', 'KIND', 'CATEGORY', 'SEVERITY', 'STANDARDS', 'PACK'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => (i < cells.length - 1 ? c.padEnd(widths[i]) : c)).join('  ');
    io.stdout([line(head), ...rows.map(line)].join('\n') + '\n');
  });
  rules
    .command('validate')
    .description('check rule packs without auditing (default: the default packs)')
    .argument('[paths...]', 'packs or folders of packs')
    .action((paths: string[]) => {
      const packs = loadPacks(paths.length ? paths : [DEFAULT_RULES_DIR]);
      const count = packs.reduce((n, p) => n + p.rules.length, 0);
      io.stdout(`${packs.length} pack${packs.length === 1 ? '' : 's'}, ${count} rule${count === 1 ? '' : 's'}: valid\n`);
    });
  packOptions(
    rules
      .command('test')
      .description("run each rule's fixtures (tests/<rule-id>.csv beside its pack): exit 1 when a rule misses, fires where it should not, or has no fixture")
      .argument('[paths...]', 'packs or folders of packs to test (default: the packs an audit would run)')
      .option('--as-of <date>', 'reference date for date rules', '2025-06-30'),
  ).action(async (paths: string[], flags: PackFlags & { asOf: string }) => {
    const all = packsFor(flags, paths);
    const results = await runRuleTests(all, flags.asOf ?? todayIso());
    const wanted = paths.length ? new Set(loadPacks(paths).flatMap((p) => p.rules.map((r) => r.id))) : undefined;
    const shown = wanted ? results.filter((r) => wanted.has(r.rule)) : results;
    io.stdout(formatRuleTests(shown));
    io.exitCode = shown.every((r) => r.passed) ? 0 : 1;
  });
  rules
    .command('stats')
    .description("what auditors' decisions say about each rule and label: confirmed, dismissed, by reason, and the field precision (confirmed / decided)")
    .argument('<reviewed...>', 'reviewed-flags files (scrutineer-reviewed.yaml, version 2 as the HTML report exports it)')
    .addOption(new Option('-f, --format <format>', 'table for people, json for programs').choices(['table', 'json']).default('table'))
    .action((paths: string[], flags: { format: 'table' | 'json' }) => {
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
    });
  return rules;
}
