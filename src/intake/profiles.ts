import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { CANONICAL_FIELDS, REQUIRED_FIELDS, type CanonicalField } from './record.ts';
import { UserError } from './errors.ts';
import { closest } from '../text/closest.ts';

/** A column profile: how one case-management system names the canonical fields. */
export interface ColumnProfile {
  name: string;
  system: string;
  description: string;
  columns: Partial<Record<CanonicalField, string[]>>;
  fallbacks?: Partial<Record<CanonicalField, CanonicalField>>;
}

/** Where each canonical field is read from, for one file's header. */
export interface ColumnMapping {
  profile: string;
  /** Column index per canonical field present in the file. */
  index: Partial<Record<CanonicalField, number>>;
  /** Fields copied from another field because the file has no column for them. */
  fallbacks: Partial<Record<CanonicalField, CanonicalField>>;
}

const fieldList = { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 };
const profileSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'system', 'description', 'columns'],
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
    system: { type: 'string' },
    description: { type: 'string' },
    columns: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(CANONICAL_FIELDS.map((f) => [f, fieldList])),
    },
    fallbacks: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(CANONICAL_FIELDS.map((f) => [f, { enum: [...CANONICAL_FIELDS] }])),
    },
  },
};
const validateProfile = new Ajv({ allErrors: true }).compile<ColumnProfile>(profileSchema);

/** Headers that use the canonical names need no profile file. */
export const CANONICAL_PROFILE: ColumnProfile = {
  name: 'canonical',
  system: 'scrutineer canonical',
  description: 'Headers named exactly as the canonical fields.',
  columns: {},
};

export const DEFAULT_PROFILE_DIR = new URL('../../rules/profiles/', import.meta.url).pathname;

export function loadProfiles(dir: string = DEFAULT_PROFILE_DIR): ColumnProfile[] {
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  return files.map((file) => {
    const path = join(dir, file);
    const data = parseYaml(readFileSync(path, 'utf8'));
    if (!validateProfile(data)) {
      const e = validateProfile.errors![0];
      throw new UserError(`${path}: invalid column profile: ${e.instancePath || '/'} ${e.message}`);
    }
    return data;
  });
}

/** Header names compared without case, spaces, underscores or punctuation. */
export function normaliseHeader(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Maps a header with one profile; `missing` lists required fields it cannot fill. */
export function mapHeader(header: string[], profile: ColumnProfile, overrides: Partial<Record<CanonicalField, string>> = {}) {
  const positions = new Map<string, number>();
  header.forEach((h, i) => {
    const key = normaliseHeader(h);
    if (!positions.has(key)) positions.set(key, i);
  });
  const index: ColumnMapping['index'] = {};
  for (const field of CANONICAL_FIELDS) {
    const names = overrides[field] !== undefined ? [overrides[field]!] : [field, ...(profile.columns[field] ?? [])];
    for (const name of names) {
      const at = positions.get(normaliseHeader(name));
      if (at !== undefined) {
        index[field] = at;
        break;
      }
    }
  }
  const fallbacks: ColumnMapping['fallbacks'] = {};
  for (const [field, from] of Object.entries(profile.fallbacks ?? {}) as [CanonicalField, CanonicalField][]) {
    if (index[field] === undefined && index[from] !== undefined) fallbacks[field] = from;
  }
  const missing = REQUIRED_FIELDS.filter((f) => index[f] === undefined && fallbacks[f] === undefined);
  const score = Object.keys(index).length;
  // Ties go to the profile that names the columns itself rather than by their canonical names.
  const named = CANONICAL_FIELDS.filter((f) => index[f] !== undefined && (profile.columns[f] ?? []).some((n) => normaliseHeader(n) === normaliseHeader(header[index[f]!]))).length;
  return { mapping: { profile: profile.name, index, fallbacks } as ColumnMapping, missing, score, named };
}

/**
 * Picks the profile that maps the header best (all required fields, then most fields).
 * With `forced`, only that profile is tried. Throws a UserError naming the missing field,
 * the columns found and the closest-looking column when no profile fits.
 */
export function chooseProfile(
  header: string[],
  profiles: ColumnProfile[],
  path: string,
  forced?: string,
  overrides: Partial<Record<CanonicalField, string>> = {},
): ColumnMapping {
  for (const [field, column] of Object.entries(overrides)) {
    if (!header.some((h) => normaliseHeader(h) === normaliseHeader(column!))) {
      throw new UserError(`${path}: --map ${field}=${column}: there is no column '${column}' (columns: ${header.join(', ')})`);
    }
  }
  let candidates = profiles.some((p) => p.name === CANONICAL_PROFILE.name) ? profiles : [...profiles, CANONICAL_PROFILE];
  if (forced) {
    candidates = candidates.filter((p) => p.name === forced);
    if (!candidates.length) {
      throw new UserError(`unknown profile '${forced}'; known profiles: ${profiles.map((p) => p.name).join(', ')}`);
    }
  }
  const results = candidates.map((p) => mapHeader(header, p, overrides)).sort((a, b) => a.missing.length - b.missing.length || b.score - a.score || b.named - a.named);
  const best = results[0];
  if (best.missing.length === 0) return best.mapping;
  const field = best.missing[0];
  const known = [field, ...profiles.flatMap((p) => p.columns[field] ?? [])];
  const unmapped = header.filter((h, i) => !Object.values(best.mapping.index).includes(i));
  const near = closest(unmapped, known, normaliseHeader);
  const hint = near ? `; the closest-looking column is '${near}' (use --map ${field}=${JSON.stringify(near).slice(1, -1)} if it is the one)` : '';
  throw new UserError(
    `${path}: no column for the required field '${field}' (profile ${best.mapping.profile}); columns found: ${header.join(', ')}${hint}`,
  );
}
