import type { Check, Rule, RuleKind } from '../rule-kind.ts';
import type { CanonicalRecord } from '../../model/record.ts';
import type { FlagDraft } from '../../model/flag.ts';
import { FORMS_SCHEMA, FormSet, type FormMatch, capitalised, familyName, firstName, formProblems } from './subject-forms.ts';
import { append } from '../../model/lists.ts';

/** A `subject-name` rule: another child of the export named as the one observed in a record. */
export interface SubjectNameRule extends Rule {
  forms: string[];
  surname_is_family?: boolean;
}

export const subjectNameKind: RuleKind = {
  kind: 'subject-name',
  scope: 'export',
  summary: 'Finds another child of the export (not a sibling) named as the child observed ("Zofia (10) was seen alone") in a record about someone else.',
  properties: {
    forms: { ...FORMS_SCHEMA, description: 'Where a name stands as the child observed: {name} is another child’s first name; {years} and {months} may be used.' },
    surname_is_family: { type: 'boolean', description: 'Children with the same family name count as siblings (default true), as well as children in the same case.' },
  },
  required: ['forms'],
  validate: (rule) => formProblems((rule as SubjectNameRule).forms, 'forms', true),
  createCheck(rules) {
    return new SubjectNameCheck(rules as SubjectNameRule[]);
  },
};

/** A child the export has records about. */
interface Child {
  subject_id: string;
  name: string;
  first: string;
  family: string | null;
  cases: Set<string>;
}

/** A place where some capitalised word stands as the child observed, to be judged at the end. */
interface Candidate {
  record: CanonicalRecord;
  matches: FormMatch[];
}

/**
 * Needs the whole export: the names of the other children are known only once every record
 * has been read. While reading, each record's forms are matched with any capitalised word in
 * the name slot, and only the records with such a match are kept; at the end the words that
 * are another child's name are picked out. The cost per record does not grow with the number
 * of children in the export.
 */
class SubjectNameCheck implements Check {
  private readonly candidates: Candidate[][];
  private readonly forms: FormSet[];
  private readonly children = new Map<string, Child>();
  /** Each case's children's first names (keys), as seen so far. */
  private readonly namesByCase = new Map<string, Set<string>>();

  constructor(private readonly rules: SubjectNameRule[]) {
    this.forms = rules.map((r) => new FormSet(r.forms));
    this.candidates = rules.map(() => []);
  }

  record(record: CanonicalRecord): FlagDraft[] {
    const first = firstName(record.subject_name);
    if (first && record.subject_id) {
      let child = this.children.get(record.subject_id);
      if (!child) this.children.set(record.subject_id, (child = { subject_id: record.subject_id, name: record.subject_name!, first, family: familyName(record.subject_name), cases: new Set() }));
      child.cases.add(record.case_id);
    }
    if (!record.subject_name) return [];
    const own = first ? key(first) : null;
    let inCase = this.namesByCase.get(record.case_id);
    if (!inCase) this.namesByCase.set(record.case_id, (inCase = new Set()));
    if (own && record.subject_id) inCase.add(own);
    const known = inCase;
    // A name that can never be flagged is not kept: the record's own child's first name, or that
    // of a child already seen in this case (a sibling stays a sibling). Most matches are the
    // child's own name ("Jayden (7) was seen alone"), and a match kept keeps its whole record
    // until the end of the run.
    const possible = (m: FormMatch) => m.name !== undefined && capitalised(m.name) && key(m.name) !== own && !known.has(key(m.name));
    this.forms.forEach((forms, i) => {
      const matches: FormMatch[] = [];
      // Refuse every match so the search goes on from the next character: overlapping places
      // are all kept, and the final choice is made in finish() when the names are known.
      const keep = (m: FormMatch) => {
        if (possible(m)) matches.push(m);
        return false;
      };
      for (const _ of forms.matches(record.text, keep));
      if (matches.length) this.candidates[i].push({ record, matches });
    });
    return [];
  }

  finish(): FlagDraft[] {
    const byFirst = new Map<string, Child[]>();
    for (const child of this.children.values()) byFirst.set(key(child.first), [...(byFirst.get(key(child.first)) ?? []), child]);
    if (!byFirst.size) return [];
    const drafts: FlagDraft[] = [];
    this.rules.forEach((rule, i) => {
      for (const c of this.candidates[i]) append(drafts, this.read(rule, byFirst, c));
    });
    return drafts;
  }

  /** Is this child out of place in the record: not its subject, not of the same first name, not a sibling? */
  private stranger(rule: SubjectNameRule, record: CanonicalRecord, child: Child): boolean {
    if (child.subject_id === record.subject_id || key(child.first) === key(firstName(record.subject_name) ?? '')) return false;
    if (child.cases.has(record.case_id)) return false;
    const family = familyName(record.subject_name);
    return !(rule.surname_is_family !== false && family && child.family && key(child.family) === key(family));
  }

  private read(rule: SubjectNameRule, byFirst: Map<string, Child[]>, { record, matches }: Candidate): FlagDraft[] {
    const drafts: FlagDraft[] = [];
    const seen = new Set<string>();
    let resumeAt = 0;
    for (const m of matches) {
      if (m.start < resumeAt) continue;
      // "Lee" inside "Alfie-Lee" is the end of a hyphenated name, not another child.
      if (/[\p{L}][-‐]$/u.test(record.text.slice(Math.max(0, m.start - 2), m.start))) continue;
      const children = byFirst.get(key(m.name!)) ?? [];
      if (!children.length || !children.every((c) => this.stranger(rule, record, c))) continue;
      resumeAt = Math.max(m.end, m.start + 1);
      if (seen.has(key(m.name!))) continue;
      seen.add(key(m.name!));
      const who = children.map((c) => `“${c.name}” (case ${[...c.cases].join('/')})`).join('; ');
      drafts.push({
        rule,
        record,
        span: { start: m.start, end: m.end },
        message: `“${m.text}” describes as the child observed another child of this export, ${who}, who is neither this record's subject nor a sibling in its case. ${rule.message}`,
        details: { other_subject_ids: children.map((c) => c.subject_id) },
      });
    }
    return drafts;
  }
}

/** Names compared in any case, hyphens and spaces ignored ("Ellie-Mae" = "Ellie Mae"). */
function key(name: string): string {
  return name.toLowerCase().replace(/[-\s]+/g, '');
}
