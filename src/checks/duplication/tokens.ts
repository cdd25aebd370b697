/**
 * Words of a record, normalised for copy detection: lower case, punctuation and spacing gone,
 * and the parts a worker changes when re-using text masked (names, numbers, dates, pronouns),
 * so that "Amy (7) said she…" and "Josh (9) said he…" give the same token sequence.
 *
 * Every record is tokenised once as it is read, so this is a loop over character codes: a word
 * of ASCII letters and digits (nearly all of them) is lower-cased, hashed and looked up in the
 * masked vocabulary without becoming a string; any other word takes the string path, whose
 * Unicode case rules the ASCII path reproduces for ASCII.
 */
import { hashString, mix } from './hash.ts';
import { ABBREVIATIONS, FIXED, MASK, TITLES, lookup, sameLower, type Entry } from './vocabulary.ts';

export { hashString, mix } from './hash.ts';
export { FEMALE_PRONOUNS, MALE_PRONOUNS, MASK, NUMBER_WORDS } from './vocabulary.ts';

export interface Tokens {
  /** Masked form of each word, as a 32-bit hash. */
  ids: Uint32Array;
  /** Offsets of each word in the text (UTF-16 code units). */
  starts: Uint32Array;
  ends: Uint32Array;
  /**
   * 1 for a capitalised word left unmasked because it opens a sentence: it may be a name
   * ("Amy said…"), so verification lets it stand for a masked name.
   */
  wild: Uint8Array;
  /** 1 for a word that opens a sentence (or a line). */
  opens: Uint8Array;
}

const WORD = /[\p{L}\p{N}]+/gu;
const NON_ASCII_NUMBER = /\p{N}/u;
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]+$/u;
const AGE_AFTER = /^\s*\(\s*\p{N}{1,2}\s*\)/u;

/** Characters skipped when looking back for the end of the previous sentence. */
const OPENING = new Set([...' \t\r\f\v"\'“‘([•*-\u00a0'].map((c) => c.charCodeAt(0)));
const CLOSING = new Set([...'!?;–—'].map((c) => c.charCodeAt(0)));

/** The hash of a masked name. */
export const NAME_ID = hashString(MASK.name);
const NUMBER_ID = hashString(MASK.number);

/** Name parts of a subject (`Amy-Leigh Jones` → amy, leigh, jones), lower-cased. */
export function nameParts(name: string | null): string[] {
  return name ? [...name.toLowerCase().matchAll(WORD)].map((m) => m[0]).filter((p) => p.length > 1) : [];
}

/** A letter or digit at `i` (ASCII quickly, anything else by Unicode class); 0 if not, else its length. */
function wordChar(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return 1;
  if (c < 128) return 0;
  if (c >= 0xd800 && c <= 0xdbff) return LETTER_OR_NUMBER.test(text.slice(i, i + 2)) ? 2 : 0;
  return LETTER_OR_NUMBER.test(text[i]) ? 1 : 0;
}

/** True when the word has a digit (any script). */
function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c > 127 && NON_ASCII_NUMBER.test(word[i]))) return true;
  }
  return false;
}

/** A capitalised word with lower case in it (`Amy`, not `I` or `DSL`). */
function capitalised(word: string, lower: string): boolean {
  return word[0] !== lower[0] && word !== word.toUpperCase();
}

/** Token arrays reused from record to record; `tokenize` copies out of them, `maskedIds` lends them. */
let scratch = tokenArrays(1024);
/** Words of the longest text whose arrays are kept for the next (0.9 MB); a longer one has its own. */
const KEPT = 1 << 16;

function tokenArrays(n: number): Tokens {
  return { ids: new Uint32Array(n), starts: new Uint32Array(n), ends: new Uint32Array(n), wild: new Uint8Array(n), opens: new Uint8Array(n) };
}

/** Arrays long enough for the words of `text` (a text of L code units has at most (L + 1) / 2). */
function arraysFor(text: string): Tokens {
  const words = (text.length + 1) >> 1;
  if (words <= scratch.ids.length) return scratch;
  if (words > KEPT) return tokenArrays(words);
  return (scratch = tokenArrays(Math.min(KEPT, Math.max(words, 2 * scratch.ids.length))));
}

/**
 * Splits and masks a text. `subjectName` is the record's own subject, masked wherever it
 * appears. `opens` is filled for every word only when `sentences` is true (verification);
 * fingerprinting needs it only for capitalised words.
 */
export function tokenize(text: string, subjectName: string | null = null, sentences = true): Tokens {
  const t = arraysFor(text);
  const n = scan(text, subjectName, sentences, t);
  return { ids: t.ids.slice(0, n), starts: t.starts.slice(0, n), ends: t.ends.slice(0, n), wild: t.wild.slice(0, n), opens: t.opens.slice(0, n) };
}

/** The masked token ids of a text, as `tokenize(text, subjectName, false).ids`, in an array that the next call may reuse. */
export function maskedIds(text: string, subjectName: string | null): Uint32Array {
  const t = arraysFor(text);
  return t.ids.subarray(0, scan(text, subjectName, false, t));
}

/** The last subject's name parts and their hashes (a run of records is often about one child). */
let lastName: string | null = null;
let own: string[] = [];
let ownIds: number[] = [];

/** Tokenises into `out`; returns the number of words. */
function scan(text: string, subjectName: string | null, sentences: boolean, out: Tokens): number {
  const { ids, starts, ends, wild, opens } = out;
  if (subjectName !== lastName) {
    lastName = subjectName;
    own = nameParts(subjectName);
    ownIds = own.map(hashString);
  }
  let n = 0;
  let previousIsAbbreviation = false;
  for (let i = 0; i < text.length; ) {
    // The word: its extent, and on the way whether it is plain ASCII, its lower-case hash,
    // whether it has a digit, an upper-case first letter and a lower-case letter.
    let c = text.charCodeAt(i);
    let ascii = true;
    let h = 0x811c9dc5;
    let digit = false;
    let upperFirst = false;
    let hasLower = false;
    const start = i;
    if (c >= 97 && c <= 122) hasLower = true;
    else if (c >= 65 && c <= 90) upperFirst = true;
    else if (c >= 48 && c <= 57) digit = true;
    else {
      const w = c < 128 ? 0 : wordChar(text, i);
      if (!w) {
        i++;
        continue;
      }
      ascii = false;
      i += w - 1;
    }
    for (;;) {
      if (ascii) h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), 0x01000193);
      i++;
      if (i >= text.length) break;
      c = text.charCodeAt(i);
      if (c >= 97 && c <= 122) hasLower = true;
      else if (c >= 48 && c <= 57) digit = true;
      else if (!(c >= 65 && c <= 90)) {
        if (c < 128) break;
        const w = wordChar(text, i);
        if (!w) break;
        ascii = false;
        i += w - 1;
      }
    }
    const end = i;
    starts[n] = start;
    ends[n] = end;
    let isWild = false;
    let opensSentence = false;
    let id: number;
    if (ascii) {
      const entry: Entry | undefined = lookup(text, start, end, mix(h));
      const caps = upperFirst && hasLower;
      if (sentences || caps) opensSentence = startsSentence(text, start, previousIsAbbreviation);
      if (digit) id = NUMBER_ID;
      else if (entry?.fixed !== undefined) id = entry.fixed;
      else {
        id = mix(h);
        if (ownIndex(ownIds, own, id, text, start, end) >= 0) id = NAME_ID;
        else if (caps && !entry?.title) {
          if (!opensSentence || ageAfter(text, end)) id = NAME_ID;
          else isWild = true;
        }
      }
      previousIsAbbreviation = entry?.abbreviation === true;
    } else {
      const word = text.slice(start, end);
      const lower = word.toLowerCase();
      const caps = capitalised(word, lower);
      if (sentences || caps) opensSentence = startsSentence(text, start, previousIsAbbreviation);
      let masked = hasDigit(word) ? MASK.number : FIXED.get(lower);
      if (masked === undefined) {
        if (own.includes(lower)) masked = MASK.name;
        else if (caps && !TITLES.has(lower) && (!opensSentence || ageAfter(text, end))) masked = MASK.name;
        else {
          masked = lower;
          if (caps && !TITLES.has(lower)) isWild = true;
        }
      }
      id = hashString(masked);
      previousIsAbbreviation = ABBREVIATIONS.has(lower);
    }
    ids[n] = id;
    wild[n] = isWild ? 1 : 0;
    opens[n] = opensSentence ? 1 : 0;
    n++;
  }
  return n;
}

/** Where the ASCII word text[start, end) (hashed lower-case as `id`) is among the subject's name parts; -1 if not. */
function ownIndex(ownIds: number[], own: string[], id: number, text: string, start: number, end: number): number {
  for (let k = 0; k < ownIds.length; k++) if (ownIds[k] === id && sameLower(text, start, end, own[k])) return k;
  return -1;
}

/** An age in brackets just after the word ("Amy (7)"): the name of a child, not a sentence's first word. */
function ageAfter(text: string, end: number): boolean {
  // The pattern needs a "(" within the 8 characters it is tested on.
  const stop = Math.min(text.length, end + 8);
  for (let i = end; i < stop; i++) if (text.charCodeAt(i) === 40) return AGE_AFTER.test(text.slice(end, stop));
  return false;
}

/** True when nothing but opening quotes or brackets stands between `start` and a sentence end. */
function startsSentence(text: string, start: number, previousIsAbbreviation: boolean): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (OPENING.has(c)) continue;
    if (c === 46) return !previousIsAbbreviation;
    return CLOSING.has(c);
  }
  return true;
}
