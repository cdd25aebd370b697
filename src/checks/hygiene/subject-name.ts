import type { Check, Rule, RuleKind } from '../rule-kind.ts';
import type { CanonicalRecord } from '../../model/record.ts';
import type { FlagDraft } from '../../model/flag.ts';
import { asMessage, joinQuoted, quote, written } from '../../model/quote.ts';
import { FORMS_SCHEMA, FormSet, type FormMatch, capitalised, familyName, firstName, formProblems } from './subject-forms.ts';
import { append } from '../../model/lists.ts';
import { CaseReader, nameKey, type OtherChildWords } from './other-child.ts';
import { runSteps, STEP_ITEMS, type Steps } from '../../model/steps.ts';

/**
 * A `subject-name` rule: another child named as the one observed in a record. With `children:
 * export` (the default), a child the export has records about; with `children: any`, any first
 * name the case does not account for (other-child.ts), whether or not that child is in the export.
 */
export interface SubjectNameRule extends Rule, Partial<OtherChildWords> {
  forms: string[];
  surname_is_family?: boolean;
  children?: 'export' | 'any';
}

const wordList = (description: string) => ({ type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, description });

export const subjectNameKind: RuleKind = {
  kind: 'subject-name',
  scope: 'export',
  summary:
    'Finds another child (of the export, or with children: any anyone the case does not account for) named as the child observed ("Zofia (10) was seen alone") in a record about someone else.',
  properties: {
    forms: {
      ...FORMS_SCHEMA,
      description: 'Where a name stands as the child observed: {name} is another child’s first name; {years} and {months} may be used.',
    },
    surname_is_family: {
      type: 'boolean',
      description: 'Children with the same family name count as siblings (default true), as well as children in the same case.',
    },
    children: {
      enum: ['export', 'any'],
      description:
        'export (default): the name must be another child the export has records about. any: any capitalised word in the name slot that the case does not account for (a subject, an author, someone named with a role, or named in another record of the case); a place flagged by an export rule of this kind is not flagged again.',
    },
    roles: wordList(
      'With children: any, words for a role or relation (health visitor, brother, friend, cat, called): a name beside one anywhere in the case is someone the case knows.',
    ),
    reporting: wordList('With children: any, reporting verbs (said, told): a name after one in its sentence is in someone’s reported words, and not read.'),
    not_names: wordList('With children: any, capitalised words that are not first names here (Mum, Nursery, Today).'),
    cues: wordList(
      'With children: any, things of a child’s day (circle time, his toys, frightened of going home): a sentence that starts with a name and has one within cue_reach characters reads as about that child, as a form would.',
    ),
    cue_reach: {
      type: 'integer',
      minimum: 1,
      maximum: 200,
      description: 'How far after the name (characters, within its sentence) a cue may stand; default 80.',
    },
  },
  required: ['forms'],
  validate: (rule) => {
    const r = rule as SubjectNameRule;
    const problems = formProblems(r.forms, 'forms', true);
    if (r.children === 'any' && !r.roles?.length) problems.push({ key: 'roles', message: 'children: any needs roles' });
    if (r.children === 'any' && !r.reporting?.length) problems.push({ key: 'reporting', message: 'children: any needs reporting' });
    return problems;
  },
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
  /** The record's number in the run (for `children: any`: which record a plain mention came from). */
  index?: number;
}

/** What a case accounts for, for a `children: any` rule: names known outright, and where other names were mentioned. */
interface CaseKnows {
  known: Set<string>;
  /** A capitalised word's key → the one record that mentions it plainly, or -1 for more than one. */
  plain: Map<string, number>;
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
  /** For each `children: any` rule (null for the others): its reader and what each case knows. */
  private readonly any: ({ reader: CaseReader; cases: Map<string, CaseKnows> } | null)[];
  private n = 0;

  constructor(private readonly rules: SubjectNameRule[]) {
    this.forms = rules.map((r) => new FormSet(r.forms));
    this.candidates = rules.map(() => []);
    this.any = rules.map((r) => (r.children === 'any' ? { reader: new CaseReader(r as SubjectNameRule & OtherChildWords), cases: new Map() } : null));
  }

  record(record: CanonicalRecord): FlagDraft[] {
    return runSteps(this.recordInSteps(record));
  }

  /** record() in steps: one between passes over the text, and every few thousand places its forms try. */
  *recordInSteps(record: CanonicalRecord): Steps<FlagDraft[]> {
    const first = firstName(record.subject_name);
    if (first && record.subject_id) {
      let child = this.children.get(record.subject_id);
      if (!child)
        this.children.set(
          record.subject_id,
          (child = { subject_id: record.subject_id, name: record.subject_name!, first, family: familyName(record.subject_name), cases: new Set() }),
        );
      child.cases.add(record.case_id);
    }
    const index = this.n++;
    for (const [i, a] of this.any.entries()) if (a) yield* this.readAny(i, a, record, index);
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
    for (const [i, forms] of this.forms.entries()) {
      if (this.any[i]) continue;
      const matches: FormMatch[] = [];
      // Refuse every match so the search goes on from the next character: overlapping places
      // are all kept, and the final choice is made in finish() when the names are known.
      const keep = (m: FormMatch) => {
        if (possible(m)) matches.push(m);
      };
      const starts = forms.capitalisedStarts(record.text);
      yield;
      yield* forms.everyMatchInSteps(record.text, keep, starts);
      if (matches.length) this.candidates[i].push({ record, matches });
    }
    return [];
  }

  finish(): FlagDraft[] {
    const byFirst = new Map<string, Child[]>();
    for (const child of this.children.values()) byFirst.set(key(child.first), [...(byFirst.get(key(child.first)) ?? []), child]);
    const drafts: FlagDraft[] = [];
    this.rules.forEach((rule, i) => {
      if (this.any[i] || !byFirst.size) return;
      for (const c of this.candidates[i]) append(drafts, this.read(rule, byFirst, c));
    });
    // One finding per problem: a name an export rule has flagged in a record is not flagged again.
    const flagged = new Set(
      drafts.map(
        (d) =>
          `${d.record.record_id}|${d.record.source.path}|${d.record.source.line}|${key(d.record.text.slice(d.span!.start, d.span!.end).match(/^[\p{L}'’-]+/u)?.[0] ?? '')}`,
      ),
    );
    this.rules.forEach((rule, i) => {
      const a = this.any[i];
      if (!a) return;
      for (const c of this.candidates[i]) append(drafts, this.readUnknown(rule, a.cases, c, flagged));
    });
    return drafts;
  }

  /**
   * A `children: any` rule reads every record: what its case learns from it (its subject's and
   * author's names, names beside a role, plain mentions of capitalised words), and the places
   * where a form finds a child that may be someone the case does not know.
   */
  private *readAny(i: number, a: { reader: CaseReader; cases: Map<string, CaseKnows> }, record: CanonicalRecord, index: number): Steps<void> {
    let knows = a.cases.get(record.case_id);
    if (!knows) a.cases.set(record.case_id, (knows = { known: new Set(), plain: new Map() }));
    for (const w of (record.subject_name ?? '').split(/[\s,]+/)) if (w) knows.known.add(nameKey(w));
    const author = record.author?.trim().split(/\s+/)[0];
    if (author) knows.known.add(nameKey(author));
    const matches: FormMatch[] = [];
    // Known for good: a name the case knows, or mentions plainly in two records or more.
    const known = (k: string) => knows.known.has(k) || knows.plain.get(k) === -1;
    const keep = (m: FormMatch) => {
      if (capitalised(m.name ?? '') && !known(nameKey(m.name!)) && a.reader.possible(record, m)) matches.push(m);
    };
    const childAt = new Set<number>();
    // Only a capitalised word's place matters here (keep wants the word capitalised, and `read`
    // looks up only capitalised words in childAt), and every match is refused.
    const forms = this.forms[i];
    const starts = forms.capitalisedStarts(record.text);
    yield;
    yield* forms.everyMatchInSteps(
      record.text,
      (m) => {
        if (m.name) childAt.add(m.start);
        keep(m);
      },
      starts,
    );
    yield;
    let n = 0;
    for (const m of a.reader.cued(record.text)) {
      if (++n % STEP_ITEMS === 0) yield;
      childAt.add(m.start);
      keep(m);
    }
    yield;
    matches.sort((x, y) => x.start - y.start || y.end - x.end);
    const { roled, plain } = a.reader.read(record, childAt, known);
    yield;
    for (const k of roled) knows.known.add(k);
    for (const k of plain) {
      const at = knows.plain.get(k);
      knows.plain.set(k, at === undefined || at === index ? index : -1);
    }
    // A record with no subject name cannot be about someone else than its subject. What the case
    // knows only grows, so a name it already knows (a sibling, a role, a mention in an earlier
    // record) is dropped now rather than keeping the record to the end of the run.
    const siblings = this.namesByCase.get(record.case_id);
    const open = matches.filter((m) => {
      const k = nameKey(m.name!);
      const plain = knows.plain.get(k);
      return !knows.known.has(k) && !siblings?.has(key(m.name!)) && (plain === undefined || plain === index) && !endsHyphenatedName(record.text, m.start);
    });
    if (open.length && record.subject_name?.trim()) this.candidates[i].push({ record, matches: open, index });
  }

  private readUnknown(rule: SubjectNameRule, cases: Map<string, CaseKnows>, { record, matches, index }: Candidate, flagged: Set<string>): FlagDraft[] {
    const knows = cases.get(record.case_id)!;
    const siblings = this.namesByCase.get(record.case_id) ?? new Set<string>();
    const drafts: FlagDraft[] = [];
    const seen = new Set<string>();
    let resumeAt = 0;
    for (const m of matches) {
      if (m.start < resumeAt) continue;
      // (A name ending a hyphenated one was left out when the candidate was kept, in readAny.)
      const k = nameKey(m.name!);
      if (knows.known.has(k) || siblings.has(key(m.name!))) continue;
      const plain = knows.plain.get(k);
      if (plain !== undefined && plain !== index) continue;
      if (flagged.has(`${record.record_id}|${record.source.path}|${record.source.line}|${key(m.name!)}`)) continue;
      resumeAt = Math.max(m.end, m.start + 1);
      if (seen.has(k)) continue;
      seen.add(k);
      const subject = firstName(record.subject_name);
      drafts.push({
        rule,
        record,
        span: { start: m.start, end: m.end },
        ...asMessage(
          written`“${quote(m.text, record.record_id)}” reads as about a child, but “${quote(m.name!, record.record_id)}” is not this record's subject${subject ? written` (“${quote(subject, record.record_id)}”)` : ''}, a sibling in its case, or anyone else the case's records name (with a role, or in another record). It may be another child's information. ${rule.message}`,
        ),
      });
    }
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
      if (endsHyphenatedName(record.text, m.start)) continue;
      const children = byFirst.get(key(m.name!)) ?? [];
      if (!children.length || !children.every((c) => this.stranger(rule, record, c))) continue;
      resumeAt = Math.max(m.end, m.start + 1);
      if (seen.has(key(m.name!))) continue;
      seen.add(key(m.name!));
      // Another child's name as the export holds it: a name of no one record, so no record id.
      const who = joinQuoted(
        children.map((c) => written`“${quote(c.name)}” (case ${[...c.cases].join('/')})`),
        '; ',
      );
      drafts.push({
        rule,
        record,
        span: { start: m.start, end: m.end },
        ...asMessage(
          written`“${quote(m.text, record.record_id)}” describes as the child observed another child of this export, ${who}, who is neither this record's subject nor a sibling in its case. ${rule.message}`,
        ),
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

/** A name that starts right after a letter and a hyphen ends a hyphenated name ("Lee" of "Alfie-Lee"), not another child. */
function endsHyphenatedName(text: string, start: number): boolean {
  return /[\p{L}][-‐]$/u.test(text.slice(Math.max(0, start - 2), start));
}
