import { Command } from 'commander';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE } from '../config/config-file.ts';
import { STARTER_CONFIG } from '../config/starter-config.ts';
import { describeCode, UserError } from '../model/errors.ts';
import type { Io } from './io.ts';

export function initCommand(io: Io): Command {
  return new Command('init')
    .description(`write a commented starter ${CONFIG_FILE} into the current folder`)
    .option('--force', 'overwrite an existing file', false)
    .action((flags: { force: boolean }) => {
      const path = join(process.cwd(), CONFIG_FILE);
      if (existsSync(path) && !flags.force) throw new UserError(`${CONFIG_FILE} already exists here; use --force to overwrite it`);
      try {
        writeFileSync(path, STARTER_CONFIG, { mode: 0o644 });
      } catch (err) {
        throw new UserError(`cannot write ${CONFIG_FILE} in ${process.cwd()}: ${describeCode((err as NodeJS.ErrnoException).code)}`);
      }
      io.stdout(`wrote ${CONFIG_FILE}\n`);
    });
}
