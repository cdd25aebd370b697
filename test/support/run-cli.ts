import { main } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/io.ts';
import { Readable } from 'node:stream';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output (no TTY, no colour unless asked). */
export async function runCli(args: string[], options: { stdin?: string | Buffer; tty?: boolean; env?: Record<string, string> } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdoutIsTTY: options.tty ?? false,
    stderrIsTTY: false,
    env: options.env ?? {},
    stdin: () => Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    exitCode: 0,
  };
  const code = await main(['node', 'scrutineer', ...args], io);
  return { code, stdout, stderr };
}

export const repoPath = (p: string) => new URL(`../../${p}`, import.meta.url).pathname;
