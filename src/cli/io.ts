import { readFileSync, readlinkSync } from 'node:fs';

/** What the CLI touches of the process, so tests can run it in-process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
  stdin: () => AsyncIterable<Uint8Array>;
  exitCode: number;
  /** Standard output was closed when the run started (`>&-`): a report sent there would be lost. */
  stdoutClosed?: boolean;
  /** Waits until everything written to stdout has gone, and says why it could not, if it could not. */
  flushStdout?: () => Promise<NodeJS.ErrnoException | undefined>;
}

export function processIo(): Io {
  let failure: NodeJS.ErrnoException | undefined;
  // A write error on stdout (a closed pipe, a full disk) arrives as an event: kept, then
  // reported once by main(), never thrown as an unhandled error with a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    failure ??= err;
  });
  return {
    stdout: (t) => {
      if (!failure && !process.stdout.destroyed) process.stdout.write(t);
    },
    stderr: (t) => process.stderr.write(t),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    stdin: () => process.stdin,
    exitCode: 0,
    stdoutClosed: stdoutWasClosed(),
    flushStdout: () =>
      failure || process.stdout.destroyed
        ? Promise.resolve(failure)
        : new Promise((resolve) => process.stdout.write('', (err) => resolve(failure ?? (err as NodeJS.ErrnoException | null) ?? undefined))),
  };
}

/**
 * Node reopens a closed standard output on /dev/null, read-write, before any of our code runs;
 * a shell's `>/dev/null` opens it write-only. So on Linux, /dev/null opened read-write on fd 1
 * means stdout was closed. Elsewhere this cannot be told, and is not guessed.
 */
function stdoutWasClosed(): boolean {
  try {
    if (readlinkSync('/proc/self/fd/1') !== '/dev/null') return false;
    const flags = /flags:\s*([0-7]+)/.exec(readFileSync('/proc/self/fdinfo/1', 'utf8'));
    return Boolean(flags && (Number.parseInt(flags[1], 8) & 3) === 2);
  } catch {
    return false;
  }
}
