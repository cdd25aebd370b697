/** The words masked or treated specially when a text is tokenised (see tokens.ts). */
import { hashString } from './hash.ts';
import { NUMBER_WORDS_TO_TWENTY } from '../../text/number-words.ts';

/** The masks, as they appear before hashing. */
export const MASK = { number: '#', month: '@month', day: '@day', pronoun: '@pron', name: '@name' } as const;

export const NUMBER_WORDS = new Map(NUMBER_WORDS_TO_TWENTY.map((w, i) => [w, i + 1]));
const MONTHS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);
const DAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
export const MALE_PRONOUNS = new Set(['he', 'him', 'his', 'himself']);
export const FEMALE_PRONOUNS = new Set(['she', 'her', 'hers', 'herself']);
/** Capitalised words that are not names: titles (the surname after them is masked). */
export const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame']);
/** Words after which a full stop does not end a sentence. */
export const ABBREVIATIONS = new Set([...TITLES, 'st', 'pc', 'dc', 'ds', 'no', 'approx', 'ref', 'tel', 'eg', 'ie', 'etc']);

/** Words masked whatever their place: number words, months, weekdays, gendered pronouns. */
export const FIXED = new Map<string, string>([
  ...[...NUMBER_WORDS.keys()].map((w) => [w, MASK.number] as const),
  ...[...MONTHS].map((w) => [w, MASK.month] as const),
  ...[...DAYS].map((w) => [w, MASK.day] as const),
  ...[...MALE_PRONOUNS, ...FEMALE_PRONOUNS].map((w) => [w, MASK.pronoun] as const),
]);

/** What the vocabulary says about one (ASCII, lower-case) word. */
export interface Entry {
  word: string;
  /** The hash of its mask, for a word in FIXED. */
  fixed?: number;
  title: boolean;
  abbreviation: boolean;
}

/** The vocabulary's words by the hash of the word (hashString), so a word is looked up without being sliced out of its text. */
const BY_HASH = new Map<number, Entry[]>();
for (const word of new Set([...FIXED.keys(), ...TITLES, ...ABBREVIATIONS])) {
  const mask = FIXED.get(word);
  const entry: Entry = { word, fixed: mask === undefined ? undefined : hashString(mask), title: TITLES.has(word), abbreviation: ABBREVIATIONS.has(word) };
  const h = hashString(word);
  BY_HASH.set(h, [...(BY_HASH.get(h) ?? []), entry]);
}

/** Low bits of the vocabulary's hashes, so that most words are known not to be in it without a map look-up. */
const SEEN = new Uint8Array(1 << 12);
for (const h of BY_HASH.keys()) SEEN[h & 0xfff] = 1;

/** The entry of the ASCII word text[start, end), whose lower case hashes to `hash`; undefined if it has none. */
export function lookup(text: string, start: number, end: number, hash: number): Entry | undefined {
  if (!SEEN[hash & 0xfff]) return undefined;
  const entries = BY_HASH.get(hash);
  if (entries) for (const e of entries) if (sameLower(text, start, end, e.word)) return e;
  return undefined;
}

/** True when the ASCII word text[start, end), lower-cased, is `word`. */
export function sameLower(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== word.charCodeAt(i - start)) return false;
  }
  return true;
}
