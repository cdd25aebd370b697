import { DEFAULT_RULES_DIR, loadPacks, type LoadedPack } from '../packs/load-packs.ts';
import { alternationTreesSoFar, literals, recordAlternations, type PrebuiltTrees } from '../text/alternatives.ts';
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
export function prebuild(packs: LoadedPack[] = loadPacks([DEFAULT_RULES_DIR])): { readings: PrebuiltReadings; trees: PrebuiltTrees } {
  recordAlternations();
  const sections: Record<string, unknown[]> = {};
  for (const pack of packs) for (const [key, value] of Object.entries(pack.sections)) (sections[key] ??= []).push(value);
  const rules = packs.flatMap((p) => p.rules);
  for (const collectMentions of [false, true])
    for (const timeline of [false, true]) createChecks(rules, { asOf: '2000-01-01', sections, collectMentions, timeline });
  literals.read('');
  const trees = alternationTreesSoFar();
  return { readings: readingsSoFar(), trees };
}
