/**
 * Fingerprints of a token sequence by winnowing (Schleimer, Wilkerson & Aiken, 2003): hash
 * every run of K tokens (a shingle), then keep the smallest hash in each window of W
 * consecutive shingles. Any passage of at least W + K − 1 tokens shared by two records then
 * shares at least one fingerprint, and a record keeps about 2 / (W + 1) of its shingles.
 */
import { mix } from './hash.ts';

/** Tokens per shingle. */
export const K = 3;
/** Shingles per winnowing window. */
export const W = 8;

/** The hash of every K-token shingle, by its first token's index. */
export function shingles(ids: Uint32Array): Uint32Array {
  return shinglesInto(ids, new Uint32Array(Math.max(0, ids.length - K + 1)));
}

function shinglesInto(ids: Uint32Array, out: Uint32Array): Uint32Array {
  for (let i = 0; i < out.length; i++) {
    let h = 0x9747b28c;
    for (let j = 0; j < K; j++) h = Math.imul(h ^ ids[i + j], 0x5bd1e995) ^ (h >>> 15);
    out[i] = mix(h);
  }
  return out;
}

/**
 * The winnowed fingerprints of a record: the distinct selected hashes, sorted. The rightmost
 * minimum wins ties, so a run of equal hashes gives one fingerprint.
 */
export function winnow(hashes: Uint32Array): Uint32Array {
  return winnowInto(hashes, new Uint32Array(hashes.length)).slice();
}

/** Winnows into `out` (as long as `hashes`); returns the part of it used. */
function winnowInto(hashes: Uint32Array, out: Uint32Array): Uint32Array {
  if (!hashes.length) return out.subarray(0, 0);
  let picked = 0;
  const windows = Math.max(1, hashes.length - W + 1);
  let last = -1;
  let at = -1;
  for (let start = 0; start < windows; start++) {
    const end = Math.min(hashes.length, start + W);
    if (at < start) {
      // The last window's minimum has left: find the rightmost minimum of this one.
      at = start;
      for (let i = start + 1; i < end; i++) if (hashes[i] <= hashes[at]) at = i;
    } else if (hashes[end - 1] <= hashes[at]) at = end - 1; // else it is still the rightmost minimum
    if (at !== last) out[picked++] = hashes[at];
    last = at;
  }
  const sorted = out.subarray(0, picked).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i];
  return sorted.subarray(0, n);
}

let shingleScratch = new Uint32Array(1024);
let pickedScratch = new Uint32Array(1024);
/** Shingles of the longest record whose arrays are kept for the next; a longer one has its own. */
const KEPT = 1 << 16;

/** `winnow(shingles(ids))` in arrays that the next call may reuse (records are fingerprinted one at a time). */
export function fingerprints(ids: Uint32Array): Uint32Array {
  const n = Math.max(0, ids.length - K + 1);
  if (n > KEPT) return winnowInto(shingles(ids), new Uint32Array(n));
  if (shingleScratch.length < n) [shingleScratch, pickedScratch] = [new Uint32Array(2 * n), new Uint32Array(2 * n)];
  return winnowInto(shinglesInto(ids, shingleScratch.subarray(0, n)), pickedScratch);
}
