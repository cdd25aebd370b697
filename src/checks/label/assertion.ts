import type { Sentence } from '../../text/sentences.ts';
import { compileList, type CueLists } from './cues.ts';

export const STATUSES = ['negated', 'hypothetical', 'attributed', 'evidenced', 'asserted'] as const;
export type Status = (typeof STATUSES)[number];

export interface CompiledCues {
  windowBefore: number;
  windowAfter: number;
  terminators: RegExp | null;
  pseudo: RegExp | null;
  directed: { status: 'negated' | 'hypothetical' | 'attributed'; before: RegExp | null; after: RegExp | null }[];
  adopted: RegExp | null;
  evidence: RegExp | null;
  contrary: RegExp | null;
}

export function compileCues(cues: CueLists): CompiledCues {
  return {
    windowBefore: cues.window_before ?? 8,
    windowAfter: cues.window_after ?? 6,
    terminators: compileList(cues.terminators),
    pseudo: compileList(cues.pseudo),
    directed: (['negated', 'hypothetical', 'attributed'] as const).map((status) => ({
      status,
      before: compileList(cues[status]?.before),
      after: compileList(cues[status]?.after),
    })),
    adopted: compileList(cues.adopted),
    evidence: compileList(cues.evidence),
    contrary: compileList(cues.contrary),
  };
}

interface CueMatch {
  status: 'negated' | 'hypothetical' | 'attributed';
  direction: 'before' | 'after';
  start: number;
  end: number;
  text: string;
}

/** What the cues say about one sentence, worked out once for all the mentions in it. */
export interface SentenceCues {
  triggers: CueMatch[];
  terminators: number[];
  adopted: { start: number; text: string } | null;
  /** The first evidence cue: the sentence cites a source (a report, a test, an observation). */
  source: string | null;
  /** The source cue when the sentence supports rather than contradicts (no contrary cue). */
  evidence: string | null;
  /** The first contrary cue (a negative result, an exclusion). */
  contrary: string | null;
  quotes: [number, number][];
  question: boolean;
}

/** Offsets here are relative to the sentence's text. */
export function readSentence(sentence: string, cues: CompiledCues): SentenceCues {
  const masked = cues.pseudo ? sentence.replace(cues.pseudo, (m) => ' '.repeat(m.length)) : sentence;
  const triggers: CueMatch[] = [];
  for (const d of cues.directed) {
    for (const direction of ['before', 'after'] as const) {
      const re = d[direction];
      if (!re) continue;
      for (const m of masked.matchAll(re)) triggers.push({ status: d.status, direction, start: m.index!, end: m.index! + m[0].length, text: m[0] });
    }
  }
  // Where triggers overlap ("ruled out" inside "cannot be ruled out"), the longer one speaks.
  const kept = triggers.filter((t) => !triggers.some((o) => o !== t && o.start <= t.start && o.end >= t.end && o.end - o.start > t.end - t.start));
  const terminators = cues.terminators ? [...masked.matchAll(cues.terminators)].map((m) => m.index!) : [];
  const adoptedMatch = cues.adopted ? first(masked, cues.adopted) : null;
  const contrary = cues.contrary ? first(masked, cues.contrary) : null;
  const source = cues.evidence ? firstUnnegated(sentence, cues.evidence) : null;
  return {
    triggers: kept,
    terminators,
    adopted: adoptedMatch,
    source: source?.text ?? null,
    evidence: contrary ? null : (source?.text ?? null),
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

/** The first evidence cue that is not itself denied ("no police report was made"). */
function firstUnnegated(text: string, re: RegExp): { start: number; text: string } | null {
  for (const m of text.matchAll(re)) {
    const before = text.slice(Math.max(0, m.index! - 30), m.index!);
    if (!/\b(?:no|not|never|without|nor|nothing)(?:\s+(?:a|an|the|any))?\s*$/i.test(before)) return { start: m.index!, text: m[0] };
  }
  return null;
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

/**
 * Attribution and multi-word triggers ("no evidence of", "at no point", "do not agree") are
 * specific enough to reach the whole clause, up to a terminator; a single word ("no", "may")
 * reaches only its window, as in NegEx.
 */
function reachesClause(t: CueMatch): boolean {
  return t.status === 'attributed' || /\s/.test(t.text.trim());
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

function wordsBetween(text: string, from: number, to: number): number {
  return text.slice(from, to).match(WORD)?.length ?? 0;
}

export interface Decision {
  status: Status;
  /** The words that decided the status (null for asserted). */
  cue: string | null;
}

/**
 * Decides the assertion status of one mention (offsets relative to its sentence), given the
 * cues of its own sentence and of the sentences either side in the same paragraph.
 * Order: quotation, negation, hypothesis, attribution (unless the writer adopts it), cited
 * evidence (in the sentence, the two before it or the one after it, in the same paragraph:
 * conclusions usually follow what was seen), and otherwise the writer's own assertion.
 */
export function decide(mention: { start: number; end: number }, own: SentenceCues, sentenceText: string, neighbours: SentenceCues[], cues: CompiledCues): Decision {
  if (own.quotes.some(([a, b]) => a < mention.start && mention.end <= b)) return { status: 'attributed', cue: 'quotation' };
  const inScope = (t: CueMatch) => {
    if (t.start < mention.end && t.end > mention.start) return false;
    if (t.direction === 'before') {
      if (t.end > mention.start) return false;
      if (own.terminators.some((p) => p >= t.end && p < mention.start)) return false;
      return reachesClause(t) || wordsBetween(sentenceText, t.end, mention.start) <= cues.windowBefore;
    }
    if (t.start < mention.end) return false;
    if (own.terminators.some((p) => p >= mention.end && p < t.start)) return false;
    return reachesClause(t) || wordsBetween(sentenceText, mention.end, t.start) <= cues.windowAfter;
  };
  const active = own.triggers.filter(inScope);
  const find = (status: CueMatch['status']) => active.find((t) => t.status === status);
  const negation = find('negated');
  if (negation) return { status: 'negated', cue: negation.text };
  const hypothesis = find('hypothetical');
  if (hypothesis) return { status: 'hypothetical', cue: hypothesis.text };
  if (own.question) return { status: 'hypothetical', cue: '?' };
  const evidence = own.evidence ?? neighbours.find((n) => n.evidence)?.evidence ?? null;
  const attribution = find('attributed');
  if (attribution && !(own.adopted && own.adopted.start > attribution.start)) return { status: 'attributed', cue: attribution.text };
  if (evidence) return { status: 'evidenced', cue: evidence };
  return { status: 'asserted', cue: null };
}

export type { Sentence };
