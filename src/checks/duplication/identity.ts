/**
 * Whether a copied passage still describes the child of the record it was copied from: the
 * other child's first name, an age that is theirs and not this child's, or pronouns of their
 * gender after this child's name ("Josh said she…").
 */
import type { CanonicalRecord } from '../../model/record.ts';
import { ageOn } from '../../intake/dates.ts';
import { FEMALE_PRONOUNS, MALE_PRONOUNS, NUMBER_WORDS, type Tokens } from './tokens.ts';

export interface IdentityEvidence {
  /** The source child's first name, as written in this record. */
  names: string[];
  /** Ages stated in the passage that are the source child's and not this child's. */
  ages: number[];
  /** Pronouns after this child's name that are of the source child's gender and not this child's. */
  pronouns: string[];
}

export interface Subject {
  name: string | null;
  /** First name, lower-cased. */
  first: string | null;
  /** First name as the export writes it (`Ellie-Mae`). */
  firstWritten: string | null;
  age: number | null;
  gender: 'male' | 'female' | null;
}

/** The record's subject, with the age on the record's own date. */
export function subjectOf(record: CanonicalRecord): Subject {
  const gender = record.subject_gender === 'male' || record.subject_gender === 'female' ? record.subject_gender : null;
  const age = record.subject_dob && /^\d{4}-\d{2}-\d{2}$/.test(record.subject_dob) ? ageOn(record.subject_dob, record.record_date) : null;
  const first = record.subject_name?.match(/[\p{L}\p{N}]{2,}/u)?.[0].toLowerCase() ?? null;
  const firstWritten =
    record.subject_name
      ?.trim()
      .split(/\s+/)[0]
      .replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '') || null;
  return { name: record.subject_name, first, firstWritten, age: age !== null && age >= 0 ? age : null, gender };
}

/** True when the two records are known to be about different people. */
export function differentSubjects(a: CanonicalRecord, b: CanonicalRecord): boolean {
  if (a.subject_id && b.subject_id) return a.subject_id !== b.subject_id;
  if (a.subject_name && b.subject_name) return a.subject_name.trim().toLowerCase() !== b.subject_name.trim().toLowerCase();
  return false;
}

const PERSON_WORDS = new Set([
  'mum',
  'mother',
  'dad',
  'father',
  'nan',
  'nana',
  'gran',
  'grandma',
  'grandmother',
  'grandad',
  'grandfather',
  'brother',
  'sister',
  'stepfather',
  'stepmother',
  'stepdad',
  'stepmum',
  'partner',
  'aunt',
  'auntie',
  'uncle',
  'cousin',
  'teacher',
  'officer',
  'worker',
  'carer',
  'friend',
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'pc',
]);
/** Capitalised words that often open a sentence and do not name anyone. */
const OPENERS = new Set([
  'the',
  'a',
  'an',
  'it',
  'they',
  'we',
  'i',
  'this',
  'that',
  'there',
  'when',
  'then',
  'on',
  'in',
  'at',
  'during',
  'after',
  'before',
  'later',
  'also',
  'both',
  'all',
]);
/** Words after the child's name that a pronoun referring to the child may follow. */
const PRONOUN_REACH = 12;

export interface Range {
  from: number;
  to: number;
}

/**
 * The evidence that this (target) record's copied passage describes the source record's
 * subject rather than this record's; null when there is none. `passage` is the flagged span;
 * `aligned` is all that matched the source, boilerplate and stray words included, since a
 * stock sentence such as "Amy (7) was seen alone" still names the child it was written about.
 * This child being named in the passage means the name was changed: the other child's name
 * then is no evidence, though an age or pronoun left unchanged still is. (A source passage that
 * names this child too is about both children, and is not looked at: see check.ts.)
 */
export function identityEvidence(text: string, tokens: Tokens, passage: Range, aligned: Range, own: Subject, source: Subject): IdentityEvidence | null {
  // A changed name is not part of a match at its very ends, so the words just outside count too.
  const from = Math.max(0, Math.min(aligned.from, passage.from) - 1);
  const to = Math.min(tokens.starts.length, Math.max(aligned.to, passage.to) + 1);
  const words = wordsOf(text, tokens, from, to);
  const lower = words.map((w) => w.toLowerCase());
  const names =
    source.first && source.first !== own.first && !namesChild(wordsOf(text, tokens, passage.from, passage.to), own.first) && namesChild(words, source.first)
      ? [written(text, tokens, from, to, source)]
      : [];
  const stated = statedAges(text, tokens, from, to);
  const ages =
    source.age !== null && own.age !== null && source.age !== own.age && stated.includes(source.age) && !stated.includes(own.age) ? [source.age] : [];
  // Pronouns after this child's name, or after the other child's name when this child is not named.
  const anchors = [own.first, ...(names.length ? [source.first] : [])].filter((a): a is string => !!a);
  const pronouns = own.gender && source.gender && own.gender !== source.gender ? childPronouns(words, lower, anchors, source.gender, own.gender) : [];
  return names.length || ages.length || pronouns.length ? { names, ages, pronouns } : null;
}

/** True when one of the words is the child's first name, capitalised. */
export function namesChild(words: string[], first: string | null): boolean {
  return !!first && words.some((w) => w.toLowerCase() === first && /^\p{Lu}/u.test(w));
}

/** The words of a token range. */
export function wordsOf(text: string, tokens: Tokens, from: number, to: number): string[] {
  const words: string[] = [];
  for (let i = from; i < to; i++) words.push(text.slice(tokens.starts[i], tokens.ends[i]));
  return words;
}

/** The subject's first name as this passage writes it: whole (`Ellie-Mae`) when it is there whole. */
function written(text: string, tokens: Tokens, from: number, to: number, subject: Subject): string {
  const passage = text.slice(tokens.starts[from], tokens.ends[to - 1]);
  if (subject.firstWritten && passage.toLowerCase().includes(subject.firstWritten.toLowerCase())) {
    const at = passage.toLowerCase().indexOf(subject.firstWritten.toLowerCase());
    return passage.slice(at, at + subject.firstWritten.length);
  }
  return wordsOf(text, tokens, from, to).find((w) => w.toLowerCase() === subject.first)!;
}

/** Ages written as "Amy (7)", "aged 7", "age 7", "7 years old", "seven-year-old". */
function statedAges(text: string, tokens: Tokens, from: number, to: number): number[] {
  const word = (i: number) => (i >= from && i < to ? text.slice(tokens.starts[i], tokens.ends[i]).toLowerCase() : '');
  const ages: number[] = [];
  for (let i = from; i < to; i++) {
    const value = /^\d{1,2}$/.test(word(i)) ? Number(word(i)) : NUMBER_WORDS.get(word(i));
    if (value === undefined) continue;
    const bracketed =
      /\(\s*$/.test(text.slice(Math.max(0, tokens.starts[i] - 3), tokens.starts[i])) && /^\s*\)/.test(text.slice(tokens.ends[i], tokens.ends[i] + 3));
    const aged = word(i - 1) === 'aged' || word(i - 1) === 'age' || (word(i - 1) === 'of' && word(i - 2) === 'age');
    const yearsOld = /^(year|years|yr|yrs)$/.test(word(i + 1)) && word(i + 2) === 'old';
    if (bracketed || aged || yearsOld) ages.push(value);
  }
  return ages;
}

/** Pronouns that follow one of the anchor names (before anyone else is named) and fit the other gender only. */
function childPronouns(words: string[], lower: string[], anchors: string[], sourceGender: string, ownGender: string): string[] {
  const found = { male: new Set<string>(), female: new Set<string>() };
  lower.forEach((w, i) => {
    if (!anchors.includes(w)) return;
    for (let j = i + 1; j < Math.min(lower.length, i + 1 + PRONOUN_REACH); j++) {
      if (MALE_PRONOUNS.has(lower[j]) || FEMALE_PRONOUNS.has(lower[j])) {
        found[MALE_PRONOUNS.has(lower[j]) ? 'male' : 'female'].add(lower[j]);
        break;
      }
      const someoneElse = /^\p{Lu}/u.test(words[j]) && !anchors.includes(lower[j]) && !OPENERS.has(lower[j]);
      if (PERSON_WORDS.has(lower[j]) || someoneElse) break;
    }
  });
  return found[ownGender as 'male' | 'female'].size ? [] : [...found[sourceGender as 'male' | 'female']];
}
