/**
 * What was changed between a copied passage and its source, word by word as written (names,
 * dates and numbers included, case and punctuation ignored): the changed stretches of each
 * aligned piece, found by a longest-common-subsequence diff of its words.
 */
import type { Piece } from './align.ts';
import type { Tokens } from './tokens.ts';
import { joinQuoted, quote, written, type Quoted } from '../../model/quote.ts';

export interface Edit {
  /** The source's words (empty when words were added). */
  was: string;
  /** The copy's words (empty when words were left out). */
  now: string;
}

/** Longest piece diffed word by word (a longer one is counted as one change if it differs). */
const MAX_DIFF = 600;

function words(text: string, tokens: Tokens, from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) out.push(text.slice(tokens.starts[i], tokens.ends[i]));
  return out;
}

/** The changes in every piece, in the copy's order. */
export function editsOf(targetText: string, target: Tokens, sourceText: string, source: Tokens, pieces: Piece[]): Edit[] {
  const out: Edit[] = [];
  for (const p of pieces) out.push(...diff(words(sourceText, source, p.sStart, p.sEnd), words(targetText, target, p.tStart, p.tEnd)));
  return out;
}

/** The changed stretches between two word lists. */
export function diff(a: string[], b: string[]): Edit[] {
  const [n, m] = [a.length, b.length];
  if (n > MAX_DIFF || m > MAX_DIFF) return a.join(' ').toLowerCase() === b.join(' ').toLowerCase() ? [] : [{ was: a.join(' '), now: b.join(' ') }];
  const la = a.map((w) => w.toLowerCase());
  const lb = b.map((w) => w.toLowerCase());
  // table[i][j]: LCS of a[i..] and b[j..].
  const table = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) table[i][j] = la[i] === lb[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  const edits: Edit[] = [];
  let was: string[] = [];
  let now: string[] = [];
  const flush = () => {
    if (was.length || now.length) edits.push({ was: was.join(' '), now: now.join(' ') });
    [was, now] = [[], []];
  };
  let [i, j] = [0, 0];
  while (i < n || j < m) {
    if (i < n && j < m && la[i] === lb[j]) {
      flush();
      i++;
      j++;
    } else if (j < m && (i === n || table[i][j + 1] >= table[i + 1][j])) now.push(b[j++]);
    else was.push(a[i++]);
  }
  flush();
  return edits;
}

/** Edits shown in a finding's message and details; the rest are counted. */
export const EDITS_SHOWN = 8;

/** “was” → “now”, “was” left out, “now” added: the words of this record and its source, as quotes. */
export function describeEdits(edits: Edit[], ids: { target: string; source: string }, shown = EDITS_SHOWN): Quoted {
  // The same change made several times is shown once, with how many times (any case).
  const grouped = new Map<string, { edit: Edit; times: number }>();
  for (const e of edits) {
    const key = `${e.was.toLowerCase()}\u0000${e.now.toLowerCase()}`;
    const had = grouped.get(key);
    if (had) had.times++;
    else grouped.set(key, { edit: e, times: 1 });
  }
  const all = [...grouped.values()];
  const parts = all.slice(0, shown).map(({ edit: e, times }) => {
    const was = quote(e.was, ids.source);
    const now = quote(e.now, ids.target);
    const change = !e.now ? written`“${was}” left out` : !e.was ? written`“${now}” added` : written`“${was}” → “${now}”`;
    return times > 1 ? written`${change} (${times} times)` : change;
  });
  const more = all.length - parts.length;
  return written`${joinQuoted(parts, ', ')}${more > 0 ? ` and ${more} more` : ''}`;
}
