import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, parseDocument, isMap, isScalar, type Document, type Node } from 'yaml';
import { RULE_KINDS, findKind } from '../checks/index.ts';
import type { Rule, RuleKind } from '../checks/rule-kind.ts';
import { UserError } from '../intake/errors.ts';
import { closest } from '../text/closest.ts';
import { envelopeSchema, ruleSchema } from './pack-schema.ts';
import { STANDARDS } from '../report/standards.ts';

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
export const MAX_PACK_BYTES = 1024 * 1024;
const MAX_ALIASES = 50;
const MAX_DEPTH = 20;

const ajv = new Ajv({ allErrors: true, strict: false });
const ENVELOPE = envelopeSchema(RULE_KINDS);
const validateEnvelope = ajv.compile(ENVELOPE);
const ruleValidators = new Map<string, ValidateFunction>(RULE_KINDS.map((k) => [k.kind, ajv.compile(ruleSchema(k))]));

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
export function loadPacks(paths: string[]): LoadedPack[] {
  const problems: string[] = [];
  const packs: LoadedPack[] = [];
  const seen = new Map<string, string>();
  for (const path of paths.flatMap(packFiles)) {
    const pack = loadPack(path, problems);
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
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    problems.push(`${path}: cannot be read (${(err as NodeJS.ErrnoException).code})`);
    return;
  }
  if (bytes.length > MAX_PACK_BYTES) {
    problems.push(`${path}: the pack is ${bytes.length} bytes; packs larger than ${MAX_PACK_BYTES} bytes are refused`);
    return;
  }
  const lines = new LineCounter();
  const doc = parseDocument(bytes.toString('utf8'), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return `${path}:${line}:${col}`;
  };
  if (doc.errors.length) {
    for (const e of doc.errors) problems.push(`${at(e.pos[0])}: ${e.message.split('\n')[0]}`);
    return;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    problems.push(`${path}: ${(err as Error).message} (YAML aliases are limited to ${MAX_ALIASES} expansions)`);
    return;
  }
  if (depth(data) > MAX_DEPTH) {
    problems.push(`${path}: the YAML is nested more than ${MAX_DEPTH} levels deep`);
    return;
  }
  const before = problems.length;
  if (!validateEnvelope(data)) {
    problems.push(...describe(validateEnvelope.errors!, [], doc, at, Object.keys(ENVELOPE.properties)));
    return;
  }
  const pack = data as { pack: string; version: string; description: string; rules: Rule[] } & Record<string, unknown>;
  const sections: Record<string, unknown> = {};
  for (const kind of RULE_KINDS) {
    const key = kind.section?.key;
    if (!key || pack[key] === undefined) continue;
    sections[key] = pack[key];
    for (const p of kind.section!.validate?.(pack[key]) ?? []) {
      const path = [key, ...p.key.split('/').map((s) => (/^\d+$/.test(s) ? Number(s) : s))];
      problems.push(`${locate(doc, path, at)}: ${label(path)}: ${p.message}`);
    }
  }
  pack.rules.forEach((rule, i) => {
    const kind = findKind(String(rule.kind));
    const base = ['rules', i];
    if (!kind) {
      const known = RULE_KINDS.map((k) => k.kind);
      const guess = nearest(String(rule.kind), known);
      const near = guess ? ` — did you mean '${guess}'?` : '';
      problems.push(`${locate(doc, [...base, 'kind'], at)}: rules[${i}].kind: unknown rule kind '${rule.kind}'${near} (known kinds: ${known.join(', ')})`);
      return;
    }
    const validate = ruleValidators.get(kind.kind)!;
    if (!validate(rule)) {
      problems.push(...describe(validate.errors!, base, doc, at, ruleKeys(kind)));
      return;
    }
    for (const p of kind.validate?.(rule) ?? []) {
      const path = [...base, ...p.key.split('/').map((s) => (/^\d+$/.test(s) ? Number(s) : s))];
      problems.push(`${locate(doc, path, at)}: ${label(path)}: ${p.message}`);
    }
    rule.pack = pack.pack;
  });
  if (problems.length > before) return;
  return {
    name: pack.pack,
    version: pack.version,
    description: pack.description,
    path,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    rules: pack.rules,
    sections,
    ruleLocations: pack.rules.map((_, i) => locate(doc, ['rules', i, 'id'], at)),
  };
}

function ruleKeys(kind: RuleKind): string[] {
  return ['id', 'kind', 'category', 'severity', 'standards', 'message', 'description', 'docs', ...Object.keys(kind.properties)];
}

/** Turns ajv's errors into `file:line:col: key: problem` lines. */
function describe(errors: ErrorObject[], base: (string | number)[], doc: Document, at: (o: number) => string, keys: string[]): string[] {
  const out = new Set<string>();
  const anyOfDescription = errors.some((e) => e.keyword === 'anyOf');
  for (const e of errors) {
    if (e.keyword === 'anyOf' || (anyOfDescription && e.keyword === 'required' && (e.params.missingProperty === 'description' || e.params.missingProperty === 'docs'))) continue;
    const path = [...base, ...e.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s))];
    if (e.keyword === 'additionalProperties') {
      const key = e.params.additionalProperty as string;
      const near = nearest(key, keys);
      out.add(`${locateKey(doc, path, key, at)}: ${label([...path, key])}: unknown key '${key}'${near ? ` — did you mean '${near}'?` : ''}`);
    } else if (e.keyword === 'required') {
      out.add(`${locate(doc, path, at)}: ${label(path)}: missing required key '${e.params.missingProperty}'`);
    } else if (e.keyword === 'type') {
      const value = doc.getIn(path);
      const found = Array.isArray(value) ? 'a list' : value === null ? 'nothing' : typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)}`;
      const wanted = String(e.params.type).replace('array', 'a list').replace('object', 'a mapping');
      out.add(`${locate(doc, path, at)}: ${label(path)}: expected ${wanted}, found ${found}`);
    } else if (e.keyword === 'enum' && path.includes('standards')) {
      out.add(`${locate(doc, path, at)}: ${label(path)}: '${doc.getIn(path)}' is not a Social Work England professional standard (${standardRanges()})`);
    } else if (e.keyword === 'enum') {
      const allowed = (e.params.allowedValues as unknown[]).map(String);
      const value = String(doc.getIn(path));
      const near = nearest(value, allowed);
      const list = allowed.length > 12 ? `${allowed.slice(0, 12).join(', ')}…` : allowed.join(', ');
      out.add(`${locate(doc, path, at)}: ${label(path)}: '${value}' is not one of ${list}${near ? ` — did you mean '${near}'?` : ''}`);
    } else {
      out.add(`${locate(doc, path, at)}: ${label(path)}: ${e.message}`);
    }
  }
  if (anyOfDescription) out.add(`${locate(doc, base, at)}: ${label(base)}: a rule needs a 'description' or a 'docs' link`);
  return [...out];
}

function standardRanges(): string {
  const byHead = new Map<string, string[]>();
  for (const n of Object.keys(STANDARDS)) byHead.set(n.split('.')[0], [...(byHead.get(n.split('.')[0]) ?? []), n]);
  return [...byHead.values()].map((l) => `${l[0]}–${l[l.length - 1]}`).join(', ');
}

function nearest(value: string, options: string[]): string | undefined {
  return closest(options, [value], (s) => s.toLowerCase());
}

function label(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('') || '(pack)';
}

function locate(doc: Document, path: (string | number)[], at: (o: number) => string): string {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
    if (node && (node as Node).range) return at((node as Node).range![0]);
  }
  return at(0);
}

function locateKey(doc: Document, path: (string | number)[], key: string, at: (o: number) => string): string {
  const parent = path.length ? doc.getIn(path, true) : doc.contents;
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (pair && isScalar(pair.key) && pair.key.range) return at(pair.key.range[0]);
  }
  return locate(doc, path, at);
}

function depth(value: unknown, level = 0): number {
  if (level > MAX_DEPTH) return level;
  if (value && typeof value === 'object') {
    let max = level;
    for (const v of Object.values(value)) max = Math.max(max, depth(v, level + 1));
    return max;
  }
  return level;
}
