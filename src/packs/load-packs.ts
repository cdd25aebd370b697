import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Ajv, ValidateFunction } from 'ajv';
import { ajvPackage } from '../model/lazy-packages.ts';
import { RULE_KINDS, findKind } from '../checks/index.ts';
import type { Rule, RuleKind } from '../checks/rule-kind.ts';
import { UserError } from '../model/errors.ts';
import {
  DEFAULT_RULES_DIR,
  PREBUILT_PACKS_PATH,
  fromPrebuilt,
  packFiles,
  prebuiltPacks,
  type LoadedPack,
  type PrebuiltPack,
  type PrebuiltPacks,
} from './loaded-pack.ts';
import { envelopeSchema, ruleSchema } from './pack-schema.ts';
import { YamlSource, nearest } from './yaml-source.ts';
import { runSteps, type Steps } from '../model/steps.ts';

export { DEFAULT_RULES_DIR, PREBUILT_PACKS_PATH, packFiles, type LoadedPack, type PrebuiltPack, type PrebuiltPacks };

// Schemas are compiled when first needed, each kind's only if a pack uses it: compiling them
// all at import time cost every command, --help included, about 150 ms.
let ajv: Ajv | undefined;
const compile = (schema: object) => (ajv ??= new (ajvPackage().Ajv)({ allErrors: true, strict: false })).compile(schema);
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

/**
 * Loads and validates packs. All problems in all packs are collected, then thrown together as
 * one UserError with a `file:line:column: key: problem` line each.
 */
export function loadPacks(paths: string[], prebuilt: PrebuiltPacks = prebuiltPacks()): LoadedPack[] {
  return runSteps(loadPacksInSteps(paths, prebuilt));
}

/**
 * loadPacks in steps (model/steps.ts), one after each pack file: each file is at most 1 MiB, but
 * a council may give many, and reading and validating one can take a tenth of a second.
 */
export function* loadPacksInSteps(paths: string[], prebuilt: PrebuiltPacks = prebuiltPacks()): Steps<LoadedPack[]> {
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
    yield;
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
  for (const section of RULE_KINDS.flatMap((kind) => kind.sections ?? [])) {
    const { key } = section;
    if (pack[key] === undefined) continue;
    sections[key] = pack[key];
    for (const p of section.validate?.(pack[key]) ?? []) problems.push(source.problem([key, ...splitKey(p.key)], p.message));
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
    return [
      source.problem([...base, 'kind'], `unknown rule kind '${rule.kind}'${guess ? ` — did you mean '${guess}'?` : ''} (known kinds: ${known.join(', ')})`),
    ];
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
