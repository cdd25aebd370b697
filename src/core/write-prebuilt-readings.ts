/**
 * Run by `npm run build` on the freshly compiled dist/, after the packs are prebuilt: keeps the
 * literal readings of the default packs' regexes beside the module that reads them (see
 * `readLiterals` in text/required-literals.ts), and the trees of their alternations (`PrebuiltTrees`
 * in text/alternatives.ts), the scanner of all their literals (`KeptScanner`) and how
 * case-free.ts writes their atoms. Writes nothing else. If the default packs cannot
 * be read, it keeps none, so that the build still succeeds and every run reads them as before.
 */
import { writeFileSync } from 'node:fs';
import { PREBUILT_SCANNER_PATH, PREBUILT_SCANNER_TABLE_PATH, PREBUILT_TREES_PATH, type KeptScanner, type PrebuiltTrees } from '../text/alternatives.ts';
import { PREBUILT_ATOMS_PATH } from '../text/case-free.ts';
import { PREBUILT_READINGS_PATH, type PrebuiltReadings } from '../text/required-literals.ts';
import { prebuild } from './prebuilt-readings.ts';

let readings: PrebuiltReadings = {};
let trees: PrebuiltTrees = {};
let atoms: Record<string, string> = {};
let scanner: [KeptScanner | Record<string, never>, Int32Array] = [{}, new Int32Array(0)];
try {
  ({ readings, trees, atoms, scanner } = prebuild());
} catch {
  readings = {};
  trees = {};
  atoms = {};
  scanner = [{}, new Int32Array(0)];
}
writeFileSync(PREBUILT_READINGS_PATH, JSON.stringify(readings));
writeFileSync(PREBUILT_TREES_PATH, JSON.stringify(trees));
writeFileSync(PREBUILT_ATOMS_PATH, JSON.stringify(atoms));
writeFileSync(PREBUILT_SCANNER_PATH, JSON.stringify(scanner[0]));
writeFileSync(PREBUILT_SCANNER_TABLE_PATH, new Uint8Array(scanner[1].buffer, scanner[1].byteOffset, scanner[1].byteLength));
