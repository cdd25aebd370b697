import { allMatches, termPattern } from '../text/terms.ts';
import type { Sentence } from './sentences.ts';
import { compileList, type CueLists } from './cues.ts';
import { byWriter, firstMatch, readFrames, refutationOf, reportingFrameOf, reportingNoun, segmentAt, type FrameCues, type Frames } from './frames.ts';
import type { SenseLists } from './sense.ts';

import { STATUSES, type MentionStatus } from '../model/sections.ts';

export { STATUSES };
export type Status = MentionStatus;
type TriggerStatus = 'negated' | 'hypothetical' | 'attributed';

export interface CompiledCues {
  windowBefore: number;
  windowAfter: number;
  terminators: RegExp | null;
  pseudo: RegExp | null;
  directed: { status: TriggerStatus; before: RegExp | null; after: RegExp | null }[];
  clauseReach: Set<string>;
  adopted: RegExp | null;
  evidence: RegExp | null;
  evidenceNearby: RegExp | null;
  dates: RegExp | null;
  observations: RegExp | null;
  unremarkable: RegExp | null;
  contrary: RegExp | null;
  /** The contrary cues as written (terms and /regexes/), for quick look-ups. */
  contraryEntries: string[];
  frames: FrameCues;
  /** Words that keep two clauses apart for evidence ("…, and the father is…"). */
  clauseBreaks: RegExp | null;
  evidenceLinks: RegExp | null;
  /** A label named as a word just before it ("the word 'aggressive'", "the phrase hard to reach"). */
  wordsAsWords: RegExp | null;
  /** Guidance on what to call people: a label straight after it is talked about as a word. */
  naming: RegExp | null;
  sense: SenseLists;
}

export function compileCues(cues: CueLists): CompiledCues {
  return {
    windowBefore: cues.window_before ?? 6,
    windowAfter: cues.window_after ?? 6,
    terminators: compileList(cues.terminators),
    pseudo: compileList(cues.pseudo),
    directed: (['negated', 'hypothetical', 'attributed'] as const).map((status) => ({
      status,
      before: compileList(cues[status]?.before),
      after: compileList(cues[status]?.after),
    })),
    clauseReach: new Set((cues.clause_reach ?? []).map((w) => w.toLowerCase())),
    adopted: compileList(cues.adopted),
    evidence: compileList(cues.evidence),
    evidenceNearby: compileList(cues.evidence_nearby),
    dates: compileList(cues.dates),
    observations: compileList(cues.observations),
    unremarkable: compileList(cues.unremarkable),
    contrary: compileList(cues.contrary),
    contraryEntries: cues.contrary ?? [],
    frames: {
      boundaries: compileList(cues.boundaries),
      reporting: compileList(cues.reporting),
      courts: compileList(cues.courts),
      speakers: compileList(cues.speakers),
      writer: compileList(cues.writer),
      voiceResets: compileList(cues.voice_resets),
      policySubjects: compileList(cues.generic?.policy_subjects),
      genericSubjects: compileList(cues.generic?.subjects),
      genericMarkers: compileList(cues.generic?.markers),
      earlier: compileList(cues.refuted?.earlier),
      against: compileList(cues.refuted?.against),
    },
    clauseBreaks: compileList(cues.clause_breaks),
    evidenceLinks: compileList(cues.evidence_links),
    naming: compileList(cues.generic?.naming),
    wordsAsWords: cues.generic?.words?.length ? new RegExp(`(?<![\\p{L}])(?:${cues.generic.words.map(termPattern).join('|')})\\s*['‘"“]?$`, 'iu') : null,
    sense: { people: lowerSet(cues.sense?.people), personal: lowerSet(cues.sense?.personal) },
  };
}

const lowerSet = (words: string[] | undefined) => new Set((words ?? []).map((w) => w.toLowerCase()));

interface CueMatch {
  status: TriggerStatus;
  direction: 'before' | 'after';
  start: number;
  end: number;
  text: string;
}

/** What the cues say about one sentence, worked out once for all the mentions in it. Offsets are in the sentence. */
export interface SentenceCues {
  triggers: CueMatch[];
  terminators: number[];
  /** Subordinate clauses ("although…,", ", which…,"): where each starts and the comma that ends it. */
  concessive: [number, number][];
  /** Spans inside (…). */
  brackets: [number, number][];
  /** The writer takes a claim as their own ("I agree", "on that basis"). */
  adopted: string | null;
  /** The first evidence cue that is not itself denied: the sentence cites a source. */
  source: string | null;
  /** Where that cue stands in the sentence. */
  sourceAt: number;
  /** Where the first dated account stands in the sentence (-1 when none). */
  nearbyAt: number;
  /** The source cue when the sentence supports rather than contradicts (no contrary cue). */
  evidence: string | null;
  /** A dated account of events: evidence for a mention in a neighbouring sentence only. */
  nearby: string | null;
  /** The first contrary cue (a negative result, an exclusion). */
  contrary: string | null;
  quotes: [number, number][];
  question: boolean;
  /** A yes/no question ("Is there…?", "Does he…?") rather than one that takes its content for granted ("How will…?"). */
  openQuestion: boolean;
  frames: Frames;
  /** Every undenied evidence cue (when the sentence has no contrary cue): a source, an observation. */
  evidenceAt: { start: number; text: string }[];
  /** Dates: evidence in the mention's own statement only with a link to what happened ("…: there were…", "because…"). */
  datesAt: { start: number; text: string }[];
  /** Words that tie a dated account to a judgement ("because", "when", "based on"), and colons. */
  linksAt: number[];
  /** Where clauses meet ("…, and the father…"): evidence does not cross them. */
  clauseBreaks: number[];
  /** The sentence ends at a semicolon: the next one is another statement of the same sentence. */
  semicolon: boolean;
  /** The writer's own observation ("I found…", "we saw…"). */
  observed: boolean;
  /** The sentence says what was seen was unremarkable ("five minutes, fine", "no issues raised"), with nothing after that turns it ("…until he shouted"). */
  unremarkable: boolean;
  /** The sentence introduces the writer's own message, quoted after it ("Email to Ms Hurst, Cafcass:"). */
  ownMessage: boolean;
  /** The sentence speaks of someone already named (he, she, his, her, they…), or opens with when something happened. */
  refersBack: boolean;
  /** Every word of evidence against an earlier use, whether or not the sentence points back at one. */
  againstAll: { start: number; text: string }[];
}

/** A line that introduces the writer's own message, quoted after it: "Email to Ms Hurst, Cafcass (re Oscar):", "I wrote to the school:". */
const OWN_MESSAGE =
  /^\s*(?:(?:(?:my|our)\s+)?(?:e-?mail|letter|text(?: message)?|message|reply|response)\s+(?:sent\s+)?to\b|(?:I|we)\s+(?:wrote|emailed|e-mailed|texted|replied|sent)\b)[^\n]*:\s*$/i;

/** A speaker and a verb of saying that close a sentence: ", Mum said.", ", the health visitor told me." (Global, and run by `firstMatch`, to be compiled straight to machine code: text/machine-code.ts.) */
const TRAILING_SPEAKER =
  /,\s*(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?:\p{Lu}[\p{L}'’-]*|he|she|they|mum|dad|mother|father|nan|grandma|grandad|the [\p{L}-]+(?: [\p{L}-]+)?)\s+(?:said|says|told (?:me|us|the [\p{L}-]+)|joked|added|explained|reported|claimed|insisted|alleged|complained|admitted|commented|remarked|laughed|shouted)\b[^,;:]{0,60}(?:[.!?'"’”]*\s*$|,\s*(?:but|and|although|though)\b)/gu;

/** Subordinate clauses a trigger or a source cannot reach out of: concessive ones ("Whatever Mr Yates said…,"), and relative ones set off by commas. */
const SUBORDINATE =
  /\b(?:although|though|even though|despite|in spite of|while|whilst|whatever|whoever|however much|no matter (?:what|how|who)|regardless of (?:what|how|who))\b|,\s*(?:who|which)\b/gi;

export function readSentence(sentence: string, cues: CompiledCues): SentenceCues {
  const masked = cues.pseudo ? sentence.replace(cues.pseudo, (m) => ' '.repeat(m.length)) : sentence;
  const triggers: CueMatch[] = [];
  for (const d of cues.directed) {
    for (const direction of ['before', 'after'] as const) {
      const re = d[direction];
      if (!re) continue;
      for (const m of allMatches(re, masked)) {
        if (d.status === 'attributed' && reportingNoun(sentence, m.index!, m[0])) continue;
        // The writer's own worry or view ("We are worried that…") is not someone else's account.
        if (d.status === 'attributed' && cues.frames.writer && byWriter(sentence, m.index!, [], cues.frames.writer)) continue;
        triggers.push({ status: d.status, direction, start: m.index!, end: m.index! + m[0].length, text: m[0] });
      }
    }
  }
  // Where triggers overlap ("ruled out" inside "cannot be ruled out"), the longer one speaks;
  // the same words read both ways ("not supported" / "not supported by") stay for each direction.
  const kept = triggers.filter(
    (t) =>
      !triggers.some(
        (o) => o !== t && o.start <= t.start && o.end >= t.end && o.end - o.start > t.end - t.start && (o.status !== t.status || o.direction === t.direction),
      ),
  );
  const terminators = cues.terminators ? allMatches(cues.terminators, masked).map((m) => m.index!) : [];
  const contrary = cues.contrary ? firstMatch(cues.contrary, masked) : null;
  const source = cues.evidence ? (undenied(sentence, cues.evidence, terminators, true)[0] ?? null) : null;
  const nearby = cues.evidenceNearby ? firstMatch(cues.evidenceNearby, sentence) : null;
  const question = /\?["'”’)]*\s*$/.test(sentence);
  // What only the mention's own sentence needs is read when first asked for: most sentences read
  // are neighbours, asked only for their evidence.
  let frames: Frames | undefined;
  let evidenceAt: { start: number; text: string }[] | undefined;
  let datesAt: { start: number; text: string }[] | undefined;
  let linksAt: number[] | undefined;
  let clauseBreaks: number[] | undefined;
  let againstAll: { start: number; text: string }[] | undefined;
  return {
    triggers: kept,
    terminators,
    concessive: concessiveClauses(sentence),
    brackets: pairs(sentence, '(', ')'),
    adopted: cues.adopted ? (firstMatch(cues.adopted, masked)?.text ?? null) : null,
    source: source?.text ?? null,
    sourceAt: source?.start ?? -1,
    nearbyAt: nearby?.start ?? -1,
    evidence: contrary ? null : (source?.text ?? null),
    nearby: contrary ? null : (nearby?.text ?? null),
    contrary: contrary?.text ?? null,
    quotes: quotedSegments(sentence),
    question,
    openQuestion: question && OPEN_QUESTION.test(sentence.slice(sentence.lastIndexOf(':') + 1)),
    semicolon: /;\s*$/.test(sentence),
    observed: !!cues.observations && cues.observations.test(sentence),
    unremarkable: isUnremarkable(sentence, cues.unremarkable),
    ownMessage: OWN_MESSAGE.test(sentence),
    // (Or it opens with when something happened: "…non-compliant; on 22/04 at 21:00 PC Orr found…" gives the instance.)
    refersBack:
      /\b(?:he|she|him|his|her|hers|they|them|their)\b/i.test(sentence) ||
      /^\s*(?:this|which) (?:is|was|has been) (?:recorded|noted|documented|logged|confirmed|shown)\b/i.test(sentence) ||
      /^\s*(?:on|at|during|in) (?:\d{1,2}[/.]\d{1,2}|\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|my (?:visit|last visit))/.test(
        sentence,
      ),
    get frames() {
      return (frames ??= readFrames(sentence, cues.frames));
    },
    // A contrary cue ("negative", "clear") turns the sentence's sources against a label, not its dates.
    get evidenceAt() {
      return (evidenceAt ??= contrary || !cues.evidence ? [] : undenied(sentence, cues.evidence, terminators));
    },
    // A date is not denied by the clause it sits in: "did not attend the tests on 05/02/2024" is a dated account.
    get datesAt() {
      return (datesAt ??= [cues.evidenceNearby, cues.dates]
        .flatMap((re) => (re ? allMatches(re, sentence).map((m) => ({ start: m.index!, text: m[0] })) : []))
        // (A field's date, "Date: 08/02/2024", dates the entry, not what happened.)
        .filter((d) => !RECORD_FIELD_VALUE.test(sentence.slice(Math.max(0, d.start - 30), d.start)))
        .sort((a, b) => a.start - b.start));
    },
    get linksAt() {
      return (linksAt ??= [
        ...(cues.evidenceLinks ? allMatches(cues.evidenceLinks, sentence).map((m) => m.index!) : []),
        // (Not a field's own colon, "Date: 08/02/2024", which dates the entry and ties nothing to it.)
        ...allMatches(/:(?!\d)/g, sentence)
          .map((m) => m.index!)
          .filter((p) => !RECORD_FIELD.test(sentence.slice(Math.max(0, p - 24), p))),
        // A dash that opens an elaboration ("has disengaged – she attended none of the five core groups…").
        ...allMatches(/\s[–—]\s|\s-\s/g, sentence).map((m) => m.index! + 1),
      ]);
    },
    get clauseBreaks() {
      return (clauseBreaks ??= cues.clauseBreaks ? allMatches(cues.clauseBreaks, sentence).map((m) => m.index!) : []);
    },
    get againstAll() {
      return (againstAll ??= cues.frames.against ? allMatches(cues.frames.against, sentence).map((m) => ({ start: m.index!, text: m[0] })) : []);
    },
  };
}

/** Whether the sentence says what was seen was unremarkable, and nothing after those words turns it ("went well until 15:20, when he shouted"). */
function isUnremarkable(sentence: string, re: RegExp | null): boolean {
  if (!re) return false;
  const last = allMatches(re, sentence).at(-1);
  if (!last) return false;
  return !/\b(?:until|but|however|then|although|though|except|apart from|when|before|after)\b/i.test(sentence.slice(last.index! + last[0].length));
}

/** The name of a field that dates or files an entry, before its colon: "Date:", "Logged:", "Review date:". */
const FIELD_NAME = String.raw`\b(?:date|dated|time|logged|entered|recorded|created|updated|dob|d\.o\.b\.?|due|deadline|review(?: date)?)\s*`;
const RECORD_FIELD = new RegExp(`${FIELD_NAME}$`, 'i');
/** …and its colon, before the field's value. */
const RECORD_FIELD_VALUE = new RegExp(`${FIELD_NAME}:\\s*$`, 'i');

/** The span of a relative clause set off by commas that holds [start, end) (", who is an alcoholic,"), or null. */
function relativeAside(sentence: string, start: number, end: number): [number, number] | null {
  // (Only one that says what someone is: not ", which the previous worker recorded as excessive anxiety,".)
  const open =
    /,\s*(?:who|which)\s+(?:is|are|was|were|has been|had been|have been|remains|seems|appears)\s+(?:an?\s+|so\s+|very\s+|often\s+|always\s+|clearly\s+)?$/.exec(
      sentence.slice(0, start),
    );
  if (!open) return null;
  const close = /^[^,;:()]*,/.exec(sentence.slice(end));
  return close ? [open.index, end + close[0].length] : null;
}

/** Verbs of denying what was said. */
const DENIAL_VERB = /^(?:rejected|rejects|disputed|disputes|denied|denies|dismissed|dismisses|refused to accept|does not accept|did not accept)$/i;
/** Someone in the family as their subject, just before them: "Mr Farrow rejected", "Mum disputes", "she denied". */
const DENIER =
  /(?:\b(?:Mr|Mrs|Ms|Miss) \p{Lu}[\p{L}'’-]+|\b(?:he|she|they|mum|dad|mother|father|the parents?|both parents|the couple))\s+(?:strongly |firmly |flatly |angrily )?$/iu;

/** A question that asks whether ("Is there…?", "Does he…?"), not one that asks how, when or what given its content. */
const OPEN_QUESTION = /^\W*(?:is|are|was|were|does|do|did|has|have|had|can|could|will|would|should|might|may|shall)\b/i;

/** The evidence cues that no negation in their own clause denies ("he has never been the subject of any police report"). */
function undenied(text: string, re: RegExp, terminators: number[], firstOnly = false): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const clauseStart = Math.max(0, ...terminators.filter((p) => p < m!.index), text.lastIndexOf(',', m.index) + 1, text.lastIndexOf(':', m.index) + 1);
    const before = text.slice(clauseStart, m.index).split(/\s+/).slice(-7).join(' ');
    if (!/\b(?:no|not|never|without|nor|nothing|neither|none)\b|n't\b/i.test(before)) {
      out.push({ start: m.index, text: m[0] });
      if (firstOnly) break;
    }
    if (m[0] === '') re.lastIndex++;
  }
  re.lastIndex = 0;
  return out;
}

/** Clauses opened by a concessive word, up to the comma that closes them. */
function concessiveClauses(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of allMatches(SUBORDINATE, text)) {
    // The clause runs to the comma, colon or semicolon that closes it, or to the end of the sentence.
    const rest = text.slice(m.index! + m[0].length);
    const close = rest.search(/[,:;]/);
    out.push([m.index!, close === -1 ? text.length : m.index! + m[0].length + close]);
  }
  return out;
}

/** Whether a comma stands just before `at`, white space aside. */
function afterComma(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return text[i] === ',';
}

/** The evidence against an earlier use in a neighbouring statement, placed in the mention's sentence's offsets. */
function againstIn(n: Neighbour, cues: CompiledCues): { start: number; text: string }[] {
  if (n.offset === undefined || !cues.frames.against) return [];
  return n.cues.againstAll.map((a) => ({ start: n.offset! + a.start, text: a.text }));
}

function pairs(text: string, open: string, close: string): [number, number][] {
  const out: [number, number][] = [];
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === open) stack.push(i);
    else if (text[i] === close && stack.length) out.push([stack.pop()!, i]);
  }
  return out;
}

/** Spans between paired double quotes (straight or curly). */
function quotedSegments(text: string): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '“') open = i;
    else if (ch === '”' && open !== -1) {
      out.push([open, i]);
      open = -1;
    } else if (ch === '"') {
      // (A closing quote whose quotation began in an earlier sentence is not read as one: the
      // sentences inside a long quotation are read on their own, as before.)
      if (open === -1) open = i;
      else {
        out.push([open, i]);
        open = -1;
      }
    }
  }
  // A quotation that runs on into the next sentence ("DSL: “I think we are seeing it. The
  // uniform is…”"): quoted to the end of this one, when it opened as a quotation does, after
  // a colon, a comma, a reporting verb's space or the start.
  if (open !== -1 && (text[open] === '“' || /(?:^|[:,]\s*|\s)$/.test(text.slice(0, open)))) out.push([open, text.length]);
  // Single quotes, curly or straight, where they open after a space or bracket and close before
  // one or punctuation: 'could not cope', not the apostrophe of "Ms Reid's". An apostrophe between
  // letters inside the quotation is one ('She's an alcoholic,' said…).
  for (const m of text.matchAll(/(?<=^|[\s([—–-])['‘]((?:[^'‘’\n]|(?<=\p{L})['’](?=\p{L})){1,200}?)['’](?=$|[\s.,;:!?)\]—–-])/gu))
    out.push([m.index!, m.index! + m[0].length - 1]);
  return out;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

function wordsBetween(text: string, from: number, to: number): number {
  return text.slice(from, to).match(WORD)?.length ?? 0;
}

const inside = (spans: [number, number][], at: number) => spans.some(([a, b]) => a < at && at < b);

/**
 * True when words at `at` sit in a bracket or subordinate clause that the mention is outside.
 * With `both`, also when the mention sits in one that the words are outside: a negation before
 * ", which I consider…" does not reach into it.
 */
function shutAway(own: SentenceCues, at: number, mention: number, both = false): boolean {
  if (inside(own.brackets, at) !== inside(own.brackets, mention)) return true;
  return own.concessive.some(([a, b]) => (a <= at && at < b) !== (a <= mention && mention < b) && (both || (a <= at && at < b)));
}

export interface Decision {
  status: Status;
  /** The words that decided the status (null for asserted). */
  cue: string | null;
  /** Where those words are, in the mention's sentence's offsets (outside it for a neighbouring sentence's evidence). */
  cueAt?: { start: number; end: number };
}

const at = (start: number, text: string) => ({ start, end: start + text.length });

/**
 * Decides the assertion status of one mention (offsets relative to its sentence), given the
 * cues of its own sentence and of the sentences around it in the same paragraph.
 *
 * A trigger reaches the mention when it points the right way, no terminator stands between
 * them, it is not shut in a bracket or a concessive clause ("Although X describes…,") that the
 * mention is outside, and it is near enough: single words reach their window, while phrases,
 * attributions and the words in `clause_reach` reach the whole clause.
 *
 * Order: quotation, negation, hypothesis (or a question), attribution unless the writer adopts
 * it, cited evidence (this sentence, the two before it or the one after it: conclusions usually
 * follow what was seen; a dated account of events counts only from those neighbours, since in
 * the mention's own sentence a date is usually a heading), and otherwise the writer's own
 * assertion.
 */
export interface Neighbour {
  position: 'before' | 'after';
  /** How many sentences away (1: the next or the previous one). */
  distance: number;
  /** Where it starts, counted from the start of the mention's sentence. */
  offset?: number;
  cues: SentenceCues;
}

/** A statement that says it is drawn from what comes before it: "on that evidence", "in light of that finding", "I judge that to be". */
const CONCLUDES =
  /^\W*(?:on (?:that|this|the above|all of that|all of this) (?:evidence|basis)|on the basis of (?:that|this|these|those|the above)|in (?:the )?light of (?:that|this|these|those)(?: \w+)?|given (?:that|this|these|those) (?:finding|findings|evidence|result|results|history|pattern)|for (?:those|these|the above) reasons|taken together|therefore|as a result|consequently|(?:I|we) (?:judge|consider|assess|find) (?:that|this|these|those)\b|in my (?:assessment|view|opinion|judgement|judgment)\b)/i;

/** Words that stand between a comma and a negation without being a subject of their own ("…, this was not substantiated"). */
const NOT_A_SUBJECT = new Set(
  'this that which it these those all was were is are has have had been be being and so also but then subsequently later since now they both each either neither'.split(
    ' ',
  ),
);
/** Whether the words after the last comma in [from, to) name something of their own. */
function hasOwnSubject(sentence: string, from: number, to: number): boolean {
  const comma = sentence.lastIndexOf(',', to - 1);
  if (comma < from) return false;
  const words =
    sentence
      .slice(comma + 1, to)
      .toLowerCase()
      .match(/[\p{L}'’-]+/gu) ?? [];
  return words.some((w) => !NOT_A_SUBJECT.has(w));
}

export function decide(
  mention: { start: number; end: number },
  own: SentenceCues,
  sentenceText: string,
  neighbours: Neighbour[],
  cues: CompiledCues,
): Decision {
  const frames = own.frames;
  // Evidence against an earlier use, in the same sentence: never the writer's assertion.
  // A refutation may run on past a semicolon: "The 2022 assessment said…; my visits since show the opposite".
  const next = own.semicolon ? neighbours.find((n) => n.position === 'after' && n.distance === 1) : undefined;
  const refutation =
    refutationOf(frames, (at) => shutAway(own, at, mention.start)) ??
    (next && frames.earlier.some((e) => !shutAway(own, e.start, mention.start))
      ? refutationOf({ ...frames, against: againstIn(next, cues) }, (at) => shutAway(own, at, mention.start))
      : null);
  if (refutation) {
    // A parent who rejects or disputes it denies it: their account, not evidence against it ("Mr
    // Farrow rejected the suggestion that he is volatile, saying…").
    const denial = frames.against.find((a) => a.start >= refutation.start && a.start < refutation.end && DENIAL_VERB.test(a.text));
    if (denial && DENIER.test(sentenceText.slice(Math.max(0, denial.start - 40), denial.start)))
      return { status: 'attributed', cue: denial.text, cueAt: { start: denial.start, end: denial.start + denial.text.length } };
    return { status: 'refuted', cue: refutation.text, cueAt: refutation };
  }
  // A label talked about as a word, not used of anyone: "the word 'aggressive' travels from duty
  // notes into court papers", "the phrase 'hard to reach' often describes services".
  const asWord = cues.wordsAsWords?.exec(sentenceText.slice(Math.max(0, mention.start - 40), mention.start));
  if (asWord) {
    const at = mention.start - asWord[0].length;
    const cue = asWord[0].replace(/\s*['‘"“]$/, '');
    // (Someone who "used the phrase" or "repeated the word" said it: that is their account.)
    const said = /\b(?:used|uses|using|use|repeated|repeats|chose|choose|chooses|uttered)\s+$/i.exec(sentenceText.slice(Math.max(0, at - 12), at));
    if (said) return { status: 'attributed', cue: `${said[0]}${cue}`, cueAt: { start: at - said[0].length, end: mention.start } };
    return { status: 'hypothetical', cue, cueAt: { start: at, end: mention.start } };
  }
  // Guidance on what to call people: "stop calling families 'hard to reach'", "should never be
  // recorded as 'parental acrimony'", "uses 'seldom heard' rather than 'hard to reach'".
  if (cues.naming) {
    const from = Math.max(0, mention.start - 80);
    const window = sentenceText.slice(from, mention.start);
    const naming = allMatches(cues.naming, window).find((m) => /^\s*['‘"“]?$/.test(window.slice(m.index! + m[0].length)));
    if (naming) return { status: 'hypothetical', cue: naming[0].trim(), cueAt: { start: from + naming.index!, end: from + naming.index! + naming[0].length } };
  }
  // Training, policy, research, or people in general: not about this family, quoted words too
  // ("Practice module, slide 6: behaviour once dismissed as 'attention-seeking' is…").
  if (frames.generic) return { status: 'hypothetical', cue: frames.generic.text, cueAt: frames.generic };
  // (A quotation of the writer's own message is the writer's: "Email to Ms Hurst: 'Lewis has…'".)
  const ownQuote = neighbours.some((n) => n.position === 'before' && n.distance === 1 && n.cues.ownMessage);
  const quote = ownQuote ? undefined : own.quotes.find(([a, b]) => a < mention.start && mention.end <= b);
  if (quote) return { status: 'attributed', cue: 'quotation', cueAt: { start: quote[0], end: Math.min(sentenceText.length, quote[1] + 1) } };
  // Someone's words with the speaker after them: "Dad is controlling, Mum said", "Half-term was chaotic, M joked".
  const trailing = firstMatch(TRAILING_SPEAKER, sentenceText);
  if (trailing && mention.end <= trailing.start && !/^,\s*(?:I|we)\b/i.test(trailing.text))
    return {
      status: 'attributed',
      cue: trailing.text.replace(/^,\s*/, '').replace(/(?:,\s*(?:but|and|although|though)|[.!?'"’”\s])+$/, ''),
      cueAt: { start: trailing.start, end: trailing.start + trailing.text.length },
    };
  const reachesClause = (t: CueMatch) => t.status === 'attributed' || /\s/.test(t.text.trim()) || cues.clauseReach.has(t.text.toLowerCase());
  const inScope = (t: CueMatch) => {
    if (t.start < mention.end && t.end > mention.start) return false;
    const [from, to] = t.direction === 'before' ? [t.end, mention.start] : [mention.end, t.start];
    if (from > to) return false;
    if (own.terminators.some((p) => p >= from && p < to)) return false;
    if (frames.boundaries.some((p) => p >= from && p < to)) return false;
    if (shutAway(own, t.start, mention.start, t.status === 'negated')) return false;
    // A trigger after the mention reaches back only within its own clause ("…FII so that the tests can be stopped"),
    // and one that reaches a whole clause does not run on into the next ("…no longer at risk, and her plan ends today").
    if (t.direction === 'after' && own.clauseBreaks.some((p) => p >= from && p < to)) return false;
    // A negation after the mention that has its own subject after a comma is about that subject
    // ("inflicted bruising to an infant, perpetrator not identified"), not the mention.
    if (t.direction === 'after' && t.status === 'negated' && hasOwnSubject(sentenceText, from, to)) return false;
    // Nor one that starts its own clause after "and" ("…is malicious and no further action is needed").
    if (t.direction === 'after' && t.status === 'negated' && /\band\s+$/i.test(sentenceText.slice(from, t.start)) && /^no\s+(?!longer\b)/i.test(t.text))
      return false;
    // Someone's words end where the writer takes the voice back, as for a reporting verb ("Mum said
    // she'd been up with the baby, we looked round, … chaotic household as always").
    if (t.direction === 'before' && t.status === 'attributed' && frames.resets.some((p) => p >= from && p < to)) return false;
    // Nor past a colon that brings in dated support ("…is currently unstable: on 02/02/2025 she was
    // detained…, according to the AMHP's report"): the source is the support's, not the label's.
    if (t.direction === 'after' && frames.colons.some((c) => c >= from && c < to && own.datesAt.some((d) => d.start > c && d.start < to))) return false;
    // (For a trigger before the label, only a break that surely starts a clause: after a comma, or a
    // possessive subject with its own verb; "If Ms F and Mr C live together" joins two subjects.)
    if (
      reachesClause(t) &&
      own.clauseBreaks.some((p) => p >= from && p < to && (afterComma(sentenceText, p) || /^and (?:her|his|their) /i.test(sentenceText.slice(p, p + 10))))
    )
      return false;
    return reachesClause(t) || wordsBetween(sentenceText, from, to) <= (t.direction === 'before' ? cues.windowBefore : cues.windowAfter);
  };
  const active = own.triggers.filter(inScope);
  const find = (status: TriggerStatus) => active.find((t) => t.status === status);
  const negation = find('negated');
  // Someone else's account, however far the mention stands from the verb ("The neighbour told
  // officers that he is always aggressive"), and their denials too ("denies being aggressive"),
  // unless the writer negates the report itself ("The school did not say…").
  const report = reportingFrameOf(frames, sentenceText.length, mention.start, (at) => shutAway(own, at, mention.start));
  // The report stands unless a negation governs it: one before it ("did not say"), or one that holds it ("inaccurate to say").
  // A negation that is itself someone's report ("disputes the account and denies any…") does not govern it.
  const reported = negation && frames.reports.some((r) => r.start <= negation.start && negation.end <= r.end);
  const governs = report && negation && !reported && (negation.start < report!.start || (negation.start === report.start && negation.end > report.end));
  // A court's finding ("In her judgment of 18/09 HHJ Marsh found that…") is evidence, not an account.
  if (report?.finding && !governs) return { status: 'evidenced', cue: report.text, cueAt: report };
  // Someone else's account and, after a contrast, evidence against it ("The 2023 referral described
  // Mr Pugh as an alcoholic, but his PEth results … were below the cut-off"): the account is refuted.
  if (report && !own.adopted && !governs) {
    // (The account may also stand in a concessive clause before it: "Although the 2022 assessment
    // described Mum as chaotic, my six visits since March have found…".)
    const conceded = (a: { start: number }) =>
      own.concessive.some(
        ([from, to]) =>
          from <= mention.start && mention.end <= to && to <= a.start && /^(?:although|though|even though|while|whilst)\b/i.test(sentenceText.slice(from)),
      );
    const against = frames.against.find(
      (a) =>
        a.start >= mention.end &&
        (frames.boundaries.some((b) => b >= mention.end && b < a.start) || conceded(a)) &&
        (conceded(a) || !shutAway(own, a.start, mention.start)),
    );
    if (against)
      return { status: 'refuted', cue: `${report.text} … ${against.text}`, cueAt: { start: report.start, end: against.start + against.text.length } };
    return { status: 'attributed', cue: report.text, cueAt: report };
  }
  // A line of minutes under a speaker's label ("DSL: …") is that speaker's account.
  if (frames.speaker && mention.start >= frames.speaker.end && !own.adopted && !negation)
    return { status: 'attributed', cue: frames.speaker.text, cueAt: frames.speaker };
  if (negation) return { status: 'negated', cue: negation.text, cueAt: negation };
  const hypothesis = find('hypothetical');
  if (hypothesis) return { status: 'hypothetical', cue: hypothesis.text, cueAt: hypothesis };
  // A question that asks whether is open; one that asks how or when takes its content as given.
  if (
    own.openQuestion &&
    !/(?<!\b(?:been|was|were|is|are|be|being)\s)\bgiven (?:how|that|the|his|her|their|its|mum|dad|mother|father|\p{Lu})/iu.test(
      sentenceText.slice(0, mention.start),
    ) &&
    // (Nor one that asks about how it is: "…help M see how controlling her partner is?")
    !/\bhow\s+(?:\w+\s+)?$/i.test(sentenceText.slice(0, mention.start))
  )
    return { status: 'hypothetical', cue: '?', cueAt: at(sentenceText.lastIndexOf('?'), '?') };
  const attribution = find('attributed');
  if (attribution && !own.adopted) return { status: 'attributed', cue: attribution.text, cueAt: attribution };
  // Evidence tied to the mention: in its own statement (its segment, not across a clause that
  // starts something else), or in the sentences around it. A contrast in the mention's own
  // sentence ("…; however, he was hostile") cuts it off from what the sentences before it said.
  let [segStart, segEnd] = segmentAt(frames, sentenceText.length, mention.start);
  // A comment on all that came before ("…, which I consider attention-seeking", "…, which shows
  // limited insight") reads the whole sentence up to it, up to a semicolon.
  if (/,\s*which\s+(?:I\s+\w+|shows?|showed|suggests?|indicates?|demonstrates?|was|is|were)\b[^,;]*$/i.test(sentenceText.slice(0, mention.start))) {
    segStart = Math.max(0, sentenceText.lastIndexOf(';', mention.start));
  }
  const breaks = own.clauseBreaks;
  // A label inside a relative clause set off by commas ("Dad, who is an alcoholic, attended the
  // core group on 12/03 with a letter…") is an aside: what the sentence around it cites is not its evidence.
  const aside = relativeAside(sentenceText, mention.start, mention.end);
  const tied = (at: number, citation = false) => {
    if (at < segStart || at >= segEnd) return false;
    if (aside && (at < aside[0] || at >= aside[1])) return false;
    // A bracket after the label that cites dates ("(letters dated 04/01/2024, …)") is part of its evidence.
    // A comment after the label ("…, which she acknowledged after her urine screen was positive") may be its evidence.
    const comment = at > mention.end && own.concessive.some(([a, b]) => a <= at && at < b && a > mention.end && /^,\s*which\b/i.test(sentenceText.slice(a)));
    if (
      shutAway(own, at, mention.start) &&
      !comment &&
      !(citation && at > mention.end && inside(own.brackets, at) && !own.concessive.some(([a, b]) => a <= at && at < b))
    )
      return false;
    const [a, b] = at < mention.start ? [at, mention.start] : [mention.end, at];
    // (A conclusion drawn from the evidence before it is tied to it: "…was positive for cocaine, so
    // her drug use is current".)
    return !breaks.some((p) => p >= a && p < b && !(at < mention.start && /^\s*so\b/i.test(sentenceText.slice(p))));
  };
  // A source or an observation in the statement is evidence; a date is, when something links it to
  // what happened ("during my visit on 21/08: there were…", "because on 02/07 he…"), not when it
  // only dates something else ("the referral made on 02/02/2024 was malicious").
  const linked = own.linksAt.some((p) => p >= segStart && p < segEnd && tied(p) && (p > mention.start || !/[:–—-]/.test(sentenceText[p])));
  const ownEvidence = own.evidenceAt.find((e) => tied(e.start)) ?? (linked ? own.datesAt.find((e) => tied(e.start, true)) : undefined);
  if (ownEvidence) return { status: 'evidenced', cue: ownEvidence.text, cueAt: at(ownEvidence.start, ownEvidence.text) };
  const contrast = own.terminators.some((p) => p < mention.start) || frames.boundaries.some((p) => p < mention.start);
  // Nor does a statement joined by a semicolon lend its source: "A letter was sent on 04/09; she is disengaged".
  // (unless the label's statement goes on about the same person: "Mr A swore at the chair on 12/03; his presentation was hostile").
  const continues =
    /^\W*(?:he|she|they|his|her|their|this|which)\b/i.test(sentenceText) ||
    /\b(?:this|that|these|those|such) [\p{L}-]+ *$/iu.test(sentenceText.slice(0, mention.start).replace(/\s*\b(?:very|so|quite|rather|too)\s*$/i, ''));
  const joined = neighbours.some((n) => n.position === 'before' && n.distance === 1 && n.cues.semicolon);
  // (Or the statement before is the writer's own dated observation, and this one their conclusion
  // from it: "At 16:40 on 28/08 I found foil and needles…; in my view she is using heroin again".)
  const observedBefore = neighbours.some((n) => n.position === 'before' && n.distance === 1 && n.cues.semicolon && n.cues.observed && n.cues.nearby);
  // (Or this statement says it is drawn from the one before: "…sub-therapeutic; on that evidence his
  // mother is non-compliant", "…; in light of that finding, the referral was malicious".)
  const drawn = joined && CONCLUDES.test(sentenceText.slice(0, mention.start));
  // After a semicolon, a statement that goes on about someone ("…; the CCTV shows him pushing her") may be the evidence; one about something else may not.
  const around = neighbours.filter((n) =>
    n.position === 'before' ? !contrast && (!joined || continues || observedBefore || drawn) : !own.semicolon || n.distance > 1 || n.cues.refersBack,
  );
  // (An account that says all was well is no evidence for a label after it, nor is one before it: "Dad
  // rang at 21:40, five minutes, fine. He manipulates staff…".)
  const calm = (n: Neighbour) => n.cues.unremarkable || neighbours.some((m) => m.position === n.position && m.distance < n.distance && m.cues.unremarkable);
  for (const n of around) {
    if (calm(n)) continue;
    const text = n.cues.evidence ?? n.cues.nearby;
    if (!text) continue;
    const local = n.cues.evidence ? n.cues.sourceAt : n.cues.nearbyAt;
    return { status: 'evidenced', cue: text, cueAt: n.offset === undefined ? undefined : at(n.offset + local, text) };
  }
  return { status: 'asserted', cue: null };
}

export type { Sentence };
