import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { ValidateFunction } from 'ajv';
import { ajvPackage, yamlPackage } from '../model/lazy-packages.ts';
import { CANONICAL_FIELDS, REQUIRED_FIELDS, type CanonicalField } from '../model/record.ts';
import { UserError } from '../model/errors.ts';
import { builtData } from '../model/built-data.ts';
import { closest } from '../text/closest.ts';

/** A column profile: how one case-management system names the canonical fields. */
export interface ColumnProfile {
  name: string;
  system: string;
  description: string;
  columns: Partial<Record<CanonicalField, string[]>>;
  fallbacks?: Partial<Record<CanonicalField, CanonicalField>>;
  /** `note` (the default): one row per record. `form`: one row per form question (see `form`). */
  shape?: 'note' | 'form';
  /** For `shape: form`, the columns that make rows into forms (src/intake/forms/README.md). */
  form?: FormColumns;
}

/**
 * Column names for a form-shaped export. `instance` is the form instance (it becomes the
 * record_id) and `order` the question order: the first name found in the header is used. For
 * `question` and `answer` every name found is read, and a row's question or answer is the first
 * of those columns that is not empty (Eclipse keeps a date answer in DATEANSWERVALUE).
 */
export interface FormColumns {
  instance: string[];
  question: string[];
  answer: string[];
  order?: string[];
}

/** Where a form-shaped file keeps the instance, question, answer and order (column indexes). */
export interface FormMapping {
  instance: number;
  question: number[];
  answer: number[];
  order?: number;
}

/** Where each canonical field is read from, for one file's header. */
export interface ColumnMapping {
  profile: string;
  /** Column index per canonical field present in the file. */
  index: Partial<Record<CanonicalField, number>>;
  /** Fields copied from another field because the file has no column for them. */
  fallbacks: Partial<Record<CanonicalField, CanonicalField>>;
  /** Present when the profile is form-shaped: rows are questions, assembled into one record per form. */
  form?: FormMapping;
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
    shape: { enum: ['note', 'form'] },
    form: {
      type: 'object',
      additionalProperties: false,
      required: ['instance', 'question', 'answer'],
      properties: { instance: fieldList, question: fieldList, answer: fieldList, order: fieldList },
    },
  },
};
let compiledProfileValidator: ValidateFunction<ColumnProfile> | undefined;
/** Compiled when first needed, not when the module is imported. */
const profileValidator = () => (compiledProfileValidator ??= new (ajvPackage().Ajv)({ allErrors: true }).compile<ColumnProfile>(profileSchema));

/** What the schema cannot say: how `shape` and `form` go together. */
function shapeProblems(profile: ColumnProfile): string[] {
  const problems: string[] = [];
  if (profile.shape === 'form') {
    if (!profile.form) problems.push("/shape is 'form' but there is no form section (form: {instance, question, answer})");
    for (const field of ['record_id', 'text'] as const) {
      if (profile.columns[field]) problems.push(`/columns/${field} is read from form.${field === 'record_id' ? 'instance' : 'answer'} in a form profile`);
    }
  } else if (profile.form) {
    problems.push("/form is only read when shape is 'form'");
  }
  return problems;
}

/** Whether a profile assembles form rows into records. */
export function isFormProfile(profile: ColumnProfile): boolean {
  return profile.shape === 'form';
}

/** The column names a profile accepts for a field (its own list, or its form section's). */
export function columnNames(profile: ColumnProfile, field: CanonicalField | 'question'): string[] {
  if (profile.form) {
    if (field === 'record_id') return profile.form.instance;
    if (field === 'text') return profile.form.answer;
    if (field === 'question') return profile.form.question;
  }
  return field === 'question' ? [] : (profile.columns[field] ?? []);
}

/** Headers that use the canonical names need no profile file. */
export const CANONICAL_PROFILE: ColumnProfile = {
  name: 'canonical',
  system: 'scrutineer canonical',
  description: 'Headers named exactly as the canonical fields.',
  columns: {},
};

export const DEFAULT_PROFILE_DIR = new URL('../../rules/profiles/', import.meta.url).pathname;

/**
 * The column profiles in a folder, validated. A file whose bytes the build validated
 * (dist/intake/prebuilt-profiles.json, by sha256, as for the packs: see PrebuiltPacks) is taken
 * from there, which spares every audit the YAML parser and compiling the profile schema.
 */
export function loadProfiles(dir: string = DEFAULT_PROFILE_DIR, prebuilt: PrebuiltProfiles = prebuiltProfiles()): ColumnProfile[] {
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  return files.map((file) => {
    const path = join(dir, file);
    const bytes = readFileSync(path);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (Object.hasOwn(prebuilt, sha256)) return structuredClone(prebuilt[sha256]);
    const data = yamlPackage().parse(bytes.toString('utf8'));
    const validateProfile = profileValidator();
    if (!validateProfile(data)) {
      const e = validateProfile.errors![0];
      throw new UserError(`${path}: invalid column profile: ${e.instancePath || '/'} ${e.message}`);
    }
    const problem = shapeProblems(data)[0];
    if (problem) throw new UserError(`${path}: invalid column profile: ${problem}`);
    return data;
  });
}

/** Validated profiles by the sha256 of their file. */
export type PrebuiltProfiles = Record<string, ColumnProfile>;

/** Where the build leaves them: beside this module in dist/ (the sources have none). */
export const PREBUILT_PROFILES_PATH = new URL('./prebuilt-profiles.json', import.meta.url);

const prebuiltProfiles = () => builtData<PrebuiltProfiles>(PREBUILT_PROFILES_PATH);

/** For the build: each profile in a folder loaded as usual, kept only if it comes back from JSON unchanged. */
export function prebuildProfiles(dir: string = DEFAULT_PROFILE_DIR): PrebuiltProfiles {
  const out: PrebuiltProfiles = {};
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  loadProfiles(dir, {}).forEach((profile, i) => {
    const sha256 = createHash('sha256')
      .update(readFileSync(join(dir, files[i])))
      .digest('hex');
    if (isDeepStrictEqual(JSON.parse(JSON.stringify(profile)), profile)) out[sha256] = profile;
  });
  return out;
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
  const find = (names: string[]) => names.map((n) => positions.get(normaliseHeader(n))).filter((at): at is number => at !== undefined);
  const form = isFormProfile(profile) && profile.form ? profile.form : undefined;
  const index: ColumnMapping['index'] = {};
  for (const field of CANONICAL_FIELDS) {
    // A form profile takes record_id and text only from its form section (the instance and answer columns).
    const own = form && (field === 'record_id' || field === 'text') ? columnNames(profile, field) : [field, ...(profile.columns[field] ?? [])];
    const names = overrides[field] !== undefined ? [overrides[field]!] : own;
    const at = find(names)[0];
    if (at !== undefined) index[field] = at;
  }
  const fallbacks: ColumnMapping['fallbacks'] = {};
  for (const [field, from] of Object.entries(profile.fallbacks ?? {}) as [CanonicalField, CanonicalField][]) {
    if (index[field] === undefined && index[from] !== undefined) fallbacks[field] = from;
  }
  const missing: (CanonicalField | 'question')[] = REQUIRED_FIELDS.filter((f) => index[f] === undefined && fallbacks[f] === undefined);
  let formMapping: FormMapping | undefined;
  if (form) {
    const question = find(form.question);
    if (!question.length) missing.push('question');
    const answer = overrides.text !== undefined ? find([overrides.text]) : [...new Set(find(form.answer))];
    formMapping = {
      instance: index.record_id ?? -1,
      question: [...new Set(question)],
      answer,
      ...(find(form.order ?? []).length && { order: find(form.order ?? [])[0] }),
    };
  }
  const score = Object.keys(index).length;
  // Ties go to the profile that names the columns itself rather than by their canonical names.
  const named = CANONICAL_FIELDS.filter(
    (f) => index[f] !== undefined && columnNames(profile, f).some((n) => normaliseHeader(n) === normaliseHeader(header[index[f]!])),
  ).length;
  const mapping: ColumnMapping = { profile: profile.name, index, fallbacks, ...(formMapping && { form: formMapping }) };
  return { mapping, missing, score, named };
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
      const forms = profiles.filter(isFormProfile).map((p) => p.name);
      const formList = forms.length ? `; form-shaped profiles: ${forms.join(', ')}` : '';
      throw new UserError(
        `unknown profile '${forced}'; known profiles: ${profiles
          .filter((p) => !isFormProfile(p))
          .map((p) => p.name)
          .join(', ')}${formList}`,
      );
    }
  }
  const results = candidates
    .map((p) => mapHeader(header, p, overrides))
    .sort((a, b) => a.missing.length - b.missing.length || b.score - a.score || b.named - a.named);
  const best = results[0];
  if (best.missing.length === 0) return best.mapping;
  const field = best.missing[0];
  const known = [...(field === 'question' ? [] : [field]), ...profiles.flatMap((p) => columnNames(p, field))];
  const unmapped = header.filter((_, i) => !Object.values(best.mapping.index).includes(i));
  const near = closest(unmapped, known, normaliseHeader);
  const fix = (column: string) =>
    field === 'question' ? 'add it to form.question in the profile' : `use --map ${field}=${JSON.stringify(column).slice(1, -1)}`;
  const hint = near ? `; the closest-looking column is '${near}' (${fix(near)} if it is the one)` : '';
  throw new UserError(`${path}: no column for the required field '${field}' (profile ${best.mapping.profile}); columns found: ${header.join(', ')}${hint}`);
}
