import { termPattern } from '../../text/terms.ts';
import { NUMBER_WORDS_TO_TWENTY } from '../../text/number-words.ts';
import { unsafePatternReason } from '../../text/safe-regex.ts';
import type { RuleProblem } from '../rule-kind.ts';
import { append } from '../../model/lists.ts';
import { STEP_ITEMS, type Steps } from '../../model/steps.ts';
import { compiledNow } from '../../text/machine-code.ts';

/**
 * Forms are regular expressions a rule writes about a child, with placeholders:
 *   {name}   the child's first name (capitalised in the text, as names are);
 *   {years}  an age in years (digits, or a number word up to eighteen);
 *   {months} an age in months.
 * e.g. `{name} \({years}\)` finds "Daniel (8)" and `{name},? aged {years}` finds "Jayden, aged 6".
 */
export const FORM_PLACEHOLDERS = ['name', 'years', 'months'] as const;

/** Number words an age may be written in: one to eighteen. */
export const NUMBER_WORDS = NUMBER_WORDS_TO_TWENTY.slice(0, 18);
const NUMBER = `(?:\\d{1,2}|${[...NUMBER_WORDS].reverse().join('|')})`;

export const FORMS_SCHEMA = {
  type: 'array',
  items: { type: 'string', minLength: 1 },
  minItems: 1,
  description: 'Regular expressions (any case, whole words) with {name} for a child’s first name, {years} and {months} for an age.',
};

/** A form as regex source, for one name (already regex source); `n` numbers its groups. */
export function formSource(form: string, name: string, n = ''): string {
  return form
    .replace(/\{name\}/g, `(?<name${n}>${name})`)
    .replace(/\{years\}/g, `(?<years${n}>${NUMBER})`)
    .replace(/\{months\}/g, `(?<months${n}>${NUMBER})`);
}

/** What a form found: the name (if the form has one) and the age in years or months. */
export interface FormMatch {
  start: number;
  end: number;
  text: string;
  name?: string;
  years?: string;
  months?: string;
}

/**
 * Any capitalised word, hyphenated parts included ("Ellie-Mae"), in a form's name slot: forms
 * are compiled once with it, and a match is judged by the word it found. (With the `i` flag the
 * slot takes lower-case words too; the checks want the word capitalised.)
 */
const ANY_NAME = "\\p{Lu}[\\p{L}'’]*(?:-\\p{L}[\\p{L}'’]*)*";
const NO_WORD_AFTER = '(?![\\p{L}\\p{N}_])';

/**
 * A rule's forms, read as the one regex `(?<!\w)(?:form0|form1|…)(?!\w)` would read them (\w: a
 * letter, digit or _): where two forms match at the same place, the first listed wins, and a
 * form's name slot is as long as it can be. Each form's groups are numbered, since a group name
 * may not repeat.
 *
 * That regex is not built: a dozen alternatives that each start with any capitalised word are
 * slow to compile and slow to try at every character. Each form is compiled on its own and
 * tried only where a match can start (`starts`): for a form that starts with {name}, at the
 * words that end where the rest of the form matches (found by a scan for those rests, which
 * start with plain text such as " (" or ", aged", or tried after the words a caller names); for
 * any other form, where it matches.
 */
export class FormSet {
  /** Each form in order, tried at one place: one that starts with {name} as the rest after its name, any other whole. */
  private readonly forms: { named: boolean; at: RegExp }[];
  /** The rests of the forms that start with {name}: a match of such a form ends its name where this matches (found anywhere, and tried at one place). */
  private readonly rests: RegExp | null;
  private readonly restAt: RegExp | null;
  /** Any word in the name slot followed by the rest of a form that starts with {name}, tried at one place (the name's ends tried by the regex itself). */
  private readonly namedAt: RegExp | null;
  /** The forms that do not start with {name}, found anywhere (what comes before is looked at in `matchAt`). */
  private readonly others: RegExp | null;

  constructor(forms: string[]) {
    const numbered = forms.map((form, i) => ({ form, n: String(i), named: startsWithName(form) }));
    const source = ({ form, n, named }: (typeof numbered)[number]) => `(?:${formSource(named ? form.slice(NAME.length) : form, ANY_NAME, n)})`;
    const named = numbered.filter((f) => f.named);
    const others = numbered.filter((f) => !f.named);
    // The regexes tried at one place are sticky and global: exec and test read and set lastIndex
    // for either flag, so the global one changes nothing there, and lets V8 compile them straight
    // to machine code (machine-code.ts).
    this.forms = numbered.map((f) => ({ named: f.named, at: new RegExp(`${source(f)}${NO_WORD_AFTER}`, 'gyiu') }));
    const rests = `(?:${named.map(source).join('|')})${NO_WORD_AFTER}`;
    this.rests = named.length ? new RegExp(rests, 'giu') : null;
    this.restAt = named.length ? new RegExp(rests, 'gyiu') : null;
    this.namedAt = named.length ? new RegExp(`(?:${ANY_NAME})${rests}`, 'gyiu') : null;
    this.others = others.length ? new RegExp(`(?:${others.map(source).join('|')})${NO_WORD_AFTER}`, 'giu') : null;
  }

  /**
   * The places, in text order, where a form may match: every start of a match is among them.
   * `words`, if given, are the only words a caller would accept in the name slot: forms that
   * start with {name} are then tried only at those the rest of such a form follows.
   */
  starts(text: string, words?: { start: number; end: number }[]): number[] {
    const out: number[] = [];
    if (this.rests && words) {
      const rest = compiledNow(this.restAt!);
      for (const { start, end } of words) {
        rest.lastIndex = end;
        if (rest.test(text)) out.push(start);
      }
    } else if (this.rests) {
      for (const m of everyMatch(this.rests, text)) append(out, wordStarts(text, m.index));
    }
    if (this.others)
      append(
        out,
        everyMatch(this.others, text).map((m) => m.index),
      );
    return out.sort((a, b) => a - b);
  }

  /**
   * The places where a form may match with a capitalised word (a letter of \p{Lu}) in its name
   * slot, or where a form that does not start with {name} matches: the places of `starts(text)`
   * less those where a form that starts with {name} would put a lower-case word there. For a
   * caller that refuses every match (so that each place is tried once) and reads only the
   * capitalised ones, `matches` gives the same matches from these.
   *
   * Found from the capitalised words (few in a note), trying the rests after each word's
   * possible ends, instead of finding the rests everywhere (" is", " (", "'s" follow almost
   * every word) and walking back to the word before each.
   */
  capitalisedStarts(text: string, capitals = capitalPlaces(text)): number[] {
    const out: number[] = [];
    const named = this.namedAt && compiledNow(this.namedAt);
    if (named) {
      for (const i of capitals) {
        named.lastIndex = i;
        if (named.test(text)) out.push(i);
      }
    }
    if (!this.others) return out;
    append(
      out,
      everyMatch(this.others, text).map((m) => m.index),
    );
    return out.sort((a, b) => a - b);
  }

  /**
   * The matches `accept` keeps, in text order, as if the regex were run over the whole text.
   * After a match it refuses (another person's name, a lower-case word), the search goes on from
   * the next character, so that a refused match ("but the 8-year-old", read as a name and an
   * age) does not hide one inside it ("the 8-year-old"); after one it keeps, from its end.
   */
  *matches(text: string, accept: (m: FormMatch) => boolean, starts = this.starts(text)): Generator<FormMatch> {
    let from = 0;
    for (const start of starts) {
      if (start < from) continue;
      from = start + 1;
      const found = this.matchAt(text, start);
      if (found && accept(found)) {
        yield found;
        from = Math.max(found.end, found.start + 1);
      }
    }
  }

  /**
   * `matches` for a caller that refuses every match (so that each place is tried once), in steps
   * (model/steps.ts): `look` sees each match `matches` would offer `accept`, and a step falls
   * every few thousand places, so that one very long note does not hold the main thread.
   */
  *everyMatchInSteps(text: string, look: (m: FormMatch) => void, starts: number[]): Steps<void> {
    let from = 0;
    let n = 0;
    for (const start of starts) {
      if (++n % STEP_ITEMS === 0) yield;
      if (start < from) continue;
      from = start + 1;
      const found = this.matchAt(text, start);
      if (found) look(found);
    }
  }

  /** The match at one place, as the one regex would find it there. */
  private matchAt(text: string, start: number): FormMatch | null {
    if (isWordChar(charBefore(text, start))) return null;
    let ends: number[] | undefined;
    for (const { named, at } of this.forms) {
      for (const end of named ? (ends ??= nameEnds(text, start)) : [start]) {
        compiledNow(at);
        at.lastIndex = end;
        const m = at.exec(text);
        if (!m) continue;
        const found: FormMatch = { start, end: m.index + m[0].length, text: text.slice(start, m.index + m[0].length) };
        if (named) found.name = text.slice(start, end);
        for (const [key, value] of Object.entries(m.groups ?? {})) {
          if (value === undefined) continue;
          const field = key.replace(/\d+$/, '') as 'name' | 'years' | 'months';
          found[field] = value;
        }
        return found;
      }
    }
    return null;
  }
}

const NAME = '{name}';
/** A capital letter (as `capitalised` reads one) with no letter, digit or _ before it: where a capitalised name slot may start. */
const CAPITAL_AT = /(?<![\p{L}\p{N}_])\p{Lu}/uy;
/** An ASCII capital, or any character outside ASCII (looked at more closely). */
const CAPITAL_OR_WIDE = /[A-Z]|[^\0-\x7f]/g;

let lastCapitalsOf: string | null = null;
let lastCapitals: number[] = [];

/**
 * The places of the text's capital letters (\p{Lu}, as `capitalised` reads one) with no letter,
 * digit or _ before them: where a capitalised word, or a part of one after an apostrophe or a
 * hyphen, starts. Found by a scan for ASCII capitals and other non-ASCII characters; the last
 * text's are kept (several checks read the same record).
 */
export function capitalPlaces(text: string): number[] {
  if (text === lastCapitalsOf) return lastCapitals;
  const out: number[] = [];
  const scan = CAPITAL_OR_WIDE;
  scan.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = scan.exec(text)); ) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (i === 0 || !isWordCodeBefore(text, i)) out.push(i);
      continue;
    }
    // A low surrogate after its high one is inside a character, not a place.
    if ((c & 0xfc00) === 0xdc00 && i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800) continue;
    CAPITAL_AT.lastIndex = i;
    if (CAPITAL_AT.test(text)) out.push(i);
  }
  scan.lastIndex = 0;
  lastCapitalsOf = text;
  lastCapitals = out;
  return out;
}

/** Whether the character before `i` (i > 0) is a letter, digit or _ (ASCII by code, others as `isWordChar`). */
function isWordCodeBefore(text: string, i: number): boolean {
  const c = text.charCodeAt(i - 1);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
  return isWordChar(charBefore(text, i));
}

/**
 * The form's match starts with its name slot: it begins with {name}, not made optional or
 * repeated, and has no alternative (a top-level |) that could start elsewhere.
 */
function startsWithName(form: string): boolean {
  if (!form.startsWith(NAME) || /^(?:[?*+]|\{\d)/.test(form.slice(NAME.length))) return false;
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < form.length; i++) {
    const ch = form[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) return false;
  }
  return true;
}

/** Characters of ANY_NAME, in the regex's own terms (any case). */
const NAME_CHAR = /^[\p{L}'’-]$/iu;
const NAME_START = /^\p{Lu}$/iu;
const NAME_LETTER = /^\p{L}$/iu;
const NAME_RUN = /^[\p{L}'’]$/iu;

/**
 * Where ANY_NAME can end when it starts at `start`, longest first (the order in which the regex,
 * greedy, tries them): after its capital, after each letter or apostrophe of its run, and after
 * each hyphen and letter that go on with another part and each letter of that part's run.
 */
function nameEnds(text: string, start: number): number[] {
  const first = charAt(text, start);
  if (!NAME_START.test(first)) return [];
  const ends: number[] = [];
  let i = start + first.length;
  for (;;) {
    ends.push(i);
    for (let ch = charAt(text, i); ch && NAME_RUN.test(ch); ch = charAt(text, i)) ends.push((i += ch.length));
    const letter = charAt(text, i + 1);
    if (text[i] !== '-' || !NAME_LETTER.test(letter)) break;
    i += 1 + letter.length;
  }
  return ends.reverse();
}

/** A letter, digit or _, as a regex in any case sees one (what `\w` means in these notes). */
export function isWordChar(ch: string): boolean {
  return WORD_CHAR.test(ch);
}
const WORD_CHAR = /^[\p{L}\p{N}_]$/iu;

/**
 * Where a name slot ending at `end` may start: the first character of the run of name characters
 * before `end`, and any character in it after an apostrophe or a hyphen (the slot needs no
 * letter, digit or _ before it).
 */
function wordStarts(text: string, end: number): number[] {
  const out: number[] = [];
  let i = end;
  for (let ch = charBefore(text, i); ch && NAME_CHAR.test(ch); ch = charBefore(text, i)) {
    i -= ch.length;
    if (i > 0 && "'’-".includes(text[i - 1])) out.push(i);
  }
  if (i < end) out.push(i);
  return out;
}

/** Every match of a global regex, overlapping ones too: the search goes on from the character after each match's start. */
export function everyMatch(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  compiledNow(re);
  re.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = re.exec(text)); ) {
    out.push(m);
    re.lastIndex = m.index + (charAt(text, m.index).length || 1);
  }
  re.lastIndex = 0;
  return out;
}

/** The character (one code point: a surrogate pair whole) just before `i`; empty at the start. */
export function charBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const pair = i >= 2 && (text.charCodeAt(i - 1) & 0xfc00) === 0xdc00 && (text.charCodeAt(i - 2) & 0xfc00) === 0xd800;
  return text.slice(pair ? i - 2 : i - 1, i);
}

/** The character (one code point) at `i`; empty at the end. */
export function charAt(text: string, i: number): string {
  return i < text.length ? String.fromCodePoint(text.codePointAt(i)!) : '';
}

/** Problems with a list of forms: unknown placeholders, repeated placeholders, invalid or unsafe patterns. */
export function formProblems(forms: string[] | undefined, key: string, needName: boolean): RuleProblem[] {
  const problems: RuleProblem[] = [];
  forms?.forEach((form, i) => {
    const at = `${key}/${i}`;
    const used = [...form.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]);
    const unknown = used.filter((p) => !(FORM_PLACEHOLDERS as readonly string[]).includes(p));
    if (unknown.length)
      return problems.push({ key: at, message: `{${unknown[0]}} is not a placeholder (${FORM_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})` });
    if (new Set(used).size !== used.length) return problems.push({ key: at, message: 'a placeholder may be used once in a form' });
    if (needName && !used.includes('name')) return problems.push({ key: at, message: 'a form needs {name}' });
    const source = formSource(form, 'Amy');
    try {
      new RegExp(source, 'iu');
    } catch (err) {
      return problems.push({ key: at, message: `not a valid regular expression: ${(err as Error).message}` });
    }
    const unsafe = unsafePatternReason(source);
    if (unsafe) problems.push({ key: at, message: `pattern refused: ${unsafe}` });
  });
  return problems;
}

/** The number a {years} or {months} group matched. */
export function readNumber(text: string): number {
  const word = NUMBER_WORDS.indexOf(text.toLowerCase());
  return word >= 0 ? word + 1 : Number(text);
}

/** The first name of a subject_name ("Ellie-Mae Murphy" → Ellie-Mae; "MURPHY, Ellie-Mae" → Ellie-Mae). */
export function firstName(full: string | null): string | null {
  return full ? firstNames(full) : null;
}

/** Each check reads the first name of every record's subject: worked out once per subject. */
const firstNames = perName((full: string): string | null => {
  if (!full.trim()) return null;
  const given = full.includes(',') ? (full.split(',')[1] ?? '') : full;
  return given.trim().split(/\s+/)[0] || null;
});

/** The family name of a subject_name ("Ellie-Mae Murphy" → Murphy; "MURPHY, Ellie-Mae" → MURPHY). */
export function familyName(full: string | null): string | null {
  if (!full?.trim()) return null;
  if (full.includes(',')) return full.split(',')[0].trim() || null;
  const parts = full.trim().split(/\s+/);
  return parts.length > 1 ? parts[parts.length - 1] : null;
}

/** Regex source for a name, matched whole in any case (a hyphen optional, as in terms). */
export function nameSource(name: string): string {
  return termPattern(name);
}

/**
 * `make` for a name, kept for the last `size` names made: an export has many records per child,
 * so a name's regexes are compiled once, and the bound keeps memory flat over many children.
 */
export function perName<T>(make: (name: string) => T, size = 1000): (name: string) => T {
  const cache = new Map<string, T>();
  return (name) => {
    let value = cache.get(name);
    if (value === undefined && !cache.has(name)) {
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
      cache.set(name, (value = make(name)));
    }
    return value!;
  };
}

/** Names are written with a capital: "Ruby (4)" is a name, "ruby (4)" is not. */
export function capitalised(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(text);
}

/** Whole months from `dob` to `onDate` (both ISO). */
export function monthsOn(dob: string, onDate: string): number {
  const [by, bm, bd] = dob.split('-').map(Number);
  const [y, m, d] = onDate.slice(0, 10).split('-').map(Number);
  return (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
}
