/**
 * Run by `npm run build` on the freshly compiled dist/, after the packs are prebuilt: keeps the
 * literal readings of the default packs' regexes beside the module that reads them (see
 * `readLiterals` in text/required-literals.ts), and the trees of their alternations (`PrebuiltTrees`
 * in text/alternatives.ts) and how case-free.ts writes their atoms. Writes nothing else. If the default packs cannot
 * be read, it keeps none, so that the build still succeeds and every run reads them as before.
 */
import { writeFileSync } from 'node:fs';
import { PREBUILT_TREES_PATH, type PrebuiltTrees } from '../text/alternatives.ts';
import { PREBUILT_ATOMS_PATH } from '../text/case-free.ts';
import { PREBUILT_READINGS_PATH, type PrebuiltReadings } from '../text/required-literals.ts';
import { prebuild } from './prebuilt-readings.ts';

let readings: PrebuiltReadings = {};
let trees: PrebuiltTrees = {};
let atoms: Record<string, string> = {};
try {
  ({ readings, trees, atoms } = prebuild());
} catch {
  readings = {};
  trees = {};
  atoms = {};
}
writeFileSync(PREBUILT_READINGS_PATH, JSON.stringify(readings));
writeFileSync(PREBUILT_TREES_PATH, JSON.stringify(trees));
writeFileSync(PREBUILT_ATOMS_PATH, JSON.stringify(atoms));
