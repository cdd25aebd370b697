import { closeSync, fsyncSync, lstatSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeCode, UserError } from '../model/errors.ts';
import { pendingTemporaryFiles, writtenFiles } from './interrupt.ts';
import { prepareOutputFolder } from './output-paths.ts';
import { type Breaks, runSteps, runStepsWithBreaks, type Steps } from '../model/steps.ts';

/**
 * Writes a report file atomically and readable by its owner only: a temporary file beside it,
 * then a rename, so an interrupted run never leaves a half-written report.
 */
export function writeFileAtomic(path: string, content: string | Iterable<string>, option = '--output'): void {
  runSteps(writeSteps(path, content, option));
}

/** writeFileAtomic, letting the event loop run (a signal's handler) between the pieces of `content`. */
export function writeFileAtomicWithBreaks(path: string, content: string | Iterable<string>, breaks: Breaks, option = '--output'): Promise<void> {
  return runStepsWithBreaks(writeSteps(path, content, option), breaks);
}

function* writeSteps(path: string, content: string | Iterable<string>, option: string): Steps<void> {
  // Checked before the audit too (checkOutputs); again here, in case it changed meanwhile.
  const existing = lstatOrUndefined(path);
  if (existing && !existing.isFile()) throw new UserError(`cannot write ${path}: it is no longer a regular file`);
  prepareOutputFolder(path, option);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  pendingTemporaryFiles.add(temp);
  try {
    const fd = openSync(temp, 'w', 0o600);
    try {
      for (const piece of typeof content === 'string' ? [content] : content) {
        // writeSync may write less than asked (a file-size limit, a nearly full disk): keep going
        // until every byte is written or the system says why it cannot.
        const bytes = Buffer.from(piece, 'utf8');
        for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
        yield;
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    pendingTemporaryFiles.delete(temp);
    writtenFiles.push(path);
  } catch (err) {
    pendingTemporaryFiles.delete(temp);
    try {
      unlinkSync(temp);
    } catch {
      /* nothing was written */
    }
    const code = (err as NodeJS.ErrnoException).code;
    // Only the system's refusals are about the path; anything else (a fault rendering the report) is not.
    if (!code) throw err;
    throw new UserError(`cannot write ${path}: ${code === 'ENOENT' ? 'its folder does not exist' : describeCode(code)}`);
  }
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
