import { accessSync, constants, lstatSync, mkdirSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describeCode, UserError } from '../model/errors.ts';

/** A file the run will write: a report, the manifest, the history it appends to, a new baseline. */
export interface PlannedOutput {
  path: string;
  /** What it is, for messages: "--output", "--manifest", "--history", "--baseline". */
  option: string;
  /** Appended to rather than replaced (the history). */
  append?: boolean;
}

/**
 * Checks every place the run will write before any input is read, so that a mistake costs
 * nothing (not minutes of auditing, then an error) and no output can destroy anything:
 *
 * - an output is a regular file or a new path; a folder, a symbolic link, a device, a FIFO or a
 *   socket is refused (writing by rename would replace the device or the link with a file);
 * - an output is never one of the files the run reads (an export, a pack, the config, the
 *   baseline, the reviewed list), by path or by identity (a hard link, `./x` for `x`);
 * - two outputs never share a path;
 * - its folder exists and is writable, or can be created (the nearest existing folder is
 *   writable); it is created by `prepareOutputFolder` once the audit is done.
 *
 * `-` means stdout and is not a path.
 */
export function checkOutputs(outputs: PlannedOutput[], reads: string[]): void {
  const readIds = new Map<string, string>();
  for (const path of reads) {
    const s = statQuietly(path);
    if (s?.isFile()) readIds.set(identity(s), path);
    readIds.set(resolve(path), path);
  }
  const seen = new Map<string, PlannedOutput>();
  for (const out of outputs) {
    if (out.path === '-') continue;
    const where = `${out.option} ${out.path}`;
    const full = resolve(out.path);
    const earlier = seen.get(full);
    if (earlier) throw new UserError(`${where}: ${earlier.option} already writes to this path; give each output its own file`);
    seen.set(full, out);
    const input = readIds.get(full);
    if (input !== undefined) throw new UserError(`${where}: this is an input of the run (${input}); writing it would replace it. Give another path`);
    let link: Stats | undefined;
    try {
      link = lstatSync(out.path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') throw new UserError(`${where}: part of the path is a file, not a folder`);
      if (code !== 'ENOENT') throw new UserError(`${where}: ${describeCode(code)}`);
    }
    if (link) {
      if (link.isSymbolicLink())
        throw new UserError(`${where}: this is a symbolic link; give the path of a regular file (the link would be replaced by the report)`);
      if (link.isDirectory()) throw new UserError(`${where}: this is a folder; give a file name inside it`);
      if (!link.isFile())
        throw new UserError(
          `${where}: this is ${kindOf(link)}, not a regular file; scrutineer writes reports only to regular files (use no --output, or -, for stdout)`,
        );
      const other = readIds.get(identity(link));
      if (other !== undefined) throw new UserError(`${where}: this is the same file as the input ${other}; writing it would replace it. Give another path`);
      if (out.append) {
        try {
          accessSync(out.path, constants.W_OK);
        } catch {
          throw new UserError(`${where}: permission denied (cannot append to this file)`);
        }
      }
    }
    writableFolder(dirname(full), where);
  }
}

/** Creates the folders the outputs go into, when they do not exist yet. */
export function prepareOutputFolder(path: string, option: string): void {
  if (path === '-') return;
  try {
    mkdirSync(dirname(resolve(path)), { recursive: true });
  } catch (err) {
    throw new UserError(`${option} ${path}: cannot create its folder: ${describeCode((err as NodeJS.ErrnoException).code)}`);
  }
}

/** The folder exists and is writable, or the nearest existing folder above it is. */
function writableFolder(folder: string, where: string): void {
  let at = folder;
  for (;;) {
    const s = statQuietly(at);
    if (s) {
      if (!s.isDirectory()) throw new UserError(`${where}: ${at} is a file, not a folder`);
      try {
        accessSync(at, constants.W_OK);
      } catch {
        throw new UserError(`${where}: cannot write in the folder ${at}: permission denied`);
      }
      return;
    }
    const up = dirname(at);
    if (up === at) return;
    at = up;
  }
}

function statQuietly(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

const identity = (s: Stats) => `${s.dev}:${s.ino}`;

function kindOf(s: Stats): string {
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}
