import { describe, expect, it } from 'vitest';
import { FingerprintIndex } from './candidates.ts';
import { random } from '../../../test/support/random.ts';

describe('fingerprint index', () => {
  it('finds the same pairs and boilerplate when it sorts the fingerprints a range of hashes at a time', () => {
    const next = random(11);
    const records = 3000;
    // Each case draws on its own hashes (so its records pair up) and on a pool shared by all
    // (boilerplate), spread over the whole 32-bit range.
    const hash = next;
    const shared = Array.from({ length: 300 }, hash);
    const own = Array.from({ length: 400 }, () => Array.from({ length: 40 }, hash));
    const pick = (r: number) => (next() % 4 ? own[r % 400][next() % 40] : shared[next() % 300]);
    const fingerprints = Array.from({ length: records }, (_, r) => Uint32Array.from(new Set(Array.from({ length: 1 + (next() % 30) }, () => pick(r)))).sort());
    const chronology = {
      caseOf: Uint32Array.from({ length: records }, (_, i) => i % 400),
      subjectOf: Uint32Array.from({ length: records }, (_, i) => i % 700),
      day: Int32Array.from({ length: records }, (_, i) => (i * 7) % 900),
      rank: Uint32Array.from({ length: records }, (_, i) => (i * 7919) % records),
    };
    // One input file, and the same records in three (boilerplate is counted file by file).
    for (const fileOf of [undefined, Uint32Array.from({ length: records }, (_, i) => (i >> 3) % 3)]) {
      const search = (passSize?: number) => {
        const index = new FingerprintIndex(passSize);
        fingerprints.forEach((f, r) => index.add(r, f));
        return index.search({ ...chronology, fileOf }, 5, 8);
      };
      const whole = search();
      expect(whole.pairs.length).toBeGreaterThan(100);
      expect(whole.templateCases.size).toBeGreaterThan(100);
      for (const passSize of [1, 500, 5000]) {
        const parts = search(passSize);
        expect([...parts.pairs]).toEqual([...whole.pairs]);
        expect([...parts.templateCases].sort((a, b) => a[0] - b[0])).toEqual([...whole.templateCases].sort((a, b) => a[0] - b[0]));
      }
    }
  });

  it('takes each record after the one before', () => {
    const index = new FingerprintIndex();
    index.add(0, Uint32Array.of(1, 2));
    expect(() => index.add(2, Uint32Array.of(1))).toThrow(/out of turn/);
  });
});
