import { describe, expect, it } from 'vitest';
import { fingerprints, shingles, W, winnow } from './fingerprints.ts';
import { random } from '../../../test/support/random.ts';

/** Winnowing as defined: the rightmost minimum of every window of W, distinct and sorted. */
function reference(hashes: Uint32Array): number[] {
  const picked = new Set<number>();
  for (let start = 0; start < Math.max(1, hashes.length - W + 1) && hashes.length; start++) {
    const window = [...hashes.subarray(start, start + W)];
    picked.add(window[window.lastIndexOf(Math.min(...window))]);
  }
  return [...picked].sort((a, b) => a - b);
}

describe('fingerprints', () => {
  it('keeps the rightmost minimum of each window, ties and short sequences included', () => {
    const next = random(3);
    for (let n = 0; n < 2000; n++) {
      const hashes = Uint32Array.from({ length: n % 40 }, () => next() % (n % 3 ? 1000 : 4));
      expect([...winnow(hashes)]).toEqual(reference(hashes));
      const ids = Uint32Array.from({ length: n % 60 }, () => next() % 5);
      expect([...fingerprints(ids)]).toEqual([...winnow(shingles(ids))]);
    }
    // A record too long for the arrays kept between records, then a short one again.
    for (const length of [70_000, 30]) {
      const ids = Uint32Array.from({ length }, () => next() % 50);
      expect([...fingerprints(ids)]).toEqual([...winnow(shingles(ids))]);
    }
  });
});
