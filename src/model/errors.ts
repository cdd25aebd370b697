import { JsonSyntaxError, JsonValueTooLarge } from './json-stream.ts';

/**
 * An error in what the user gave us (input file, rule pack, option). The CLI prints its
 * message without a stack trace and exits 2; anything else is a bug in scrutineer.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** A system error code in words. */
export function describeCode(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'this is a folder, not a file';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EFBIG':
      return 'the file is larger than this system allows';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'ELOOP':
      return 'too many symbolic links in the path';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open';
    case 'EIO':
      return 'an input/output error from the device';
    default:
      return code ? `the system refused (${code})` : 'the system refused';
  }
}

/** Longest line of a message: a 200 KB header line or value is cut, not echoed whole. */
export const MAX_MESSAGE_LINE = 400;

/** Every line of a message cut to MAX_MESSAGE_LINE characters, with "…" where it was cut. */
export function bounded(message: string): string {
  return message
    .split('\n')
    .map((line) => (line.length > MAX_MESSAGE_LINE ? `${line.slice(0, MAX_MESSAGE_LINE - 1)}…` : line))
    .join('\n');
}

/**
 * Why a JSON file (a report, a baseline) could not be read, in words: no such file (or what else
 * the system said), not JSON (where and why, json-stream.ts), or one value in it too long to
 * hold (the file itself may be of any size: it is read in chunks).
 */
export function unreadableJson(err: unknown): string {
  if (err instanceof JsonSyntaxError) return `not a JSON report (${err.message})`;
  if (err instanceof JsonValueTooLarge) return `too large to read (${err.message})`;
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code) return describeCode(code);
  return 'not a JSON report';
}
