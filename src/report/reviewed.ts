import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
import { UserError } from '../model/errors.ts';
import type { Report } from './build-report.ts';
import { parseDate } from '../intake/dates.ts';

export interface ReviewEntry {
  id: string;
  reviewer: string;
  date: string;
  reason: string;
}

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['reviewed'],
  properties: {
    reviewed: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'reviewer', 'date', 'reason'],
        properties: {
          id: { type: 'string', pattern: '^[0-9a-f]{16}$' },
          reviewer: { type: 'string', minLength: 1 },
          date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
          reason: { type: 'string', minLength: 3 },
        },
      },
    },
  },
};
let validator: ValidateFunction | undefined;
/** Compiled when a reviewed file is read, not when the module is imported. */
const reviewedValidator = () => (validator ??= new Ajv({ allErrors: true }).compile(schema));

/**
 * Reads a reviewed-flags file:
 *
 *   reviewed:
 *     - id: 3e42a1847ecfc964
 *       reviewer: J. Okoro
 *       date: 2025-05-02
 *       reason: Evidenced in the strategy discussion of 04/05/2023.
 */
export function readReviewed(path: string): ReviewEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UserError(`--reviewed ${path}: no such file`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length) {
    const { line, col } = lines.linePos(doc.errors[0].pos[0]);
    throw new UserError(`${path}:${line}:${col}: ${doc.errors[0].message.split('\n')[0]}`);
  }
  const data = doc.toJS({ maxAliasCount: 50 });
  const validate = reviewedValidator();
  if (!validate(data)) {
    const e = validate.errors![0];
    const path_ = e.instancePath.split('/').slice(1);
    const node = doc.getIn(path_.map((p) => (/^\d+$/.test(p) ? Number(p) : p)), true) as { range?: [number] } | undefined;
    const where = node?.range ? (({ line, col }) => `${line}:${col}`)(lines.linePos(node.range[0])) : '1:1';
    const what = e.keyword === 'required' ? `missing '${e.params.missingProperty}' (every entry needs id, reviewer, date and reason)` : `${e.instancePath || '/'} ${e.message}`;
    throw new UserError(`${path}:${where}: ${what}`);
  }
  const entries = (data as { reviewed: ReviewEntry[] }).reviewed.map((r) => ({ ...r, date: String(r.date) }));
  entries.forEach((entry, i) => {
    const parsed = parseDate(entry.date);
    if ('error' in parsed || parsed.date !== entry.date) {
      const node = doc.getIn(['reviewed', i, 'date'], true) as { range?: [number] } | undefined;
      const { line, col } = lines.linePos(node?.range?.[0] ?? 0);
      throw new UserError(`${path}:${line}:${col}: reviewed[${i}].date: ${entry.date} is not a date that exists (${'error' in parsed ? parsed.error : 'write it as YYYY-MM-DD'})`);
    }
  });
  return entries;
}

/** Marks reviewed flags and lists entries that match no flag as stale. */
export function applyReviewed(report: Report, entries: ReviewEntry[], path: string): Report {
  const byId = new Map(entries.map((e) => [e.id, e]));
  let applied = 0;
  const flags = report.flags.map((f) => {
    const e = byId.get(f.id);
    if (!e) return f;
    applied++;
    return { ...f, review: { status: 'reviewed' as const, reviewer: e.reviewer, date: e.date, reason: e.reason } };
  });
  const ids = new Set(report.flags.map((f) => f.id));
  const stale = entries.filter((e) => !ids.has(e.id));
  return { ...report, flags, reviewed: { path, applied, stale } };
}
