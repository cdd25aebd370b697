import { Command, InvalidArgumentError, Option } from 'commander';
import { TREND_FORMATS, type TrendFormat } from '../model/formats.ts';
import type { Io } from './io.ts';

export function trendCommand(io: Io): Command {
  return new Command('trend')
    .description(
      'print an audit history (--history) as a table of flags per 100 records with the change since the previous run and the first; or as JSON, or as an HTML page of charts by category, standard and team',
    )
    .argument('<history.ndjson>', 'the history file')
    .addOption(
      new Option('-f, --format <format>', `${TREND_FORMATS.join(', ')} (default: from the --output name, else table)`).argParser((value: string) => {
        if (!(TREND_FORMATS as readonly string[]).includes(value)) throw new InvalidArgumentError(`use one of ${TREND_FORMATS.join(', ')}`);
        return value as TrendFormat;
      }),
    )
    .option('-o, --output <file>', 'write to this file, atomically and readable by its owner only (- is stdout)')
    .action(async (path: string, flags: { format?: TrendFormat; output?: string }) => (await import('./trend-run.ts')).showTrend(io, path, flags));
}
