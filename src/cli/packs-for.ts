import { configPath } from '../config/config-file.ts';
import { DEFAULT_RULES_DIR, prebuiltOnly, type LoadedPack } from '../packs/loaded-pack.ts';

export interface PackFlags {
  rules: string[];
  defaultRules: boolean;
  config?: string;
}

/**
 * The packs an audit would run: defaults, --rules, and the config file's choices. With no config
 * file and only packs the build prebuilt, neither the YAML parser, Ajv nor the rule kinds are
 * loaded (rules list and explain need none of them); otherwise they are, and every pack is
 * loaded and checked as an audit would.
 */
export async function packsFor(flags: PackFlags, extraPaths: string[] = []): Promise<LoadedPack[]> {
  if (!configPath(flags.config)) {
    const quick = prebuiltOnly([...(flags.defaultRules ? [DEFAULT_RULES_DIR] : []), ...flags.rules, ...extraPaths]);
    if (quick) return quick;
  }
  const [{ applyConfigToPacks, loadConfig }, { loadPacks }] = await Promise.all([import('../config/load-config.ts'), import('../packs/load-packs.ts')]);
  const loaded = loadConfig(flags.config);
  const useDefaults = flags.defaultRules && loaded?.config.default_rules !== false;
  const packs = loadPacks([...(useDefaults ? [DEFAULT_RULES_DIR] : []), ...(loaded?.config.rules ?? []), ...flags.rules, ...extraPaths]);
  return loaded ? applyConfigToPacks(packs, loaded.config, loaded.source) : packs;
}

/** Packs from these paths, as `rules validate` and `rules test` name them: prebuilt when all are, else loaded and checked. */
export async function packsAt(paths: string[]): Promise<LoadedPack[]> {
  return prebuiltOnly(paths) ?? (await import('../packs/load-packs.ts')).loadPacks(paths);
}
