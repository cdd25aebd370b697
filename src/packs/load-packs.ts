import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Ajv, type ValidateFunction } from 'ajv';
import { RULE_KINDS, findKind } from '../checks/index.ts';
import type { Rule, RuleKind } from '../checks/rule-kind.ts';
import { UserError } from '../model/errors.ts';
import { envelopeSchema, ruleSchema } from './pack-schema.ts';
import { MAX_YAML_BYTES, YamlSource, nearest } from './yaml-source.ts';

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

// Schemas are compiled when first needed, each kind's only if a pack uses it: compiling them
// all at import time cost every command, --help included, about 150 ms.
let ajv: Ajv | undefined;
const compile = (schema: object) => (ajv ??= new Ajv({ allErrors: true, strict: false })).compile(schema);
const ENVELOPE = envelopeSchema(RULE_KINDS);
let envelopeValidator: ValidateFunction | undefined;
const validateEnvelope = (data: unknown) => (envelopeValidator ??= compile(ENVELOPE))(data);
const ruleValidators = new Map<string, ValidateFunction>();
function ruleValidator(kind: (typeof RULE_KINDS)[number]): ValidateFunction {
  let v = ruleValidators.get(kind.kind);
  if (!v) ruleValidators.set(kind.kind, (v = compile(ruleSchema(kind))));
  return v;
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

let prebuiltOnDisk: PrebuiltPacks | undefined;
function prebuiltPacks(): PrebuiltPacks {
  if (!prebuiltOnDisk) {
    try {
      prebuiltOnDisk = JSON.parse(readFileSync(PREBUILT_PACKS_PATH, 'utf8')) as PrebuiltPacks;
    } catch {
      prebuiltOnDisk = {};
    }
  }
  return prebuiltOnDisk;
}

/**
 * The prebuilt form of packs, for the build: each pack loaded and validated as usual, and kept
 * only if it comes back from JSON exactly as loaded (so the fast path can never differ).
 */
export function prebuildPacks(paths: string[]): PrebuiltPacks {
  const out: PrebuiltPacks = {};
  for (const pack of loadPacks(paths, {})) {
    const prefix = `${pack.path}:`;
    if (!pack.ruleLocations.every((l) => l.startsWith(prefix))) continue;
    const { path: _path, sha256, ...rest } = pack;
    const entry: PrebuiltPack = { ...rest, ruleLocations: pack.ruleLocations.map((l) => l.slice(prefix.length)) };
    if (isDeepStrictEqual(JSON.parse(JSON.stringify(entry)), entry)) out[sha256] = entry;
  }
  return out;
}

/** A pack from its prebuilt form, when its bytes are those the build validated. */
function fromPrebuilt(path: string, prebuilt: PrebuiltPacks): LoadedPack | undefined {
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

/** The YAML packs in a folder (not its sub-folders), sorted; a file is itself. */
export function packFiles(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UserError(`${path}: no such rule pack or folder`);
  }
  if (!stat.isDirectory()) return [path];
  return readdirSync(path).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(path, f));
}

/**
 * Loads and validates packs. All problems in all packs are collected, then thrown together as
 * one UserError with a `file:line:column: key: problem` line each.
 */
export function loadPacks(paths: string[], prebuilt: PrebuiltPacks = prebuiltPacks()): LoadedPack[] {
  const problems: string[] = [];
  const packs: LoadedPack[] = [];
  const seen = new Map<string, string>();
  for (const path of paths.flatMap(packFiles)) {
    const pack = fromPrebuilt(path, prebuilt) ?? loadPack(path, problems);
    if (!pack) continue;
    pack.rules.forEach((rule, i) => {
      const first = seen.get(rule.id);
      if (first) problems.push(`${pack.ruleLocations[i]}: rules[${i}].id: rule id '${rule.id}' is already used at ${first}`);
      else seen.set(rule.id, pack.ruleLocations[i]);
    });
    packs.push(pack);
  }
  if (problems.length) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? `\n… and ${problems.length - shown.length} more` : '';
    throw new UserError(`invalid rule pack:\n${shown.join('\n')}${more}`);
  }
  return packs;
}

function loadPack(path: string, problems: string[]): LoadedPack | undefined {
  const read = YamlSource.read(path, problems, 'pack');
  if (!read) return;
  const { source, data } = read;
  const before = problems.length;
  if (!validateEnvelope(data)) {
    problems.push(...source.describe(envelopeValidator!.errors!, [], Object.keys(ENVELOPE.properties)));
    return;
  }
  const pack = data as { pack: string; version: string; description: string; rules: Rule[] } & Record<string, unknown>;
  const sections: Record<string, unknown> = {};
  for (const kind of RULE_KINDS) {
    const key = kind.section?.key;
    if (!key || pack[key] === undefined) continue;
    sections[key] = pack[key];
    for (const p of kind.section!.validate?.(pack[key]) ?? []) problems.push(source.problem([key, ...splitKey(p.key)], p.message));
  }
  pack.rules.forEach((rule, i) => {
    problems.push(...validateRule(rule, ['rules', i], source));
    rule.pack = pack.pack;
  });
  if (problems.length > before) return;
  return {
    name: pack.pack,
    version: pack.version,
    description: pack.description,
    path,
    sha256: createHash('sha256').update(source.bytes).digest('hex'),
    rules: pack.rules,
    sections,
    ruleLocations: pack.rules.map((_, i) => source.locate(['rules', i, 'id'])),
  };
}

/** Problems with one rule: its kind, its schema, and its kind's own checks (patterns). */
export function validateRule(rule: Rule, base: (string | number)[], source: YamlSource): string[] {
  const kind = findKind(String(rule.kind));
  if (!kind) {
    const known = RULE_KINDS.map((k) => k.kind);
    const guess = nearest(String(rule.kind), known);
    return [source.problem([...base, 'kind'], `unknown rule kind '${rule.kind}'${guess ? ` — did you mean '${guess}'?` : ''} (known kinds: ${known.join(', ')})`)];
  }
  const validate = ruleValidator(kind);
  if (!validate(rule)) return source.describe(validate.errors!, base, ruleKeys(kind));
  return (kind.validate?.(rule) ?? []).map((p) => source.problem([...base, ...splitKey(p.key)], p.message));
}

function splitKey(key: string): (string | number)[] {
  return key.split('/').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function ruleKeys(kind: RuleKind): string[] {
  return ['id', 'kind', 'category', 'severity', 'standards', 'message', 'description', 'docs', ...Object.keys(kind.properties)];
}
