import { allMatches } from '../../text/terms.ts';
import type { Check, Rule, RuleKind } from '../rule-kind.ts';
import type { CanonicalRecord } from '../../model/record.ts';
import type { FlagDraft } from '../../model/flag.ts';
import { asMessage, quote, written } from '../../model/quote.ts';
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
  across_sentences?: AcrossSentences;
}

/** How a pronoun in the sentence after the child's name is read (optional; see `acrossFrom`). */
export interface AcrossSentences {
  /** Pronouns read there, objects included (him, her). */
  pronouns: BySex;
  /** Words for a man or a woman (mother, Mr, uncle…): someone such a pronoun may refer to. */
  people: BySex;
  /** Words for several people (staff, parents): not what he or she refers to. */
  plural?: string[];
  /** Capitalised words that are not people, and words after which a capitalised word names a place or organisation (Nursery, Road, Monday). */
  not_people?: string[];
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
    others: {
      ...words,
      description:
        'Words for other people (mother, teacher, friend): a pronoun after one of them may be theirs, so reading stops there, and a name after one is not read.',
    },
    clause_ends: {
      ...words,
      description: 'Words that start another clause (and, but, when…), where the subject may change: reading stops there, as it does at , ; : ( ) – —.',
    },
    across_sentences: {
      type: 'object',
      additionalProperties: false,
      required: ['pronouns', 'people'],
      description:
        'Also reads the sentence after one that names the child: a pronoun for the other sex there is flagged when nobody the record mentions before it (a woman or man, someone of unknown sex such as a teacher or a name) can be who it refers to.',
      properties: {
        pronouns: bySex('Pronouns read in the next sentence, objects included (him, her).'),
        people: bySex('Words for a man or a woman (mother, Mr, uncle): someone a pronoun of that sex may refer to.'),
        plural: { ...words, description: 'Words for several people (staff, parents): not someone he or she refers to.' },
        not_people: {
          ...words,
          description:
            'Capitalised words that are not people (Monday, Nursery), and words that make the capitalised word before them a place or organisation (Road, School, Pre-school).',
        },
      },
    },
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
  across: Across | null;
}

/** `across_sentences`, compiled. */
interface Across {
  /** By the child's sex, the pronouns read for the other sex (to find quickly whether there is any). */
  other: Record<Sex, RegExp | null>;
  /** By a pronoun's sex, words for someone it may refer to: people of that sex, titles, and others of unknown sex. */
  compatible: Record<Sex, RegExp>;
  pronoun: Map<string, Sex>;
  people: Map<string, Sex>;
  plural: Set<string>;
  notPeople: Set<string>;
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
  /** Found in the sentence after the one naming the child (not in the name's own clause). */
  across?: boolean;
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
        described: noun.size
          ? describedAs(
              [...noun.keys()]
                .sort((a, b) => b.length - a.length)
                .map(nameSource)
                .join('|'),
            )
          : null,
        others: new Set(rule.others.map((w) => w.toLowerCase())),
        ends: new Set((rule.clause_ends ?? []).map((w) => w.toLowerCase())),
        across: rule.across_sentences
          ? {
              other: acrossOther(bySexMap(rule.across_sentences.pronouns)),
              compatible: compatibleWords(bySexMap(rule.across_sentences.people), rule.others, rule.across_sentences.plural ?? []),
              pronoun: bySexMap(rule.across_sentences.pronouns),
              people: bySexMap(rule.across_sentences.people),
              plural: new Set((rule.across_sentences.plural ?? []).map((w) => w.toLowerCase())),
              notPeople: new Set((rule.across_sentences.not_people ?? []).map((w) => w.toLowerCase())),
            }
          : null,
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
      const found =
        (word ? this.firstReadingAll(c, record.text, word, sex) : this.first(c, record.text, (mentions ??= mentionsOf(record.text, anywhere)), sex)) ??
        (c.across ? acrossFrom(c, c.across, record.text, name, sex) : null);
      if (!found) continue;
      const { start, end, word: said, across } = found;
      const flat = record.text.slice(start, end).replace(/\s+/g, ' ');
      // A long passage is shown by its end, after an ellipsis of the check's own.
      const passage = flat.length > 120 ? written`…${quote(flat.slice(-60), record.record_id)}` : quote(flat, record.record_id);
      const saidWord = quote(said, record.record_id);
      if (across) {
        drafts.push({
          rule: c.rule,
          record,
          span: { start, end },
          ...asMessage(
            written`“${passage}”: the child is recorded as ${sex} (subject_gender) and is named in the sentence before, and nobody else the record mentions before it can be “${saidWord}”. ${c.rule.message}`,
          ),
        });
        continue;
      }
      drafts.push({
        rule: c.rule,
        record,
        span: { start, end },
        ...asMessage(written`“${passage}”: the child is recorded as ${sex} (subject_gender) but is called “${saidWord}” here. ${c.rule.message}`),
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
      const found = this.firstIn(
        c,
        s,
        allMatches(word, s.text).map((m) => ({ index: m.index!, end: m.index! + m[0].length, text: m[0] })),
        sex,
      );
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
  return new RegExp(
    `^(?:['’]s)?(?:\\s*\\([^)]{0,30}\\))?(?:,?\\s+(?:is|was)\\s+|,\\s+)(?:an?|the)\\s+(?:[\\p{L}\\p{N}-]+,?\\s+){0,4}?(${nouns})(?![\\p{L}\\p{N}_])`,
    'iu',
  );
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

/** By the child's sex, a regex for the pronouns of the other sex (any case); null when there are none. */
function acrossOther(pronoun: Map<string, Sex>): Record<Sex, RegExp | null> {
  const of = (sex: Sex) => {
    const other = [...pronoun.keys()].filter((w) => pronoun.get(w) !== sex).sort((a, b) => b.length - a.length);
    return other.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${other.map(nameSource).join('|')})(?![\\p{L}\\p{N}])`, 'giu') : null;
  };
  return { male: of('male'), female: of('female') };
}

/** By sex, one regex for the words of someone a pronoun of that sex may refer to (people of that sex, its titles, others not plural or generic). */
function compatibleWords(people: Map<string, Sex>, others: string[], plural: string[]): Record<Sex, RegExp> {
  const skip = new Set([...plural.map((w) => w.toLowerCase()), ...GENERIC]);
  const unknown = others.map((w) => w.toLowerCase()).filter((w) => !skip.has(w) && !people.has(w));
  const of = (sex: Sex) => {
    const titles = Object.keys(TITLE_SEX).filter((t) => TITLE_SEX[t] === null || TITLE_SEX[t] === sex);
    const words = [...[...people.keys()].filter((w) => people.get(w) === sex), ...unknown, ...titles].sort((a, b) => b.length - a.length);
    return new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(nameSource).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
  };
  return { male: of('male'), female: of('female') };
}

/** A person the record has mentioned so far, as a pronoun may refer to them. */
interface Mentioned {
  sex: Sex | null;
  child: boolean;
  /** Offset in the record's text. */
  at: number;
}

/** A word, a quotation mark, or a clause mark, for reading people and pronouns in order. */
const ACROSS_TOKEN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|[“”"‘’,;:()–—]/gu;
/** A word after which a capitalised word is a place, an organisation, a time or a thing ("his Lego"), not a person. */
const PLACE_BEFORE = new Set([
  'at',
  'in',
  'into',
  'near',
  'of',
  'the',
  'from',
  'via',
  'on',
  'until',
  'since',
  'by',
  'his',
  'her',
  'their',
  'my',
  'our',
  'your',
  'its',
  'a',
  'an',
]);
/** Words that do not follow a name that starts a sentence, but do follow a verb ("Visited the…", "Met with…"). */
const NOT_AFTER_NAME = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'his',
  'her',
  'their',
  'my',
  'our',
  'your',
  'to',
  'at',
  'in',
  'on',
  'with',
  'for',
  'from',
  'of',
  'by',
  'about',
  'up',
  'me',
  'us',
  'him',
  'them',
  'it',
  'all',
  'some',
  'any',
  'no',
]);

/**
 * A capitalised first word of a sentence may be a person (when unsure, it is: that only makes
 * the reading more careful), unless the record writes it in lower case elsewhere, or what follows
 * it follows a verb, not a name ("Visited Jayden", "Met with", "During the visit", "Present:").
 */
function startsWithPerson(next: { word: string; lower: string } | undefined, word: string, text: string): boolean {
  if (!next || next.word === ':' || NOT_AFTER_NAME.has(next.lower) || (capitalised(next.word) && next.word !== 'I')) return false;
  return !lowerCaseWord(word.toLowerCase().replace(/[^\p{L}]/gu, '')).test(text);
}
/** A word's letters in lower case, as a whole word (compiled once a word: most records' first words recur). */
const lowerCaseWord = perName((letters: string) => new RegExp(`(?<![\\p{L}])${letters}(?![\\p{L}])`, 'u'));
const TITLE_SEX: Record<string, Sex | null> = {
  mr: 'male',
  mrs: 'female',
  ms: 'female',
  miss: 'female',
  mx: null,
  dr: null,
  prof: null,
  pc: null,
  dc: null,
  ds: null,
  di: null,
  sgt: null,
  cllr: null,
};
/** Words after "her" that leave it an object ("weighed her and…"), not a possessive ("her growth"). */
const AFTER_OBJECT = new Set([
  'and',
  'but',
  'or',
  'at',
  'in',
  'on',
  'to',
  'with',
  'for',
  'from',
  'again',
  'today',
  'yesterday',
  'because',
  'as',
  'when',
  'while',
  'before',
  'after',
  'up',
  'down',
  'out',
  'off',
  'back',
  'about',
  'that',
  'this',
  'last',
  'twice',
  'once',
  'into',
  'if',
  'so',
]);

/**
 * A pronoun for the other sex in the sentence after one that names the child, that can refer to
 * nobody else: the record mentions before it no one of that sex and no one of unknown sex (a
 * teacher, a name, a titled doctor), leaving out a sentence's subject for an object pronoun
 * straight after its verb ("The nursery nurse weighed her": not the nurse). Quotations are not
 * read; a capitalised word counts as someone unless it is a place or organisation, a time, an
 * acronym, or a first word of its sentence that a verb follows. A sentence that also has a pronoun
 * for the child's sex that only the child can be ("He said she could stay up") speaks of two people and
 * is left. Pronouns in the
 * name's own sentence are left to the narrow reading (a new subject after "and" is often
 * someone else), and anything unsure is left alone.
 */
function acrossFrom(c: Compiled, a: Across, text: string, name: string, sex: Sex): Found | null {
  const own = name.toLowerCase();
  // Most records have no pronoun for the other sex in a sentence just after the child's name: found by a scan, before any reading.
  const at = wordsAt(text, a.other[sex]);
  if (!at.length) return null;
  const sentences = splitSentences(text);
  let si = 0;
  let candidate = false;
  const before = a.compatible[sex === 'male' ? 'female' : 'male'];
  // The pronouns of one sentence share its answers: each is worked out once.
  let readFor = -1;
  for (const p of at) {
    while (si < sentences.length && sentences[si].end <= p) si++;
    if (si === readFor || si === 0 || si >= sentences.length || sentences[si].start > p) continue;
    readFor = si;
    if (!sentences[si - 1].text.toLowerCase().includes(own)) continue;
    // Someone the pronoun may be, in a sentence before its own (a woman, a teacher): the reading below would find them too.
    before.lastIndex = 0;
    if (!before.test(text.slice(0, sentences[si].start))) {
      candidate = true;
      break;
    }
  }
  if (!candidate) return null;
  const mentioned: Mentioned[] = [];
  let namedIn = -2;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    const tokens = allMatches(ACROSS_TOKEN, s.text).map((m) => ({ word: m[0], lower: m[0].toLowerCase(), at: s.start + m.index }));
    let inQuote = false;
    let clauseStart = mentioned.length;
    let named = false;
    for (let j = 0; j < tokens.length; j++) {
      const { word, lower, at } = tokens[j];
      if (word === '“' || word === '‘') inQuote = true;
      else if (word === '”') inQuote = false;
      else if (word === '"') inQuote = !inQuote;
      if (inQuote || (word.length === 1 && /[“”"‘’]/.test(word))) continue;
      if (/^[,;:()–—]$/.test(word) || c.ends.has(lower)) {
        clauseStart = mentioned.length;
        continue;
      }
      if ((lower === own || lower.replace(/['’]s$/, '') === own) && capitalised(word)) {
        mentioned.push({ sex, child: true, at });
        named = true;
        continue;
      }
      const pronounSex = a.pronoun.get(lower);
      if (pronounSex) {
        if (pronounSex === sex || namedIn !== i - 1 || named) continue;
        // A pronoun for the child's own sex in the same sentence that only the child can be ("He said she could stay up"):
        // two people, and the other one unnamed. ("Mum rang. She said he…": she is Mum, and he can only be the child.)
        if (tokens.some((t) => a.pronoun.get(t.lower) === sex) && !mentioned.some((m) => !m.child && m.sex === sex)) continue;
        const object = isObject(tokens, j, lower);
        const subject = object
          ? mentioned
              .slice(clauseStart)
              .filter((m) => !m.child)
              .pop()
          : undefined;
        const could = mentioned.filter((m) => !m.child && m !== subject && (m.sex === null || m.sex === pronounSex));
        if (could.length) continue;
        // Someone's reported words about someone not yet named ("she said she would introduce him"): unsure.
        if (object && tokens.slice(0, j).some((t) => REPORTING.has(t.lower))) continue;
        // Someone it may refer to later in the sentence, after a clause ends ("We talked about who she can call; mum explained…"): unsure.
        // Or later in the record ("She was cooking. Mum said…": the writer had Mum in mind). The
        // sentences after are read with a clause mark between them.
        const later = sentences
          .slice(i + 1)
          .flatMap((n) => [{ word: ';', lower: ';' }, ...allMatches(ACROSS_TOKEN, n.text).map((m) => ({ word: m[0], lower: m[0].toLowerCase() }))]);
        if (laterInSentence(c, a, [...tokens, ...later], j, pronounSex, sex, own)) continue;
        return { start: s.start, end: at + word.length, word, across: true };
      }
      const title = lower in TITLE_SEX && capitalised(word);
      if (title) {
        mentioned.push({ sex: TITLE_SEX[lower], child: false, at });
        if (tokens[j + 1] && capitalised(tokens[j + 1].word)) j++;
        continue;
      }
      const personSex = a.people.get(lower);
      if (personSex) {
        mentioned.push({ sex: personSex, child: false, at });
        continue;
      }
      if (a.plural.has(lower)) continue;
      if (c.others.has(lower)) {
        mentioned.push({ sex: null, child: false, at });
        continue;
      }
      if (!capitalised(word) || word === 'I' || SUBJECTS.has(lower) || a.notPeople.has(lower) || /^\p{Lu}[\p{Lu}\d]+$/u.test(word)) continue;
      const next = tokens[j + 1]?.lower;
      if (next && a.notPeople.has(next)) continue;
      if (j === 0 ? !startsWithPerson(tokens[j + 1], word, text) : PLACE_BEFORE.has(tokens[j - 1].lower)) continue;
      mentioned.push({ sex: null, child: false, at });
    }
    if (named) namedIn = i;
  }
  return null;
}

/** Words for other people that name nobody in particular ("plays alongside other children"). */
const GENERIC = new Set(['other', 'another', 'others', 'someone', 'somebody', 'everyone', 'child', 'children', 'family', 'staff', 'baby']);
const REPORTING = new Set(['said', 'says', 'told', 'tells', 'explained', 'reported', 'stated', 'mentioned', 'asked', 'agreed', 'promised', 'shared']);

/** After the next clause boundary in the sentence, a word for someone of the pronoun's sex or of unknown sex (a capitalised name, a role). */
function laterInSentence(c: Compiled, a: Across, tokens: { word: string; lower: string }[], j: number, pronounSex: Sex, sex: Sex, own: string): boolean {
  let k = j + 1;
  while (k < tokens.length && !/^[,;:()–—]$/.test(tokens[k].word) && !c.ends.has(tokens[k].lower)) k++;
  for (k++; k < tokens.length; k++) {
    const { word, lower } = tokens[k];
    if (lower === own || lower.replace(/['’]s$/, '') === own || a.plural.has(lower)) continue;
    const personSex = a.people.get(lower) ?? (lower in TITLE_SEX && capitalised(word) ? TITLE_SEX[lower] : undefined);
    if (personSex !== undefined) {
      if (personSex === null || personSex === pronounSex) return true;
      continue;
    }
    if (c.others.has(lower) && !GENERIC.has(lower)) return true;
    if (
      capitalised(word) &&
      word !== 'I' &&
      !SUBJECTS.has(lower) &&
      !a.notPeople.has(lower) &&
      !/^\p{Lu}[\p{Lu}\d]+$/u.test(word) &&
      !PLACE_BEFORE.has(tokens[k - 1].lower)
    )
      return true;
  }
  return sex === pronounSex;
}

/** "him", or "her" straight after a verb and not before a noun ("weighed her and…"): an object, which is not its clause's subject. */
function isObject(tokens: { word: string; lower: string }[], j: number, lower: string): boolean {
  if (j === 0 || PREPOSITION.has(tokens[j - 1].lower)) return false;
  if (lower === 'him' || lower === 'them') return true;
  if (lower !== 'her') return false;
  const next = tokens[j + 1];
  return !next || /^[,;:()–—”"]$/.test(next.word) || AFTER_OBJECT.has(next.lower);
}
const PREPOSITION = new Set([
  'to',
  'with',
  'for',
  'from',
  'about',
  'by',
  'at',
  'of',
  'on',
  'in',
  'near',
  'behind',
  'beside',
  'without',
  'like',
  'and',
  'or',
  'but',
  'that',
  'than',
]);
