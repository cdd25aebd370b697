import { allMatches, matches, termPattern } from '../text/terms.ts';
import { wholeWordAlternation } from '../text/alternatives.ts';
import { unsafePatternReason } from '../text/safe-regex.ts';
import type { RuleProblem } from '../model/rule-problem.ts';

/**
 * Words and patterns as a rule writes them. Terms are matched as whole words in any case (spaces
 * match any white space, hyphens are optional); patterns are regular expressions. Both may name
 * one of the rule's word lists as `{name}`, which matches any entry of that list.
 */
export interface PatternSpec {
  terms?: string[];
  patterns?: string[];
  /**
   * A statement by what it is about and what it says of it, in either order within one clause
   * (no comma, colon, semicolon or sentence end between) and at most `within` words apart:
   * topic "heroin", state "active" finds "is an active heroin user"; topic "parenting work",
   * state "has not undertaken" finds "has not undertaken any structured parenting work".
   */
  topic?: string[];
  state?: string[];
  within?: number;
  /** More topic-and-state pairs, each with its own words and reach (a topic may change in more than one way). */
  pairs?: TopicState[];
}

/** One topic-and-state pair (see PatternSpec). */
export interface TopicState {
  topic: string[];
  state: string[];
  within?: number;
  /** Terms one of which must stand in the pair's context (as a statement's `near`): for a topic whose words are general ("programme", "discharged home"). */
  near?: string[];
}

/**
 * A rule's named word lists. A plain list gives one entry per word; a mapping gives entries by
 * name with their other wordings (`autism: [autism, ASD, autistic]`), so that "the same entry"
 * can be asked of two statements however each one words it.
 */
export type WordLists = Record<string, string[] | Record<string, string[]>>;

const PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/g;
const ESCAPED_PLACEHOLDER = /\\\{([a-z][a-z0-9_]*)\\\}/g;

const stringList = { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 };

/** JSON Schema of a rule's `words:`. */
export const WORDS_SCHEMA = {
  type: 'object',
  propertyNames: { pattern: '^[a-z][a-z0-9_]*$' },
  additionalProperties: { oneOf: [stringList, { type: 'object', minProperties: 1, additionalProperties: stringList }] },
  description: 'Named word lists, used in terms and patterns as {name}. A mapping names each entry and lists its wordings.',
};

const WITHIN_SCHEMA = { type: 'integer', minimum: 0, maximum: 20, description: 'How many words may stand between topic and state (default 8).' };

/** JSON Schema of a terms/patterns block; `extra` adds keys (e.g. `near`). */
export function patternSpecSchema(description: string, extra: Record<string, object> = {}): object {
  return {
    type: 'object',
    additionalProperties: false,
    description,
    properties: {
      terms: { ...stringList, description: 'Words or phrases, matched as whole words in any case; {name} stands for a word list.' },
      patterns: { ...stringList, description: 'Regular expressions (JavaScript syntax, any case, whole words); {name} stands for a word list.' },
      topic: { ...stringList, description: 'With state: what a statement is about (terms; {name} stands for a word list).' },
      state: {
        ...stringList,
        description: 'With topic: what it says of it ("still", "has not undertaken", "daily"); the two in either order within one clause.',
      },
      within: WITHIN_SCHEMA,
      pairs: {
        type: 'array',
        minItems: 1,
        description: 'More topic-and-state pairs, each read as topic and state are (a topic may change in more than one way).',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['topic', 'state'],
          properties: {
            topic: { ...stringList, description: 'What a statement is about (terms; {name} stands for a word list).' },
            state: { ...stringList, description: 'What it says of it; the two in either order within one clause.' },
            within: WITHIN_SCHEMA,
            near: {
              ...stringList,
              description:
                "Terms one of which must stand in the context of this pair (its sentence, the two before, the one after, the record's opening, author and type).",
            },
          },
        },
      },
      ...extra,
    },
  };
}

/** One entry of a word list: its name and every wording of it. */
export interface WordEntry {
  key: string;
  forms: string[];
}

export function wordEntries(words: WordLists | undefined, name: string): WordEntry[] {
  const list = words?.[name];
  if (!list) return [];
  if (Array.isArray(list)) return list.map((w) => ({ key: normalise(w), forms: [w] }));
  return Object.entries(list).map(([key, forms]) => ({ key, forms: [key, ...forms] }));
}

function alternation(words: WordLists | undefined, name: string): string {
  const forms = [...new Set(wordEntries(words, name).flatMap((e) => e.forms))].sort((a, b) => b.length - a.length);
  return `(?:${forms.map(termPattern).join('|')})`;
}

/** Regex source of a term, with its `{name}` word lists expanded. */
export function termSource(term: string, words?: WordLists): string {
  return termPattern(term).replace(ESCAPED_PLACEHOLDER, (_, name: string) => alternation(words, name));
}

/** Regex source of a pattern, with its `{name}` word lists expanded. */
export function patternSource(pattern: string, words?: WordLists): string {
  return pattern.replace(PLACEHOLDER, (_, name: string) => alternation(words, name));
}

/** The word lists a piece of text refers to. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** Problems with a terms/patterns block (unknown word lists, invalid or unsafe patterns), keyed from `key`. */
export function patternSpecProblems(spec: PatternSpec | undefined, key: string, words?: WordLists, required = true): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!spec) return problems;
  const topicState = !!(spec.topic?.length && spec.state?.length);
  if (required && !spec.terms?.length && !spec.patterns?.length && !topicState && !spec.pairs?.length)
    problems.push({ key, message: 'needs terms or patterns, or a topic and a state' });
  if (!!spec.topic?.length !== !!spec.state?.length) problems.push({ key, message: 'topic and state go together' });
  const unknown = (text: string, at: string) => {
    for (const name of placeholders(text))
      if (!words?.[name])
        problems.push({ key: at, message: `{${name}} is not one of the rule's word lists (${Object.keys(words ?? {}).join(', ') || 'none'})` });
  };
  spec.topic?.forEach((t, i) => unknown(t, `${key}/topic/${i}`));
  spec.state?.forEach((t, i) => unknown(t, `${key}/state/${i}`));
  spec.pairs?.forEach((pair, j) => {
    pair.topic.forEach((t, i) => unknown(t, `${key}/pairs/${j}/topic/${i}`));
    pair.state.forEach((t, i) => unknown(t, `${key}/pairs/${j}/state/${i}`));
    pair.near?.forEach((t, i) => unknown(t, `${key}/pairs/${j}/near/${i}`));
  });
  spec.terms?.forEach((t, i) => unknown(t, `${key}/terms/${i}`));
  spec.patterns?.forEach((p, i) => {
    const at = `${key}/patterns/${i}`;
    const before = problems.length;
    unknown(p, at);
    if (problems.length > before) return;
    const source = patternSource(p, words);
    try {
      new RegExp(source, 'iu');
    } catch (err) {
      problems.push({ key: at, message: `not a valid regular expression: ${(err as Error).message}` });
      return;
    }
    const unsafe = unsafePatternReason(source);
    if (unsafe) problems.push({ key: at, message: `pattern refused: ${unsafe}` });
    else if (endsInSpace(p))
      problems.push({
        key: at,
        message: 'pattern ends in a space: matched as whole words, it can only match before punctuation (put the space inside the lookahead)',
      });
  });
  return problems;
}

/** A pattern whose matched words end in a space, before any lookarounds ("…due to (?!her)"): whole-word matching makes it fail before a letter. */
function endsInSpace(pattern: string): boolean {
  let p = pattern;
  for (let m = TRAILING_LOOKAROUND.exec(p); m; m = TRAILING_LOOKAROUND.exec(p)) p = p.slice(0, m.index);
  return p !== pattern && / $/.test(p);
}
const TRAILING_LOOKAROUND = /\(\?<?[!=](?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)$/;

/** A terms/patterns block as one global, any-case, whole-word regex; null when it is empty. */
export function compilePatternSpec(spec: PatternSpec | undefined, words?: WordLists): RegExp | null {
  const parts = [...(spec?.terms ?? []).map((t) => termSource(t, words)), ...(spec?.patterns ?? []).map((p) => `(?:${patternSource(p, words)})`)];
  if (!parts.length) return null;
  return wholeWordAlternation(parts);
}

/** One place a spec matches: where it starts and the words it covers. */
export interface SpecMatch {
  index: number;
  text: string;
  /** Found by a topic and a state ("one room" … "living in"), which say nothing of time themselves. */
  paired?: true;
  /** Words one of which must stand in the match's context (its pair's `near`). */
  near?: RegExp;
  /** For a pair: the words between its topic and its state. */
  gap?: string;
}

/**
 * Finds a pattern spec's statements: its terms and patterns, and its topic-and-state pairs. A
 * pair is a topic and the nearest state in the same clause (no comma, colon, semicolon, bracket
 * or sentence end between them), in either order, at most `within` words apart; the statement
 * covers both and what lies between. Pairs are found by looking for states only where a topic
 * is, so common state words ("still", "is") cost nothing in texts without a topic.
 */
/** A short aside in brackets, between a topic and its state. */
const ASIDE = /\([^()\n]{1,80}\)/g;

interface Pair {
  topic: RegExp;
  state: RegExp;
  within: number;
  near: RegExp | null;
}

export class SpecFinder {
  readonly regex: RegExp | null;
  private readonly pairs: Pair[];
  /** The source of a regex a text must be able to match for a match to be possible (the terms and patterns, or a topic and a state). */
  readonly gateSource: string | null;

  constructor(spec: PatternSpec | undefined, words?: WordLists) {
    this.regex = compilePatternSpec(spec, words);
    const pairs: TopicState[] = [
      ...(spec?.topic?.length && spec.state?.length ? [{ topic: spec.topic, state: spec.state, within: spec.within }] : []),
      ...(spec?.pairs ?? []),
    ];
    this.pairs = pairs.map((p) => ({
      topic: compilePatternSpec({ terms: p.topic }, words)!,
      state: compilePatternSpec({ terms: p.state }, words)!,
      within: p.within ?? 8,
      near: p.near ? compilePatternSpec({ terms: p.near }, words) : null,
    }));
    // The gate needs a topic and a state anywhere in the text, or one of the terms and patterns.
    // It is only read for the literals a match needs, never run, so it is kept as source: made
    // into a regex, V8 would read all of it (tens of thousands of characters) for nothing.
    const pairGates = this.pairs.map(({ topic, state }) => `(?:${topic.source})[\\s\\S]*(?:${state.source})|(?:${state.source})[\\s\\S]*(?:${topic.source})`);
    this.gateSource = pairGates.length ? [this.regex?.source, ...pairGates].filter(Boolean).join('|') : (this.regex?.source ?? null);
  }

  get empty(): boolean {
    return !this.regex && !this.pairs.length;
  }

  find(text: string): SpecMatch[] {
    const out: SpecMatch[] = this.regex ? allMatches(this.regex, text).map((m) => ({ index: m.index, text: m[0] })) : [];
    for (const pair of this.pairs) this.findPairs(pair, text, out);
    return out.sort((x, y) => x.index - y.index);
  }

  private findPairs({ topic, state, within, near }: Pair, text: string, out: SpecMatch[]): void {
    const topics = allMatches(topic, text);
    for (const t of topics) {
      // States are looked for only in the topic's clause, a few words either side.
      const from = Math.max(0, t.index - 160);
      const to = Math.min(text.length, t.index + t[0].length + 160);
      const states = allMatches(state, text.slice(from, to)).map((m) => Object.assign(m, { index: m.index + from }));
      let best: { index: number; end: number; words: number; gap: string } | null = null;
      for (const st of states) {
        const [a, b] = st.index < t.index ? [st.index + st[0].length, t.index] : [t.index + t[0].length, st.index];
        if (a > b) continue;
        // (An aside in brackets is not part of the clause: "caution (common assault, 2019) deleted".)
        const gap = text.slice(a, b).replace(ASIDE, ' ');
        if (/[,;:.!?()\n]/.test(gap)) continue;
        const words = gap.match(/[\p{L}\p{N}'’-]+/gu)?.length ?? 0;
        if (words > within || (best && best.words <= words)) continue;
        best = { index: st.index, end: st.index + st[0].length, words, gap: text.slice(a, b) };
      }
      if (!best) continue;
      const start = Math.min(t.index, best.index);
      const end = Math.max(t.index + t[0].length, best.end);
      if (out.some((m) => m.index < end && start < m.index + m.text.length)) continue;
      out.push({ index: start, text: text.slice(start, end), paired: true, gap: best.gap, ...(near && { near }) });
    }
  }
}

/** Finds which entry of a word list a piece of text names (the longest wording wins), or null. */
export class EntryFinder {
  private readonly forms: { key: string; re: RegExp; length: number }[];

  constructor(entries: WordEntry[]) {
    this.forms = entries
      .flatMap((e) => e.forms.map((f) => ({ key: e.key, re: wholeWordAlternation([termPattern(f)], 'iu'), length: f.length })))
      .sort((a, b) => b.length - a.length);
  }

  find(text: string): string | null {
    return this.forms.find((f) => matches(f.re, text))?.key ?? null;
  }

  /** Every entry a text names, each once, longest wording first. */
  findAll(text: string): string[] {
    return [...new Set(this.forms.filter((f) => matches(f.re, text)).map((f) => f.key))];
  }
}

export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[-\s]+/g, ' ')
    .trim();
}
