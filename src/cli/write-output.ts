import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../model/errors.ts';
import { pendingTemporaryFiles } from './interrupt.ts';

/**
 * Writes a report file atomically and readable by its owner only: a temporary file beside it,
 * then a rename, so an interrupted run never leaves a half-written report.
 */
export function writeFileAtomic(path: string, content: string): void {
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
  } catch (err) {
    pendingTemporaryFiles.delete(temp);
    try {
      unlinkSync(temp);
    } catch {
      /* nothing was written */
    }
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EFBIG' ? 'the file is larger than this system allows' : code === 'EROFS' ? 'the file system is read-only' : code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? (err as Error).message);
    throw new UserError(`cannot write ${path}: ${why}`);
  }
}
