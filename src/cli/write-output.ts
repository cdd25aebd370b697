import { closeSync, fsyncSync, lstatSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeCode, UserError } from '../model/errors.ts';
import { pendingTemporaryFiles, writtenFiles } from './interrupt.ts';
import { prepareOutputFolder } from './output-paths.ts';

/**
 * Writes a report file atomically and readable by its owner only: a temporary file beside it,
 * then a rename, so an interrupted run never leaves a half-written report.
 */
export function writeFileAtomic(path: string, content: string, option = '--output'): void {
  // Checked before the audit too (checkOutputs); again here, in case it changed meanwhile.
  const existing = lstatOrUndefined(path);
  if (existing && !existing.isFile()) throw new UserError(`cannot write ${path}: it is no longer a regular file`);
  prepareOutputFolder(path, option);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  pendingTemporaryFiles.add(temp);
  try {
    const fd = openSync(temp, 'w', 0o600);
    try {
      // writeSync may write less than asked (a file-size limit, a nearly full disk): keep going
      // until every byte is written or the system says why it cannot.
      const bytes = Buffer.from(content, 'utf8');
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
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
