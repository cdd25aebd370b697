/**
 * Exact verification of one candidate pair on the masked token sequences: find the runs of
 * identical tokens (seeded by every shared K-token shingle), chain runs on nearby diagonals
 * across small edits, and keep the best-scoring stretch of each chain as a passage.
 */
import { K } from './fingerprints.ts';
import { NAME_ID } from './tokens.ts';

/** A masked token sequence as verification reads it. */
export interface Sequence {
  ids: Uint32Array;
  wild: Uint8Array;
  opens: Uint8Array;
}

/** Largest edit (tokens on either side) bridged between two runs of one passage. */
export const MAX_GAP = 16;
/** Largest edit bridged to pick up a short run at either end of a passage. */
const MAX_EDGE_GAP = 3;
/** Each unmatched token inside a passage costs this many matched ones. */
const GAP_COST = 2;
/** Longest fragment of a sentence dropped from either end of a passage. */
const SNAP = 6;
/** Positions kept per shingle hash, so a text that repeats itself stays cheap. */
const MAX_POSITIONS = 16;

export interface Run {
  t: number;
  s: number;
  len: number;
}

export interface Passage {
  /** Token range in the later (target) record, end exclusive. */
  tStart: number;
  tEnd: number;
  /** Token range in the earlier (source) record. */
  sStart: number;
  sEnd: number;
  /** Tokens matched (runs and the common part of the edits between them). */
  matched: number;
  /** Matched tokens of the target that are not template. */
  original: number;
  /** 2 × matched / (target tokens + source tokens). */
  similarity: number;
  /** Matched tokens less GAP_COST for each token of the longer side left unmatched: ranks rival sources. */
  quality: number;
  /** The target tokens aligned before boilerplate and sentence fragments were trimmed. */
  alignedStart: number;
  alignedEnd: number;
  /** The aligned pieces, in target order: one, or several when sentences were moved (see joinPieces). */
  pieces: Piece[];
  /** True when the pieces come from the source in another order. */
  reordered: boolean;
}

/** One stretch aligned without a move: target and source token ranges, end exclusive. */
export interface Piece {
  tStart: number;
  tEnd: number;
  sStart: number;
  sEnd: number;
}

/** Fewest matched words of a piece joined to another: most of a short sentence, more than a stock phrase. */
const MIN_PIECE = 8;

/**
 * Passages that follow each other in the target but come from different places of the source,
 * in any order (sentences moved, a sentence split in two or two merged), joined into one. Each
 * piece must be at least MIN_PIECE matched words and `minSimilarity` close on its own, and the
 * pieces may not share source words. The joined passages are added to the list: the rival
 * findings for one stretch are settled later, by quality.
 */
export function joinPieces(found: Passage[], t: Sequence, s: Sequence, template: Uint8Array, minSimilarity: number): Passage[] {
  const pieces = found.filter((p) => p.matched >= MIN_PIECE && p.similarity >= minSimilarity);
  // The best pieces first; a piece overlapping a better one in the target is left out.
  const chosen: Passage[] = [];
  for (const p of [...pieces].sort((a, b) => b.quality - a.quality || a.tStart - b.tStart)) {
    if (!chosen.some((c) => c.tStart < p.tEnd && p.tStart < c.tEnd)) chosen.push(p);
  }
  chosen.sort((a, b) => a.tStart - b.tStart);
  // Each piece grown over the changed words at its ends, up to its neighbours.
  const grown = chosen.map((p, i) => extendPiece(p, t, s, template, i ? chosen[i - 1].tEnd : 0, i + 1 < chosen.length ? chosen[i + 1].tStart : t.ids.length));
  chosen.splice(0, chosen.length, ...grown);
  const out = [...found];
  for (let i = 0; i < chosen.length; ) {
    const group = [chosen[i]];
    let j = i + 1;
    for (; j < chosen.length; j++) {
      const p = chosen[j];
      const last = group[group.length - 1];
      // A rewritten stretch between two pieces is bridged when it is no longer than either
      // piece (or than the largest edit a chain bridges), and the whole stays close enough.
      if (p.tStart - last.tEnd > Math.max(MAX_GAP, Math.min(last.tEnd - last.tStart, p.tEnd - p.tStart))) break;
      if (group.some((g) => g.sStart < p.sEnd && p.sStart < g.sEnd)) break;
      if (joined([...group, p]).similarity < minSimilarity) break;
      group.push(p);
    }
    if (group.length > 1) out.push(joined(group));
    i = j;
  }
  return out;
}

/** Most a piece's score may fall below its best while it is grown over changed words (X-drop). */
const X_DROP = 3;

/**
 * The piece grown along its diagonal at both ends while the words keep matching more than not
 * (+1 a word equal, −1 a word changed; stopped X_DROP below the best and at the best), within
 * target tokens [low, high): words substituted where the piece was cut.
 */
function extendPiece(p: Passage, t: Sequence, s: Sequence, template: Uint8Array, low: number, high: number): Passage {
  const grow = (tAt: number, sAt: number, dir: 1 | -1): { len: number; matched: number; original: number } => {
    let [score, best, len, matched, original, m, o] = [0, 0, 0, 0, 0, 0, 0];
    for (let k = 1; ; k++) {
      const a = dir === 1 ? tAt + k - 1 : tAt - k;
      const b = dir === 1 ? sAt + k - 1 : sAt - k;
      if (a < low || a >= high || b < 0 || b >= s.ids.length) break;
      if (t.ids[a] === s.ids[b]) {
        score++;
        m++;
        if (!template[a]) o++;
      } else score--;
      if (score > best) [best, len, matched, original] = [score, k, m, o];
      if (score < best - X_DROP) break;
    }
    return { len, matched, original };
  };
  const right = grow(p.tEnd, p.sEnd, 1);
  const left = grow(p.tStart, p.sStart, -1);
  if (!right.len && !left.len) return p;
  const [tStart, tEnd, sStart, sEnd] = [p.tStart - left.len, p.tEnd + right.len, p.sStart - left.len, p.sEnd + right.len];
  const matched = p.matched + left.matched + right.matched;
  return {
    ...p,
    tStart,
    tEnd,
    sStart,
    sEnd,
    matched,
    original: p.original + left.original + right.original,
    similarity: (2 * matched) / (tEnd - tStart + (sEnd - sStart)),
    quality: matched - GAP_COST * (tEnd - tStart - matched),
    alignedStart: Math.min(p.alignedStart, tStart),
    alignedEnd: Math.max(p.alignedEnd, tEnd),
    pieces: [{ tStart, tEnd, sStart, sEnd }],
  };
}

/**
 * One passage of pieces. Its similarity counts the target's words between the pieces as
 * unmatched; of the source, only the pieces' words count (the words between them in the source
 * may be in another piece of the copy, moved).
 */
function joined(group: Passage[]): Passage {
  const first = group[0];
  const last = group[group.length - 1];
  const sum = (f: (p: Passage) => number) => group.reduce((n, p) => n + f(p), 0);
  const matched = sum((p) => p.matched);
  const tLength = last.tEnd - first.tStart;
  const pieces = group.flatMap((p) => p.pieces);
  const sLength = sum((p) => p.sEnd - p.sStart);
  return {
    tStart: first.tStart,
    tEnd: last.tEnd,
    sStart: Math.min(...group.map((p) => p.sStart)),
    sEnd: Math.max(...group.map((p) => p.sEnd)),
    matched,
    original: sum((p) => p.original),
    similarity: (2 * matched) / (tLength + sLength),
    quality: matched - GAP_COST * (Math.max(tLength, sLength) - matched),
    alignedStart: Math.min(...group.map((p) => p.alignedStart)),
    alignedEnd: Math.max(...group.map((p) => p.alignedEnd)),
    pieces,
    reordered: pieces.some((p, i) => i > 0 && p.sStart < pieces[i - 1].sEnd),
  };
}

/** Equal tokens; a capitalised word opening a sentence also equals a masked name or another such word. */
function eq(t: Sequence, s: Sequence, i: number, j: number): boolean {
  return t.ids[i] === s.ids[j] || ((t.wild[i] === 1 || t.ids[i] === NAME_ID) && (s.wild[j] === 1 || s.ids[j] === NAME_ID));
}

/** Maximal runs of equal tokens between target `t` and source `s`, by target position. */
export function matchRuns(t: Sequence, s: Sequence, tShingles: Uint32Array, sShingles: Uint32Array): Run[] {
  const at = positions(sShingles);
  const runs: Run[] = [];
  // End of the last run found on each diagonal p − q (index p − q + source length), or -1.
  const reach = scratch(1, tShingles.length + sShingles.length + 1).fill(-1);
  for (let p = 0; p < tShingles.length; p++) {
    for (let q = at.first(tShingles[p]); q >= 0; q = at.next[q]) {
      const diagonal = p - q + sShingles.length;
      if (reach[diagonal] > p || !same(t, s, p, q, K)) continue;
      let a = p;
      let b = q;
      while (a > 0 && b > 0 && eq(t, s, a - 1, b - 1)) {
        a--;
        b--;
      }
      let len = p - a + K;
      while (a + len < t.ids.length && b + len < s.ids.length && eq(t, s, a + len, b + len)) len++;
      const run = exactEnds(t, s, { t: a, s: b, len });
      runs.push(run);
      reach[diagonal] = run.t + run.len;
    }
  }
  return runs.sort((x, y) => x.t - y.t || x.s - y.s);
}

/** Int32 arrays reused from pair to pair (verification is one pair at a time), up to KEPT long. */
const scratches: Int32Array[] = [];
const KEPT = 1 << 18;

function scratch(k: number, n: number): Int32Array {
  if (n > KEPT) return new Int32Array(n);
  if (!scratches[k] || scratches[k].length < n) scratches[k] = new Int32Array(Math.min(KEPT, Math.max(n, 2 * (scratches[k]?.length ?? 512))));
  return scratches[k].subarray(0, n);
}

/**
 * The positions of each shingle hash, at most MAX_POSITIONS of them, in order: an open
 * addressing table from hash to its first position, and each position's next one.
 */
function positions(shingles: Uint32Array): { first: (h: number) => number; next: Int32Array } {
  let size = 16;
  while (size < 2 * shingles.length) size *= 2;
  const mask = size - 1;
  const keys = scratch(2, size);
  const head = scratch(3, size).fill(-1);
  const tail = scratch(4, size);
  const count = scratch(5, size);
  const next = scratch(6, shingles.length).fill(-1);
  for (let q = 0; q < shingles.length; q++) {
    const h = shingles[q] | 0;
    let slot = h & mask;
    while (head[slot] >= 0 && keys[slot] !== h) slot = (slot + 1) & mask;
    if (head[slot] < 0) {
      keys[slot] = h;
      head[slot] = tail[slot] = q;
      count[slot] = 1;
    } else if (count[slot] < MAX_POSITIONS) {
      next[tail[slot]] = q;
      tail[slot] = q;
      count[slot]++;
    }
  }
  const first = (hash: number): number => {
    const h = hash | 0;
    let slot = h & mask;
    while (head[slot] >= 0 && keys[slot] !== h) slot = (slot + 1) & mask;
    return head[slot];
  };
  return { first, next };
}

/**
 * Chains runs into passages. `template[i]` marks target tokens that are boilerplate: they
 * neither count towards a passage's original words nor start or end one.
 */
export function passages(runs: Run[], t: Sequence, s: Sequence, template: Uint8Array): Passage[] {
  const used = new Uint8Array(runs.length);
  const out: Passage[] = [];
  for (let i = 0; i < runs.length; i++) {
    if (used[i]) continue;
    const chain = [runs[i]];
    used[i] = 1;
    for (let cur = runs[i], next = nextRun(runs, used, cur); next >= 0; next = nextRun(runs, used, cur)) {
      used[next] = 1;
      chain.push((cur = runs[next]));
    }
    extendEdges(chain, t, s);
    const best = bestStretch(chain, t, s, template);
    if (best) out.push(best);
  }
  return out;
}

/**
 * The run that continues `cur` across the smallest edit (the longer on a tie, then the first):
 * one that starts after it ends, at most MAX_GAP tokens later on either side. `runs` are
 * sorted by target start, so only those starting within MAX_GAP of its end are looked at.
 */
function nextRun(runs: Run[], used: Uint8Array, cur: Run): number {
  const end = cur.t + cur.len;
  let low = 0;
  let high = runs.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (runs[mid].t < end) low = mid + 1;
    else high = mid;
  }
  let best = -1;
  let bestGap = Infinity;
  for (let j = low; j < runs.length && runs[j].t - end <= MAX_GAP; j++) {
    const r = runs[j];
    if (used[j] || r.s < cur.s + cur.len) continue;
    const gap = r.t - end + (r.s - (cur.s + cur.len));
    if (r.s - (cur.s + cur.len) > MAX_GAP) continue;
    if (gap < bestGap || (gap === bestGap && r.len > runs[best].len)) [best, bestGap] = [j, gap];
  }
  return best;
}

/** Adds short runs (too short to be seeded) just beyond either end, past a small edit. */
function extendEdges(chain: Run[], t: Sequence, s: Sequence): void {
  for (;;) {
    const last = chain[chain.length - 1];
    const found = nearRun(t, s, last.t + last.len, last.s + last.len, 1);
    if (!found) break;
    chain.push(found);
  }
  for (;;) {
    const first = chain[0];
    const found = nearRun(t, s, first.t - 1, first.s - 1, -1);
    if (!found) break;
    chain.unshift(found);
  }
}

/** The closest run of at least max(2, edit size) tokens from (p, q) in direction `dir`. */
function nearRun(t: Sequence, s: Sequence, p: number, q: number, dir: 1 | -1): Run | null {
  for (let gap = 1; gap <= MAX_EDGE_GAP * 2; gap++) {
    const needed = Math.max(2, gap);
    for (let dt = Math.max(0, gap - MAX_EDGE_GAP); dt <= Math.min(gap, MAX_EDGE_GAP); dt++) {
      const a = p + dir * dt;
      const b = q + dir * (gap - dt);
      let len = 0;
      while (a + dir * len >= 0 && b + dir * len >= 0 && a + dir * len < t.ids.length && b + dir * len < s.ids.length && eq(t, s, a + dir * len, b + dir * len))
        len++;
      // Trimming the loose ends only shortens a run: one already too short is passed over.
      if (len < needed) continue;
      const run = exactEnds(t, s, dir === 1 ? { t: a, s: b, len } : { t: a - len + 1, s: b - len + 1, len });
      if (run.len >= needed) return run;
    }
  }
  return null;
}

/** The stretch of the chain (from a run to a run) with the best score, trimmed of template at its ends. */
function bestStretch(chain: Run[], t: Sequence, s: Sequence, template: Uint8Array): Passage | null {
  const own = chain.map((r) => countOriginal(template, r.t, r.t + r.len));
  const gaps = chain.slice(1).map((r, i) => {
    const p = chain[i];
    const [gt, gs] = [r.t - p.t - p.len, r.s - p.s - p.len];
    const common = lcs(t, s, p.t + p.len, gt, p.s + p.len, gs);
    return { common, score: common - GAP_COST * (Math.max(gt, gs) - common) };
  });
  let best: { i: number; j: number; score: number; tokens: number } | null = null;
  for (let i = 0; i < chain.length; i++) {
    let score = 0;
    for (let j = i; j < chain.length; j++) {
      score += own[j] + (j > i ? gaps[j - 1].score : 0);
      const tokens = chain[j].t + chain[j].len - chain[i].t;
      if (score > 0 && (!best || score > best.score || (score === best.score && tokens < best.tokens))) best = { i, j, score, tokens };
    }
  }
  if (!best) return null;
  const first = chain[best.i];
  const last = chain[best.j];
  let [tStart, sStart, tEnd, sEnd] = [first.t, first.s, last.t + last.len, last.s + last.len];
  const [alignedStart, alignedEnd] = [tStart, tEnd];
  let matched = 0;
  let original = 0;
  for (let x = best.i; x <= best.j; x++) {
    matched += chain[x].len + (x > best.i ? gaps[x - 1].common : 0);
    original += own[x] + (x > best.i ? gaps[x - 1].common : 0);
  }
  // Moves an end of the passage over target tokens [from, to): -1 drops them, +1 takes them in.
  const shift = (from: number, to: number, sign: 1 | -1) => {
    matched += sign * (to - from);
    original += sign * countOriginal(template, from, to);
  };
  // Template at either end is not part of the passage, nor a heading or tail of a few words
  // beside boilerplate sentences.
  const firstEnd = first.t + first.len;
  for (let k = tStart; k < Math.min(tStart + SNAP, firstEnd, tEnd); k++) {
    if (!template[k] || (k > tStart && !t.opens[k])) continue;
    while (k < firstEnd && k < tEnd && template[k]) k++;
    shift(tStart, k, -1);
    [sStart, tStart] = [sStart + (k - tStart), k];
    break;
  }
  for (let k = tEnd; k > Math.max(tEnd - SNAP, last.t, tStart); k--) {
    if (!template[k - 1] || (k < tEnd && !t.opens[k])) continue;
    while (k > last.t && k > tStart && template[k - 1]) k--;
    shift(k, tEnd, -1);
    [sEnd, tEnd] = [sEnd - (tEnd - k), k];
    break;
  }
  // Take back a changed name that opens the first sentence ("Amy said…" for "Josh said…").
  while (tStart > 0 && sStart > 0 && !t.opens[tStart] && !template[tStart - 1] && eq(t, s, tStart - 1, sStart - 1)) {
    shift(tStart - 1, tStart, 1);
    [tStart, sStart] = [tStart - 1, sStart - 1];
  }
  // Stray words of another sentence go: one or two at the start ("…date. The home was"), and
  // at the end up to SNAP words of a sentence the passage stops in the middle of, which are
  // most often a stock opening ("Ms Ward said she") that matched by chance.
  for (let o = tStart + 1; o <= tStart + 2 && o < firstEnd && o < tEnd; o++) {
    if (!t.opens[o]) continue;
    shift(tStart, o, -1);
    [sStart, tStart] = [sStart + (o - tStart), o];
    break;
  }
  for (let o = tEnd - 1; o >= tEnd - SNAP && o > last.t && o > tStart; o--) {
    if (!t.opens[o]) continue;
    if (tEnd - o <= 2 || (tEnd < t.ids.length && !t.opens[tEnd])) {
      shift(o, tEnd, -1);
      [sEnd, tEnd] = [sEnd - (tEnd - o), o];
    }
    break;
  }
  if (tEnd <= tStart || sEnd <= sStart) return null;
  const similarity = (2 * matched) / (tEnd - tStart + (sEnd - sStart));
  const quality = matched - GAP_COST * (Math.max(tEnd - tStart, sEnd - sStart) - matched);
  return {
    tStart,
    tEnd,
    sStart,
    sEnd,
    matched,
    original,
    similarity,
    quality,
    alignedStart,
    alignedEnd,
    pieces: [{ tStart, tEnd, sStart, sEnd }],
    reordered: false,
  };
}

function countOriginal(template: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (!template[i]) n++;
  return n;
}

/**
 * The run without the loose matches (a sentence-opening word for a name) at its ends: inside a
 * run they bridge a changed name, at an end they would swallow the next sentence's first word.
 */
function exactEnds(t: Sequence, s: Sequence, run: Run): Run {
  let { t: a, s: b, len } = run;
  while (len > 0 && t.ids[a] !== s.ids[b]) [a, b, len] = [a + 1, b + 1, len - 1];
  while (len > 0 && t.ids[a + len - 1] !== s.ids[b + len - 1]) len--;
  return { t: a, s: b, len };
}

function same(t: Sequence, s: Sequence, p: number, q: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (t.ids[p + i] !== s.ids[q + i]) return false;
  return true;
}

/** Length of the longest common subsequence of t[a, a+n) and s[b, b+m) (both at most MAX_GAP). */
function lcs(t: Sequence, s: Sequence, a: number, n: number, b: number, m: number): number {
  if (!n || !m) return 0;
  let prev = new Uint8Array(m + 1);
  let row = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) row[j] = eq(t, s, a + i - 1, b + j - 1) ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
    [prev, row] = [row, prev];
  }
  return prev[m];
}
