import { Command, CommanderError } from 'commander';
import { UserError } from '../model/errors.ts';
import { TOOL_VERSION } from '../model/version.ts';
import { auditCommand } from './audit-command.ts';
import { rulesCommand } from './rules-command.ts';
import { trendCommand } from './trend-command.ts';
import { explainCommand } from './explain-command.ts';
import { initCommand } from './init-command.ts';
import { mergeCommand } from './merge-command.ts';
import { processIo, type Io } from './io.ts';

export const EXIT = { ok: 0, flags: 1, failed: 2 } as const;

export function buildProgram(io: Io): Command {
  const program = new Command('scrutineer')
    .description('Audit social-care case-record exports for unevidenced labels, copy-paste, stale statements and record-hygiene faults (Social Work England standard 3.11)')
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
    return io.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? EXIT.ok : EXIT.failed;
    }
    if (err instanceof UserError) {
      io.stderr(`scrutineer: ${err.message}\n`);
      return EXIT.failed;
    }
    io.stderr(`scrutineer: internal error: ${(err as Error)?.message ?? err}\nPlease report this with the command you ran (not the data).\n`);
    if (io.env.SCRUTINEER_DEBUG) io.stderr(`${(err as Error)?.stack}\n`);
    return EXIT.failed;
  }
}
