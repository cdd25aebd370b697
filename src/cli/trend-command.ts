import { Command, InvalidArgumentError, Option } from 'commander';
import { formatTrend, readHistory } from '../report/history.ts';
import { formatTrendHtml, formatTrendJson } from '../report/formats/trend.ts';
import { checkOutputs } from './output-paths.ts';
import { writeFileAtomic } from './write-output.ts';
import type { Io } from './io.ts';
import { UserError } from '../model/errors.ts';

const TREND_FORMATS = ['table', 'json', 'html'] as const;
type TrendFormat = (typeof TREND_FORMATS)[number];

export function trendCommand(io: Io): Command {
  return new Command('trend')
    .description('print an audit history (--history) as a table of flags per 100 records with the change since the previous run and the first; or as JSON, or as an HTML page of charts by category, standard and team')
    .argument('<history.ndjson>', 'the history file')
    .addOption(
      new Option('-f, --format <format>', `${TREND_FORMATS.join(', ')} (default: from the --output name, else table)`).argParser((value: string) => {
        if (!(TREND_FORMATS as readonly string[]).includes(value)) throw new InvalidArgumentError(`use one of ${TREND_FORMATS.join(', ')}`);
        return value as TrendFormat;
      }),
    )
    .option('-o, --output <file>', 'write to this file, atomically and readable by its owner only (- is stdout)')
    .action((path: string, flags: { format?: TrendFormat; output?: string }) => {
      const output = flags.output === '-' ? undefined : flags.output;
      const format: TrendFormat = flags.format ?? (output && /\.html?$/i.test(output) ? 'html' : output && /\.json$/i.test(output) ? 'json' : 'table');
      // Checked before the history is read, as audit checks its outputs before its inputs.
      if (output) checkOutputs([{ path: output, option: '--output' }], [path]);
      else if (io.stdoutClosed) throw new UserError('standard output is closed, so the trend would be lost; give --output FILE');
      const history = readHistory(path);
      const text = format === 'html' ? formatTrendHtml(history) : format === 'json' ? formatTrendJson(history) : formatTrend(history);
      if (output) writeFileAtomic(output, text);
      else io.stdout(text);
    });
}
