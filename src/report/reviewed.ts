import { readFileSync } from 'node:fs';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Document } from 'yaml';
import { ajvPackage, yamlPackage } from '../model/lazy-packages.ts';
import { UserError } from '../model/errors.ts';
import { DISMISSAL_REASONS, REVIEW_DECISIONS, type DismissalReason, type ReviewDecision } from '../model/flag.ts';
import type { Report, ReviewEntry } from './build-report.ts';
import { parseDate } from '../intake/dates.ts';
import { reviewStats } from './review-stats.ts';
import { filterInSteps, mapInSteps, runSteps, type Steps } from '../model/steps.ts';

export type { ReviewEntry };

/** The file format this scrutineer writes (the HTML report's export) and reads besides version 1. */
export const REVIEWED_FILE_VERSION = 2;

const ID = { type: 'string', pattern: '^[0-9a-f]{16}$' };
const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };

/** Version 1: every entry is a flag accepted, with a reason (no `version` key, or `version: 1`). */
const SCHEMA_V1 = {
  type: 'object',
  additionalProperties: false,
  required: ['reviewed'],
  properties: {
    version: { const: 1 },
    reviewed: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'reviewer', 'date', 'reason'],
        properties: { id: ID, reviewer: { type: 'string', minLength: 1 }, date: DATE, reason: { type: 'string', minLength: 3 } },
      },
    },
  },
};

/**
 * Version 2: each entry is a decision, `confirmed` or `dismissed`, with the flag's rule (and
 * label) so that `rules stats` can count decisions from the file alone. A dismissed entry needs
 * a `reason_code`; `other` needs the auditor's own words in `reason`.
 */
const SCHEMA_V2 = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'reviewed'],
  properties: {
    version: { const: 2 },
    reviewed: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'rule', 'decision', 'reviewer', 'date'],
        properties: {
          id: ID,
          rule: { type: 'string', minLength: 1 },
          label: { type: 'string', minLength: 1 },
          decision: { enum: [...REVIEW_DECISIONS] },
          reason_code: { enum: [...DISMISSAL_REASONS] },
          reason: { type: 'string' },
          reviewer: { type: 'string', minLength: 1 },
          date: DATE,
        },
      },
    },
  },
};

/** The reviewed-flags file format as a JSON Schema, both versions (for editors and the docs). */
export const REVIEWED_FILE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://scrutineer.invalid/schema/reviewed.schema.json',
  title: 'scrutineer reviewed flags (scrutineer-reviewed.yaml)',
  description:
    'Decisions on flags, read by `scrutineer audit --reviewed` and `scrutineer rules stats`. Version 2 (written by the HTML report): each entry confirmed or dismissed, a dismissal with a reason_code, reason_code other with a reason. Version 1 (no version key): each entry a flag accepted, read as dismissed for reason other. Dates must exist; a flag id appears once.',
  oneOf: [SCHEMA_V1, SCHEMA_V2],
};

/** The text of schema/reviewed.schema.json; test/reviewed.test.ts fails when the file is not this. */
export function reviewedSchemaText(): string {
  return `${JSON.stringify(REVIEWED_FILE_SCHEMA, null, 2)}\n`;
}

const validators = new Map<number, ValidateFunction>();
/** Compiled when a reviewed file is read, not when the module is imported. */
function validatorFor(version: 1 | 2): ValidateFunction {
  let v = validators.get(version);
  if (!v) validators.set(version, (v = new (ajvPackage().Ajv)({ allErrors: true }).compile(version === 1 ? SCHEMA_V1 : SCHEMA_V2)));
  return v;
}

/**
 * Reads a reviewed-flags file. Version 2, which the HTML report exports:
 *
 *   version: 2
 *   reviewed:
 *     - id: 3e42a1847ecfc964
 *       rule: label.aggressive
 *       label: aggressive
 *       decision: dismissed            # confirmed | dismissed
 *       reason_code: attributed        # dismissed only: attributed | evidenced-elsewhere |
 *                                      #   not-about-a-person | already-corrected | other
 *       reason: The neighbour's words, quoted in the strategy minutes.
 *       reviewer: JO
 *       date: 2025-05-02
 *
 * and version 1 (no `version`), whose entries are read as dismissed for reason `other`:
 *
 *   reviewed:
 *     - id: 3e42a1847ecfc964
 *       reviewer: J. Okoro
 *       date: 2025-05-02
 *       reason: Evidenced in the strategy discussion of 04/05/2023.
 *
 * Every problem is refused with the file, line and column. `option` names where the path came
 * from in the message for a missing file (none for `rules stats`, whose arguments are files).
 */
export function readReviewed(path: string, option: string | null = '--reviewed'): ReviewEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UserError(`${option ? `${option} ` : ''}${path}: no such file`);
  }
  return parseReviewed(text, path);
}

/** Parses the text of a reviewed-flags file; `path` is used in messages only. */
export function parseReviewed(text: string, path: string): ReviewEntry[] {
  const { LineCounter, parseDocument } = yamlPackage();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length) {
    const { line, col } = lines.linePos(doc.errors[0].pos[0]);
    throw new UserError(`${path}:${line}:${col}: ${doc.errors[0].message.split('\n')[0]}`);
  }
  const at = (where: (string | number)[], key = false) => {
    const node = nodeAt(doc, where, key);
    const { line, col } = lines.linePos(node?.range?.[0] ?? 0);
    return `${path}:${line}:${col}`;
  };
  const data = doc.toJS({ maxAliasCount: 50 }) as unknown;
  const version = data && typeof data === 'object' && 'version' in data ? (data as { version: unknown }).version : 1;
  if (version !== 1 && version !== 2) {
    throw new UserError(`${at(['version'])}: version: ${JSON.stringify(version)} is not a reviewed-flags format this scrutineer reads (1 or 2)`);
  }
  const validate = validatorFor(version);
  if (!validate(data)) {
    const e = pickError(validate.errors!);
    const where = e.instancePath
      .split('/')
      .slice(1)
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const extra = e.keyword === 'additionalProperties' ? String(e.params.additionalProperty) : undefined;
    throw new UserError(`${at(extra ? [...where, extra] : where, !!extra)}: ${describe(e, where, version, data)}`);
  }
  const raw = (data as { reviewed: Record<string, unknown>[] }).reviewed;
  const entries: ReviewEntry[] = raw.map((r) =>
    version === 1
      ? { id: String(r.id), decision: 'dismissed', reason_code: 'other', reviewer: String(r.reviewer), date: String(r.date), reason: String(r.reason) }
      : {
          id: String(r.id),
          decision: r.decision as ReviewDecision,
          ...(r.reason_code !== undefined && { reason_code: r.reason_code as DismissalReason }),
          reviewer: String(r.reviewer),
          date: String(r.date),
          reason: typeof r.reason === 'string' ? r.reason : '',
          rule: String(r.rule),
          ...(typeof r.label === 'string' && { label: r.label }),
        },
  );
  const first = new Map<string, number>();
  entries.forEach((entry, i) => {
    const parsed = parseDate(entry.date);
    if ('error' in parsed || parsed.date !== entry.date) {
      throw new UserError(
        `${at(['reviewed', i, 'date'])}: reviewed[${i}].date: ${entry.date} is not a date that exists (${'error' in parsed ? parsed.error : 'write it as YYYY-MM-DD'})`,
      );
    }
    if (version === 2) {
      if (entry.decision === 'dismissed' && !entry.reason_code) {
        throw new UserError(`${at(['reviewed', i, 'decision'])}: reviewed[${i}]: a dismissed flag needs a reason_code (${DISMISSAL_REASONS.join(', ')})`);
      }
      if (entry.decision === 'confirmed' && entry.reason_code) {
        throw new UserError(
          `${at(['reviewed', i, 'reason_code'])}: reviewed[${i}].reason_code: only a dismissed flag has a reason_code; a confirmed one may say why in reason`,
        );
      }
      if (entry.reason_code === 'other' && entry.reason.trim().length < 3) {
        throw new UserError(`${at(['reviewed', i, 'reason_code'])}: reviewed[${i}]: reason_code other needs the reason in your own words (reason:)`);
      }
    }
    const seen = first.get(entry.id);
    if (seen !== undefined) {
      throw new UserError(`${at(['reviewed', i, 'id'])}: reviewed[${i}].id: ${entry.id} is decided already in reviewed[${seen}]; keep one decision a flag`);
    }
    first.set(entry.id, i);
  });
  return entries;
}

function nodeAt(doc: Document, where: (string | number)[], key: boolean): { range?: [number, number, number] } | undefined {
  if (!key) return doc.getIn(where, true) as { range?: [number, number, number] } | undefined;
  // The key itself, for an unknown key: find the pair in its map.
  const map = doc.getIn(where.slice(0, -1), true) as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | undefined;
  return map?.items?.find((p) => p.key?.value === where[where.length - 1])?.key;
}

/** The most telling of Ajv's errors: a missing or unknown key, a wrong value, before a type. */
function pickError(errors: ErrorObject[]): ErrorObject {
  const rank = (e: ErrorObject) => ['required', 'additionalProperties', 'enum', 'const', 'pattern', 'minLength'].indexOf(e.keyword) >>> 0;
  return [...errors].sort((a, b) => rank(a) - rank(b))[0];
}

function describe(e: ErrorObject, where: (string | number)[], version: 1 | 2, data: unknown): string {
  const name = where.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '') || '/';
  const value = where.reduce<unknown>((v, p) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined), data);
  switch (e.keyword) {
    case 'required':
      return version === 1
        ? `missing '${e.params.missingProperty}' (every entry needs id, reviewer, date and reason)`
        : `missing '${e.params.missingProperty}' (every entry of version 2 needs id, rule, decision, reviewer and date)`;
    case 'additionalProperties':
      return `${name}: unknown key '${e.params.additionalProperty}'${version === 1 ? ' (decision and reason_code need version: 2 at the top of the file)' : ''}`;
    case 'enum':
      return `${name}: ${JSON.stringify(value)} is not one of ${(e.params.allowedValues as string[]).join(', ')}`;
    case 'pattern':
    case 'type':
      if (where[where.length - 1] === 'id')
        return `${name}: ${JSON.stringify(value)} is not a flag id (16 hexadecimal digits, in quotes if YAML would read them as a number)`;
      if (where[where.length - 1] === 'date') return `${name}: ${JSON.stringify(value)} is not a date written YYYY-MM-DD`;
      return `${name}: ${e.message}`;
    default:
      return `${e.instancePath || '/'} ${e.message}`;
  }
}

/**
 * Marks the flags the file decides with their review, lists entries that match no flag as stale,
 * and counts the decisions per rule and label (`review_stats`).
 */
export function applyReviewed(report: Report, entries: ReviewEntry[], path: string): Report {
  return runSteps(applyReviewedInSteps(report, entries, path));
}

/** applyReviewed in steps (model/steps.ts), one every few thousand flags. */
export function* applyReviewedInSteps(report: Report, entries: ReviewEntry[], path: string): Steps<Report> {
  const byId = new Map(entries.map((e) => [e.id, e]));
  let applied = 0;
  const flags = yield* mapInSteps(report.flags, (f) => {
    const e = byId.get(f.id);
    if (!e) return f;
    applied++;
    const review = {
      status: 'reviewed' as const,
      decision: e.decision,
      ...(e.reason_code && { reason_code: e.reason_code }),
      reviewer: e.reviewer,
      date: e.date,
      reason: e.reason,
    };
    return { ...f, review };
  });
  const ids = new Set<string>();
  yield* mapInSteps(report.flags, (f) => ids.add(f.id));
  const stale = entries.filter((e) => !ids.has(e.id));
  const decided = yield* mapInSteps(yield* filterInSteps(flags, (f) => Boolean(f.review)), (f) => ({
    rule: f.rule,
    label: f.label,
    decision: f.review!.decision,
    reason_code: f.review!.reason_code,
  }));
  return { ...report, flags, reviewed: { path, applied, stale }, review_stats: reviewStats(decided) };
}
