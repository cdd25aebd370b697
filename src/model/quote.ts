/**
 * Record text in what a flag says. A check that puts words of a record (a claim, a label, a
 * child's name) into a message or a detail marks them as a quote, and the flag carries each
 * quote with where it stands (`Flag.quotes`). The text policy (--redact, --no-snippets) masks
 * exactly those, whatever punctuation they hold, and a reader of the JSON report can find them
 * without parsing the message.
 */

/** Words of a record that a flag quotes, and where in the flag they stand. */
export interface Quote {
  /** The words, as the flag gives them (`flag[field].slice(start, end)`). */
  text: string;
  /** The record they come from, when they come from one record. */
  record_id?: string;
  /**
   * Where they stand, as a JSON Pointer into the flag: `/message`, or a string in the details
   * (`/details/edited_words`, `/details/identity/names/0`).
   */
  field: string;
  /** Offsets in that string, in UTF-16 code units. Any quotation marks around the words are outside them. */
  start: number;
  end: number;
}

/** The field of a flag's message. */
export const MESSAGE_FIELD = '/message';

/** Where a quote stands in a piece of writing not yet placed in a flag. */
export interface QuoteMark {
  start: number;
  end: number;
  record_id?: string;
}

/** A piece of writing with the record text in it marked: what a check builds a message or a detail from. */
export interface Quoted {
  text: string;
  marks: QuoteMark[];
}

/** What a piece of writing is made of: plain words (the check's own, numbers, dates from fields) or quoted ones. */
export type Part = string | number | Quoted;

/** Words of a record, marked as a quote (nothing is marked when they are empty). */
export function quote(text: string, record_id?: string): Quoted {
  return { text, marks: text ? [{ start: 0, end: text.length, ...(record_id !== undefined && { record_id }) }] : [] };
}

/** Writing with nothing quoted. */
export function plain(text: string): Quoted {
  return { text, marks: [] };
}

function isQuoted(part: Part): part is Quoted {
  return typeof part === 'object';
}

/** The parts one after another, `separator` between them, with every mark moved to where its part ends up. */
export function joinQuoted(parts: readonly Part[], separator = ''): Quoted {
  let text = '';
  const marks: QuoteMark[] = [];
  parts.forEach((part, i) => {
    if (i > 0) text += separator;
    if (isQuoted(part)) {
      for (const m of part.marks) marks.push({ ...m, start: m.start + text.length, end: m.end + text.length });
      text += part.text;
    } else text += String(part);
  });
  return { text, marks };
}

/**
 * A template literal whose quoted values stay marked:
 * written`Record ${id} states “${quote(claim, id)}”.` (the marks go round the words, not the quotation marks).
 */
export function written(strings: TemplateStringsArray, ...values: Part[]): Quoted {
  const parts: Part[] = [];
  strings.forEach((s, i) => {
    parts.push(s);
    if (i < values.length) parts.push(values[i]);
  });
  return joinQuoted(parts);
}

/** The quotes of a piece of writing placed at `field` of a flag. */
export function quotesAt(field: string, writing: Quoted): Quote[] {
  return writing.marks.map((m) => ({
    text: writing.text.slice(m.start, m.end),
    ...(m.record_id !== undefined && { record_id: m.record_id }),
    field,
    start: m.start,
    end: m.end,
  }));
}

/** A draft's message and its quotes, from a piece of writing. */
export function asMessage(writing: Quoted): { message: string; quotes: Quote[] } {
  return { message: writing.text, quotes: quotesAt(MESSAGE_FIELD, writing) };
}

/** A message (and the quotes a flag or draft holds) back as a piece of writing, to build on. */
export function messageWriting(message: string, quotes: readonly Quote[] | undefined): Quoted {
  const marks = (quotes ?? [])
    .filter((q) => q.field === MESSAGE_FIELD)
    .map((q) => ({ start: q.start, end: q.end, ...(q.record_id !== undefined && { record_id: q.record_id }) }));
  return { text: message, marks };
}

/** `/details/identity/names/0` → ['details', 'identity', 'names', '0'] (RFC 6901). */
export function pointerSteps(pointer: string): string[] {
  if (!pointer.startsWith('/')) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A JSON Pointer from its steps. */
export function pointerOf(...steps: (string | number)[]): string {
  return steps.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
