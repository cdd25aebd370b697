import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Rule } from '../checks/rule-kind.ts';
import { builtData } from '../model/built-data.ts';
import { UserError } from '../model/errors.ts';
import { MAX_YAML_BYTES } from './yaml-limits.ts';

/*
 * What a loaded pack is, where packs are found, and the packs the build prebuilt: everything
 * `rules list` and `explain` need, without the YAML parser, Ajv or the rule kinds, which
 * load-packs.ts imports to parse and validate a pack that was not prebuilt.
 */

export interface LoadedPack {
  name: string;
  version: string;
  description: string;
  path: string;
  sha256: string;
  rules: Rule[];
  /** Pack-level sections the rule kinds read, by key. */
  sections: Record<string, unknown>;
  /** file:line:column of each rule's id, in rule order. */
  ruleLocations: string[];
}

/** The folder of default packs. */
export const DEFAULT_RULES_DIR = new URL('../../rules/', import.meta.url).pathname;

/** The YAML packs in a folder (not its sub-folders), sorted; a file is itself. */
export function packFiles(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UserError(`${path}: no such rule pack or folder`);
  }
  if (!stat.isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(path, f));
}

/**
 * A pack as loaded, without where it was read from: its rule locations are `line:column`. The
 * build records each default pack this way (dist/packs/prebuilt-packs.json, by the sha256 of its
 * bytes), so that a pack whose bytes are unchanged is not parsed and validated again on every
 * run: YAML parsing, compiling the schemas and checking every pattern cost about 0.4 s, more
 * than anything else a short command does. The file is written only by the build, never at run
 * time; a pack whose bytes differ by one byte is read and validated as usual.
 */
export type PrebuiltPack = Omit<LoadedPack, 'path' | 'sha256'>;
export type PrebuiltPacks = Record<string, PrebuiltPack>;

/** Where the build leaves the prebuilt packs: beside this module in dist/ (the sources have none). */
export const PREBUILT_PACKS_PATH = new URL('./prebuilt-packs.json', import.meta.url);

export const prebuiltPacks = () => builtData<PrebuiltPacks>(PREBUILT_PACKS_PATH);

/** A pack from its prebuilt form, when its bytes are those the build validated. */
export function fromPrebuilt(path: string, prebuilt: PrebuiltPacks): LoadedPack | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return; // YamlSource.read says why
  }
  if (bytes.length > MAX_YAML_BYTES) return;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const entry = Object.hasOwn(prebuilt, sha256) ? prebuilt[sha256] : undefined;
  if (!entry) return;
  // A copy each time: a caller may change its packs (config overrides), never the next caller's.
  const copy = structuredClone(entry);
  return { ...copy, path, sha256, ruleLocations: copy.ruleLocations.map((l) => `${path}:${l}`) };
}

/**
 * The packs at these paths when every one is prebuilt and no rule id is used twice; undefined
 * otherwise (a path that is missing, a pack changed since the build, a duplicate), and then
 * load-packs.ts loads them and says what is wrong, exactly as it would have.
 */
export function prebuiltOnly(paths: string[], prebuilt: PrebuiltPacks = prebuiltPacks()): LoadedPack[] | undefined {
  let files: string[];
  try {
    files = paths.flatMap(packFiles);
  } catch {
    return;
  }
  const packs: LoadedPack[] = [];
  const ids = new Set<string>();
  for (const path of files) {
    const pack = fromPrebuilt(path, prebuilt);
    if (!pack) return;
    for (const rule of pack.rules) {
      if (ids.has(rule.id)) return;
      ids.add(rule.id);
    }
    packs.push(pack);
  }
  return packs;
}
