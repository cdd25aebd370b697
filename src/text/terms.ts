import { narrowed, separately } from './alternatives.ts';
import { compiledNow } from './machine-code.ts';

/** Regular-expression source for a literal term: words may be split by any white space or a hyphen, and a hyphen inside a word is optional. */
export function termPattern(term: string): string {
  let pattern = patterns.get(term);
  if (pattern === undefined) {
    pattern = term
      .trim()
      .split(/\s+/)
      .map((word) => (PLAIN_WORD.test(word) ? word : word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\?-/g, '[-\\s]?')))
      .join('(?:\\s*-\\s*|\\s+)');
    if (patterns.size >= 16_384) patterns.clear();
    patterns.set(term, pattern);
  }
  return pattern;
}
/** Terms already written (the packs' word lists are spelled out in several rules and cue lists). */
const patterns = new Map<string, string>();
/** A word that neither replace would change: no regex syntax, no hyphen. */
const PLAIN_WORD = /^[^.*+?^${}()|[\]\\-]*$/;

/** A global, case-insensitive regex that matches `source` only as whole words. */
export function wholeWord(source: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`, 'giu');
}

/**
 * The regex to run on `text`, from its start: for an alternation, one of only the alternatives
 * this text could match (alternatives.ts), compiled straight to machine code (machine-code.ts);
 * null when nothing in the text can match.
 */
function readyFor(re: RegExp | null, text: string): RegExp | null {
  if (!re) return null;
  re.lastIndex = 0;
  const run = narrowed(re, text);
  if (!run) return null;
  compiledNow(run);
  run.lastIndex = 0;
  return run;
}

/** Whether a (possibly global) regex matches, leaving it ready for the next use. */
export function matches(re: RegExp | null, text: string): boolean {
  if (!re) return false;
  const all = separately(re, text);
  if (all !== undefined) {
    re.lastIndex = 0;
    return all.length > 0;
  }
  const run = readyFor(re, text);
  if (!run) return false;
  const found = run.test(text);
  run.lastIndex = 0;
  return found;
}

/** The first match of a (possibly global) regex, as `re.exec(text)` gives its index and text, leaving it ready for the next use. */
export function firstMatch(re: RegExp | null, text: string): { start: number; text: string } | null {
  if (!re) return null;
  const found = separately(re, text);
  if (found !== undefined) {
    re.lastIndex = 0;
    return found.length ? { start: found[0].index, text: found[0][0] } : null;
  }
  const run = readyFor(re, text);
  if (!run) return null;
  const m = run.exec(text);
  run.lastIndex = 0;
  return m ? { start: m.index, text: m[0] } : null;
}

/**
 * Every match of a global regex in `text`, as `text.matchAll(re)` gives them, without the copy
 * of the regex that matchAll makes on each call (about 16 µs for a large alternation: more
 * than the search itself on a short text). The regex is left with lastIndex 0. For an
 * alternation made by `wholeWordAlternation()`, the matches' index and text are those of the regex, but
 * their capture groups are not.
 */
export function allMatches(whole: RegExp, text: string): RegExpExecArray[] {
  const found = separately(whole, text);
  if (found !== undefined) {
    whole.lastIndex = 0;
    return found;
  }
  const out: RegExpExecArray[] = [];
  const re = readyFor(whole, text);
  if (!re) return out;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    out.push(m);
    if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, re.unicode);
  }
  re.lastIndex = 0;
  return out;
}

function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const c = text.charCodeAt(index);
  return c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00 ? index + 2 : index + 1;
}
