import type { Check, Rule, RuleKind } from '../rule-kind.ts';
import type { CanonicalRecord } from '../../model/record.ts';
import type { FlagDraft } from '../../model/flag.ts';
import { asMessage, quote, written } from '../../model/quote.ts';
import { ageOn, formatUkDate } from '../../intake/dates.ts';
import { sentenceAt, splitSentences, type Sentence } from '../../reading/sentences.ts';
import {
  FORMS_SCHEMA,
  FormSet,
  type FormMatch,
  capitalised,
  firstName,
  everyMatch,
  formProblems,
  monthsOn,
  nameSource,
  perName,
  readNumber,
} from './subject-forms.ts';

/** A `subject-age` rule: ages the text gives the record's child, checked against subject_dob. */
export interface SubjectAgeRule extends Rule {
  forms: string[];
}

export const subjectAgeKind: RuleKind = {
  kind: 'subject-age',
  summary: 'Finds an age the text gives the record’s child ("Amy (7)", "Amy, aged 7") that disagrees with subject_dob on record_date.',
  properties: {
    forms: {
      ...FORMS_SCHEMA,
      description:
        'How an age is tied to the child: {name} is the subject’s first name, {years} or {months} the age. A form without {name} counts only after the subject’s name in the same sentence, with no other name between.',
    },
  },
  required: ['forms'],
  validate: (rule) => formProblems((rule as SubjectAgeRule).forms, 'forms', false),
  createCheck(rules) {
    return new SubjectAgeCheck(rules as SubjectAgeRule[]);
  },
};

class SubjectAgeCheck implements Check {
  private readonly forms: { rule: SubjectAgeRule; set: FormSet }[];
  /** The child's name anywhere in any case, spelled as a word in a form's name slot may spell it, and as compared with that word. */
  private readonly names = perName((name) => ({ mention: new RegExp(nameSource(name), 'iu'), spelled: spelledAnyCase(name), key: nameKey(name) }));
  /** The child's name as a whole word, for a form without a name (compiled only when one matches: its lookarounds are slow to compile). */
  private readonly wholeName = perName((name) => new RegExp(`(?<![\\p{L}\\p{N}_])${nameSource(name)}(?:['’]s)?(?![\\p{L}\\p{N}_])`, 'gu'));

  constructor(rules: SubjectAgeRule[]) {
    this.forms = rules.map((rule) => ({ rule, set: new FormSet(rule.forms) }));
  }

  record(record: CanonicalRecord): FlagDraft[] {
    const name = firstName(record.subject_name);
    if (!name || !record.subject_dob || record.record_date < record.subject_dob) return [];
    const drafts: FlagDraft[] = [];
    let seen: Set<number> | undefined;
    const text = record.text;
    const { mention, spelled, key } = this.names(name);
    const isName = (word: string) => capitalised(word) && nameKey(word) === key;
    let sentences: Sentence[] | undefined;
    const ours = (m: FormMatch) =>
      m.name !== undefined ? isName(m.name) : namedBefore(text, (sentences ??= splitSentences(text)), m.start, this.wholeName(name));
    // A form that starts with {name} is tried only after the child's name.
    const words =
      spelled &&
      everyMatch(spelled, text)
        .filter((m) => isName(m[0]))
        .map((m) => ({ start: m.index, end: m.index + m[0].length }));
    for (const { rule, set } of this.forms) {
      for (const m of set.matches(text, ours, set.starts(text, words ?? undefined))) {
        if (seen?.has(m.start)) continue;
        const stated =
          m.years !== undefined ? { n: readNumber(m.years), unit: 'years' } : m.months !== undefined ? { n: readNumber(m.months), unit: 'months' } : null;
        if (!stated) continue;
        const actual = stated.unit === 'years' ? ageOn(record.subject_dob, record.record_date) : monthsOn(record.subject_dob, record.record_date);
        if (stated.n === actual) continue;
        (seen ??= new Set()).add(m.start);
        drafts.push({
          rule,
          record,
          span: { start: m.start, end: m.end },
          ...asMessage(
            written`“${quote(m.text, record.record_id)}” gives the child's age as ${stated.n}${stated.unit === 'months' ? ' months' : ''}, but by subject_dob the child was ${describeAge(record.subject_dob, record.record_date, stated.unit)} on ${formatUkDate(record.record_date)}. ${rule.message}`,
          ),
          details: { stated_age: stated.n, unit: stated.unit, actual_age: actual },
        });
      }
    }
    // The child's name is in every age a form ties to them, with a name or (earlier in the
    // sentence) without one: a record that never names them has nothing to flag. (Asked last:
    // most records name the child, and few give an age.)
    return drafts.length > 0 && !mention.test(text) ? [] : drafts;
  }

  finish(): FlagDraft[] {
    return [];
  }
}

/**
 * The name's letters in any case, with or without a hyphen between any two: each word that a
 * form's name slot reads as the name ("Ellie-Mae", "EllieMae", "ELLIE-MAE"). Null for a name with
 * a combining dot above, which lower-casing (and so `nameKey`) joins to the letter before it.
 */
function spelledAnyCase(name: string): RegExp | null {
  const letters = [...name.replace(/[-\s]+/g, '')];
  if (!letters.length || name.includes('\u0307')) return null;
  return new RegExp(letters.map((c) => c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join('-?'), 'giu');
}

/** A name compared in any case, hyphens ignored ("Ellie-Mae" = "EllieMae"); the names and words compared here hold no spaces. */
function nameKey(name: string): string {
  return name.toLowerCase().replaceAll('-', '');
}

function describeAge(dob: string, on: string, unit: string): string {
  const years = ageOn(dob, on);
  if (unit === 'years' && years >= 1) return `${years}`;
  const months = monthsOn(dob, on);
  return `${months} month${months === 1 ? '' : 's'} old`;
}

/**
 * For a form with no name ("the 7-year-old"): the subject's first name stands earlier in the
 * same sentence, and no other capitalised word (another person, most likely) stands between.
 */
function namedBefore(text: string, sentences: Sentence[], at: number, name: RegExp): boolean {
  const s = sentences[sentenceAt(sentences, at)];
  const lead = text.slice(s.start, at);
  let last: RegExpExecArray | null = null;
  name.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = name.exec(lead)); ) last = m;
  if (!last) return false;
  const between = lead.slice(last.index + last[0].length);
  return !/(?<![\p{L}\p{N}_])\p{Lu}[\p{L}’'-]*/u.test(between.replace(/(?<![\p{L}\p{N}_])I(?![\p{L}\p{N}_])/gu, ''));
}
