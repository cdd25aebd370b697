import type { Check, Rule, RuleKind } from '../rule-kind.ts';
import type { CanonicalRecord } from '../../intake/record.ts';
import type { FlagDraft } from '../../report/flag.ts';
import { splitSentences, type Sentence } from '../../text/sentences.ts';
import { capitalised, firstName, nameSource } from './subject-forms.ts';

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
  nounSource: string | null;
  others: Set<string>;
  ends: Set<string>;
}

function bySexMap(lists: BySex | undefined): Map<string, Sex> {
  const out = new Map<string, Sex>();
  for (const sex of ['male', 'female'] as const) for (const w of lists?.[sex] ?? []) out.set(w.toLowerCase(), sex);
  return out;
}

/** Pronouns that start a clause about someone else ("… and they said", "… and I saw"). */
const SUBJECTS = new Set(['i', 'we', 'they', 'you', 'it']);

/** A word, a quotation mark (the child's own words are not read), or punctuation that ends a clause. */
const TOKEN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|[“”"‘,;:()–—]/gu;

class SubjectGenderCheck implements Check {
  private readonly compiled: Compiled[];

  constructor(rules: SubjectGenderRule[]) {
    this.compiled = rules.map((rule) => {
      const noun = bySexMap(rule.nouns);
      return {
        rule,
        gender: bySexMap(rule.genders),
        pronoun: bySexMap(rule.pronouns),
        noun,
        nounSource: noun.size ? [...noun.keys()].sort((a, b) => b.length - a.length).map(nameSource).join('|') : null,
        others: new Set(rule.others.map((w) => w.toLowerCase())),
        ends: new Set((rule.clause_ends ?? []).map((w) => w.toLowerCase())),
      };
    });
  }

  record(record: CanonicalRecord): FlagDraft[] {
    const name = firstName(record.subject_name);
    if (!name || !record.subject_gender) return [];
    const drafts: FlagDraft[] = [];
    let sentences: Sentence[] | null = null;
    const nameRe = this.nameRegex(name);
    for (const c of this.compiled) {
      const sex = c.gender.get(record.subject_gender.toLowerCase());
      if (!sex) continue;
      sentences ??= splitSentences(record.text);
      const found = this.first(c, sentences, nameRe, sex);
      if (!found) continue;
      const { start, end, word } = found;
      const quoted = record.text.slice(start, end).replace(/\s+/g, ' ');
      drafts.push({
        rule: c.rule,
        record,
        span: { start, end },
        message: `“${quoted.length > 120 ? `…${quoted.slice(-60)}` : quoted}”: the child is recorded as ${sex} (subject_gender) but is called “${word}” here. ${c.rule.message}`,
      });
    }
    return drafts;
  }

  private readonly names = new Map<string, RegExp>();

  /** The child's first name as a whole word, any case (cached: exports hold many records per child). */
  private nameRegex(name: string): RegExp {
    let re = this.names.get(name);
    if (!re) this.names.set(name, (re = new RegExp(`(?<![\\p{L}\\p{N}_])${nameSource(name)}(?![\\p{L}\\p{N}_])`, 'giu')));
    return re;
  }

  /** The first place in the record where the child's name is followed, within its sentence, by a word for the other sex. */
  private first(c: Compiled, sentences: Sentence[], nameRe: RegExp, sex: Sex): { start: number; end: number; word: string } | null {
    for (const s of sentences) {
      for (const m of s.text.matchAll(nameRe)) {
        if (!capitalised(m[0])) continue;
        const after = m.index! + m[0].length;
        const rest = s.text.slice(after);
        const noun = c.nounSource ? describedAs(rest, c.nounSource) : null;
        if (noun) {
          const nounSex = c.noun.get(noun.word.toLowerCase());
          if (nounSex && nounSex !== sex) return { start: s.start + m.index!, end: s.start + after + noun.end, word: noun.word };
          continue;
        }
        if (!this.firstPerson(c, s.text.slice(0, m.index!))) continue;
        const pronoun = this.pronounAfter(c, rest, m[0]);
        if (pronoun && c.pronoun.get(pronoun.word.toLowerCase()) !== sex) {
          return { start: s.start + m.index!, end: s.start + after + pronoun.end, word: pronoun.word };
        }
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
    for (const t of lead.matchAll(TOKEN)) {
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
    for (const t of rest.slice(skip).matchAll(TOKEN)) {
      const word = t[0];
      const lower = word.toLowerCase();
      if (/^[“”"‘,;:()–—]$/.test(word)) return null;
      if (c.ends.has(lower)) {
        afterConjunction = true;
        continue;
      }
      if (c.pronoun.has(lower)) return afterConjunction ? null : { word, end: skip + t.index! + word.length };
      if (c.others.has(lower) || SUBJECTS.has(lower)) return null;
      if (capitalised(word) && word !== 'I' && lower !== name.toLowerCase()) return null;
      afterConjunction = false;
    }
    return null;
  }

  finish(): FlagDraft[] {
    return [];
  }
}

/** "<name> is a happy 6 year old boy", "<name> (7), a quiet girl": the noun the name is described by. */
function describedAs(rest: string, nouns: string): { word: string; end: number } | null {
  const re = new RegExp(`^(?:['’]s)?(?:\\s*\\([^)]{0,30}\\))?(?:,?\\s+(?:is|was)\\s+|,\\s+)(?:an?|the)\\s+(?:[\\p{L}\\p{N}-]+,?\\s+){0,4}?(${nouns})(?![\\p{L}\\p{N}_])`, 'iu');
  const m = re.exec(rest);
  return m ? { word: m[1], end: m[0].length } : null;
}
