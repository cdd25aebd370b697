import { allMatches, matches } from '../text/terms.ts';
import { sentenceAt, splitSentences, type Sentence } from './sentences.ts';
import { compileCues, decide, readSentence, type CompiledCues, type Neighbour, type SentenceCues, type Status } from './assertion.ts';
import { mergeCues, type CueLists } from './cues.ts';
import type { SpecFinder, SpecMatch } from './pattern-set.ts';

/** One match of a pattern set in a record, with what the assertion engine says the writer is doing with it. */
export interface Statement {
  start: number;
  end: number;
  text: string;
  /** Found by a topic and a state, not by a term or pattern (see SpecMatch). */
  paired?: true;
  /** For a pair: the words between its topic and its state. */
  gap?: string;
  status: Status;
  /** The cue that decided the status (null when asserted). */
  cue: string | null;
  /** The sentence that holds it, with its offsets in the record. */
  sentence: Sentence;
}

/** The shared assertion cues of every pack (`assertion:` sections), compiled once per check. */
export function sharedCues(sections: Record<string, unknown[]>): CompiledCues {
  return compileCues(mergeCues((sections.assertion ?? []) as CueLists[]));
}

/**
 * Reads one record's text: finds matches of a regex and gives each the status the label
 * engine's assertion rules give a label mention in the same place (negated, hypothetical,
 * attributed, evidenced or asserted), reading the sentence and its neighbours in the paragraph.
 */
export class TextReader {
  private split: Sentence[] | null = null;
  private readonly cache = new Map<number, SentenceCues>();

  constructor(
    readonly text: string,
    private readonly cues: CompiledCues,
    /** Whether the record's first sentence, which says what the record is, gives every match context (`near`). */
    private readonly opening = false,
    /** What the export says of the record beside its text (its author and type: "Dr Helen Price, Consultant Paediatrician", "Hair Strand Test Report"), context for every match too. */
    private readonly about = '',
  ) {}

  /** The text's sentences, split when first needed (most texts read hold no match). */
  get sentences(): Sentence[] {
    return (this.split ??= splitSentences(this.text));
  }

  private cuesOf(i: number): SentenceCues {
    let c = this.cache.get(i);
    if (!c) this.cache.set(i, (c = readSentence(this.sentences[i].text, this.cues)));
    return c;
  }

  /** Indexes of the sentences around sentence i in its paragraph: `before` back and `after` on. */
  around(i: number, before: number, after: number): number[] {
    const out: number[] = [];
    for (let j = i - before; j <= i + after; j++) {
      if (j >= 0 && j < this.sentences.length && this.sentences[j].paragraph === this.sentences[i].paragraph) out.push(j);
    }
    return out;
  }

  /**
   * The sentences whose words give a match its context (`near`): those around it, the heading of
   * a list it stands in, the record's title, and (with `opening`) its first sentence, which says
   * what the record is ("Hair-strand result uploaded.", "Letter from Dr Lowther to GP, …").
   */
  private context(i: number): number[] {
    const around = this.around(i, 2, 1);
    const heading = this.sentences[i].heading;
    const withHeading = heading === undefined || around.includes(heading) ? around : [heading, ...around];
    const opening = this.title().length || !this.opening ? this.title() : [0];
    return [...opening.filter((j) => !withHeading.includes(j)), ...withHeading];
  }

  /** Whether `near` matches in the context of sentence i, or in what the export says of the record. */
  private inContext(near: RegExp, i: number): boolean {
    return this.context(i).some((j) => testOnce(near, this.sentences[j].text)) || (this.about !== '' && testOnce(near, this.about));
  }

  private titleOf: number[] | undefined;
  /**
   * A record's title: a short first paragraph that ends in a colon ("Hair strand results
   * (…), samples collected 20/12/2023:"), which introduces everything after it.
   */
  private title(): number[] {
    if (this.titleOf) return this.titleOf;
    const first = this.sentences.filter((s) => s.paragraph === this.sentences[0]?.paragraph);
    const last = first[first.length - 1];
    const intro = last && last.end - first[0].start <= 300 && /:\s*$/.test(last.text) && first.length < this.sentences.length;
    return (this.titleOf = intro ? first.map((_, j) => j) : []);
  }

  /**
   * Every match of `regex`, with its status. With `near`, a match counts only when `near` also
   * matches in its sentence, the two before it or the one after it, in the same paragraph, or
   * in the heading of a list it stands in.
   * With `leading`, only what comes before the match's end is read for cues: an event is
   * denied by "has not completed…", not by what the next clause says ("…: Holly withdrew her
   * account").
   */
  statements(finder: RegExp | SpecFinder | null, near: RegExp | null = null, leading = false): Statement[] {
    if (!finder) return [];
    const out: Statement[] = [];
    const matches = this.matchesOf(finder);
    for (const m of matches) {
      const start = m.index;
      const end = start + m.text.length;
      const i = sentenceAt(this.sentences, start);
      const s = this.sentences[i];
      if ((near && !this.inContext(near, i)) || (m.near && !this.inContext(m.near, i))) continue;
      const neighbours = this.neighboursOf(i, leading ? 0 : 1);
      const text = leading ? s.text.slice(0, end - s.start) : s.text;
      const own = leading ? readSentence(text, this.cues) : this.cuesOf(i);
      const decision = decide({ start: start - s.start, end: end - s.start }, own, text, neighbours, this.cues);
      out.push({ start, end, text: m.text, status: decision.status, cue: decision.cue, sentence: s, ...(m.paired && { paired: true as const, gap: m.gap }) });
    }
    return out;
  }

  /**
   * Every match, with its sentence but without its status, which `statusOf` reads when it is
   * needed: a check that keeps candidates until it knows whether any can matter saves reading
   * most of them.
   */
  spans(finder: RegExp | SpecFinder | null, near: RegExp | null = null): Span[] {
    if (!finder) return [];
    const out: Span[] = [];
    const matches = this.matchesOf(finder);
    for (const m of matches) {
      const i = sentenceAt(this.sentences, m.index);
      if ((near && !this.inContext(near, i)) || (m.near && !this.inContext(m.near, i))) continue;
      out.push({ start: m.index, end: m.index + m.text.length, text: m.text, sentence: this.sentences[i], ...(m.paired && { paired: true as const }) });
    }
    return out;
  }

  private matchesOf(finder: RegExp | SpecFinder): SpecMatch[] {
    return finder instanceof RegExp ? allMatches(finder, this.text).map((m) => ({ index: m.index, text: m[0] })) : finder.find(this.text);
  }

  /** The sentences around sentence i that the assertion engine reads with it: two before, and `after` after. */
  private neighboursOf(i: number, after: number): Neighbour[] {
    return this.around(i, 2, after)
      .filter((j) => j !== i)
      .map((j) => ({
        position: j < i ? 'before' : 'after',
        distance: Math.abs(j - i),
        offset: this.sentences[j].start - this.sentences[i].start,
        cues: this.cuesOf(j),
      }));
  }

  /** The status of the words at [start, end), read as `statements` reads a match (not leading). */
  /** The status of the words at [start, end), the cue that decided it and, where known, where that cue is in the text. */
  statusOf(start: number, end: number): { status: Status; cue: string | null; cueAt?: { start: number; end: number } } {
    const i = sentenceAt(this.sentences, start);
    const s = this.sentences[i];
    const decision = decide({ start: start - s.start, end: end - s.start }, this.cuesOf(i), s.text, this.neighboursOf(i, 1), this.cues);
    return {
      status: decision.status,
      cue: decision.cue,
      ...(decision.cueAt && { cueAt: { start: s.start + decision.cueAt.start, end: s.start + decision.cueAt.end } }),
    };
  }
}

/** A match of a pattern set before its status is read: where it is and the sentence that holds it. */
export type Span = Omit<Statement, 'status' | 'cue'>;

const testOnce = matches;
