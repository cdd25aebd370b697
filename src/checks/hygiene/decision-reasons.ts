import type { Check, CheckEnv, Rule, RuleKind, RuleProblem } from '../rule-kind.ts';
import type { CanonicalRecord } from '../../model/record.ts';
import type { FlagDraft } from '../../model/flag.ts';
import { asMessage, quote, written } from '../../model/quote.ts';
import type { CompiledCues, Status } from '../../reading/assertion.ts';
import { compilePatternSpec, patternSpecProblems, patternSpecSchema, type PatternSpec } from '../../reading/pattern-set.ts';
import { TextReader, sharedCues } from '../../reading/statements.ts';
import { excerpt, sentenceAt } from '../../reading/sentences.ts';
import { textGates, type Gate } from '../../text/text-gates.ts';
import { matches, termPattern } from '../../text/terms.ts';

/** A `decision-reasons` rule: a record of a decision must say why it was made. */
export interface DecisionReasonsRule extends Rule {
  decision_types?: string[];
  decision?: PatternSpec;
  reasons: PatternSpec;
  /** Connectives whose reason comes before them ("…was negative, so testing will stop"). */
  consequences?: PatternSpec;
  /** Words that say nothing specific ("the concerns", "as above", "best interests"): a reason made only of these is empty. */
  empty_words?: string[];
  /** How many specific words a reason needs (default 2). */
  reason_min_words?: number;
  /** Wording of a finding or a change of circumstances ("results were negative", "confirmed"): a sentence of its own that gives a reason without a connective. */
  facts?: PatternSpec;
  /** Wording of how the decision was made, recorded or passed on ("taken into account", "explained to the family", "see the minutes"): a sentence or clause with it states no circumstance of the case. */
  process?: PatternSpec;
  /** Wording of a sentence about the record itself ("this note was entered late"): its reasons are the record's, not the decision's. */
  asides?: PatternSpec;
  /** Words that point elsewhere for the reasons ("see", "refer to", "as per"): a reason that starts with one is empty. */
  pointers?: string[];
}

/**
 * The assertion cues are written for labels, where "… has resolved" or "NFA" after a mention
 * negates it; here they would unmake "Decision: NFA" and "Reasons: … have resolved". So a
 * decision counts unless it is only supposed ("if it is agreed to close…") or denied just before
 * ("no decision was made to close"), and reasons count unless denied just before ("no reasons").
 */
const SUPPOSED: Status[] = ['hypothetical'];
const DENIED_BEFORE = /(?<![\p{L}\p{N}_])(?:no|not|without|nor|never)(?:\s+(?:any|a|an|the|clear|recorded|written))?\s*$/iu;

function denied(text: string, start: number): boolean {
  return DENIED_BEFORE.test(text.slice(Math.max(0, start - 30), start));
}

export const decisionReasonsKind: RuleKind = {
  kind: 'decision-reasons',
  summary: 'Finds records of a decision (by record type or wording) that give no reasons for it.',
  properties: {
    decision_types: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      minItems: 1,
      description: 'record_type values that are records of a decision (any case, spacing and punctuation).',
    },
    decision: patternSpecSchema('Wording that states a decision in a record of any type ("Decision:", "agreed to close").'),
    reasons: patternSpecSchema('Wording that gives reasons ("because", "due to", "Reasons:"); the words after it, to the end of its clause, are the reason.'),
    consequences: patternSpecSchema('Connectives whose reason comes before them in the sentence (", so", "therefore").'),
    empty_words: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      minItems: 1,
      description: 'Words that say nothing specific ("concerns", "above", "appropriate"): a reason of only these (and common words) is empty.',
    },
    reason_min_words: { type: 'integer', minimum: 1, maximum: 20, description: 'How many specific words a reason needs (default 2).' },
    facts: patternSpecSchema(
      'Wording of a finding or a change (“results were negative”, “confirmed”): a sentence of its own with this and specific words gives a reason without a connective.',
    ),
    process: patternSpecSchema(
      'Wording of how the decision was made, recorded or passed on (“taken into account”, “explained to the family”): a sentence with it states no circumstance of the case.',
    ),
    asides: patternSpecSchema('Wording of a sentence about the record itself (“this note was entered late”): reasons in it are not the decision’s.'),
    pointers: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      minItems: 1,
      description: 'Words that send the reader elsewhere for the reasons (“see”, “refer to”, “as per”): a reason that starts with one is empty.',
    },
  },
  required: ['reasons'],
  validate(rule) {
    const r = rule as DecisionReasonsRule;
    const problems: RuleProblem[] = [
      ...patternSpecProblems(r.decision, 'decision'),
      ...patternSpecProblems(r.reasons, 'reasons'),
      ...patternSpecProblems(r.consequences, 'consequences'),
      ...patternSpecProblems(r.facts, 'facts'),
      ...patternSpecProblems(r.process, 'process'),
      ...patternSpecProblems(r.asides, 'asides'),
    ];
    if (!r.decision_types && !r.decision) problems.push({ key: 'decision', message: 'a decision-reasons rule needs decision_types or decision' });
    return problems;
  },
  createCheck(rules, env) {
    return new DecisionReasonsCheck(rules as DecisionReasonsRule[], env);
  },
};

interface Compiled {
  rule: DecisionReasonsRule;
  types: Set<string>;
  decision: RegExp | null;
  /** Admits a record that could state a decision in words. */
  decisionGate: Gate;
  reasons: RegExp | null;
  consequences: RegExp | null;
  facts: RegExp | null;
  process: RegExp | null;
  asides: RegExp | null;
  pointers: RegExp | null;
  empty: Set<string>;
  minWords: number;
}

class DecisionReasonsCheck implements Check {
  private readonly compiled: Compiled[];
  private readonly cues: CompiledCues;

  constructor(rules: DecisionReasonsRule[], env: CheckEnv) {
    this.cues = sharedCues(env.sections);
    const gates = textGates(env);
    this.compiled = rules.map((rule) => {
      const decision = compilePatternSpec(rule.decision);
      return {
        rule,
        types: new Set((rule.decision_types ?? []).map(typeKey)),
        decision,
        decisionGate: gates.forRegex(decision),
        reasons: compilePatternSpec(rule.reasons),
        consequences: compilePatternSpec(rule.consequences),
        facts: compilePatternSpec(rule.facts),
        process: compilePatternSpec(rule.process),
        asides: compilePatternSpec(rule.asides),
        pointers: rule.pointers?.length
          ? new RegExp(`^[\\s(“"‘'–—:-]*(?:please\\s+)?(?:${rule.pointers.map(termPattern).join('|')})(?![\\p{L}\\p{N}_])`, 'iu')
          : null,
        empty: new Set((rule.empty_words ?? []).map((w) => w.toLowerCase())),
        minWords: rule.reason_min_words ?? 2,
      };
    });
  }

  record(record: CanonicalRecord): FlagDraft[] {
    const drafts: FlagDraft[] = [];
    let reader: TextReader | null = null;
    for (const c of this.compiled) {
      const { rule, types, decision, decisionGate } = c;
      const byType = record.record_type !== null && types.has(typeKey(record.record_type));
      const could = decisionGate.admits(record.text);
      if (!byType && !could) continue;
      reader ??= new TextReader(record.text, this.cues);
      const stated = (could ? reader.statements(decision) : []).filter((s) => !SUPPOSED.includes(s.status) && !denied(record.text, s.start));
      if (!byType && !stated.length) continue;
      // A record of a decision by its type, whose wording matched no decision pattern: its first
      // sentence is what was decided ("Referral closed at MASH: …").
      const first0 = reader.sentences[0];
      const byTypeOnly = stated.length || !first0 ? [] : [{ start: first0.start, end: first0.start, sentence: first0 }];
      if (givesReasons(reader, c, stated, record.text, byTypeOnly)) continue;
      const first = stated[0];
      const what = first
        ? written`The record states a decision (“${quote(excerpt(first.sentence.text, 100), record.record_id)}”)`
        : written`This ${String(record.record_type)} record states a decision`;
      drafts.push({
        rule,
        record,
        span: first ? { start: first.sentence.start, end: first.sentence.end } : undefined,
        ...asMessage(written`${what} but gives no reasons for it. ${rule.message}`),
      });
    }
    return drafts;
  }

  finish(): FlagDraft[] {
    return [];
  }
}

const COMMON = new Set(
  (
    'a an the this that these those it its is are was were be been being has have had do does did will would shall should can could may might must to of in on at by for with ' +
    'from as and or but if so than then there their they them he she his her him we our us you your i me my which who whom whose what when where why how ' +
    'all any both each some such very also only just now still yet into onto about over under after before since until while during up out off again ' +
    'here one two three 1 2 3 4 5 6 7 8 9 0'
  ).split(' '),
);

const WORDS = /[\p{L}\p{N}]+(?:['’/.%-][\p{L}\p{N}]+)*/gu;
/** Words compared by their first four letters, so "close" and "closure", "extend" and "extension" meet. */
const stem = (w: string) => w.slice(0, 4);

/**
 * What a connective brings in, to the end of its clause: up to a comma or semicolon, passing over
 * a short apposition set off by commas ("because the only concern raised, head lice, has been
 * treated…" runs on to what was done about it).
 */
export function connectiveClause(after: string): string {
  const parts = after.split(';')[0].split(',');
  let clause = parts[0];
  for (let i = 1; i + 1 < parts.length && (parts[i].match(/[\p{L}\p{N}]+/gu)?.length ?? 0) <= 4 && /^\s*\p{Ll}/u.test(parts[i + 1]); i += 2)
    clause += ` ${parts[i + 1]}`;
  return clause;
}

/**
 * The words of a reason that say something: not common words, not the rule's empty words ("no"
 * counts: "no further concerns" is a finding), and not words of the decision itself, since a
 * reason that restates what was decided ("to transfer the case so that it can be held by the
 * new team", "Reason for extension: extension required") says nothing about why.
 */
function specificWords(text: string, empty: Set<string>, decided = ''): number {
  const restated = new Set<string>();
  for (const m of decided.matchAll(WORDS)) restated.add(stem(m[0].toLowerCase().replace(/['’]s$/, '')));
  let n = 0;
  for (const m of text.matchAll(WORDS)) {
    // A date or a length of time ("04/02", "45-day") and a person's name as an owner ("Leo's needs") say when and whose, not why.
    if (/^\d+(?:[/.]\d+)+$|^\d+-(?:days?|weeks?|months?|years?|working)$/i.test(m[0]) || /^\p{Lu}.*['’]s$/u.test(m[0])) continue;
    const w = m[0].toLowerCase().replace(/['’]s$/, '');
    if (!COMMON.has(w) && !empty.has(w) && !(w.length > 3 && restated.has(stem(w)))) n++;
  }
  return n;
}

/** Verbs that say something is so now or was so: finite forms of the auxiliaries and copulas. */
const STATE_AUX = new Set(
  (
    "is are was were am has have had does did do can could cannot would might may isn't aren't wasn't weren't hasn't haven't hadn't doesn't didn't don't can't couldn't wouldn't " +
    'is’t isn’t aren’t wasn’t weren’t hasn’t haven’t hadn’t doesn’t didn’t don’t can’t couldn’t wouldn’t'
  ).split(' '),
);
/** Verbs that say what is to happen: a clause led by one is a plan, not a circumstance. */
const PLAN_AUX = new Set("will shall should must won't won’t".split(' '));
const SUBJECT_PRONOUNS = new Set('he she it they we i who which that this there'.split(' '));
const DETERMINERS = new Set('the his her their its a an no each every both my our your'.split(' '));
const IRREGULAR_PAST = new Set(
  'found left said told saw took made gave went came knew got kept fell ran met lost became began broke brought bought chose drove felt heard hid hit hurt held meant paid put read rang sat slept spoke spent stood struck swore threw understood woke wore won wrote'.split(
    ' ',
  ),
);

/**
 * What a clause says by its first verb: 'state' for a finite verb of the present or past ("Ms
 * Rowe has left", "the school confirms", "the police interviewed both parents"), 'plan' for one
 * of what is to happen ("will", "to be reviewed"), null for none ("joint visit tomorrow",
 * "family informed by letter"). A plain verb counts only after a subject: a pronoun, a name, or
 * a noun after a determiner; a past form followed by "by" is a passive participle.
 */
export function clauseMood(clause: string): 'state' | 'plan' | null {
  const words = [...clause.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)].map((m) => m[0]);
  const lower = words.map((w) => w.toLowerCase());
  const subject = (i: number) => {
    const p = lower[i - 1];
    if (p === undefined || /['’]s$/.test(p) || /\p{N}/u.test(p)) return false;
    if (SUBJECT_PRONOUNS.has(p)) return true;
    if (/^\p{Lu}/u.test(words[i - 1]) && i - 1 > 0) return true;
    return DETERMINERS.has(lower[i - 2] ?? '') && !COMMON.has(p);
  };
  // A request is what is to be done: "Please send your updated reports to Ms A by Friday."
  if (lower[0] === 'please' || lower[0] === 'kindly') return 'plan';
  for (let i = 0; i < words.length; i++) {
    const w = lower[i];
    if (PLAN_AUX.has(w)) return 'plan';
    if (w === 'to' && lower[i + 1] === 'be') return 'plan';
    if (STATE_AUX.has(w) && lower[i - 1] !== 'to') return 'state';
    if (!subject(i)) continue;
    if (/^[a-z]{3,}(?:[^s]s|ies)$/.test(w) && !/(?:ss|us|is|ous)$/.test(w)) return 'state';
    if ((/^[a-z]{3,}ed$/.test(w) || IRREGULAR_PAST.has(w)) && lower[i + 1] !== 'by') return 'state';
  }
  return null;
}

/**
 * Whether a record gives reasons: a connective ("because", "Rationale:") followed, to the end of
 * its clause, by enough specific words ("due to the concerns" and "as above" are not reasons);
 * a consequence ("…, so testing will stop") with specific words before it in its sentence; a
 * circumstance of the case in a finite clause after the decision's colon or semicolon, or in the
 * sentence next to the decision's ("Closure agreed. Ms Khan has moved to Leeds and…"); or a
 * sentence that reports a finding or a change in specific words.
 */
type Stated = { start: number; end: number; sentence: { start: number; end: number; text: string } };

function givesReasons(reader: TextReader, c: Compiled, decisions: Stated[], text: string, byTypeOnly: Stated[] = []): boolean {
  return reasonFound(reader, c, decisions, text, byTypeOnly) !== null;
}

/** How the record gives its reasons ('connective', 'consequence', 'colon', 'semicolon', 'next sentence', 'fact'), or null. */
function reasonFound(reader: TextReader, c: Compiled, decisions: Stated[], text: string, byTypeOnly: Stated[] = []): string | null {
  const decisionSentences = decisions.map((d) => d.sentence.start);
  const counts = (s: { status: Status; start: number }) => !SUPPOSED.includes(s.status) && !denied(text, s.start);
  /** A sentence about the record itself ("this note was entered late because…") gives no reasons for the decision. */
  const aside = (sentence: { text: string }) => matches(c.asides, sentence.text);
  /** A reason that sends the reader elsewhere ("see the MASH record", "as per the minutes") is empty. */
  const pointer = (clause: string) => !!c.pointers && c.pointers.test(clause);
  /** A circumstance of the case: a finite clause of the present or past, not of how the decision was made, in specific words. */
  // (A sentence about the procedure, "meet the threshold for significant harm", counts only with a
  // fact of the case in it, "the bruising seen by the school nurse", and two more specific words.)
  const circumstance = (clause: string, decided: string) => {
    const procedure = matches(c.process, clause);
    return (
      clauseMood(clause) === 'state' &&
      !pointer(clause) &&
      (!procedure || matches(c.facts, clause)) &&
      specificWords(clause, c.empty, decided) >= c.minWords + 2 + (procedure ? 2 : 0)
    );
  };
  /**
   * What was decided, for a reason at `at`: the words before it in its sentence, and the
   * decisions' sentences when it stands in another one ("Decision: extend … . Reason for
   * extension: extension required").
   */
  const decidedBefore = (sentenceStart: number, at: number) =>
    `${decisions
      .filter((d) => d.sentence.start !== sentenceStart)
      .map((d) => d.sentence.text)
      .join(' ')} ${text.slice(sentenceStart, at)}`;
  // A future decision ("the assessment will be extended, because…") is still a decision: a
  // supposition whose cue stands before the connective belongs to what was decided, not to the reason.
  const supposedBefore = (r: { status: Status; cue: string | null; start: number; sentence: { start: number; text: string } }) => {
    if (!SUPPOSED.includes(r.status) || !r.cue) return false;
    const at = r.sentence.text.toLowerCase().indexOf(r.cue.toLowerCase());
    return at !== -1 && r.sentence.start + at < r.start;
  };
  for (const r of reader.statements(c.reasons).filter((s) => (counts(s) || supposedBefore(s)) && !denied(text, s.start))) {
    if (aside(r.sentence)) continue;
    // (The dash or colon of the decision's own words is not a reason: "Strategy discussion outcome – joint s47".)
    if (decisions.some((d) => d.start <= r.start && r.end <= d.end)) continue;
    const after = text.slice(r.end, r.sentence.end);
    // A labelled reason ("Reasons: 1) …; 2) …") runs to the end of its sentence; a connective to the end of its clause.
    const labelled = /[:–—-]\s*$/.test(r.text) || /^\s*[:–—-]/.test(after);
    const clause = labelled ? after.replace(/^\s*[:–—-]\s*/, '').split(/\s[–—-]\s|:/)[0] : connectiveClause(after);
    // A reason about the procedure ("as the referral did not meet the threshold for CSC") needs
    // more than the procedure's own words: what in the case made it so.
    const need = matches(c.process, clause) ? c.minWords + 2 : c.minWords;
    if (!pointer(clause) && specificWords(clause, c.empty, decidedBefore(r.sentence.start, r.start)) >= need) return 'connective';
    // "Why NFA? The school nurse confirmed…": the answer follows the question.
    if (/\?\s*$/.test(r.sentence.text) && specificWords(text.slice(r.sentence.end, r.sentence.end + 300).split(/[.?!]/)[0], c.empty) >= c.minWords)
      return 'connective';
  }
  // What follows a consequence is the decision, so only a denial before it ("no reason, so…") unmakes it.
  for (const r of reader.statements(c.consequences).filter((s) => !denied(text, s.start))) {
    if (aside(r.sentence)) continue;
    // The decision itself before it ("…decided to close the case, so…") is not its reason.
    if (decisions.some((d) => d.sentence.start === r.sentence.start && d.end <= r.start)) continue;
    const before = text.slice(r.sentence.start, r.start).split(';').pop()!;
    if (specificWords(before, c.empty) >= c.minWords) return 'consequence';
    // "We will therefore apply…": a consequence near the start of its sentence follows from the sentence before.
    const previous = sentenceAt(reader.sentences, r.sentence.start) - 1;
    if ((before.match(WORDS)?.length ?? 0) <= 4 && previous >= 0) {
      const prior = reader.sentences[previous];
      if (!aside(prior) && !decisionSentences.includes(prior.start) && specificWords(prior.text, c.empty) >= c.minWords + 1) return 'consequence';
    }
  }
  const own = decisions.length ? decisions : byTypeOnly;
  for (const d of own) {
    const rest = text.slice(d.end, d.sentence.end);
    // A decision followed by a colon and what it rests on ("Referral closed: the caller wanted
    // benefits advice, not to report a concern"): the words after the colon are its reason.
    const colon = rest.search(/:\s/);
    if (colon !== -1) {
      const from = d.end + colon + 1;
      const head = text.slice(d.sentence.start, from);
      const after = text.slice(from, d.sentence.end).split(/;/)[0];
      // Not the colon of a heading ("Decision:", "Outcome of the strategy discussion:"): a clause
      // with a verb of deciding or closing stands before it, or any verb ("Contact to reduce to
      // fortnightly:") when what follows is a circumstance in a finite clause.
      const verb =
        /\b(?:closed|closing|close|agreed|decided|ended|ends|end|stepped|step|transferred|transfer|extended|extend|NFA|approved|declined|refused|held|kept|open)\b/i.test(
          head,
        );
      // (…or a decision put as what will or will not happen: "We will not be holding an ICPC:".)
      const anyVerb = verb || /\bto (?:be )?[a-z]{2,}\b|\b[a-z]{3,}ed\b|\b(?:will|shall|won[’']t)(?: not)?(?: be)? [a-z]{3,}\b/.test(head);
      // (A one-word decision before its colon is a decision too: "Closed: the family moved to Fife…".)
      if ((head.match(WORDS)?.length ?? 0) >= 3 || /^\W*(?:closed|agreed|refused|declined|approved|NFA|transferred|ended)\s*:\s*$/i.test(head)) {
        if (verb && specificWords(after, c.empty, head) >= c.minWords + 1) return 'colon';
        if (anyVerb && circumstance(after, head)) return 'colon';
      }
    }
  }
  // A circumstance in the sentence just before or after the decision's, with no connective
  // ("Closure agreed. Ms Khan has a tenancy in Leeds and the school has no concerns.").
  const decisionAt = new Set(own.map((d) => sentenceAt(reader.sentences, d.sentence.start)));
  for (const i of decisionAt) {
    for (const j of reader.around(i, 1, 2)) {
      const s = reader.sentences[j];
      if (decisionAt.has(j) || aside(s)) continue;
      if (circumstance(s.text, own.map((d) => d.sentence.text).join(' '))) return 'next sentence';
    }
  }
  if (c.facts) {
    for (const f of reader.statements(c.facts).filter(counts)) {
      if (f.status !== 'asserted' && f.status !== 'evidenced') continue;
      if (aside(f.sentence)) continue;
      // Not the decision's own sentence ("Request refused;"): sentences end at a semicolon, and a
      // record known as a decision by its type states it first, unless a full stop ends that
      // sentence and another follows ("Her results have been negative for a year. Testing ends.").
      if (decisionSentences.includes(f.sentence.start)) continue;
      if (byTypeOnly.some((d) => d.sentence.start === f.sentence.start) && (reader.sentences.length === 1 || /;\s*$/.test(f.sentence.text))) continue;
      const clause = f.sentence.text;
      // (A request is no finding: "Please send your updated reports to Ms A by Friday.")
      if (clauseMood(clause) === 'plan' && /^\W*(?:please|kindly)\b/i.test(clause)) continue;
      if (specificWords(clause, c.empty) >= c.minWords + 2 + (matches(c.process, clause) ? 2 : 0)) return 'fact';
    }
  }
  return null;
}

/** record_type compared in any case, ignoring spaces and punctuation ("Manager's Decision" = "managers decision"). */
function typeKey(type: string): string {
  return type.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
