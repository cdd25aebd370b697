import type { Check, CheckEnv, Rule, RuleKind, RuleProblem } from '../rule-kind.ts';
import type { CanonicalRecord, RecordPlace } from '../../model/record.ts';
import type { FlagDraft } from '../../model/flag.ts';
import { asMessage, joinQuoted, quote, type Part } from '../../model/quote.ts';
import { formatUkDate } from '../../intake/dates.ts';
import type { CompiledCues, Status } from '../../reading/assertion.ts';
import {
  EntryFinder,
  SpecFinder,
  WORDS_SCHEMA,
  compilePatternSpec,
  patternSpecProblems,
  patternSource,
  patternSpecSchema,
  wordEntries,
  type PatternSpec,
  type WordLists,
} from '../../reading/pattern-set.ts';
import { TextReader, sharedCues, type Span } from '../../reading/statements.ts';
import { excerpt } from '../../reading/sentences.ts';
import {
  GREETING,
  NameBook,
  PEOPLE_SECTION_SCHEMA,
  PersonFinder,
  PRONOUNS,
  professionalAccount,
  rolesIn,
  subjectNameBefore,
  type PeopleWords,
  type Person,
} from '../../reading/people.ts';
import { buildTimeline, compatible, staleClaims, type Found, type Role } from './chronology.ts';
import { FACT_SHEET, STALENESS_TIMELINE, type FactSheet, type StalenessTimeline } from '../../model/sections.ts';
import { FACT_SCHEMA, buildFactSheet, factProblems, type FactSpec, type RuleFacts } from './facts.ts';
import { clauseAround } from '../../reading/clause.ts';
import { TENSE_SECTION_SCHEMA, TenseReader, type TenseWords } from '../../reading/tense.ts';
import { statedDates } from '../../reading/stated-dates.ts';
import { textGates, type Gate, type TextGates } from '../../text/text-gates.ts';
import { RecordShelf } from '../../model/record-shelf.ts';
import { allMatches } from '../../text/terms.ts';

/** Where a statement must sit: one of these within its sentence, the two before or the one after. */
interface StatementSpec extends PatternSpec {
  near?: string[];
}

/** The event, and the words that name the old state: said not to be so, in any wording, they are the event too. */
interface EventSpec extends StatementSpec {
  negated?: string[];
}

/** Claims, and the words that name the old state as something someone has or does now. */
interface ClaimSpec extends StatementSpec {
  current?: string[];
}

/** A `staleness` rule: an event, and the claims that a record dated after it should no longer make. */
export interface StalenessRule extends Rule {
  event: EventSpec;
  claims: ClaimSpec;
  reversed_by?: StatementSpec;
  words?: WordLists;
  same?: string[];
  same_person?: boolean;
  finding?: string;
  fact?: FactSpec;
  /** Word lists a case extends with its own names: list → patterns with a {Name} slot ("{Name} parenting group"). */
  learn?: Record<string, string[]>;
}

/** The placeholders a `finding` template may use. */
export const FINDING_FIELDS = ['record_id', 'record_date', 'claim', 'event_record_id', 'event_date', 'event'] as const;
export const DEFAULT_FINDING = 'Record {record_id} ({record_date}) states “{claim}”, but record {event_record_id} ({event_date}) documents “{event}”.';

/** What the export says of a record beside its text: its author and type ("Dr Helen Price, Consultant Paediatrician · Clinic Letter"). */
const recordAbout = (record: CanonicalRecord) => [record.author, record.record_type].filter(Boolean).join(' · ');

/** The record's child's first name, lower-cased, if the export gives one. */
const childOf = (record: CanonicalRecord) => record.subject_name?.trim().split(/\s+/)[0]?.toLowerCase() || undefined;
/**
 * Whether the record's child is under ten on its date (the age of criminal responsibility): a
 * statement about an adult's matters (drug use, work, a conviction) is then never about them.
 */
const youngChild = (record: CanonicalRecord) => {
  if (!record.subject_dob) return false;
  const [y, m, d] = record.subject_dob.split('-').map(Number);
  const tenth = `${String(y + 10).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return record.record_date < tenth;
};

/** The line of a text that ends at `end`, from its start. */
const lineTo = (text: string, end: number) => text.slice(text.lastIndexOf('\n', end - 1) + 1, end);
/** A date that leads a line, as in a chronology ("05/09/2023 — …", "14 March 2023: …"). */
const LEADING_DATE = /^\s*(?:[-•*]\s*)?(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{4})(?=\s*[-–—:,]|\s)/;

/** A verb of saying straight after a pronoun: the pronoun reports the statement, it is not its subject. */
const REPORTING_AFTER =
  /^\s+(?:has |had |have )?(?:said|says|told|tells|confirmed|confirms|reported|reports|explained|explains|stated|states|advised|advises|wrote|writes|informed|informs|added|adds)\b/i;

/** A reversal that says the old state is back. */
const BACK = /\bagain\b|\brelaps|\bresum/i;
/**
 * …or that is new evidence of it (a positive result), or a decision that starts it now ("Decision:
 * … is subject to a child protection plan … from today"): any of these wins over a claim in the same words.
 */
const AGAIN = /\bagain\b|\brelaps|\bresum|\bpositive\b|\bconsistent with\b|\bfrom today\b|\bwith effect from\b|^decision\b/i;

/** Words that put a change in the future or in possibility: a topic and a state with one between them are no event (the state's own words may hold them: "no longer needs to be supervised"). */
const NOT_YET = /\b(?:can|could|may|might|would|should|will|shall|must|to be|going to|hope|hopes|hoping|expected to|due to be|in order to)\b|['’]ll\b/i;

/** A negation between a topic and its state: "the course was not completed", "the detox was never finished" is no event. */
const NOT_DONE = /\b(?:not|never|no longer|nor)\b|n['’]t\b/i;

/** Where a `learn:` pattern takes a case's own name for something ("{Name} parenting group"): its start or its end. */
export const NAME_SLOT = '{Name}';
/** Up to four words before (or after) what names them; which are capitalised is read after (nameOf), since patterns ignore case. */
const WORDS_BEFORE = /(?:[\p{L}\p{N}’'&-]+ ){0,3}[\p{L}\p{N}’'&-]+$/u;
const WORDS_AFTER = /^[\p{L}\p{N}’'&-]+(?: [\p{L}\p{N}’'&-]+){0,3}/u;
/** Words that open a noun phrase or describe it, not a name ("Weekly parenting group", "Their parenting course"). */
const NOT_A_NAME = new Set(
  'the a an this that these those our her his their my your its weekly daily monthly local new next each every both any another further first second final group course programme parenting parent parents'.split(
    ' ',
  ),
);

/**
 * The name in the words next to what a `learn:` pattern found: the capitalised words nearest it
 * ("to the Steady Steps" before "parenting group" → "Steady Steps"; after "known as", the first
 * ones). Two words at least, or one written as a name alone is written (an acronym, "DAPP", or a
 * word with a capital inside, "KidsFirst"); never a possessive.
 */
export function nameOf(words: string, side: 'before' | 'after' = 'before'): string | null {
  const all = words.split(' ');
  const capital = (w: string) => /^[\p{Lu}\p{N}]/u.test(w) && !/['’]s?$/.test(w);
  let name: string[];
  if (side === 'before') {
    let i = all.length;
    while (i > 0 && capital(all[i - 1])) i--;
    name = all.slice(i);
  } else {
    let i = 0;
    while (i < all.length && capital(all[i])) i++;
    name = all.slice(0, i);
  }
  while (name.length && NOT_A_NAME.has(name[0].toLowerCase())) name.shift();
  if (!name.length || name.some((w) => NOT_A_NAME.has(w.toLowerCase()))) return null;
  if (name.length === 1 && !/^\p{Lu}{3,}$/u.test(name[0]) && !/^\p{Lu}\p{Ll}+\p{Lu}/u.test(name[0])) return null;
  return name.join(' ');
}

/**
 * A rule's `learn:` patterns, compiled. The pattern without its slot is what is looked for (a
 * regex led by its own words, cheap to run), and the name is read from the words just before it
 * (slot first) or just after it (slot last), in a text its gate admits.
 */
function compileLearners(rule: StalenessRule, gates: TextGates): Learner[] {
  return Object.entries(rule.learn ?? {}).flatMap(([list, patterns]) =>
    patterns.map((p) => {
      const side = p.startsWith(NAME_SLOT) ? 'before' : 'after';
      const rest = patternSource(side === 'before' ? p.slice(NAME_SLOT.length) : p.slice(0, -NAME_SLOT.length), rule.words);
      const source = side === 'before' ? `(?:${rest})(?![\\p{L}\\p{N}])` : `(?<![\\p{L}\\p{N}])(?:${rest})`;
      return { list, side, regex: new RegExp(source, 'giu'), gate: gates.forSource(source) };
    }),
  );
}

interface Learner {
  list: string;
  /** Where the name stands: before what the regex finds, or after it. */
  side: 'before' | 'after';
  regex: RegExp;
  /** Admits only a text that holds the literal words the pattern needs ("parenting", "group"). */
  gate: Gate;
}

/** A rule's word lists with a case's own names added to them. */
function withNames(words: WordLists | undefined, learnt: Map<string, Set<string>>): WordLists {
  const out: WordLists = { ...words };
  for (const [list, names] of learnt) {
    const had = out[list];
    out[list] = Array.isArray(had) || !had ? [...(had ?? []), ...names] : { ...had, ...Object.fromEntries([...names].map((n) => [n, [n]])) };
  }
  return out;
}

/** "since 2019": a state that goes on, not a date in the past the statement is about. */
const SINCE = /\bsince\b[^,;.]*/gi;

/**
 * The sentence up to the end of a claim, from the start of the claim's own clause: the child a
 * claim is about is named in its clause, not in one before it ("Nicola continues to describe…,
 * and there remain concerns that Sophie's illness…" is about Sophie).
 */
function ownClauseTo(sentence: string, start: number, end: number): string {
  let from = 0;
  for (const m of sentence.slice(0, start).matchAll(/[;:]|,\s+(?:and|but|while|whereas|although)\s/g)) from = m.index! + m[0].length;
  return sentence.slice(from, end);
}

/** A nickname may be given here: a quoted name in brackets, or "known as". */
const NICKNAME_HINT = /\(["“'‘]\p{Lu}|\b(?:known as|aka)\s/u;

/** An event counts unless the writer negates or supposes it; a claim counts only as the writer's own. */
const EVENT_STATUSES: Status[] = ['asserted', 'evidenced', 'attributed'];
/** The old state said not to be so ("consistent with no use of cannabis", "no concerns of FII"). */
const DENIED_STATUSES: Status[] = ['negated', 'refuted'];
/** A denial held open for now ("no evidence at present of…", "not yet"): a first view, not the change itself. */
const PROVISIONAL = /\b(?:at present|at this (?:stage|time|point)|currently|yet|so far|to date|for now|at the moment|under review)\b/i;
const CLAIM_STATUSES: Status[] = ['asserted', 'evidenced'];
/** A possessive just before a claim: "her heavy drinking" takes the drinking as given in any frame. */
const POSSESSED = /(?:['’]s|\b(?:his|her|their))(?: (?:heavy|daily|regular|dependent|problematic|continued|ongoing|current))? $/i;
/**
 * Missing something just before a claim: "if Nina misses a methadone pick-up" supposes the missing,
 * not the pick-ups, which it takes as going on.
 */
const MISSED =
  /\b(?:miss|misses|missed|missing|skips?|skipped|fails? to (?:attend|collect|pick up|turn up (?:to|for|at))|does not (?:attend|collect)|doesn['’]t (?:attend|collect)) (?:a |an |the |any |one |her |his |their )?(?:\p{L}+ )?$/iu;

const near = {
  type: 'array',
  items: { type: 'string', minLength: 1 },
  minItems: 1,
  description: 'Terms (may use {name}); the statement counts only when one is in its sentence, the two before it or the one after it, in the same paragraph.',
};

export const stalenessKind: RuleKind = {
  kind: 'staleness',
  reportSections: [FACT_SHEET, STALENESS_TIMELINE],
  summary: 'Finds claims stated as current in a record dated after another record documents an event that makes them out of date.',
  properties: {
    event: patternSpecSchema('The superseding event (e.g. a parenting course completed); read as a fact unless negated or hypothetical.', {
      near,
      negated: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        minItems: 1,
        description:
          'Words that name the old state ("use of {substance}", "FII"): where the assertion engine reads them as negated or refuted, in any wording ("consistent with no use of cannabis", "there are no concerns of FII"), they are the event. `near` applies.',
      },
    }),
    claims: patternSpecSchema('Claims the event makes out of date, worded as the claim is made (include the negative: "has not engaged with…").', {
      near,
      current: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        minItems: 1,
        description:
          'Words that name the old state as something someone has or does ("{substance} use", "the foster carers", "his caution"; {name} stands for a word list): a claim where the sentence speaks of it as current (the `tense:` section: "Given Dad\'s drinking…", "…means he cannot", not "was").',
      },
    }),
    reversed_by: patternSpecSchema('Statements that make the claims true again after the event (a positive test, a return to care).', { near }),
    words: WORDS_SCHEMA,
    same: {
      type: 'array',
      items: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
      minItems: 1,
      uniqueItems: true,
      description: 'Word lists whose entry must be the same in the event and the claim (e.g. the diagnosis excluded and the diagnosis claimed).',
    },
    same_person: { type: 'boolean', description: 'The event and the claim must not name people of different sex (people: section), e.g. mother and father.' },
    finding: {
      type: 'string',
      minLength: 1,
      description: `How the finding is told, before the message. Placeholders: ${FINDING_FIELDS.map((f) => `{${f}}`).join(' ')}.`,
    },
    fact: FACT_SCHEMA,
    learn: {
      type: 'object',
      propertyNames: { pattern: '^[a-z][a-z0-9_]*$' },
      minProperties: 1,
      additionalProperties: { type: 'array', items: { type: 'string', minLength: 1, pattern: '\\{Name\\}' }, minItems: 1 },
      description:
        'Word lists a case extends with its own names: for each list, patterns with a {Name} slot at their start or end ("{Name} parenting group" learns "Steady Steps" from "the Steady Steps parenting group"). A name is the capitalised words (two or more, or an acronym) next to what the rest of the pattern finds; from then on the case\'s records are read with it in the list.',
    },
  },
  required: ['event', 'claims'],
  sections: [
    { key: 'people', schema: PEOPLE_SECTION_SCHEMA },
    { key: 'tense', schema: TENSE_SECTION_SCHEMA },
  ],
  validate(rule) {
    const r = rule as StalenessRule;
    const problems: RuleProblem[] = [];
    r.claims?.current?.forEach((t, i) =>
      problems.push(...patternSpecProblems({ terms: [t] }, `claims/current/${i}`, r.words, false).map((p) => ({ ...p, key: `claims/current/${i}` }))),
    );
    r.event?.negated?.forEach((t, i) =>
      problems.push(...patternSpecProblems({ terms: [t] }, `event/negated/${i}`, r.words, false).map((p) => ({ ...p, key: `event/negated/${i}` }))),
    );
    for (const key of ['event', 'claims', 'reversed_by'] as const) {
      const spec = r[key];
      problems.push(...patternSpecProblems(spec, key, r.words));
      spec?.near?.forEach((t, i) =>
        problems.push(...patternSpecProblems({ terms: [t] }, `${key}/near/${i}`, r.words, false).map((p) => ({ ...p, key: `${key}/near/${i}` }))),
      );
    }
    for (const [list, patterns] of Object.entries(r.learn ?? {})) {
      if (!r.words?.[list]) problems.push({ key: `learn/${list}`, message: `'${list}' is not one of the rule's word lists` });
      patterns.forEach((p, i) => {
        if (p.split(NAME_SLOT).length !== 2 || !(p.startsWith(NAME_SLOT) || p.endsWith(NAME_SLOT)))
          problems.push({ key: `learn/${list}/${i}`, message: `needs ${NAME_SLOT} once, at its start or its end` });
        else
          problems.push(
            ...patternSpecProblems({ patterns: [p.replace(NAME_SLOT, 'Name')] }, `learn/${list}/${i}`, r.words).map((q) => ({
              ...q,
              key: `learn/${list}/${i}`,
            })),
          );
      });
    }
    r.same?.forEach((name, i) => {
      if (!r.words?.[name]) problems.push({ key: `same/${i}`, message: `'${name}' is not one of the rule's word lists` });
    });
    for (const name of r.finding?.match(/\{[^}]*\}/g) ?? []) {
      if (!(FINDING_FIELDS as readonly string[]).includes(name.slice(1, -1)))
        problems.push({ key: 'finding', message: `${name} is not a finding placeholder (${FINDING_FIELDS.map((f) => `{${f}}`).join(', ')})` });
    }
    problems.push(...factProblems(r));
    return problems;
  },
  createCheck(rules, env) {
    return new StalenessCheck(rules as StalenessRule[], env);
  },
};

interface CompiledRule {
  rule: StalenessRule;
  regex: Record<Role, SpecFinder | null>;
  /** The claims' `current` words: a claim only where the sentence speaks of the present. */
  current: SpecFinder | null;
  /** The event's `negated` words: an event where they are read as negated or refuted. */
  denied: SpecFinder | null;
  near: Record<Role, RegExp | null>;
  entries: { name: string; finder: EntryFinder }[];
  /** Admit a record that could hold the event, a claim, a reversal or a `current` claim. */
  gate: Record<Role | 'current' | 'denied', Gate>;
  /** The rule's `learn:` patterns: names a case gives to what its word lists name. */
  learners: Learner[];
}

function compileRule(rule: StalenessRule, gates: TextGates): CompiledRule {
  const spec: Record<Role, StatementSpec | undefined> = { event: rule.event, claim: rule.claims, reversal: rule.reversed_by };
  const regex = {} as Record<Role, SpecFinder | null>;
  const nearRe = {} as Record<Role, RegExp | null>;
  const currentFinder = rule.claims.current ? new SpecFinder({ terms: rule.claims.current }, rule.words) : null;
  const deniedFinder = rule.event.negated ? new SpecFinder({ terms: rule.event.negated }, rule.words) : null;
  for (const role of ['event', 'claim', 'reversal'] as const) {
    const finder = new SpecFinder(spec[role], rule.words);
    regex[role] = finder.empty ? null : finder;
    nearRe[role] = spec[role]?.near ? compilePatternSpec({ terms: spec[role]!.near }, rule.words) : null;
  }
  return {
    rule,
    regex,
    current: currentFinder && !currentFinder.empty ? currentFinder : null,
    denied: deniedFinder && !deniedFinder.empty ? deniedFinder : null,
    near: nearRe,
    entries: (rule.same ?? []).map((name) => ({ name, finder: new EntryFinder(wordEntries(rule.words, name)) })),
    learners: compileLearners(rule, gates),
    gate: {
      event: gates.forSource(regex.event?.gateSource ?? null),
      claim: gates.forSource(regex.claim?.gateSource ?? null),
      current: gates.forSource(currentFinder?.gateSource ?? null),
      denied: gates.forSource(deniedFinder?.gateSource ?? null),
      reversal: gates.forSource(regex.reversal?.gateSource ?? null),
    },
  };
}

class StalenessCheck implements Check {
  private readonly rules: CompiledRule[];
  private readonly cues: CompiledCues;
  private readonly people: PersonFinder;
  private readonly tense: TenseReader;
  /** case → rule id → statements. */
  private readonly byCase = new Map<string, Map<string, Found[]>>();
  /** The records of the claims, deflated: one is needed again only to read its claim's status or flag it. */
  private readonly shelf: RecordShelf;
  /** case → what its records say about names (surnames of given names, nicknames). */
  private readonly names = new Map<string, NameBook>();
  private timelines: StalenessTimeline[] = [];
  private factSheets: FactSheet[] = [];
  private readonly gates: TextGates;
  /** case → rule id → word list → the names the case's records give ("Steady Steps" for a parenting programme). */
  private readonly learnt = new Map<string, Map<string, Map<string, Set<string>>>>();
  /** A rule compiled with a case's names, by rule id and names (cases that name the same programme share it). */
  private readonly withLearnt = new Map<string, CompiledRule>();

  constructor(
    rules: StalenessRule[],
    private readonly env: CheckEnv,
  ) {
    this.gates = textGates(env);
    this.rules = rules.map((rule) => compileRule(rule, this.gates));
    this.cues = sharedCues(env.sections);
    this.people = new PersonFinder((env.sections.people ?? []) as PeopleWords[]);
    this.tense = new TenseReader((env.sections.tense ?? []) as TenseWords[]);
    this.shelf = new RecordShelf(env.records);
  }

  record(record: CanonicalRecord, place?: RecordPlace): FlagDraft[] {
    let reader: TextReader | null = null;
    // Names are read from records that hold a statement about someone, and from any record that
    // gives a nickname ("Jessica ("Jess") Lowe", "known as Jess"), wherever in the case it stands.
    let namesRead = false;
    const readNames = () => {
      namesRead = true;
      let book = this.names.get(record.case_id);
      if (!book) this.names.set(record.case_id, (book = new NameBook()));
      book.add(record.text);
    };
    if (NICKNAME_HINT.test(record.text)) readNames();
    this.learnNames(record);
    for (const base of this.rules) {
      const c = this.forCase(record.case_id, base);
      const could = {
        event: c.gate.event.admits(record.text),
        claim: c.gate.claim.admits(record.text),
        reversal: c.gate.reversal.admits(record.text),
        current: c.current !== null && c.gate.current.admits(record.text),
        denied: c.denied !== null && c.gate.denied.admits(record.text),
      };
      if (!could.event && !could.claim && !could.reversal && !could.current && !could.denied) continue;
      reader ??= new TextReader(record.text, this.cues, true, recordAbout(record));
      // An event found by a topic and a state must say the change happened, not that it may or is
      // to ("cautions can sometimes be removed", "for the record to be deleted"), nor that it did
      // not ("the course was not completed").
      const events = could.event
        ? reader
            .statements(c.regex.event, c.near.event, true)
            .filter((s) => EVENT_STATUSES.includes(s.status) && !(s.paired && (NOT_YET.test(s.gap ?? s.text) || NOT_DONE.test(s.gap ?? ''))))
        : [];
      // The old state said not to be so, in whatever words the assertion engine reads as a negation.
      if (could.denied)
        for (const s of reader.statements(c.denied, c.near.event))
          if (DENIED_STATUSES.includes(s.status) && !PROVISIONAL.test(s.sentence.text) && !events.some((e) => e.start < s.end && s.start < e.end))
            events.push(s);
      events.sort((a, b) => a.start - b.start);
      // Claims are kept unread: their status is read in finish(), and only in a case where an event
      // of the rule came first, since no other claim can be stale (most are never read at all).
      // Claims found only by a word of the old state spoken of as current (`current`), the weakest
      // reading of a claim: a reversal's own words overrule them (below).
      const byWord = new Set<Span>();
      const claimed = [
        // A topic and a state say nothing of time: "when the family were living in one room" is history.
        ...(could.claim
          ? reader.spans(c.regex.claim, c.near.claim).filter((s) => !this.tense.past(s.sentence.text, s.start - s.sentence.start, s.end - s.sentence.start))
          : []),
        ...(could.current
          ? reader
              .spans(c.current, c.near.claim)
              .filter((s) =>
                this.tense.current(
                  s.sentence.text,
                  s.start - s.sentence.start,
                  s.end - s.sentence.start,
                  s.sentence.heading === undefined ? undefined : reader!.sentences[s.sentence.heading]?.text,
                ),
              )
              // A form's field that names the old state is a claim with its value ("Parental alcohol misuse: YES - mother drinking daily").
              .map((s) => {
                const value = this.tense.fieldValue(s.sentence.text, s.end - s.sentence.start);
                if (value === null) return s;
                const end =
                  s.sentence.start +
                  s.sentence.text
                    .slice(0, value)
                    .trimEnd()
                    .replace(/[.,]+$/, '').length;
                return { ...s, end, text: record.text.slice(s.start, end) };
              })
              .map((s) => {
                byWord.add(s);
                return s;
              })
          : []),
      ].sort((a, b) => a.start - b.start);
      // Words that read both as a claim and as a reversal ("was convicted of…") are a claim: the
      // auditor is shown them rather than have them silently make the claims current again.
      // (Unless the reversal says the old state is back: "is drinking again", "has relapsed"; nor
      // against a claim read only from a word of the old state: "Ellis is to become subject to a
      // child protection plan" puts the plan back in place.)
      // A reversal that says the state is back ("had started drinking again", "the relapse") needs
      // no `near` word: "again" and "relapse" already point back at the same state.
      const reversalHits = could.reversal ? reader.statements(c.regex.reversal, c.near.reversal, true) : [];
      if (could.reversal && c.near.reversal)
        for (const s of reader.statements(c.regex.reversal, null, true))
          if (BACK.test(s.text) && !reversalHits.some((f) => f.start === s.start)) reversalHits.push(s);
      const reversals = reversalHits.filter(
        (s) => EVENT_STATUSES.includes(s.status) && (AGAIN.test(s.text) || !claimed.some((k) => !byWord.has(k) && k.start < s.end && s.start < k.end)),
      );
      const claimedNow = claimed.filter((k) => !reversals.some((s) => (AGAIN.test(s.text) || byWord.has(k)) && k.start < s.end && s.start < k.end));
      // A claim that says the old state is back ("Finley's poor attendance is again a worry", "has
      // relapsed") is the writer reporting a reversal, not repeating what the event overtook.
      // (Said of the claim itself, within a few words: "…considered again" later in the clause is about something else.)
      const back = claimedNow.filter((k) => {
        const clause = clauseAround(k.sentence, k.start, k.end);
        return BACK.test(record.text.slice(k.start, Math.min(clause.end, k.end + 25)));
      });
      // A record that documents the event is up to date about it: its claims before the event and
      // in the event's own paragraphs are its history ("had not engaged until March, when she
      // completed it"). A claim in a later paragraph that states the old state as current again
      // contradicts the record's own event ("Updates: diagnosed with autism … Analysis: his
      // behaviour is the result of inconsistent boundaries").
      // Names matter only where a statement about someone was found.
      if (!namesRead && c.rule.same_person && (events.length || reversals.length || claimedNow.length)) readNames();
      const list = this.list(record.case_id, c.rule.id);
      const found = events.map((s) => this.found('event', s, record, c, reader!));
      // One record's event is about one person: "the PNC record has been amended and Mr Reid
      // has no convictions" names him once for both.
      const named = found.find((f) => f.person)?.person ?? null;
      const ownEvents = found.map((f, i) => ({ found: f.person ? f : { ...f, person: named }, paragraph: events[i].sentence.paragraph }));
      for (const e of ownEvents) list.push(e.found);
      for (const s of reversals) list.push(this.found('reversal', s, record, c, reader));
      for (const s of back) if (CLAIM_STATUSES.includes(reader.statusOf(s.start, s.end).status)) list.push(this.found('reversal', s, record, c, reader));
      // (Only the record's events about the same person: the mother's completed course does not
      // bring the father's claim in the same record up to date.)
      const names = this.names.get(record.case_id);
      for (const s of claimedNow.filter((k) => !back.includes(k))) {
        const claim = this.found('claim', s, record, c, reader, place);
        const own = ownEvents.filter((e) => compatible(e.found, claim, names));
        // (A claim in an earlier paragraph far from the record's own event is kept: it is stale
        // only where an earlier record documents the event, as the record's own does not count.)
        if (own.some((e) => s.sentence.paragraph >= e.paragraph && s.sentence.paragraph <= e.paragraph + 1)) continue;
        list.push(claim);
      }
    }
    return [];
  }

  /** Reads the names a record gives to what the rules' word lists name ("the Steady Steps parenting group"). */
  private learnNames(record: CanonicalRecord): void {
    for (const c of this.rules)
      for (const { list, side, regex, gate } of c.learners)
        for (const m of gate.admits(record.text) ? allMatches(regex, record.text) : []) {
          const next =
            side === 'before'
              ? WORDS_BEFORE.exec(record.text.slice(Math.max(0, m.index - 80), m.index))
              : WORDS_AFTER.exec(record.text.slice(m.index + m[0].length, m.index + m[0].length + 80));
          const name = next && nameOf(next[0], side);
          if (!name) continue;
          let rules = this.learnt.get(record.case_id);
          if (!rules) this.learnt.set(record.case_id, (rules = new Map()));
          let lists = rules.get(c.rule.id);
          if (!lists) rules.set(c.rule.id, (lists = new Map()));
          let names = lists.get(list);
          if (!names) lists.set(list, (names = new Set()));
          names.add(name);
        }
  }

  /** The rule as a case reads it: with the names its records have given, where they have given any. */
  private forCase(caseId: string, c: CompiledRule): CompiledRule {
    const lists = this.learnt.get(caseId)?.get(c.rule.id);
    if (!lists) return c;
    const key = [c.rule.id, ...[...lists].map(([list, names]) => `${list}=${[...names].sort().join('|')}`)].join('\u0000');
    let compiled = this.withLearnt.get(key);
    if (!compiled) this.withLearnt.set(key, (compiled = compileRule({ ...c.rule, words: withNames(c.rule.words, lists) }, this.gates)));
    return compiled;
  }

  private list(caseId: string, ruleId: string): Found[] {
    let rules = this.byCase.get(caseId);
    if (!rules) this.byCase.set(caseId, (rules = new Map()));
    let list = rules.get(ruleId);
    if (!list) rules.set(ruleId, (list = []));
    return list;
  }

  private found(role: Role, s: Span, record: CanonicalRecord, c: CompiledRule, reader: TextReader, place?: RecordPlace): Found {
    const clause = role === 'claim' ? clauseAround(s.sentence, s.start, s.end) : { start: s.start, end: s.end };
    return {
      role,
      record_id: record.record_id,
      record_date: record.record_date,
      recorded_at: record.recorded_at,
      start: clause.start,
      end: clause.end,
      // Kept by its place, the record is read again for the words and quote of the few statements
      // shown (flags, and timelines with --timeline); otherwise they are kept here.
      ...(place && this.env.records
        ? { shelved: this.shelf.put(record, place), ...(role !== 'claim' && { quoteAt: { start: s.sentence.start, end: s.sentence.end } }) }
        : {
            words: excerpt(s.text, 80),
            quote: role === 'claim' ? excerpt(record.text.slice(clause.start, clause.end), 160) : excerpt(s.sentence.text, 160),
          }),
      // A same_person rule is about the adults, unless it is about the child: the child's own first name is not who a statement about an adult is about.
      person: c.rule.same_person
        ? this.personOf(role, s, record, reader, c.rule.fact?.about === 'the child')
        : role === 'claim' && c.rule.fact?.about === 'the family'
          ? this.relativeOf(s, record)
          : null,
      ...(role === 'claim' && { sentenceStart: s.sentence.start }),
      ...(c.rule.fact?.about === 'the child' && {
        child:
          (role === 'claim' ? subjectNameBefore(ownClauseTo(s.sentence.text, s.start - s.sentence.start, s.end - s.sentence.start)) : null) ?? childOf(record),
      }),
      entries: Object.fromEntries(c.entries.map((e) => [e.name, e.finder.find(s.text)])),
      entrySets: Object.fromEntries(
        c.entries.map((e) => {
          const own = e.finder.findAll(s.text);
          if (own.length) return [e.name, own];
          if (role === 'claim') return [e.name, e.finder.findAll(record.text.slice(clause.start, clause.end))];
          // An event's sentence, else its paragraph: "…his conviction for possession with intent to
          // supply. … The Court quashed Mr Adeyemi's conviction."
          const inSentence = e.finder.findAll(s.sentence.text);
          const paragraph = () =>
            reader.sentences
              .filter((x) => x.paragraph === s.sentence.paragraph)
              .map((x) => x.text)
              .join(' ');
          return [e.name, inSentence.length ? inSentence : e.finder.findAll(paragraph())];
        }),
      ),
      // A reversal's date is any its line states; a claim's only one that leads its line, as in a
      // chronology ("05/09/2023 — hair strand test positive…"): "has a conviction for affray
      // arising from an incident in August 2022" is a claim about now.
      ...(role === 'reversal' && { stated: statedDates(lineTo(record.text, s.sentence.end).replace(SINCE, '')).pop() }),
      ...(role === 'claim' && { stated: statedDates(LEADING_DATE.exec(lineTo(record.text, s.sentence.end))?.[0] ?? '').pop() }),
      ...(role === 'claim' && { shelved: this.shelf.put(record, place), match: { start: s.start, end: s.end } }),
    };
  }

  /**
   * Who an event that names nobody in its sentence is about ("The PNC record has been amended and
   * the caution removed."): the person named last in the sentence before it, in the same
   * paragraph, else the one before that.
   */
  /**
   * Who a statement is about: the person its sentence names (see PersonFinder), else, for an
   * event, the person named last in the sentence before. A bare pronoun ("His bail and curfew
   * ended") is the person named last before it, in this paragraph, when their sexes agree.
   */
  private personOf(role: Role, s: Span, record: CanonicalRecord, reader: TextReader, aboutChild = false): Person | null {
    // (A rule about the child counts the child's own name: "Dean, confirming Kyle started at…" is about Kyle.)
    const found = this.people.find(s.sentence, s.start, s.end, aboutChild ? undefined : childOf(record));
    if (!found) return role === 'event' ? this.personAround(reader, s, aboutChild ? undefined : childOf(record)) : null;
    if (found.surname || found.given || !found.word || !PRONOUNS.has(found.word.toLowerCase())) return found;
    // Only a pronoun that is the statement's own subject or owner ("His bail … ended", "she completed…"),
    // not one further back in its sentence ("telling her that the case against Craig…").
    const lead = s.sentence.text.slice(0, s.start - s.sentence.start);
    const last = [...lead.matchAll(/\b(?:he|she|his|her|him|hers|himself|herself)\b/gi)].pop();
    const between = lead.slice(last ? last.index! + last[0].length : 0);
    // (Nor a pronoun that reports it: "She confirmed that the CPS discontinued the charge against Craig".)
    if (!last || (between.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) > 3 || REPORTING_AFTER.test(between)) return found;
    const before = this.personAround(reader, s, aboutChild ? undefined : childOf(record), !aboutChild && youngChild(record));
    return before && (before.surname || before.given) && (!before.sex || !found.sex || before.sex === found.sex)
      ? { ...before, sex: before.sex ?? found.sex }
      : found;
  }

  /** For a rule about the whole family, the relative a claim is about, if it names one ("her eldest son, Jordan (19), remains homeless"): someone else. */
  private relativeOf(s: Span, record: CanonicalRecord): Person | null {
    const found = this.people.find(s.sentence, s.start, s.end, childOf(record));
    return found?.relative ? found : null;
  }

  /** Who the sentences before a statement name last (`notGiven`: a given name to pass over, the child's for a statement about an adult). */
  private personAround(reader: TextReader, s: Span, notGiven?: string, neverChild = false): Person | null {
    const i = reader.sentences.indexOf(s.sentence);
    for (const j of [i - 1, i - 2]) {
      const prev = reader.sentences[j];
      if (!prev || prev.paragraph !== s.sentence.paragraph) break;
      const person = this.people.last(prev, notGiven);
      // (A young child named alone is not whom "his use of cocaine" is about: look further back.)
      if (person && neverChild && notGiven && person.given === notGiven) continue;
      if (person) return person;
    }
    // Else whoever the record's first sentence names, when it is a title naming one person
    // ("Results received from Marches Toxicology, … (Kerry Pritchard).").
    const first = reader.sentences[0];
    // A letter's "you" is whom it is written to ("Dear Ms Thomas, … I have discharged you from the service").
    const greeting = first && first !== s.sentence ? GREETING.exec(first.text) : null;
    if (greeting && /\b(?:you|your)\b/i.test(s.sentence.text)) {
      const to = this.people.last({ ...first, text: greeting[0] });
      if (to && (to.surname || to.given)) return to;
    }
    // (Not a letter's greeting otherwise: "Dear Mr Redfern," names whom it is written to; nor an
    // email's header, "From: DC Amrit Sandhu", which names who wrote it or to whom.)
    if (!first || first === s.sentence || first.text.length > 200 || /^\s*(?:Dear|Hi|Hello|From|To|Sent|Cc|Bcc)\b/i.test(first.text)) return null;
    const named = this.people.last(first);
    return named && (named.surname || named.given) ? named : null;
  }

  finish(): FlagDraft[] {
    const drafts: FlagDraft[] = [];
    const timelines: StalenessTimeline[] = [];
    const sheets: FactSheet[] = [];
    for (const [caseId, rules] of [...this.byCase].sort(([a], [b]) => a.localeCompare(b))) {
      const facts: RuleFacts[] = [];
      // In the packs' rule order, not the order each rule first read something in the case.
      for (const { rule } of this.rules) {
        const ruleId = rule.id;
        const all = rules.get(ruleId);
        if (!all?.some((f) => f.role === 'event')) continue;
        // Now read the claims' status: the writer's own (asserted or evidenced) only.
        const found = all.filter((f) => f.role !== 'claim' || this.claimed(f));
        const stale = staleClaims(found, this.names.get(caseId));
        for (const { claim, event } of stale)
          drafts.push(draftFor(rule, claim, event, this.shelf.get(claim.shelved!), this.quoteOf(claim), this.quoteOf(event)));
        // (Timelines are reported only with --timeline.)
        if (this.env.timeline && found.some((f) => f.role === 'event')) timelines.push(buildTimeline(caseId, ruleId, found, stale, (f) => this.wordsOf(f)));
        if (this.env.timeline && rule.fact) facts.push({ rule: ruleId, fact: rule.fact, found, stale });
      }
      const sheet = facts.length ? buildFactSheet(caseId, facts, this.names.get(caseId)) : null;
      if (sheet) sheets.push(sheet);
    }
    this.shelf.clearCache();
    this.factSheets = sheets;
    this.timelines = timelines.sort((a, b) => a.case_id.localeCompare(b.case_id) || a.rule.localeCompare(b.rule));
    return drafts;
  }

  private readers = new WeakMap<CanonicalRecord, TextReader>();

  /** A statement's words (for the timeline), kept or read again: its match, shortened. */
  private wordsOf(f: Found): string {
    if (f.words !== undefined) return f.words;
    const at = f.match ?? f;
    return excerpt(this.shelf.get(f.shelved!).text.slice(at.start, at.end), 80);
  }

  /** What a message quotes, kept or read again: a claim's clause, or an event's sentence, shortened. */
  private quoteOf(f: Found): string {
    if (f.quote !== undefined) return f.quote;
    const at = f.quoteAt ?? f;
    return excerpt(this.shelf.get(f.shelved!).text.slice(at.start, at.end), 160);
  }

  /**
   * Whether a claim is made: the writer's own statement (asserted or evidenced); or, inside a
   * supposition or plan ("Ruby will be safe from the impact of her mother's heavy drinking"), a
   * possessive noun phrase, which takes its content as given whatever frame it stands in.
   */
  private claimed(claim: Found): boolean {
    const { status, cueAt, cue } = this.statusOf(claim);
    if (CLAIM_STATUSES.includes(status)) return true;
    // A professional's account in minutes or a supervision note ("LD said…", "School: …") is what
    // the record says; someone's belief, or a family member's account, is theirs.
    if (status === 'attributed' && cueAt && cue && cueAt.end <= claim.match!.start) {
      const record = this.shelf.get(claim.shelved!);
      const text = record.text;
      // Who tells it: up to 40 characters before the cue, back to the start of its clause.
      const source =
        text
          .slice(Math.max(0, cueAt.start - 40), cueAt.start)
          .split(/[.;!?\n]|,\s/)
          .pop() ?? '';
      return professionalAccount(
        source.replace(/^.*\b(?:and|but|then)\s+/i, ''),
        text.slice(cueAt.start, cueAt.end),
        text.slice(cueAt.end, claim.match!.start),
        record.author,
        rolesIn(text),
        text.slice(Math.max(0, cueAt.start - 300), cueAt.start),
      );
    }
    if (status !== 'hypothetical') return false;
    const before = this.shelf.get(claim.shelved!).text.slice(Math.max(0, claim.match!.start - 40), claim.match!.start);
    return POSSESSED.test(before) || MISSED.test(before);
  }

  private statusOf(claim: Found): { status: Status; cue: string | null; cueAt?: { start: number; end: number } } {
    const record = this.shelf.get(claim.shelved!);
    let reader = this.readers.get(record);
    if (!reader) this.readers.set(record, (reader = new TextReader(record.text, this.cues, true, recordAbout(record))));
    return reader.statusOf(claim.match!.start, claim.match!.end);
  }

  sections(): Record<string, unknown[]> {
    return this.env.timeline ? { [FACT_SHEET.key]: this.factSheets, [STALENESS_TIMELINE.key]: this.timelines } : {};
  }
}

function draftFor(rule: StalenessRule, claim: Found, event: Found, record: CanonicalRecord, claimQuote: string, eventQuote: string): FlagDraft {
  // The claim and the event are the records' words: quotes, wherever the template puts them.
  const values: Record<string, Part> = {
    record_id: claim.record_id,
    record_date: formatUkDate(claim.record_date),
    claim: quote(claimQuote, claim.record_id),
    event_record_id: event.record_id,
    event_date: formatUkDate(event.record_date),
    event: quote(eventQuote, event.record_id),
  };
  const parts: Part[] = [];
  const template = rule.finding ?? DEFAULT_FINDING;
  let at = 0;
  for (const m of template.matchAll(/\{([a-z_]+)\}/g)) {
    parts.push(template.slice(at, m.index), Object.hasOwn(values, m[1]) ? values[m[1]] : m[0]);
    at = m.index + m[0].length;
  }
  parts.push(template.slice(at), ` ${rule.message}`);
  return {
    rule,
    record,
    span: { start: claim.start, end: claim.end },
    ...asMessage(joinQuoted(parts)),
    related_record_ids: [event.record_id],
  };
}
