/** A sentence of a record, with its offsets in the record's text. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** Index of the paragraph (blank-line or line-break separated block) it sits in. */
  paragraph: number;
  /** For a line of a list under a line ending with a colon: the index of that line's last sentence (what the list is of). */
  heading?: number;
}

/** Words that end with a full stop but do not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'pc',
  'dc',
  'ds',
  'di',
  'sgt',
  'insp',
  'st',
  'no',
  'nos',
  'vs',
  'etc',
  'eg',
  'e.g',
  'ie',
  'i.e',
  'approx',
  'dept',
  'tel',
  'ref',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'cont',
  'incl',
]);

const STOPS = /[\n.!?;]/g;
/** A line of a form: a short field name, a colon, then its value ("Result: negative", "Legal status: ICO"). */
const FIELD_LINE = /^[ \t]*\p{L}[\p{L} /&()'’-]{0,30}:[ \t]*\S/u;

/**
 * Splits a record into sentences: at . ! ? followed by white space (not after a known
 * abbreviation, an initial or inside a number), and at every line break, since case notes
 * use line breaks for headings and lists. A line break starts a new paragraph, except in a
 * list under a line that ends with a colon.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let start = 0;
  let lineStart = 0;
  let inList = false;
  let heading: number | undefined;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e), paragraph, ...(heading !== undefined && { heading }) });
  };
  // Only a line break or . ! ? ; can end a sentence: found by a scan rather than a look at every character.
  const stops = STOPS;
  stops.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = stops.exec(text)); ) {
    const i = m.index;
    const ch = text[i];
    if (ch === '\n') {
      push(i);
      const line = text.slice(lineStart, i).trim();
      start = i + 1;
      lineStart = i + 1;
      // A line that ends with a colon introduces the lines under it ("Results of urine screens:"
      // then one result a line): they are one paragraph with it, until a blank line.
      if (line.endsWith(':')) {
        inList = true;
        heading = out.length - 1;
        continue;
      }
      if (inList && line) continue;
      inList = false;
      heading = undefined;
      // The fields of a form, one a line ("Sample: hair strand" then "Result: negative"), are one
      // block, as the sentences of a paragraph are.
      if (FIELD_LINE.test(line) && FIELD_LINE.test(text.slice(i + 1, i + 60))) continue;
      // A blank line (or several) starts a new paragraph; so does a single line break.
      paragraph++;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== ';') continue;
    // Let closing quotes and brackets stay with the sentence.
    let end = i + 1;
    while (end < text.length && /["'”’)\]]/.test(text[end])) end++;
    if (end < text.length && !/\s/.test(text[end])) continue;
    if (ch === '.') {
      const word = /([A-Za-z.]+)$/.exec(text.slice(Math.max(0, i - 12), i))?.[1]?.toLowerCase() ?? '';
      if (ABBREVIATIONS.has(word) || /^[a-z]$/.test(word)) continue;
      // "...on 04.02. 2023" or "1. " list numbers are not sentence ends.
      // (The digit before is looked at by its code: a regex anchored at the end of the text before
      // would be tried from its start, at every full stop.)
      const before = i > 0 ? text.charCodeAt(i - 1) : 0;
      if (before >= 48 && before <= 57 && /^\s*\d/.test(text.slice(end))) continue;
    }
    if (ch === ';') {
      push(i + 1);
      start = i + 1;
      continue;
    }
    push(end);
    start = end;
    stops.lastIndex = end;
  }
  push(text.length);
  return out;
}

/** Index of the sentence holding an offset (binary search over sentence starts). */
export function sentenceAt(sentences: Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A sentence flattened and shortened for a message (at most `max` characters, cut at a word). */
export function excerpt(text: string, max = 140): string {
  const flat = text
    .replace(/\s+/g, ' ')
    .replace(/^["“”]+|["“”.;:]+$/g, '')
    .trim();
  return flat.length > max ? `${flat.slice(0, flat.lastIndexOf(' ', max - 3))}…` : flat;
}
