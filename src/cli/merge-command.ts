import { Command } from 'commander';
import type { Io } from './io.ts';

export function mergeCommand(io: Io): Command {
  return new Command('merge')
    .description('combine the JSON reports of an export audited in parts split by case into one JSON report')
    .argument('<reports...>', 'JSON reports of one run date')
    .option('-o, --output <file>', 'write the merged report to a file (atomically, readable by you only)')
    .action(async (paths: string[], flags: { output?: string }) => (await import('./merge-run.ts')).mergeAction(io, paths, flags));
}
