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
 * Why a JSON file (a report, a baseline) could not be read, in words: no such file, too long to
 * read (a report written in pieces can be longer than the longest string JavaScript can hold,
 * about 512 M characters, and JSON.parse needs it whole), or not JSON.
 */
export function unreadableJson(err: unknown): string {
  switch ((err as NodeJS.ErrnoException)?.code) {
    case 'ENOENT':
      return 'no such file';
    case 'ERR_STRING_TOO_LONG':
      return 'too large to read (a JSON text longer than about 512 M characters cannot be read back)';
    default:
      return 'not a JSON report';
  }
}
