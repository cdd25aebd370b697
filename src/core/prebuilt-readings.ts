import { DEFAULT_RULES_DIR, loadPacks, type LoadedPack } from '../packs/load-packs.ts';
import {
  alternationTreesSoFar,
  literals,
  PLAIN_WORD_CHAR,
  recordAlternations,
  scannerSoFar,
  type KeptScanner,
  type PrebuiltTrees,
} from '../text/alternatives.ts';
import { atomsSoFar, caseFree } from '../text/case-free.ts';
import { readingsSoFar, type PrebuiltReadings } from '../text/required-literals.ts';
import { createChecks } from './audit.ts';

/**
 * The literal readings (text/required-literals.ts) an audit with the default packs makes when it
 * creates its checks and first reads a text, as the build keeps them: the checks are created as
 * for an audit with and without `--mentions` and `--timeline`, and their alternations read.
 * Checks may make more regexes while they read records (from the records' own words); those are
 * read at run time.
 */
export function prebuildReadings(packs: LoadedPack[] = loadPacks([DEFAULT_RULES_DIR])): PrebuiltReadings {
  return prebuild(packs).readings;
}

/** The literal readings, and the trees of the alternations (text/alternatives.ts), the default checks make, as the build keeps them. */
export function prebuild(packs: LoadedPack[] = loadPacks([DEFAULT_RULES_DIR])): {
  readings: PrebuiltReadings;
  trees: PrebuiltTrees;
  atoms: Record<string, string>;
  scanner: [KeptScanner, Int32Array];
} {
  recordAlternations();
  const sections: Record<string, unknown[]> = {};
  for (const pack of packs) for (const [key, value] of Object.entries(pack.sections)) (sections[key] ??= []).push(value);
  const rules = packs.flatMap((p) => p.rules);
  for (const collectMentions of [false, true])
    for (const timeline of [false, true]) createChecks(rules, { asOf: '2000-01-01', sections, collectMentions, timeline });
  literals.read('');
  const trees = alternationTreesSoFar();
  // Every run of source of every tree written case-free, as a plain text's narrowed regex writes it (text/case-free.ts).
  const write = (node: unknown): void => {
    if (typeof node === 'string') caseFree(node);
    else if (Array.isArray(node)) for (const item of node) write(item);
  };
  caseFree(PLAIN_WORD_CHAR);
  for (const [, tree] of Object.values(trees)) write(JSON.parse(tree));
  return { readings: readingsSoFar(), trees, atoms: atomsSoFar(), scanner: scannerSoFar() };
}
