import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { ajvPackage } from '../model/lazy-packages.ts';
import { UserError } from '../model/errors.ts';
import { YamlSource, nearest } from '../packs/yaml-source.ts';
import { validateRule, type LoadedPack } from '../packs/load-packs.ts';
import type { CanonicalField } from '../model/record.ts';
import type { Severity } from '../model/flag.ts';
import type { FormatName } from '../model/formats.ts';
import { CONFIG_SCHEMA } from './config-schema.ts';
import { parseDate } from '../intake/dates.ts';
import { CONFIG_FILE, configPath } from './config-file.ts';

export { CONFIG_FILE };

export interface Config {
  path: string;
  rules?: string[];
  default_rules?: boolean;
  disable?: string[];
  severity?: Record<string, Severity>;
  set?: Record<string, Record<string, unknown>>;
  labels?: string;
  templates?: string[];
  profile?: string;
  map?: Partial<Record<CanonicalField, string>>;
  encoding?: string;
  delimiter?: string;
  date_order?: 'dmy' | 'mdy';
  fail_on?: Severity | 'never';
  min_severity?: Severity;
  outputs?: { format: FormatName; output?: string }[];
  redact?: boolean;
  snippets?: boolean;
  excel_ids?: boolean;
  mentions?: boolean;
  strict?: boolean;
  reviewed?: string;
  baseline?: string;
  history?: string;
  manifest?: string;
  since?: string;
  until?: string;
}

let validator: ValidateFunction | undefined;
/** Compiled when a config file is read, not when the module is imported. */
const configValidator = () => (validator ??= new (ajvPackage().Ajv)({ allErrors: true, strict: false }).compile(CONFIG_SCHEMA));
const PATH_KEYS = ['labels', 'reviewed', 'baseline', 'history', 'manifest'] as const;

/**
 * The configuration: `--config FILE`, else scrutineer.yaml in the working folder, else none.
 * It is validated like a pack, and its paths are made relative to its own folder.
 */
export function loadConfig(explicit: string | undefined, cwd = process.cwd()): { config: Config; source: YamlSource } | undefined {
  const path = configPath(explicit, cwd);
  if (!path) return;
  const problems: string[] = [];
  const read = YamlSource.read(path, problems, 'config file');
  if (!read) throw new UserError(`invalid config file:\n${problems.join('\n')}`);
  const data = read.data ?? {};
  const validate = configValidator();
  if (!validate(data)) {
    throw new UserError(`invalid config file:\n${read.source.describe(validate.errors!, [], Object.keys(CONFIG_SCHEMA.properties)).join('\n')}`);
  }
  // The pattern says YYYY-MM-DD; a day that does not exist (2025-02-30) is caught here.
  const dateProblems = (['since', 'until'] as const).flatMap((key) => {
    const value = (data as Record<string, unknown>)[key];
    const parsed = typeof value === 'string' ? parseDate(value) : undefined;
    return parsed && 'error' in parsed ? [read.source.problem([key], parsed.error)] : [];
  });
  if (dateProblems.length) throw new UserError(`invalid config file:\n${dateProblems.join('\n')}`);
  const base = dirname(path);
  const resolve = (p: string) => (isAbsolute(p) ? p : join(base, p));
  const config = { ...(data as Omit<Config, 'path'>), path } as Config;
  if (config.rules) config.rules = config.rules.map(resolve);
  if (config.templates) config.templates = config.templates.map(resolve);
  for (const key of PATH_KEYS) if (config[key]) config[key] = resolve(config[key]!);
  if (config.outputs) config.outputs = config.outputs.map((o) => ({ ...o, ...(o.output && { output: resolve(o.output) }) }));
  return { config, source: read.source };
}

/**
 * Applies the configuration to the loaded rules: disabled rules are dropped, severities and
 * fields are overridden, and every changed rule is validated again against its kind.
 */
export function applyConfigToPacks(packs: LoadedPack[], config: Config, source: YamlSource): LoadedPack[] {
  const ids = packs.flatMap((p) => p.rules.map((r) => r.id));
  const problems: string[] = [];
  const unknown = (id: string, path: (string | number)[]) => {
    if (ids.includes(id)) return false;
    const near = nearest(id, ids);
    problems.push(source.problem(path, `no rule has the id '${id}'${near ? ` — did you mean '${near}'?` : ''}`));
    return true;
  };
  (config.disable ?? []).forEach((id, i) => unknown(id, ['disable', i]));
  for (const id of Object.keys(config.severity ?? {})) unknown(id, ['severity', id]);
  for (const id of Object.keys(config.set ?? {})) unknown(id, ['set', id]);
  const templates = (config.templates ?? []).flatMap((file, i) => readTemplates(file, ['templates', i], source, problems));
  const disabled = new Set(config.disable ?? []);
  const out = packs.map((pack) => ({
    ...pack,
    rules: pack.rules
      .filter((r) => !disabled.has(r.id))
      .map((rule) => {
        const changed = { ...rule, ...(config.set?.[rule.id] ?? {}), ...(config.severity?.[rule.id] && { severity: config.severity[rule.id] }) };
        // The council's templates are standard wording for every duplication rule.
        if (templates.length && rule.kind === 'duplication') {
          const own = (changed as { allowed_passages?: string[] }).allowed_passages ?? [];
          Object.assign(changed, { allowed_passages: [...own, ...templates] });
        }
        if (config.set?.[rule.id] || config.severity?.[rule.id]) {
          const { pack: _pack, ...plain } = changed;
          problems.push(...validateRule(plain as typeof rule, ['set', rule.id], source));
        }
        return changed;
      }),
  }));
  if (problems.length) throw new UserError(`invalid config file:\n${problems.join('\n')}`);
  return out;
}

/** Words a template passage needs to be matched (the duplication check's shingle length). */
const TEMPLATE_WORDS = 4;

/**
 * The passages of a template file: UTF-8 text, passages separated by a blank line, spacing
 * collapsed. Passages under TEMPLATE_WORDS words (a heading alone) are left out; a file that
 * cannot be read, is not text, or has no passage long enough is a problem of the config.
 */
function readTemplates(file: string, path: (string | number)[], source: YamlSource, problems: string[]): string[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    problems.push(
      source.problem(
        path,
        `cannot read the template file ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String((e as Error).message)}`,
      ),
    );
    return [];
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    problems.push(source.problem(path, `the template file ${file} is not UTF-8 text`));
    return [];
  }
  if (text.includes('\u0000')) {
    problems.push(source.problem(path, `the template file ${file} is not UTF-8 text`));
    return [];
  }
  const passages = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n[ \t]*\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => (p.match(/[\p{L}\p{N}]+/gu) ?? []).length >= TEMPLATE_WORDS);
  if (!passages.length) problems.push(source.problem(path, `the template file ${file} has no passage of ${TEMPLATE_WORDS} words or more`));
  return passages;
}
