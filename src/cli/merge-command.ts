import { Command } from 'commander';
import { mergeReports, readReport } from '../report/merge.ts';
import { formatJson } from '../report/formats/json.ts';
import { reportSections } from '../checks/index.ts';
import { writeFileAtomic } from './write-output.ts';
import type { Io } from './io.ts';

export function mergeCommand(io: Io): Command {
  return new Command('merge')
    .description('combine the JSON reports of an export audited in parts split by case into one JSON report')
    .argument('<reports...>', 'JSON reports of one run date')
    .option('-o, --output <file>', 'write the merged report to a file (atomically, readable by you only)')
    .action((paths: string[], flags: { output?: string }) => {
      const text = formatJson(mergeReports(paths.map((path) => ({ path, report: readReport(path) })), reportSections()));
      if (flags.output) writeFileAtomic(flags.output, text);
      else io.stdout(text);
    });
}
