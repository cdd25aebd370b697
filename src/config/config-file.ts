import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The council configuration file's name, looked for in the working folder. */
export const CONFIG_FILE = 'scrutineer.yaml';

/** The configuration a command reads: `--config FILE`, else scrutineer.yaml in the working folder, else none. */
export function configPath(explicit: string | undefined, cwd = process.cwd()): string | undefined {
  return explicit ?? (existsSync(join(cwd, CONFIG_FILE)) ? join(cwd, CONFIG_FILE) : undefined);
}
