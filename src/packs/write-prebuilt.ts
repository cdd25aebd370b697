/**
 * Run by `npm run build` on the freshly compiled dist/: records the default packs as loaded and
 * validated, beside load-packs.js (see PrebuiltPacks in load-packs.ts). Writes nothing else.
 * A default pack with a problem records nothing, so that the build still succeeds and every
 * command reports the problem as it would without this file.
 */
import { writeFileSync } from 'node:fs';
import { DEFAULT_RULES_DIR, PREBUILT_PACKS_PATH, prebuildPacks, type PrebuiltPacks } from './load-packs.ts';

let prebuilt: PrebuiltPacks = {};
try {
  prebuilt = prebuildPacks([DEFAULT_RULES_DIR]);
} catch {
  prebuilt = {};
}
writeFileSync(PREBUILT_PACKS_PATH, JSON.stringify(prebuilt));
