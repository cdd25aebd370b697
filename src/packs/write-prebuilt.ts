/**
 * Run by `npm run build` on the freshly compiled dist/: records the default packs and column
 * profiles as loaded and validated, beside the modules that read them (see PrebuiltPacks in
 * loaded-pack.ts). Writes nothing else. A default pack or profile with a problem records
 * nothing, so that the build still succeeds and every command reports the problem as it would
 * without these files.
 */
import { writeFileSync } from 'node:fs';
import { PREBUILT_PROFILES_PATH, prebuildProfiles, type PrebuiltProfiles } from '../intake/profiles.ts';
import { DEFAULT_RULES_DIR, PREBUILT_PACKS_PATH, prebuildPacks, type PrebuiltPacks } from './load-packs.ts';

let prebuilt: PrebuiltPacks = {};
try {
  prebuilt = prebuildPacks([DEFAULT_RULES_DIR]);
} catch {
  prebuilt = {};
}
writeFileSync(PREBUILT_PACKS_PATH, JSON.stringify(prebuilt));

let profiles: PrebuiltProfiles = {};
try {
  profiles = prebuildProfiles();
} catch {
  profiles = {};
}
writeFileSync(PREBUILT_PROFILES_PATH, JSON.stringify(profiles));
