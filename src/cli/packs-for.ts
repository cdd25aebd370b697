import { DEFAULT_RULES_DIR, loadPacks, type LoadedPack } from '../packs/load-packs.ts';
import { applyConfigToPacks, loadConfig } from '../config/load-config.ts';

export interface PackFlags {
  rules: string[];
  defaultRules: boolean;
  config?: string;
}

/** The packs an audit would run: defaults, --rules, and the config file's choices. */
export function packsFor(flags: PackFlags, extraPaths: string[] = []): LoadedPack[] {
  const loaded = loadConfig(flags.config);
  const useDefaults = flags.defaultRules && loaded?.config.default_rules !== false;
  const packs = loadPacks([...(useDefaults ? [DEFAULT_RULES_DIR] : []), ...(loaded?.config.rules ?? []), ...flags.rules, ...extraPaths]);
  return loaded ? applyConfigToPacks(packs, loaded.config, loaded.source) : packs;
}
