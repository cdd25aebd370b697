import { matches, termPattern } from '../../text/terms.ts';
import type { CanonicalRecord } from '../../model/record.ts';
import { capitalPlaces, charAt, charBefore, familyName, firstName, isWordChar, perName, readNumber, type FormMatch } from './subject-forms.ts';

/**
 * Another child in the text, whether or not that child is in the export: a capitalised word that
 * a form places as the child of the record ("I did a wishes-and-feelings exercise with Kacper",
 * "Kacper is in Year 4", "Kacper said he misses his nan") and that the case does not otherwise
 * account for. What makes the word a child is the form (the grammar and context around it), never
 * a list of names. What makes it someone the case knows:
 *
 * - a subject of the case's records (any of the words of their names), or an author's first name;
 * - a role or relation beside it anywhere in the case ("health visitor Sarah", "Sarah (HV)",
 *   "her brother Yusuf", "the family cat, Milo", "a girl called Jess", "Mr Kowalski", "St Mary's"),
 *   or standing with the subject's own name ("Ellie and Alfie");
 * - any mention of it in another record of the case that is not itself a form's match (a sibling
 *   or a friend the family talks about is named more than once, in more than one way).
 *
 * And the place itself is not read when the word is someone else's words (inside a quotation, or
 * after a reporting verb earlier in its sentence: "Lucas said his friend Ethan is sociable"), when
 * it is a surname (after another capitalised word), an adult's age (18 or more), a word the
 * record also writes in lower case ("Nursery", "school"), an acronym, or one of `not_names`.
 */
export interface OtherChildWords {
  /** Words for a role or relation: a capitalised word beside one is a known person (or pet). */
  roles: string[];
  /** Reporting verbs: a name after one in its sentence is in someone's reported words. */
  reporting: string[];
  /** Capitalised words that are never a child's first name here (Mum, Nursery, Today…). */
  not_names?: string[];
  /** Things of a young child's day: a sentence that starts with a name and has one soon after reads as about that child. */
  cues?: string[];
  /** How many characters after the name a cue may stand (default 80). */
  cue_reach?: number;
}

/**
 * A capitalised word, hyphenated parts included (as the forms' name slot reads one), tried at one
 * of `capitalPlaces` that has no apostrophe or hyphen before it: the same words as a search for
 * it after the look-behind (?<![\p{L}\p{N}_'’-]), without trying that at every character.
 */
const CAPITALISED_AT = /\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*/uy;
const TITLES = /(?:^|[^\p{L}])(?:mr|mrs|ms|miss|mx|dr|prof|pc|dc|ds|di|sgt|cllr|st|saint|sir|dame|rev|nurse)\.?\s+$/iu;
/** Function words that start sentences: never a name, so not worth reading for a role. */
const FUNCTION_WORDS = new Set(
  'the a an this that these those there then he she they we it i you his her their our my your its in on at after before during when while if as but and or so no yes not all some both each every another other later today yesterday tomorrow also however although because since until following further'.split(
    ' ',
  ),
);
/** What follows an adverb or a preposition that starts a sentence, not a name. */
const NOT_AFTER_NAME =
  /^\s+(?:the|a|an|in|on|at|into|I|we|this|that|these|those|my|his|her|their|our|your|to|with|for|from|of|by|about|all|some|then|last|next|school|home)(?![\p{L}])/u;
const TITLE_WORDS = new Set([
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
  'cllr',
  'st',
  'saint',
  'sir',
  'dame',
  'rev',
  'nurse',
]);
const SENTENCE_START = /(?:^|[.!?:;\n]\s*|[“"‘(]\s*)$/u;
/** A verb that may start a note's sentence before a name ("Visited Kacper", "Saw Kacper at school"). */
const STARTING_VERB = /^(?:\p{L}+ed|saw|met|see|meet|took|gave|told|asked|let|made|spoke|left|found|brought|sent|rang|phoned|thanked)$/iu;
/** Matches with a greater age are adults. */
const ADULT_YEARS = 18;

export function nameKey(name: string): string {
  if (!/['’\-\s]/.test(name)) return name.toLowerCase();
  return name
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/[-\s]+/g, '');
}

/** Reads a record for what a case knows: role-named people, and the plain mentions of capitalised words. */
export class CaseReader {
  private readonly roleWords = new Set<string>();
  private longestRole = 1;
  private readonly roleAfter: RegExp;
  private readonly reporting: RegExp;
  private readonly notNames: Set<string>;
  private readonly cues: RegExp | null;
  private readonly reach: number;

  constructor(words: OtherChildWords) {
    const roles = [...new Set(words.roles)]
      .sort((a, b) => b.length - a.length)
      .map(termPattern)
      .join('|');
    // "health visitor Sarah", "her brother, Yusuf", "mum (Danielle)", "a girl called Jess", "cat, Milo": looked up word by word, backwards.
    for (const r of words.roles) {
      const phrase = r.toLowerCase().split(/\s+/);
      this.roleWords.add(phrase.join(' '));
      this.longestRole = Math.max(this.longestRole, phrase.length);
    }
    // "Sarah (HV)", "Jo Patel, the IRO", "Sarah from CAMHS", "Funmi, who is caring for", "Sarah Okafor (health visitor)".
    // (This and `reporting` are global, run from the start by `matches`, to be compiled straight to machine code: text/machine-code.ts.)
    this.roleAfter = new RegExp(
      `^(?:\\s+\\p{Lu}[\\p{L}'’-]*)?(?:\\s*\\((?:the |her |his |their |[\\p{L}-]+['’]s )?(?:${roles})(?![\\p{L}])|,\\s+(?:(?:the|her|his|their|our|a|an)\\s+|[\\p{Lu}][\\p{L}-]*['’]s\\s+)(?:[\\p{L}-]+\\s+){0,2}?(?:${roles})(?![\\p{L}])|\\s+from\\s+(?:the\\s+)?\\p{Lu}|,\\s+who\\s+(?:is|was)\\s+(?:caring|looking after|the|a|an|her|his)\\b)`,
      'gu',
    );
    this.reporting = new RegExp(`(?<![\\p{L}])(?:${[...new Set(words.reporting)].map(termPattern).join('|')})(?![\\p{L}])`, 'giu');
    this.notNames = new Set((words.not_names ?? []).map((w) => nameKey(w)));
    for (const r of words.roles) this.notNames.add(nameKey(r));
    // Without the look-behind (?<![\p{L}\p{N}_]) a cue's regex can skip to where a cue may start; `cued` looks behind itself.
    this.cues = words.cues?.length
      ? new RegExp(
          `(?:${[...new Set(words.cues)]
            .sort((a, b) => b.length - a.length)
            .map(termPattern)
            .join('|')})(?![\\p{L}\\p{N}_])`,
          'giu',
        )
      : null;
    this.reach = words.cue_reach ?? 80;
  }

  /**
   * Where a cue stands in a sentence that starts with a capitalised word, within reach of it and
   * with no ; between: a match from that word to the cue's end, the word in the name slot. Found
   * from the cues (rare), not by trying every capitalised word.
   */
  cued(text: string): FormMatch[] {
    if (!this.cues) return [];
    const out: FormMatch[] = [];
    const cues = this.cues;
    cues.lastIndex = 0;
    for (let c: RegExpExecArray | null; (c = cues.exec(text)); ) {
      const at = c.index;
      // Inside a word: not a cue; looked for again from the next character, as the look-behind would.
      if (at > 0 && isWordChar(charBefore(text, at))) {
        cues.lastIndex = at + (charAt(text, at).length || 1);
        continue;
      }
      let i = at;
      while (i > 0 && at - i <= this.reach + 40 && !/[.!?;\n]/.test(text[i - 1])) i--;
      while (i < at && /[\s“"‘(]/.test(text[i])) i++;
      const word = /^\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*/u.exec(text.slice(i, at));
      if (
        !word ||
        at - (i + word[0].length) > this.reach ||
        (i > 0 && !/[.!?;\n]/.test(text[i - 1]) && !/[.!?;\n]\s*[“"‘(]?\s*$/.test(text.slice(Math.max(0, i - 4), i)))
      )
        continue;
      const end = at + c[0].length;
      out.push({ start: i, end, text: text.slice(i, end), name: word[0] });
    }
    return out;
  }

  /**
   * The keys of the capitalised words of a record: those beside a role (known to the case), and
   * the others, less the places in `childAt` (offsets where a form found a child). Words the
   * case already knows for good (`known`) are not read again: most of a case's names recur.
   */
  read(record: CanonicalRecord, childAt: Set<number>, known: (k: string) => boolean = () => false): { roled: Set<string>; plain: Set<string> } {
    const roled = new Set<string>();
    const plain = new Set<string>();
    const text = record.text;
    const own = firstName(record.subject_name);
    const ownKey = own ? nameKey(own) : null;
    for (const at of capitalPlaces(text)) {
      const before = text.charCodeAt(at - 1);
      if (before === 39 || before === 0x2019 || before === 45) continue;
      CAPITALISED_AT.lastIndex = at;
      const word = CAPITALISED_AT.exec(text)![0];
      const k = nameKey(word);
      if (k === ownKey || k.length < 2 || FUNCTION_WORDS.has(k) || this.notNames.has(k) || known(k)) continue;
      if (this.roled(text, at, at + word.length, ownKey)) roled.add(k);
      else if (!childAt.has(at)) plain.add(k);
    }
    return { roled, plain };
  }

  /** Beside a role or title, or standing with the subject ("Ellie and Alfie", "Alfie and Ellie"). */
  private roled(text: string, start: number, end: number, ownKey: string | null): boolean {
    const { words: all, marks } = wordsBefore(text, start, Math.max(this.longestRole, 2));
    const words = all.slice(-this.longestRole);
    if (marks.length <= 1) {
      const lower = words.map((w) => w.toLowerCase());
      for (let k = 1; k <= lower.length; k++) if (this.roleWords.has(lower.slice(lower.length - k).join(' '))) return true;
      if (!marks && lower.length && TITLE_WORDS.has(lower[lower.length - 1].replace(/\.$/, ''))) return true;
    }
    // What follows may rename the word only when it is ( , or a word: looked at before any regex.
    let k = end;
    while (k < text.length && isSpace(text.charCodeAt(k))) k++;
    const ch = text[k];
    if (ch !== undefined && (ch === '(' || ch === ',' || isWordCode(text, k))) {
      const after = text.slice(end, end + 80);
      if (matches(this.roleAfter, after)) return true;
      const next = ownKey ? /^\s+(?:and|&)\s+(\p{Lu}[\p{L}'’-]*)/u.exec(after) : null;
      if (next !== null && nameKey(next[1]) === ownKey) return true;
    }
    if (!ownKey) return false;
    const two = all.slice(-2);
    return !marks && two.length === 2 && /^(?:and|&)$/i.test(two[1]) && nameKey(two[0]) === ownKey;
  }

  /**
   * Whether a form's match may name another child at all, from the record alone: not the
   * subject, not someone's reported or quoted words, not a surname, title, adult's age,
   * acronym, or a word written in lower case elsewhere in the record.
   */
  possible(record: CanonicalRecord, m: FormMatch): boolean {
    if (!m.name) return false;
    const text = record.text;
    const name = m.name;
    const k = nameKey(name);
    if (k.length < 2 || this.notNames.has(k) || /^\p{Lu}[\p{Lu}\d'’-]+$/u.test(name)) return false;
    if (isOwnName(record, k)) return false;
    if ((m.years && readNumber(m.years) >= ADULT_YEARS) || (m.months && readNumber(m.months) >= ADULT_YEARS * 12)) return false;
    const nameAt = text.indexOf(name, m.start);
    if (nameAt < 0) return false;
    const lead = sentenceLead(text, nameAt);
    if (TITLES.test(lead)) return false;
    // After a preposition of place ("at Tiny Steps"), or before another capitalised word ("Tiny Steps", "Castle Hill"): a place or a full name, not a child's first name used alone.
    if (
      /(?:^|[^\p{L}])(?:at|in|from|near|into|to)\s+$/iu.test(lead) ||
      (/^\s+\p{Lu}[\p{L}'’-]*/u.test(text.slice(nameAt + name.length)) && !/^\s+I(?![\p{L}])/u.test(text.slice(nameAt + name.length)))
    )
      return false;
    // After another capitalised word: a surname ("Chloe Murphy (19)"), unless that word starts
    // the sentence and is a verb ("Visited Kacper", "Saw Kacper").
    const before = /(\p{Lu}[\p{L}'’-]*)\s+$/u.exec(lead);
    if (before && !(SENTENCE_START.test(lead.slice(0, before.index)) && STARTING_VERB.test(before[1]))) return false;
    // A sentence's first word followed by what does not follow a name ("Later in the visit", "During the visit", "Before I left"): not a name.
    if (SENTENCE_START.test(lead) && NOT_AFTER_NAME.test(text.slice(nameAt + name.length, nameAt + name.length + 12))) return false;
    // A heading or a label ("Reason: Kayla (4)…", "Plan: …"): not a name used in a sentence.
    if (/^\s*:/.test(text.slice(nameAt + name.length, nameAt + name.length + 3))) return false;
    if (matches(this.reporting, lead) || quoted(lead)) return false;
    // Someone described beside the child ("Zara is in Year 4 and walks home with him", "Kacper plays with Ellie"): a peer, not the child.
    if (besideChild(record, sentenceRest(text, m.end))) return false;
    // Written in lower case elsewhere in the record: a word, not a name ("School said…", "school").
    return !inLowerCase(text, name);
  }
}

/** The subject's own name, any word of it, or a short form of the first ("Alex" for "Alexander"). */
function isOwnName(record: CanonicalRecord, k: string): boolean {
  const full = record.subject_name ?? '';
  const words = full
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(nameKey);
  if (words.includes(k)) return true;
  const first = firstName(full);
  const f = first ? nameKey(first) : '';
  const family = familyName(full);
  if (family && nameKey(family) === k) return true;
  return f.length >= 3 && k.length >= 3 && (f.startsWith(k) || k.startsWith(f));
}

/** The text of the sentence before an offset (back to . ! ? or a line break). */
function sentenceLead(text: string, at: number): string {
  let i = at;
  while (i > 0) {
    const ch = text[i - 1];
    if (ch === '\n' || ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(text[i] ?? ' ') && !TITLES.test(text.slice(Math.max(0, i - 8), i - 1) + ' ')))
      break;
    i--;
  }
  while (i < at && isSpace(text.charCodeAt(i))) i++;
  return text.slice(i, at);
}

/** Inside a quotation that opens earlier in the sentence and has not closed. */
function quoted(lead: string): boolean {
  const opens = (lead.match(/[“]/g) ?? []).length;
  const closes = (lead.match(/[”]/g) ?? []).length;
  if (opens > closes) return true;
  return (lead.match(/"/g) ?? []).length % 2 === 1;
}

/** The rest of the sentence after an offset (to . ! ? or a line break). */
function sentenceRest(text: string, at: number): string {
  const m = /[.!?](?=\s)|\n/.exec(text.slice(at));
  return text.slice(at, m ? at + m.index : text.length);
}

const SEX_OF: Record<string, 'him' | 'her'> = { male: 'him', m: 'him', boy: 'him', man: 'him', female: 'her', f: 'her', girl: 'her', woman: 'her' };

const nameWord = perName((name: string) => new RegExp(`(?<![\\p{L}])${termPattern(name)}(?![\\p{L}])`, 'iu'));
const BESIDE: Record<'him' | 'her', RegExp> = {
  him: /(?<![\p{L}])(?:with|to|for|beside|behind|alongside|next to|near) him(?![\p{L}])/iu,
  her: /(?<![\p{L}])(?:with|to|for|beside|behind|alongside|next to|near) her(?![\p{L}])/iu,
};

/** The child stands in the rest of the sentence: by first name, or as the object of a preposition (with him, to her) by the child's sex. */
function besideChild(record: CanonicalRecord, rest: string): boolean {
  const first = firstName(record.subject_name);
  if (first && nameWord(first).test(rest)) return true;
  const object = SEX_OF[(record.subject_gender ?? '').trim().toLowerCase()];
  return !!object && BESIDE[object].test(rest);
}

function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 97 ? c <= 122 : c >= 65 && c <= 90) return true;
  return c > 127 && LETTER.test(text[i]);
}

/** The word stands in the text in lower case, as a whole word. */
function inLowerCase(text: string, word: string): boolean {
  const lower = word.toLowerCase();
  for (let i = text.indexOf(lower); i >= 0; i = text.indexOf(lower, i + 1)) {
    if (!isLetterAt(text, i - 1) && !isLetterAt(text, i + lower.length)) return true;
  }
  return false;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
const LETTER = /\p{L}/u;
/** A letter, apostrophe, full stop or hyphen at `i` (ASCII by code, others by regex). */
function isWordCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 97 ? c <= 122 : c >= 65 ? c <= 90 : c === 39 || c === 45 || c === 46) return true;
  return c > 127 && (c === 0x2019 || LETTER.test(text[i]));
}

/**
 * The words just before an offset, read backwards by hand (a regex anchored at the end would be
 * tried at every position of every capitalised word's context): at most `max` words, separated by
 * spaces only, after at most the marks , ( : – - (and spaces) that stand right before the offset.
 */
function wordsBefore(text: string, end: number, max: number): { words: string[]; marks: string } {
  let i = end;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  let marks = '';
  while (i > 0 && ',(:–-'.includes(text[i - 1]) && !(text[i - 1] === '-' && isWordCode(text, i - 2))) {
    marks += text[i - 1];
    i--;
    while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  }
  const words: string[] = [];
  while (words.length < max && i > 0) {
    let j = i;
    while (j > 0 && isWordCode(text, j - 1)) j--;
    if (j === i) break;
    words.unshift(text.slice(j, i));
    i = j;
    if (i === 0 || !isSpace(text.charCodeAt(i - 1))) break;
    while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  }
  return { words, marks };
}
