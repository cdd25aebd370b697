import { closeSync, fsyncSync, lstatSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describeCode, UserError } from '../model/errors.ts';
import { Breaks } from '../model/steps.ts';
import { pendingTemporaryFiles, writtenFiles } from './interrupt.ts';
import { prepareOutputFolder } from './output-paths.ts';

/**
 * Writes a report file atomically and readable by its owner only: a temporary file beside it,
 * then a rename, so an interrupted run never leaves a half-written report.
 */
export function writeFileAtomic(path: string, content: string, option = '--output'): void {
  const temp = begin(path, option);
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
    end(temp, path);
  } catch (err) {
    failed(temp, path, err);
  }
}

/**
 * writeFileAtomic for a report in pieces (formats/index.ts renderChunks), written by the
 * system's threads: the main thread is free between the pieces and while the disk is slow (a
 * large write can wait seconds for the disk), so a signal is handled at once. An empty piece is
 * a renderer's step between two stretches of work: a break is taken there when one is due.
 */
export async function writePiecesAtomic(path: string, pieces: Iterable<string>, option = '--output', breaks = new Breaks()): Promise<void> {
  const temp = begin(path, option);
  try {
    const file = await open(temp, 'w', 0o600);
    try {
      // Pieces are encoded into one buffer, written when full: small pieces keep the strings the
      // encoding makes young (a piece of a mebibyte, made flat to encode it, went straight to the
      // old generation, and collecting those held the main thread), one buffer keeps writes large.
      const buffer = Buffer.allocUnsafe(WRITE_BYTES);
      let used = 0;
      const write = async (bytes: Buffer, length: number) => {
        for (let done = 0; done < length; ) done += (await file.write(bytes, done, length - done)).bytesWritten;
      };
      for (const piece of pieces) {
        if (!piece) {
          if (breaks.due()) await breaks.take();
          continue;
        }
        // At most three bytes a UTF-16 unit.
        if (used + piece.length * 3 > WRITE_BYTES) {
          await write(buffer, used);
          used = 0;
        }
        if (piece.length * 3 > WRITE_BYTES) {
          const bytes = Buffer.from(piece, 'utf8');
          await write(bytes, bytes.length);
        } else used += buffer.write(piece, used, 'utf8');
      }
      await write(buffer, used);
      await file.sync();
    } finally {
      await file.close();
    }
    end(temp, path);
  } catch (err) {
    failed(temp, path, err);
  }
}

/** Bytes gathered before a write of a report in pieces. */
const WRITE_BYTES = 1 << 20;

/** The temporary file to write `path` through, registered so that an interrupt removes it. */
function begin(path: string, option: string): string {
  // Checked before the audit too (checkOutputs); again here, in case it changed meanwhile.
  const existing = lstatOrUndefined(path);
  if (existing && !existing.isFile()) throw new UserError(`cannot write ${path}: it is no longer a regular file`);
  prepareOutputFolder(path, option);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  pendingTemporaryFiles.add(temp);
  return temp;
}

function end(temp: string, path: string): void {
  renameSync(temp, path);
  pendingTemporaryFiles.delete(temp);
  writtenFiles.push(path);
}

function failed(temp: string, path: string, err: unknown): never {
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

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
