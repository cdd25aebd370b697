import { Command } from 'commander';
import { formatTrend, readHistory } from '../report/history.ts';
import type { Io } from './io.ts';

export function trendCommand(io: Io): Command {
  return new Command('trend')
    .description('print an audit history (--history) as a table: flags per 100 records, with the change since the previous run and the first')
    .argument('<history.ndjson>', 'the history file')
    .action((path: string) => {
      io.stdout(formatTrend(readHistory(path)));
    });
}
