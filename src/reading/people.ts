import { termPattern, allMatches } from '../text/terms.ts';
import type { Sentence } from './sentences.ts';

/**
 * The `people:` section of a pack: words that refer to a woman or a man (mother, Ms, she; father,
 * Mr, he). A staleness rule with `same_person: true` uses them to tell whether an event and a
 * later claim are about the same parent: "mother completed Triple P" does not make "father has
 * not completed a parenting course" out of date. Lists from every pack are joined.
 */
export interface PeopleWords {
  female?: string[];
  male?: string[];
  /** Relatives who are not the child's parents (grandmother, uncle…): a statement about one is not about a parent. */
  relatives?: string[];
}

const list = { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 };

export const PEOPLE_SECTION_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: 'Words that refer to a woman or a man, for staleness rules with same_person: true; lists from every pack are joined.',
  properties: {
    female: { ...list, description: 'Words for a woman: mother, mum, Ms, Mrs, she, her…' },
    male: { ...list, description: 'Words for a man: father, dad, Mr, he, his…' },
    relatives: { ...list, description: 'Relatives other than the parents (grandmother, uncle, aunt…): a statement about one is not about a parent of the same sex and surname.' },
  },
};

export type Sex = 'female' | 'male';

/** Who a statement is about: the sex of the nearest person word and, after a title, the surname. */
export interface Person {
  sex: Sex | null;
  /** "Reid" for "Mr Reid", lower-cased; null when the person is not named with a title. */
  surname: string | null;
  /** Named as a relative other than a parent ("uncle", "maternal grandmother, Mrs Fraser"). */
  relative?: boolean;
  /** The person word as the record writes it ("mother", "Ms", "she"), for the fact sheet. */
  word?: string;
  /** Title and surname as the record writes them ("Ms Barton"), when the person is named so. */
  name?: string;
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx']);
/** Between a titled name and a role word that only renames them: ", the maternal ". */
const APPOSITION = /^,\s+(?:the|his|her|their|a|an)\s+(?:[\p{L}-]+\s+)?$/u;
/** A clause ends at punctuation or a conjunction: a person named after it may be someone else. */
const CLAUSE_END = /[,;:()–—]|\s(?:and|but|or|while|whilst|whereas|although|because)\s/u;

/** Finds who a statement is about, by the nearest word for a woman or a man in its sentence. */
export class PersonFinder {
  private readonly regex: RegExp | null;
  private readonly sexOf = new Map<string, Sex>();
  private readonly relatives = new Set<string>();
  private readonly relativeBefore: RegExp | null;

  constructor(sections: PeopleWords[]) {
    const all: { word: string; sex: Sex }[] = [];
    for (const s of sections) {
      for (const sex of ['female', 'male'] as const) for (const word of s[sex] ?? []) all.push({ word, sex });
    }
    for (const { word, sex } of all) this.sexOf.set(key(word), sex);
    const relatives = sections.flatMap((s) => s.relatives ?? []);
    for (const r of relatives) this.relatives.add(key(r));
    // A relative's role just before a name renames it: "paternal uncle Shane Adams", "grandmother, Mrs Fraser".
    this.relativeBefore = relatives.length ? new RegExp(`(?<![\\p{L}\\p{N}_])(?:${relatives.map(termPattern).join('|')})[,\\s]+(?:[\\p{Lu}][\\p{L}'’-]*\\s+)?$`, 'iu') : null;
    const words = [...new Set(all.map((a) => a.word))].sort((a, b) => b.length - a.length);
    this.regex = words.length ? new RegExp(`(?<![\\p{L}\\p{N}_])(?:${words.map(termPattern).join('|')})(?![\\p{L}\\p{N}_])`, 'giu') : null;
  }

  /**
   * Who a statement (offsets in the record) is about: the last person word before it in its
   * sentence, else the first one in it or after it within its clause; null when there is none
   * (then the statement is taken to be about anyone).
   */
  find(sentence: Sentence, start: number, end: number): Person | null {
    if (!this.regex) return null;
    const from = start - sentence.start;
    const to = end - sentence.start;
    const rest = sentence.text.slice(to);
    const clauseEnd = to + (CLAUSE_END.exec(rest)?.index ?? rest.length);
    let before: Person | null = null;
    let after: Person | null = null;
    let titledEnd = -1;
    for (const m of allMatches(this.regex, sentence.text)) {
      const named = surnameAfter(m[0], sentence.text.slice(m.index! + m[0].length));
      const relative = this.relatives.has(key(m[0])) || (this.relativeBefore?.test(sentence.text.slice(Math.max(0, m.index! - 40), m.index!)) ?? false);
      const person: Person = { sex: this.sexOf.get(key(m[0])) ?? null, surname: named?.surname ?? null, relative, word: m[0] };
      if (named) person.name = `${m[0]} ${named.written}`;
      // "Mr Grant, the maternal grandfather, has…": the role in apposition is still Mr Grant.
      if (before?.surname && !person.surname && APPOSITION.test(sentence.text.slice(titledEnd, m.index!))) continue;
      if (named) titledEnd = m.index! + m[0].length + named.length;
      if (m.index! < from) before = person;
      else if (after === null && m.index! < clauseEnd) after = person;
    }
    return before ?? after;
  }
}

/** Two statements may be about the same person unless their sexes differ, their titled surnames do ("Mr Pike", "Mr Grant"), or one is a relative other than a parent and the other is not. */
export function samePerson(a: Person | null, b: Person | null): boolean {
  // A statement that names nobody is taken to be about a parent: it may match anyone but a named relative.
  if (!a || !b) return !(a ?? b)?.relative;
  if (a.sex && b.sex && a.sex !== b.sex) return false;
  if ((a.relative ?? false) !== (b.relative ?? false)) return false;
  return !a.surname || !b.surname || a.surname === b.surname;
}

/** The surname after a title ("Mr Reid's" → reid), and how many characters it took. */
function surnameAfter(word: string, rest: string): { surname: string; written: string; length: number } | null {
  if (!TITLES.has(word.toLowerCase())) return null;
  // The last of the capitalised words after the title: "Mrs Margaret Fraser" is Fraser.
  const m = /^\.?\s+(?:\p{Lu}[\p{L}-]*\s+(?=\p{Lu}))?(\p{Lu}[\p{L}-]*(?:['’](?!s(?![\p{L}]))[\p{L}]+)?)/u.exec(rest);
  return m ? { surname: m[1].toLowerCase(), written: m[1], length: m[0].length } : null;
}

function key(word: string): string {
  return word.toLowerCase().replace(/[-\s]+/g, '');
}
