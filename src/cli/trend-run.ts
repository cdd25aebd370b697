import { formatTrend, readHistory } from '../report/history.ts';
import { formatTrendHtml, formatTrendJson } from '../report/formats/trend.ts';
import { checkOutputs } from './output-paths.ts';
import { writeFileAtomic } from './write-output.ts';
import type { Io } from './io.ts';
import { UserError } from '../model/errors.ts';
import type { TrendFormat } from '../model/formats.ts';

/** `scrutineer trend`: an audit history as a table, JSON or an HTML page. */
export function showTrend(io: Io, path: string, flags: { format?: TrendFormat; output?: string }): void {
  const output = flags.output === '-' ? undefined : flags.output;
  const format: TrendFormat = flags.format ?? (output && /\.html?$/i.test(output) ? 'html' : output && /\.json$/i.test(output) ? 'json' : 'table');
  // Checked before the history is read, as audit checks its outputs before its inputs.
  if (output) checkOutputs([{ path: output, option: '--output' }], [path]);
  else if (io.stdoutClosed) throw new UserError('standard output is closed, so the trend would be lost; give --output FILE');
  const history = readHistory(path);
  const text = format === 'html' ? formatTrendHtml(history) : format === 'json' ? formatTrendJson(history) : formatTrend(history);
  if (output) writeFileAtomic(output, text);
  else io.stdout(text);
}
