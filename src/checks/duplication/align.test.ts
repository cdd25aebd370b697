import { describe, expect, it } from 'vitest';
import { matchRuns, type Sequence } from './align.ts';
import { shingles } from './fingerprints.ts';

const sequence = (ids: number[]): Sequence => ({ ids: Uint32Array.from(ids), wild: new Uint8Array(ids.length), opens: new Uint8Array(ids.length) });

describe('matchRuns', () => {
  it('finds the runs either side of an edit, in short records and in ones too long for the arrays kept between pairs', () => {
    for (const n of [40, 300_000]) {
      const source = sequence(Array.from({ length: n }, (_, i) => i + 1));
      const target = sequence(Array.from({ length: n }, (_, i) => (i === n / 2 ? 0 : i + 1)));
      expect(matchRuns(target, source, shingles(target.ids), shingles(source.ids))).toEqual([
        { t: 0, s: 0, len: n / 2 },
        { t: n / 2 + 1, s: n / 2 + 1, len: n / 2 - 1 },
      ]);
    }
  });
});
