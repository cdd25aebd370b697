import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { LoadedPack } from '../packs/loaded-pack.ts';

/** A pack's fixtures: `tests/<rule-id>.csv` beside the pack file. */
export function fixturesFor(pack: LoadedPack): string[] {
  const dir = join(dirname(pack.path), 'tests');
  if (!existsSync(dir)) return [];
  const ids = new Set(pack.rules.map((r) => r.id));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.csv') && ids.has(basename(f, '.csv')))
    .sort()
    .map((f) => join(dir, f));
}
