import type { Report } from './build-report.ts';
import type { Flag, Quote } from '../model/flag.ts';
import { MESSAGE_FIELD, pointerSteps } from '../model/quote.ts';
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

/**
 * The report as the policy allows it to be written. The report itself is not changed. In each
 * flag, the span and snippet are masked or blanked, and so are the quotes the flag declares
 * (`Flag.quotes`: the record text in its message and details), each as a whole; nothing else in a
 * message or the details is read as record text. `sections` are the declarations of the checks'
 * sections (`RuleKind.reportSections`): the fields each declares as record text are blanked or
 * masked.
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
  // A quote keeps its place in a sentence: with no record text it becomes an ellipsis.
  const inQuotes = policy === 'none' ? () => '…' : text;
  const flag = (f: Flag): Flag => ({
    ...maskQuotes(f, inQuotes),
    author: policy === 'redacted' && f.author ? '[name]' : f.author,
    span: f.span && { ...f.span, text: text(f.span.text) },
    snippet: policy === 'none' || !f.snippet ? null : { before: text(f.snippet.before), match: text(f.snippet.match), after: text(f.snippet.after) },
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

/**
 * The flag with each of its quotes (`Flag.quotes`: the record text in its message and details)
 * put through `mask`, and the quotes moved to where the masked words now stand. Nothing else in
 * the message or the details is touched: the check declared what is record text. A field whose
 * quotes do not stand where they say (a report edited by hand) is masked whole.
 */
function maskQuotes(f: Flag, mask: (s: string) => string): Flag {
  const quotes = f.quotes ?? [];
  if (!quotes.length) return f;
  const byField = new Map<string, number[]>();
  quotes.forEach((q, i) => {
    let list = byField.get(q.field);
    if (!list) byField.set(q.field, (list = []));
    list.push(i);
  });
  let out: Record<string, unknown> = { ...f };
  const masked: Quote[] = quotes.map((q) => ({ ...q, text: mask(q.text) }));
  for (const [field, indices] of byField) {
    const steps = field === MESSAGE_FIELD ? ['message'] : pointerSteps(field);
    const value = steps.length ? valueAt(out, steps) : undefined;
    // A quote with nowhere to stand keeps its offsets; its own words are masked all the same.
    if (typeof value !== 'string') continue;
    const placed = maskRanges(
      value,
      indices.map((i) => quotes[i]),
      mask,
    );
    out = setAt(out, steps, placed.text) as Record<string, unknown>;
    indices.forEach((i, k) => {
      masked[i] = placed.quotes[k];
    });
  }
  out.quotes = masked;
  return out as unknown as Flag;
}

/**
 * `value` with each quote's range replaced by its masked words, and the quotes (in the order
 * given) where those words now stand. Quotes that overlap, run out of the string or do not hold
 * their own words leave no way to mask exactly, so the whole string is masked.
 */
function maskRanges(value: string, quotes: Quote[], mask: (s: string) => string): { text: string; quotes: Quote[] } {
  const order = quotes.map((_, i) => i).sort((a, b) => quotes[a].start - quotes[b].start);
  const sound = order.every((i, k) => {
    const q = quotes[i];
    const previous = k > 0 ? quotes[order[k - 1]] : null;
    return q.start >= (previous?.end ?? 0) && q.end <= value.length && value.slice(q.start, q.end) === q.text;
  });
  if (!sound) {
    const text = mask(value);
    return { text, quotes: quotes.map((q) => ({ ...q, text, start: 0, end: text.length })) };
  }
  let text = '';
  let at = 0;
  const placed: Quote[] = new Array(quotes.length);
  for (const i of order) {
    const q = quotes[i];
    text += value.slice(at, q.start);
    const words = mask(q.text);
    placed[i] = { ...q, text: words, start: text.length, end: text.length + words.length };
    text += words;
    at = q.end;
  }
  return { text: text + value.slice(at), quotes: placed };
}

/** The value at a path of object keys and array indices (undefined when there is none). */
function valueAt(value: unknown, steps: string[]): unknown {
  let at = value;
  for (const step of steps) {
    if (!at || typeof at !== 'object' || !Object.hasOwn(at, step)) return undefined;
    at = (at as Record<string, unknown>)[step];
  }
  return at;
}

/** A copy of `value` with `to` at the path (which valueAt found), copying only what is on the way. */
function setAt(value: unknown, steps: string[], to: string): unknown {
  if (!steps.length) return to;
  const [step, ...rest] = steps;
  if (Array.isArray(value)) return value.map((item, i) => (String(i) === step ? setAt(item, rest, to) : item));
  const object = value as Record<string, unknown>;
  return { ...object, [step]: setAt(object[step], rest, to) };
}

function relabelAuthors<T>(byAuthor: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(byAuthor).map(([, v], i) => [`author ${i + 1}`, v]));
}
