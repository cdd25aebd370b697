import type { Check, Rule, RuleKind } from '../rule-kind.ts';
import type { CanonicalRecord } from '../../intake/record.ts';
import type { FlagDraft } from '../../report/flag.ts';
import { ageOn, formatUkDate } from '../../intake/dates.ts';
import { sentenceAt, splitSentences } from '../../text/sentences.ts';
import { FORMS_SCHEMA, FormSet, type FormMatch, capitalised, firstName, formProblems, monthsOn, nameSource, readNumber } from './subject-forms.ts';

/** A `subject-age` rule: ages the text gives the record's child, checked against subject_dob. */
export interface SubjectAgeRule extends Rule {
  forms: string[];
}

export const subjectAgeKind: RuleKind = {
  kind: 'subject-age',
  summary: 'Finds an age the text gives the record’s child ("Amy (7)", "Amy, aged 7") that disagrees with subject_dob on record_date.',
  properties: {
    forms: { ...FORMS_SCHEMA, description: 'How an age is tied to the child: {name} is the subject’s first name, {years} or {months} the age. A form without {name} counts only after the subject’s name in the same sentence, with no other name between.' },
  },
  required: ['forms'],
  validate: (rule) => formProblems((rule as SubjectAgeRule).forms, 'forms', false),
  createCheck(rules) {
    return new SubjectAgeCheck(rules as SubjectAgeRule[]);
  },
};

/**
 * Any capitalised word, hyphenated parts included ("Ellie-Mae"): forms are compiled once with it
 * for {name}, and a match counts only when the word is the record's child's first name.
 */
const ANY_NAME = "\\p{Lu}[\\p{L}'’]*(?:-\\p{L}[\\p{L}'’]*)*";

class SubjectAgeCheck implements Check {
  private readonly forms: { rule: SubjectAgeRule; set: FormSet }[];

  constructor(rules: SubjectAgeRule[]) {
    this.forms = rules.map((rule) => ({ rule, set: new FormSet(rule.forms, ANY_NAME) }));
  }

  record(record: CanonicalRecord): FlagDraft[] {
    const name = firstName(record.subject_name);
    if (!name || !record.subject_dob || record.record_date < record.subject_dob) return [];
    const drafts: FlagDraft[] = [];
    const seen = new Set<number>();
    // The child's name is in every age a form ties to them, with a name or (earlier in the
    // sentence) without one: a record that never names them has nothing to read.
    if (!new RegExp(nameSource(name), 'iu').test(record.text)) return [];
    for (const { rule, set } of this.forms) {
      const ours = (m: FormMatch) => (m.name !== undefined ? capitalised(m.name) && nameKey(m.name) === nameKey(name) : namedBefore(record.text, m.start, name));
      for (const m of set.matches(record.text, ours)) {
        if (seen.has(m.start)) continue;
        const stated = m.years !== undefined ? { n: readNumber(m.years), unit: 'years' } : m.months !== undefined ? { n: readNumber(m.months), unit: 'months' } : null;
        if (!stated) continue;
        const actual = stated.unit === 'years' ? ageOn(record.subject_dob, record.record_date) : monthsOn(record.subject_dob, record.record_date);
        if (stated.n === actual) continue;
        seen.add(m.start);
        drafts.push({
          rule,
          record,
          span: { start: m.start, end: m.end },
          message: `“${m.text}” gives the child's age as ${stated.n}${stated.unit === 'months' ? ' months' : ''}, but by subject_dob the child was ${describeAge(record.subject_dob, record.record_date, stated.unit)} on ${formatUkDate(record.record_date)}. ${rule.message}`,
          details: { stated_age: stated.n, unit: stated.unit, actual_age: actual },
        });
      }
    }
    return drafts;
  }

  finish(): FlagDraft[] {
    return [];
  }
}

function nameKey(name: string): string {
  return name.toLowerCase().replace(/[-\s]+/g, '');
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
function namedBefore(text: string, at: number, name: string): boolean {
  const sentences = splitSentences(text);
  const s = sentences[sentenceAt(sentences, at)];
  const lead = text.slice(s.start, at);
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])${nameSource(name)}(?:['’]s)?(?![\\p{L}\\p{N}_])`, 'gu');
  const hits = [...lead.matchAll(re)];
  if (!hits.length) return false;
  const last = hits[hits.length - 1];
  const between = lead.slice(last.index! + last[0].length);
  return !/(?<![\p{L}\p{N}_])\p{Lu}[\p{L}’'-]*/u.test(between.replace(/(?<![\p{L}\p{N}_])I(?![\p{L}\p{N}_])/gu, ''));
}
