import type { Report } from './build-report.ts';
import type { Flag } from '../model/flag.ts';
import type { SectionDeclaration } from '../model/sections.ts';
import { runSteps, type Steps } from '../model/steps.ts';

/**
 * How much record text a written report may carry:
 * `full` as found; `redacted` with names, dates, phone numbers, e-mail addresses, NHS numbers and
 * postcodes masked; `none` with no record text at all.
 */
export type TextPolicy = 'full' | 'redacted' | 'none';

const PATTERNS: [RegExp, string][] = [
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[email]'],
  [/\b\d{3}[ -]?\d{3}[ -]?\d{4}\b/g, '[NHS number]'],
  [/(?:\+44\s?|\b0)(?:\d[\s-]?){9,10}\b/g, '[phone]'],
  [/\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2}\b/gi, '[postcode]'],
  [/\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/g, '[date]'],
  [/\b\d{4}-\d{2}-\d{2}\b/g, '[date]'],
  [/\b\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}\b/gi, '[date]'],
  [/\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|PC|DC|DS|DI|Sgt|Cllr|HHJ|Judge)\.?\s+(?:[A-Z][\w'’-]+\s?){1,2}/g, '[name] '],
];

/** Masks personal details in a piece of record text; `names` are the people the export names. */
export function redactText(text: string, names: RegExp | null): string {
  let out = text;
  for (const [re, mask] of PATTERNS) out = out.replace(re, mask);
  if (names) out = out.replace(names, '[name]');
  return out.replace(/\[name\] (?=[\s.,;:!?)]|$)/g, '[name]');
}

/** One regex for every name part (first names, surnames) the export holds, longest first. */
export function namesPattern(names: Iterable<string>): RegExp | null {
  const parts = new Set<string>();
  for (const name of names) for (const part of name.split(/[\s,]+/)) if (part.length > 1 && /^\p{Lu}/u.test(part)) parts.add(part);
  if (!parts.size) return null;
  const escaped = [...parts].sort((a, b) => b.length - a.length).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}])(?:${escaped.join('|')})(?:['’]s)?(?![\\p{L}])`, 'gu');
}

/** Replaces the record text inside “…” in a message. */
function quoted(message: string, f: (s: string) => string): string {
  return message.replace(/“([^”]*)”/g, (_, inner: string) => `“${f(inner)}”`);
}

/**
 * The report as the policy allows it to be written. The report itself is not changed. `sections`
 * are the declarations of the checks' sections (`RuleKind.reportSections`): the fields each
 * declares as record text are blanked or masked.
 */
export function applyTextPolicy(report: Report, policy: TextPolicy, names: RegExp | null, sections: readonly SectionDeclaration[]): Report {
  return runSteps(applyTextPolicyInSteps(report, policy, names, sections));
}

/** Flags, or section items, put through the policy between two steps of applyTextPolicyInSteps. */
const ITEMS_A_STEP = 512;

/**
 * applyTextPolicy in steps (model/steps.ts): masking the text of 500,000 flags (--redact) takes
 * seconds, and blanking it (--no-snippets, or the CI formats) most of a second.
 */
export function* applyTextPolicyInSteps(report: Report, policy: TextPolicy, names: RegExp | null, sections: readonly SectionDeclaration[]): Steps<Report> {
  if (policy === 'full') return report;
  // Pieces of text put through the policy: a step comes after every TEXTS_A_STEP of them, or
  // ITEMS_A_STEP items, whichever is first (one label history can hold thousands of quotes).
  let texts = 0;
  const text =
    policy === 'none'
      ? () => {
          texts++;
          return '';
        }
      : (s: string) => {
          texts++;
          return redactText(s, names);
        };
  const inQuotes = policy === 'none' ? () => '…' : text;
  const flag = (f: Flag): Flag => ({
    ...f,
    author: policy === 'redacted' && f.author ? '[name]' : f.author,
    message: quoted(f.message, inQuotes),
    span: f.span && { ...f.span, text: text(f.span.text) },
    snippet: policy === 'none' || !f.snippet ? null : { before: text(f.snippet.before), match: text(f.snippet.match), after: text(f.snippet.after) },
    ...(f.details && { details: scrubDetails(f.details, text) }),
  });
  const rates = report.summary.rates;
  const out: Record<string, unknown> = {
    ...report,
    summary: policy === 'redacted' ? { ...report.summary, rates: { ...rates, by_author: relabelAuthors(rates.by_author) } } : report.summary,
    flags: yield* mapInSteps(report.flags, flag, () => texts),
  };
  for (const section of sections) {
    const items = out[section.key];
    if (!Array.isArray(items)) continue;
    const paths = section.recordText.map(parsePath);
    out[section.key] = yield* mapInSteps(
      items,
      (item) => paths.reduce((done, path) => mapAt(done, path, text), item as unknown),
      () => texts,
    );
  }
  return out as unknown as Report;
}

/** Texts put through the policy between two steps, at most (but for one item's own). */
const TEXTS_A_STEP = 2048;

function* mapInSteps<T, U>(items: readonly T[], f: (item: T) => U, texts: () => number): Steps<U[]> {
  const out: U[] = [];
  let sinceStep = 0;
  let from = texts();
  for (const item of items) {
    out.push(f(item));
    if (++sinceStep >= ITEMS_A_STEP || texts() - from >= TEXTS_A_STEP) {
      yield;
      sinceStep = 0;
      from = texts();
    }
  }
  return out;
}

/** `entries[].text` → [{ field: 'entries', each: true }, { field: 'text', each: false }]. */
function parsePath(path: string): { field: string; each: boolean }[] {
  return path.split('.').map((step) => (step.endsWith('[]') ? { field: step.slice(0, -2), each: true } : { field: step, each: false }));
}

/** A copy of `value` with the string at `path` put through `f`; anything absent or not a string is left as it is. */
function mapAt(value: unknown, path: { field: string; each: boolean }[], f: (s: string) => string): unknown {
  if (!path.length) return typeof value === 'string' ? f(value) : value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const [{ field, each }, ...rest] = path;
  const object = value as Record<string, unknown>;
  if (!(field in object)) return value;
  const inner = object[field];
  const mapped = each ? (Array.isArray(inner) ? inner.map((x) => mapAt(x, rest, f)) : inner) : mapAt(inner, rest, f);
  return { ...object, [field]: mapped };
}

/** Record text inside a check's details (a quoted passage) goes the same way. */
function scrubDetails(details: Record<string, unknown>, text: (s: string) => string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(details)) {
    if (typeof v === 'string' && /text|quote|passage|words/i.test(k)) out[k] = text(v);
    else if (v && typeof v === 'object' && !Array.isArray(v)) out[k] = scrubDetails(v as Record<string, unknown>, text);
    else out[k] = v;
  }
  return out;
}

function relabelAuthors<T>(byAuthor: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(byAuthor).map(([, v], i) => [`author ${i + 1}`, v]));
}
