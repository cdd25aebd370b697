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

/** Audits in-process to a JSON report (never failing on flags), for tests that look at flags. */
// biome-ignore lint/suspicious/noExplicitAny: the report's shape is checked by its schema in test/report.test.ts; here it is read as JSON.
export async function auditJson(paths: string[], extra: string[] = []): Promise<any> {
  const result = await runCli(['audit', ...paths, '--format', 'json', '--fail-on', 'never', '--as-of', '2025-06-30', ...extra]);
  if (result.code !== 0) throw new Error(`audit exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}
