import { Command, Option } from 'commander';
import { collect } from './options.ts';
import type { Io } from './io.ts';
import type { PackFlags } from './packs-for.ts';

const packOptions = (cmd: Command) =>
  cmd
    .option('-r, --rules <path>', 'add a rule pack or folder (repeatable)', collect, [])
    .option('--no-default-rules', 'leave out the default packs')
    .option('-c, --config <file>', 'council configuration (default: scrutineer.yaml here, if any)');

export function rulesCommand(io: Io): Command {
  const rules = new Command('rules').description('list, check and test rule packs');
  packOptions(rules.command('list').description('list every rule: id, kind, category, severity, standards and pack'))
    .addOption(new Option('-f, --format <format>', 'table for people, json for programs').choices(['table', 'json']).default('table'))
    .action(async (flags: PackFlags & { format: 'table' | 'json' }) => (await import('./rules-run.ts')).listRules(io, flags));
  rules
    .command('validate')
    .description('check rule packs without auditing (default: the default packs)')
    .argument('[paths...]', 'packs or folders of packs')
    .action(async (paths: string[]) => (await import('./rules-run.ts')).validateRules(io, paths));
  packOptions(
    rules
      .command('test')
      .description("run each rule's fixtures (tests/<rule-id>.csv beside its pack): exit 1 when a rule misses, fires where it should not, or has no fixture")
      .argument('[paths...]', 'packs or folders of packs to test (default: the packs an audit would run)')
      .option('--as-of <date>', 'reference date for date rules', '2025-06-30'),
  ).action(async (paths: string[], flags: PackFlags & { asOf: string }) => (await import('./rules-run.ts')).testRules(io, paths, flags));
  rules
    .command('stats')
    .description("what auditors' decisions say about each rule and label: confirmed, dismissed, by reason, and the field precision (confirmed / decided)")
    .argument('<reviewed...>', 'reviewed-flags files (scrutineer-reviewed.yaml, version 2 as the HTML report exports it)')
    .addOption(new Option('-f, --format <format>', 'table for people, json for programs').choices(['table', 'json']).default('table'))
    .action(async (paths: string[], flags: { format: 'table' | 'json' }) => (await import('./rules-run.ts')).ruleStats(io, paths, flags));
  return rules;
}
