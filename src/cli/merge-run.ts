import { mergeReportsInSteps, readReport } from '../report/merge.ts';
import { jsonChunks } from '../report/formats/json.ts';
import { reportSections } from '../checks/index.ts';
import { Breaks, runStepsWithBreaks } from '../model/steps.ts';
import { writePiecesAtomic } from './write-output.ts';
import type { Io } from './io.ts';

/**
 * `scrutineer merge`: the JSON reports of an export audited in parts, as one. The parts are read
 * in chunks and the whole is written in pieces, so that neither needs to fit in one string (a
 * JSON report of about 370,000 flags is longer than a string can be).
 */
export async function mergeAction(io: Io, paths: string[], flags: { output?: string }): Promise<void> {
  const parts = [];
  for (const path of paths) parts.push({ path, report: await readReport(path) });
  const breaks = new Breaks();
  const merged = await runStepsWithBreaks(mergeReportsInSteps(parts, reportSections()), breaks);
  if (flags.output) await writePiecesAtomic(flags.output, jsonChunks(merged), '--output', breaks);
  else {
    for (const piece of jsonChunks(merged)) {
      io.stdout(piece);
      if (breaks.due()) await breaks.take();
    }
  }
}
