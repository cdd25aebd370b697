/**
 * Words of a record, normalised for copy detection: lower case, punctuation and spacing gone,
 * and the parts a worker changes when re-using text masked (names, numbers, dates, pronouns),
 * so that "Amy (7) said she…" and "Josh (9) said he…" give the same token sequence.
 */

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

/** The masks, as they appear before hashing. */
export const MASK = { number: '#', month: '@month', day: '@day', pronoun: '@pron', name: '@name' } as const;

const WORD = /[\p{L}\p{N}]+/gu;
const NON_ASCII_NUMBER = /\p{N}/u;
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]+$/u;
const AGE_AFTER = /^\s*\(\s*\p{N}{1,2}\s*\)/u;

export const NUMBER_WORDS = new Map(
  ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'].map(
    (w, i) => [w, i + 1],
  ),
);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const DAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
export const MALE_PRONOUNS = new Set(['he', 'him', 'his', 'himself']);
export const FEMALE_PRONOUNS = new Set(['she', 'her', 'hers', 'herself']);
/** Capitalised words that are not names: titles (the surname after them is masked). */
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame']);
/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([...TITLES, 'st', 'pc', 'dc', 'ds', 'no', 'approx', 'ref', 'tel', 'eg', 'ie', 'etc']);
/** Characters skipped when looking back for the end of the previous sentence. */
const OPENING = new Set([...' \t\r\f\v"\'“‘([•*-\u00a0']);
const CLOSING = new Set([...'!?;–—']);

/** Name parts of a subject (`Amy-Leigh Jones` → amy, leigh, jones), lower-cased. */
export function nameParts(name: string | null): string[] {
  return name ? [...name.toLowerCase().matchAll(WORD)].map((m) => m[0]).filter((p) => p.length > 1) : [];
}

/** Words masked whatever their place: number words, months, weekdays, gendered pronouns. */
const FIXED = new Map<string, string>([
  ...[...NUMBER_WORDS.keys()].map((w) => [w, MASK.number] as const),
  ...[...MONTHS].map((w) => [w, MASK.month] as const),
  ...[...DAYS].map((w) => [w, MASK.day] as const),
  ...[...MALE_PRONOUNS, ...FEMALE_PRONOUNS].map((w) => [w, MASK.pronoun] as const),
]);

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

/**
 * Splits and masks a text. `subjectName` is the record's own subject, masked wherever it
 * appears. `opens` is filled for every word only when `sentences` is true (verification);
 * fingerprinting needs it only for capitalised words.
 */
export function tokenize(text: string, subjectName: string | null = null, sentences = true): Tokens {
  const own = nameParts(subjectName);
  const bounds: number[] = [];
  for (let i = 0; i < text.length; ) {
    let w = wordChar(text, i);
    if (!w) {
      i++;
      continue;
    }
    const start = i;
    while (w) {
      i += w;
      w = i < text.length ? wordChar(text, i) : 0;
    }
    bounds.push(start, i);
  }
  const n = bounds.length / 2;
  const tokens: Tokens = { ids: new Uint32Array(n), starts: new Uint32Array(n), ends: new Uint32Array(n), wild: new Uint8Array(n), opens: new Uint8Array(n) };
  let previous = '';
  for (let i = 0; i < n; i++) {
    const [start, end] = [bounds[2 * i], bounds[2 * i + 1]];
    const word = text.slice(start, end);
    const lower = word.toLowerCase();
    tokens.starts[i] = start;
    tokens.ends[i] = end;
    const caps = capitalised(word, lower);
    const opens = sentences || caps ? startsSentence(text, start, previous) : false;
    tokens.opens[i] = opens ? 1 : 0;
    let masked = hasDigit(word) ? MASK.number : FIXED.get(lower);
    if (masked === undefined) {
      if (own.includes(lower)) masked = MASK.name;
      else if (caps && !TITLES.has(lower) && (!opens || AGE_AFTER.test(text.slice(end, end + 8)))) masked = MASK.name;
      else {
        masked = lower;
        if (caps && !TITLES.has(lower)) tokens.wild[i] = 1;
      }
    }
    tokens.ids[i] = hashString(masked);
    previous = lower;
  }
  return tokens;
}

/** The hash of a masked name. */
export const NAME_ID = hashString(MASK.name);

/** True when nothing but opening quotes or brackets stands between `start` and a sentence end. */
function startsSentence(text: string, start: number, previousWord: string): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n') return true;
    if (OPENING.has(c)) continue;
    if (c === '.') return !ABBREVIATIONS.has(previousWord);
    return CLOSING.has(c);
  }
  return true;
}

/** FNV-1a over UTF-16 code units, finished with murmur3's mixer: 32 bits, well spread. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix(h);
}

export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
