import { Command } from 'commander';
import { collect } from './options.ts';
import type { Io } from './io.ts';
import type { PackFlags } from './packs-for.ts';

/** `scrutineer explain RULE_ID`: what a rule looks for, why, the standards, and examples from its fixture. */
export function explainCommand(io: Io): Command {
  return new Command('explain')
    .description('explain a rule: what it looks for, why it matters, the standards, what evidence would satisfy it, and examples')
    .argument('<rule-id>')
    .option('-r, --rules <path>', 'add a rule pack or folder (repeatable)', collect, [])
    .option('--no-default-rules', 'leave out the default packs')
    .option('-c, --config <file>', 'council configuration')
    .action(async (asked: string, flags: PackFlags) => (await import('./explain-run.ts')).explainRule(io, asked, flags));
}
