import { Command, CommanderError } from 'commander';
import { bounded, describeCode, UserError } from '../model/errors.ts';
import { TOOL_VERSION } from '../model/version.ts';
import { auditCommand } from './audit-command.ts';
import { rulesCommand } from './rules-command.ts';
import { trendCommand } from './trend-command.ts';
import { explainCommand } from './explain-command.ts';
import { initCommand } from './init-command.ts';
import { mergeCommand } from './merge-command.ts';
import { processIo, type Io } from './io.ts';

export const EXIT = { ok: 0, flags: 1, failed: 2, brokenPipe: 141 } as const;

export function buildProgram(io: Io): Command {
  const program = new Command('scrutineer')
    .description(
      'Audit social-care case-record exports for unevidenced labels, copy-paste, stale statements and record-hygiene faults (Social Work England standard 3.11)',
    )
    .version(TOOL_VERSION, '-V, --version', 'print the version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  program.addCommand(auditCommand(io));
  program.addCommand(rulesCommand(io));
  program.addCommand(explainCommand(io));
  program.addCommand(initCommand(io));
  program.addCommand(trendCommand(io));
  program.addCommand(mergeCommand(io));
  const exitOverride = (cmd: Command) => {
    cmd.exitOverride();
    cmd.configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
    cmd.version(TOOL_VERSION, '-V, --version', 'print the version');
    cmd.commands.forEach(exitOverride);
  };
  program.exitOverride();
  program.commands.forEach(exitOverride);
  return program;
}

/** Runs the CLI and returns the exit code. The only place that turns errors into messages. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  try {
    await buildProgram(io).parseAsync(argv);
    return await stdoutOutcome(io, io.exitCode);
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? EXIT.ok : EXIT.failed;
    }
    if (err instanceof UserError) {
      await io.flushStdout?.();
      io.stderr(`scrutineer: ${bounded(err.message)}\n`);
      return EXIT.failed;
    }
    const system = err as NodeJS.ErrnoException;
    if (system?.code && typeof system.syscall === 'string') {
      // A file the system would not let us use is the user's to fix, not a bug: say which and why.
      io.stderr(
        `scrutineer: ${bounded(`${system.path ? `${system.path}: ` : ''}cannot ${ACTIONS[system.syscall] ?? system.syscall}: ${describeCode(system.code)}`)}\n`,
      );
      return EXIT.failed;
    }
    io.stderr(`scrutineer: internal error: ${bounded(String((err as Error)?.message ?? err))}\nPlease report this with the command you ran (not the data).\n`);
    if (io.env.SCRUTINEER_DEBUG) io.stderr(`${(err as Error)?.stack}\n`);
    return EXIT.failed;
  }
}

/**
 * The exit code once stdout has been written. A reader that stopped reading (`| head`) ends the
 * run quietly, as grep and jq do, with the code a shell gives a process ended by SIGPIPE (141):
 * the report was not all written, so never 0. Any other failure (a full disk) is one line and 2.
 */
async function stdoutOutcome(io: Io, code: number): Promise<number> {
  const failure = await io.flushStdout?.();
  if (!failure) return code;
  if (failure.code === 'EPIPE') return EXIT.brokenPipe;
  io.stderr(`scrutineer: cannot write to standard output: ${describeCode(failure.code)}; the report is incomplete\n`);
  return EXIT.failed;
}

const ACTIONS: Record<string, string> = {
  open: 'open it',
  read: 'read it',
  write: 'write it',
  mkdir: 'create the folder',
  scandir: 'list the folder',
  stat: 'look at it',
  lstat: 'look at it',
  rename: 'replace it',
  unlink: 'remove it',
  access: 'use it',
};
