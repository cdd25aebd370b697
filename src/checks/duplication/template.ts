import { K, W } from './fingerprints.ts';
import type { Tokens } from './tokens.ts';

/** Longest stretch of boilerplate taken as a stock phrase, not grown to its sentences. */
const STOCK_PHRASE = 8;

/**
 * Marks the target's template tokens: those under a template shingle, those between two
 * template shingles at most W apart (winnowing keeps at least one shingle in W of a shared
 * text), and, for a stretch of boilerplate longer than a stock phrase (8 words), the rest of
 * the sentences it starts and ends in when that is under W words.
 */
export function templateMask(hashes: Uint32Array, tokens: Tokens, isTemplate: (h: number) => boolean): Uint8Array {
  const n = tokens.ids.length;
  const mask = new Uint8Array(n);
  let last = -Infinity;
  hashes.forEach((h, p) => {
    if (!isTemplate(h)) return;
    mask.fill(1, p - last <= W ? last : p, p + K);
    last = p;
  });
  for (let i = 0; i < n; ) {
    if (!mask[i]) {
      i++;
      continue;
    }
    let end = i;
    while (end < n && mask[end]) end++;
    if (end - i >= STOCK_PHRASE) {
      // Whole sentences: grow to the sentence around the stretch, or else shrink to the
      // sentences inside it, so boilerplate never ends in the middle of a sentence.
      let start = i;
      while (start > 0 && !tokens.opens[start] && i - start < W) start--;
      if (tokens.opens[start]) mask.fill(1, start, i);
      else for (let k = i; k < end && !tokens.opens[k]; k++) mask[k] = 0;
      let stop = end;
      while (stop < n && !tokens.opens[stop] && stop - end < W) stop++;
      if (stop === n || tokens.opens[stop]) mask.fill(1, end, stop);
      else
        for (let k = end - 1; k >= i; k--) {
          mask[k] = 0;
          if (tokens.opens[k]) break;
        }
      end = stop;
    } else if (!(tokens.opens[i] && (end === n || tokens.opens[end]))) {
      // A stock phrase inside a sentence ("was seen alone in his bedroom") is part of what
      // the sentence says: not boilerplate unless it is the whole sentence.
      mask.fill(0, i, end);
    }
    i = end;
  }
  return mask;
}
