import { allMatches } from '../../text/terms.ts';
import type { Check, Rule, RuleKind } from '../rule-kind.ts';
import type { CanonicalRecord } from '../../model/record.ts';
import type { FlagDraft } from '../../model/flag.ts';
import { splitSentences, type Sentence } from '../../reading/sentences.ts';
import { capitalised, charAt, charBefore, everyMatch, firstName, isWordChar, nameSource, perName } from './subject-forms.ts';

type Sex = 'male' | 'female';
type BySex = Partial<Record<Sex, string[]>>;

/** A `subject-gender` rule: pronouns and nouns the text uses for the record's child, checked against subject_gender. */
export interface SubjectGenderRule extends Rule {
  genders: BySex;
  pronouns: BySex;
  nouns?: BySex;
  others: string[];
  clause_ends?: string[];
}

const words = { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 };
const bySex = (description: string) => ({ type: 'object', additionalProperties: false, properties: { male: words, female: words }, description });

export const subjectGenderKind: RuleKind = {
  kind: 'subject-gender',
  summary: 'Finds a pronoun or noun ("he", "a 6 year old boy") that follows the record’s child’s name in a sentence and disagrees with subject_gender.',
  properties: {
    genders: bySex('subject_gender values (any case) that mean male or female; other values are not checked.'),
    pronouns: bySex('Pronouns for a male or a female child.'),
    nouns: bySex('Nouns that describe the child in "<name> is a … boy" or "<name>, a … girl".'),
    others: { ...words, description: 'Words for other people (mother, teacher, friend): a pronoun after one of them may be theirs, so reading stops there, and a name after one is not read.' },
    clause_ends: { ...words, description: 'Words that start another clause (and, but, when…), where the subject may change: reading stops there, as it does at , ; : ( ) – —.' },
  },
  required: ['genders', 'pronouns', 'others'],
  createCheck(rules) {
    return new SubjectGenderCheck(rules as SubjectGenderRule[]);
  },
};

interface Compiled {
  rule: SubjectGenderRule;
  gender: Map<string, Sex>;
  pronoun: Map<string, Sex>;
  noun: Map<string, Sex>;
  /** "<name> is a … boy", read from just after the name. */
  described: RegExp | null;
  others: Set<string>;
  ends: Set<string>;
  /** By the child's sex, the pronouns for the other sex in any case (null: none); null where a pronoun is not plain a–z. */
  otherPronouns: Record<Sex, RegExp | null> | null;
}

/**
 * The pronouns for each sex's other sex, to find quickly (not after a letter a–z or a digit).
 * Only for pronouns of plain letters a–z, which a regex in any case finds in every word that
 * lower-cases to one of them.
 */
function otherPronouns(pronoun: Map<string, Sex>): Record<Sex, RegExp | null> | null {
  const words = [...pronoun.keys()].sort((a, b) => b.length - a.length);
  if (!words.every((w) => /^[a-z]+$/.test(w))) return null;
  const of = (sex: Sex) => {
    const other = words.filter((w) => pronoun.get(w) !== sex);
    return other.length ? new RegExp(`(?<![a-z0-9])(?:${other.join('|')})`, 'giu') : null;
  };
  return { male: of('male'), female: of('female') };
}

function bySexMap(lists: BySex | undefined): Map<string, Sex> {
  const out = new Map<string, Sex>();
  for (const sex of ['male', 'female'] as const) for (const w of lists?.[sex] ?? []) out.set(w.toLowerCase(), sex);
  return out;
}

/** Pronouns that start a clause about someone else ("… and they said", "… and I saw"). */
const SUBJECTS = new Set(['i', 'we', 'they', 'you', 'it']);

/** A word, a quotation mark (the child's own words are not read), or punctuation that ends a clause (one regex for reading back, one for reading on). */
const TOKEN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|[“”"‘,;:()–—]/gu;
const TOKEN_BEFORE = new RegExp(TOKEN);
const TOKEN_AFTER = new RegExp(TOKEN);
const CLAUSE_MARK = /^[“”"‘,;:()–—]$/;

/** A place where the child's first name stands (any case). */
interface Mention {
  /** Offset in the sentence, or (before it is placed in one) in the record's text. */
  index: number;
  end: number;
  text: string;
}

/** A sentence's text and its offsets in the record's text. */
type SentenceText = Pick<Sentence, 'start' | 'end' | 'text'>;

/** The name and the word for the other sex that follows it (offsets in the record's text). */
interface Found {
  start: number;
  end: number;
  word: string;
}

class SubjectGenderCheck implements Check {
  private readonly compiled: Compiled[];

  constructor(rules: SubjectGenderRule[]) {
    this.compiled = rules.map((rule) => {
      const noun = bySexMap(rule.nouns);
      const pronoun = bySexMap(rule.pronouns);
      return {
        rule,
        gender: bySexMap(rule.genders),
        pronoun,
        otherPronouns: otherPronouns(pronoun),
        noun,
        described: noun.size ? describedAs([...noun.keys()].sort((a, b) => b.length - a.length).map(nameSource).join('|')) : null,
        others: new Set(rule.others.map((w) => w.toLowerCase())),
        ends: new Set((rule.clause_ends ?? []).map((w) => w.toLowerCase())),
      };
    });
  }

  /**
   * The child's first name in any case: anywhere (a quick scan), or, for a name that starts or
   * ends with a hyphen or has a backslash (where the name's regex may match more than one
   * length from one place), as a whole word.
   */
  private readonly names = perName((name) => ({
    anywhere: new RegExp(nameSource(name), 'giu'),
    word: /^-|-$|\\/.test(name) ? new RegExp(`(?<![\\p{L}\\p{N}_])${nameSource(name)}(?![\\p{L}\\p{N}_])`, 'giu') : null,
  }));

  record(record: CanonicalRecord): FlagDraft[] {
    const name = firstName(record.subject_name);
    if (!name || !record.subject_gender) return [];
    const drafts: FlagDraft[] = [];
    const { anywhere, word } = this.names(name);
    let mentions: Mention[] | null = null;
    for (const c of this.compiled) {
      const sex = c.gender.get(record.subject_gender.toLowerCase());
      if (!sex) continue;
      const found = word ? this.firstReadingAll(c, record.text, word, sex) : this.first(c, record.text, (mentions ??= mentionsOf(record.text, anywhere)), sex);
      if (!found) continue;
      const { start, end, word: said } = found;
      const quoted = record.text.slice(start, end).replace(/\s+/g, ' ');
      drafts.push({
        rule: c.rule,
        record,
        span: { start, end },
        message: `“${quoted.length > 120 ? `…${quoted.slice(-60)}` : quoted}”: the child is recorded as ${sex} (subject_gender) but is called “${said}” here. ${c.rule.message}`,
      });
    }
    return drafts;
  }

  /**
   * The first place in the record where the child's name is followed, within its sentence, by a
   * word for the other sex. Only the sentences where a mention of the name may be so followed
   * are split out and read: most records name the child often, and never so.
   */
  private first(c: Compiled, text: string, mentions: Mention[], sex: Sex): Found | null {
    let read = -1;
    let wrong: number[] | null | undefined;
    const wrongPronouns = () => (wrong === undefined ? (wrong = c.otherPronouns && wordsAt(text, c.otherPronouns[sex])) : wrong);
    for (const m of mentions) {
      if (m.index < read || !this.mayDisagree(c, text, m, sex, wrongPronouns)) continue;
      const s = sentenceHolding(text, m.index);
      if (!s) continue;
      read = s.end;
      const found = this.firstIn(c, s, wholeWordsIn(text, s, mentions), sex);
      if (found) return found;
    }
    return null;
  }

  /** `first` for a name whose mentions need the whole-word regex: every sentence read. */
  private firstReadingAll(c: Compiled, text: string, word: RegExp, sex: Sex): Found | null {
    for (const s of splitSentences(text)) {
      const found = this.firstIn(c, s, allMatches(word, s.text).map((m) => ({ index: m.index!, end: m.index! + m[0].length, text: m[0] })), sex);
      if (found) return found;
    }
    return null;
  }

  /**
   * Whether reading on from a mention, as `firstIn` does but to the end of its line (its
   * sentence ends there or before), may find a word for the other sex. Conservative: a noun
   * or pronoun found within the sentence is found the same way in the longer text, and a
   * pronoun for the other sex is among `wrongPronouns` (where they may stand; null: unknown).
   */
  private mayDisagree(c: Compiled, text: string, m: Mention, sex: Sex, wrongPronouns: () => number[] | null): boolean {
    if (!capitalised(m.text)) return false;
    const lineEnd = text.indexOf('\n', m.end);
    const end = lineEnd < 0 ? text.length : lineEnd;
    const rest = text.slice(m.end, end);
    if (c.described?.test(rest)) return true;
    if (wrongPronouns()?.every((at) => at < m.end || at >= end)) return false;
    const pronoun = this.pronounAfter(c, rest, m.text);
    return pronoun !== null && c.pronoun.get(pronoun.word.toLowerCase()) !== sex;
  }

  /** The first of a sentence's mentions of the child (whole words, offsets in the sentence) followed by a word for the other sex. */
  private firstIn(c: Compiled, s: SentenceText, mentions: Mention[], sex: Sex): Found | null {
    for (const m of mentions) {
      if (!capitalised(m.text)) continue;
      const rest = s.text.slice(m.end);
      const noun = c.described ? nounIn(rest, c.described) : null;
      if (noun) {
        const nounSex = c.noun.get(noun.word.toLowerCase());
        if (nounSex && nounSex !== sex) return { start: s.start + m.index, end: s.start + m.end + noun.end, word: noun.word };
        continue;
      }
      if (!this.firstPerson(c, s.text.slice(0, m.index))) continue;
      const pronoun = this.pronounAfter(c, rest, m.text);
      if (pronoun && c.pronoun.get(pronoun.word.toLowerCase()) !== sex) {
        return { start: s.start + m.index, end: s.start + m.end + pronoun.end, word: pronoun.word };
      }
    }
    return null;
  }

  /**
   * The name is the first person its sentence mentions: nothing before it is a pronoun, a word
   * for another person, or a capitalised word other than the sentence's first ("Ms Evans said
   * Finley… she" is about Ms Evans).
   */
  private firstPerson(c: Compiled, lead: string): boolean {
    let first = true;
    const tokens = TOKEN_BEFORE;
    tokens.lastIndex = 0;
    for (let t: RegExpExecArray | null; (t = tokens.exec(lead)); ) {
      const lower = t[0].toLowerCase();
      if (c.pronoun.has(lower) || c.others.has(lower) || (!first && capitalised(t[0]) && t[0] !== 'I')) return false;
      first = false;
    }
    return true;
  }

  /**
   * Reads on from the name, through its own clause, to the first pronoun, which is taken to be
   * the child's. Stops at anyone else (a capitalised word, a word for another person), a
   * quotation, punctuation that ends the clause, or a conjunction that starts a clause with a
   * new subject ("… and she asked"); a conjunction that carries on with the same subject ("…
   * was seen at school and told me about his bike") is read past. A possessive or a bracket
   * straight after the name ("Daniel's", "Daniel (8)") is read past too.
   */
  private pronounAfter(c: Compiled, rest: string, name: string): { word: string; end: number } | null {
    const skip = /^(?:['’]s(?![\p{L}])|\s*\([^)]{0,30}\))/u.exec(rest)?.[0].length ?? 0;
    let afterConjunction = false;
    const tokens = TOKEN_AFTER;
    tokens.lastIndex = 0;
    const read = rest.slice(skip);
    const own = name.toLowerCase();
    for (let t: RegExpExecArray | null; (t = tokens.exec(read)); ) {
      const word = t[0];
      const lower = word.toLowerCase();
      if (word.length === 1 && CLAUSE_MARK.test(word)) return null;
      if (c.ends.has(lower)) {
        afterConjunction = true;
        continue;
      }
      if (c.pronoun.has(lower)) return afterConjunction ? null : { word, end: skip + t.index + word.length };
      if (c.others.has(lower) || SUBJECTS.has(lower)) return null;
      if (capitalised(word) && word !== 'I' && lower !== own) return null;
      afterConjunction = false;
    }
    return null;
  }

  finish(): FlagDraft[] {
    return [];
  }
}

/** "<name> is a happy 6 year old boy", "<name> (7), a quiet girl": read from just after the name, with the nouns as regex source. */
function describedAs(nouns: string): RegExp {
  return new RegExp(`^(?:['’]s)?(?:\\s*\\([^)]{0,30}\\))?(?:,?\\s+(?:is|was)\\s+|,\\s+)(?:an?|the)\\s+(?:[\\p{L}\\p{N}-]+,?\\s+){0,4}?(${nouns})(?![\\p{L}\\p{N}_])`, 'iu');
}

/** The noun the name is described by, if any. */
function nounIn(rest: string, described: RegExp): { word: string; end: number } | null {
  const m = described.exec(rest);
  return m ? { word: m[1], end: m[0].length } : null;
}

/**
 * Every place the name stands in the text, overlapping ones too. The name's regex takes a fixed
 * length from where it starts (its letters, and a hyphen or space where the name has a hyphen,
 * neither at its ends), so each whole-word match in a sentence is one of these.
 */
function mentionsOf(text: string, anywhere: RegExp): Mention[] {
  return everyMatch(anywhere, text).map((m) => ({ index: m.index, end: m.index + m[0].length, text: m[0] }));
}

/**
 * The sentence's mentions that the whole-word regex `(?<![\p{L}\p{N}_])name(?![\p{L}\p{N}_])`
 * would find in its text, as matchAll finds them: in order, each after the end of the one
 * before. A sentence starts and ends beside a space, a line break or a mark, so looking past
 * its edges in the record's text sees what the regex sees at the ends of the sentence's text.
 */
function wholeWordsIn(text: string, s: SentenceText, mentions: Mention[]): Mention[] {
  const out: Mention[] = [];
  let from = s.start;
  for (const m of mentions) {
    if (m.index < from || m.end > s.end || isWordChar(charBefore(text, m.index)) || isWordChar(charAt(text, m.end))) continue;
    out.push({ index: m.index - s.start, end: m.end - s.start, text: m.text });
    from = m.end;
  }
  return out;
}

/** Where a word of `words` stands on its own: no letter or digit (as a token has) just before or after it. */
function wordsAt(text: string, words: RegExp | null): number[] {
  if (!words) return [];
  return everyMatch(words, text)
    .filter((m) => !TOKEN_CHAR.test(charBefore(text, m.index)) && !TOKEN_CHAR.test(charAt(text, m.index + m[0].length)))
    .map((m) => m.index);
}

/** A letter or digit, as TOKEN sees one. */
const TOKEN_CHAR = /^[\p{L}\p{N}]$/u;

/**
 * The sentence holding an offset, split out of its line alone: a line break always ends a
 * sentence, so the line's sentences are the record's. Null between sentences.
 */
function sentenceHolding(text: string, at: number): SentenceText | null {
  const line = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at);
  for (const s of splitSentences(text.slice(line, lineEnd < 0 ? text.length : lineEnd))) {
    if (line + s.start <= at && at < line + s.end) return { start: line + s.start, end: line + s.end, text: s.text };
  }
  return null;
}
