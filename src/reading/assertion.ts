import { allMatches } from '../text/terms.ts';
import type { Sentence } from './sentences.ts';
import { compileList, type CueLists } from './cues.ts';

export const STATUSES = ['negated', 'hypothetical', 'attributed', 'evidenced', 'asserted'] as const;
export type Status = (typeof STATUSES)[number];
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
  contrary: RegExp | null;
  /** The contrary cues as written (terms and /regexes/), for quick look-ups. */
  contraryEntries: string[];
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
    contrary: compileList(cues.contrary),
    contraryEntries: cues.contrary ?? [],
  };
}

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
  /** The source cue when the sentence supports rather than contradicts (no contrary cue). */
  evidence: string | null;
  /** A dated account of events: evidence for a mention in a neighbouring sentence only. */
  nearby: string | null;
  /** The first contrary cue (a negative result, an exclusion). */
  contrary: string | null;
  quotes: [number, number][];
  question: boolean;
}

/** Subordinate clauses a trigger or a source cannot reach out of: concessive ones, and relative ones set off by commas. */
const SUBORDINATE = /\b(?:although|though|even though|despite|in spite of|while|whilst)\b|,\s*(?:who|which)\b/gi;

export function readSentence(sentence: string, cues: CompiledCues): SentenceCues {
  const masked = cues.pseudo ? sentence.replace(cues.pseudo, (m) => ' '.repeat(m.length)) : sentence;
  const triggers: CueMatch[] = [];
  for (const d of cues.directed) {
    for (const direction of ['before', 'after'] as const) {
      const re = d[direction];
      if (!re) continue;
      for (const m of allMatches(re, masked)) triggers.push({ status: d.status, direction, start: m.index!, end: m.index! + m[0].length, text: m[0] });
    }
  }
  // Where triggers overlap ("ruled out" inside "cannot be ruled out"), the longer one speaks;
  // the same words read both ways ("not supported" / "not supported by") stay for each direction.
  const kept = triggers.filter(
    (t) => !triggers.some((o) => o !== t && o.start <= t.start && o.end >= t.end && o.end - o.start > t.end - t.start && (o.status !== t.status || o.direction === t.direction)),
  );
  const terminators = cues.terminators ? allMatches(cues.terminators, masked).map((m) => m.index!) : [];
  const contrary = cues.contrary ? first(masked, cues.contrary) : null;
  const source = cues.evidence ? firstUndenied(sentence, cues.evidence, terminators) : null;
  const nearby = cues.evidenceNearby ? firstUndenied(sentence, cues.evidenceNearby, terminators) : null;
  return {
    triggers: kept,
    terminators,
    concessive: concessiveClauses(sentence),
    brackets: pairs(sentence, '(', ')'),
    adopted: cues.adopted ? (first(masked, cues.adopted)?.text ?? null) : null,
    source: source?.text ?? null,
    sourceAt: source?.start ?? -1,
    evidence: contrary ? null : (source?.text ?? null),
    nearby: contrary ? null : (nearby?.text ?? null),
    contrary: contrary?.text ?? null,
    quotes: quotedSegments(sentence),
    question: /\?["'”’)]*\s*$/.test(sentence),
  };
}

function first(text: string, re: RegExp): { start: number; text: string } | null {
  re.lastIndex = 0;
  const m = re.exec(text);
  re.lastIndex = 0;
  return m ? { start: m.index, text: m[0] } : null;
}

/** The first evidence cue that no negation in its own clause denies ("he has never been the subject of any police report"). */
function firstUndenied(text: string, re: RegExp, terminators: number[]): { start: number; text: string } | null {
  for (const m of allMatches(re, text)) {
    const clauseStart = Math.max(0, ...terminators.filter((p) => p < m.index!), text.lastIndexOf(',', m.index!) + 1, text.lastIndexOf(':', m.index!) + 1);
    const before = text.slice(clauseStart, m.index!).split(/\s+/).slice(-7).join(' ');
    if (!/\b(?:no|not|never|without|nor|nothing|neither|none)\b|n't\b/i.test(before)) return { start: m.index!, text: m[0] };
  }
  return null;
}

/** Clauses opened by a concessive word, up to the comma that closes them. */
function concessiveClauses(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of allMatches(SUBORDINATE, text)) {
    const comma = text.indexOf(',', m.index! + m[0].length);
    if (comma !== -1) out.push([m.index!, comma]);
  }
  return out;
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
      if (open === -1) open = i;
      else {
        out.push([open, i]);
        open = -1;
      }
    }
  }
  return out;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

function wordsBetween(text: string, from: number, to: number): number {
  return text.slice(from, to).match(WORD)?.length ?? 0;
}

const inside = (spans: [number, number][], at: number) => spans.some(([a, b]) => a < at && at < b);

/** True when words at `at` sit in a bracket or subordinate clause that the mention is outside. */
function shutAway(own: SentenceCues, at: number, mention: number): boolean {
  if (inside(own.brackets, at) !== inside(own.brackets, mention)) return true;
  return own.concessive.some(([a, b]) => a <= at && at < b && !(a <= mention && mention < b));
}

export interface Decision {
  status: Status;
  /** The words that decided the status (null for asserted). */
  cue: string | null;
}

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
  cues: SentenceCues;
}

export function decide(mention: { start: number; end: number }, own: SentenceCues, sentenceText: string, neighbours: Neighbour[], cues: CompiledCues): Decision {
  if (own.quotes.some(([a, b]) => a < mention.start && mention.end <= b)) return { status: 'attributed', cue: 'quotation' };
  const reachesClause = (t: CueMatch) => t.status === 'attributed' || /\s/.test(t.text.trim()) || cues.clauseReach.has(t.text.toLowerCase());
  const inScope = (t: CueMatch) => {
    if (t.start < mention.end && t.end > mention.start) return false;
    const [from, to] = t.direction === 'before' ? [t.end, mention.start] : [mention.end, t.start];
    if (from > to) return false;
    if (own.terminators.some((p) => p >= from && p < to)) return false;
    if (shutAway(own, t.start, mention.start)) return false;
    return reachesClause(t) || wordsBetween(sentenceText, from, to) <= (t.direction === 'before' ? cues.windowBefore : cues.windowAfter);
  };
  const active = own.triggers.filter(inScope);
  const find = (status: TriggerStatus) => active.find((t) => t.status === status);
  const negation = find('negated');
  if (negation) return { status: 'negated', cue: negation.text };
  const hypothesis = find('hypothetical');
  if (hypothesis) return { status: 'hypothetical', cue: hypothesis.text };
  if (own.question) return { status: 'hypothetical', cue: '?' };
  const attribution = find('attributed');
  if (attribution && !own.adopted) return { status: 'attributed', cue: attribution.text };
  // A contrast in the mention's own sentence ("…; however, he was hostile") cuts it off from
  // what the sentences before it said.
  const contrast = own.terminators.some((p) => p < mention.start);
  const around = neighbours.filter((n) => !(contrast && n.position === 'before'));
  const ownEvidence = own.evidence && !shutAway(own, own.sourceAt, mention.start) ? own.evidence : null;
  const evidence = ownEvidence ?? around.map((n) => n.cues.evidence ?? n.cues.nearby).find(Boolean) ?? null;
  if (evidence) return { status: 'evidenced', cue: evidence };
  return { status: 'asserted', cue: null };
}

export type { Sentence };
