import { mergeReports, readReport } from '../report/merge.ts';
import { formatJson } from '../report/formats/json.ts';
import { reportSections } from '../checks/index.ts';
import { writeFileAtomic } from './write-output.ts';
import type { Io } from './io.ts';

/** `scrutineer merge`: the JSON reports of an export audited in parts, as one. */
export function mergeAction(io: Io, paths: string[], flags: { output?: string }): void {
  const text = formatJson(
    mergeReports(
      paths.map((path) => ({ path, report: readReport(path) })),
      reportSections(),
    ),
  );
  if (flags.output) writeFileAtomic(flags.output, text);
  else io.stdout(text);
}
