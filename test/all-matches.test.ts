import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allMatches } from '../src/text/terms.ts';

const simplified = (ms: RegExpMatchArray[]) => ms.map((m) => [m.index, m[0], ...m.slice(1)]);

describe('allMatches', () => {
  it('gives what matchAll gives, empty matches and astral characters included', () => {
    const cases: [RegExp, string][] = [
      [/a*/gu, 'baa😀a'],
      [/(?:)/gu, '😀x'],
      [/(?<w>\p{L}+)/gu, 'Mum said: “no”.'],
      [/x?/g, 'axxb'],
    ];
    for (const [re, text] of cases) expect(simplified(allMatches(re, text))).toEqual(simplified([...text.matchAll(re)]));
  });

  it('leaves the regex at lastIndex 0 and is not thrown by a lastIndex left elsewhere', () => {
    const re = /b/g;
    re.lastIndex = 3;
    expect(allMatches(re, 'abcb').map((m) => m.index)).toEqual([1, 3]);
    expect(re.lastIndex).toBe(0);
  });

  it('agrees with matchAll on random patterns and texts', () => {
    fc.assert(
      fc.property(fc.constantFrom('a', 'b*', 'ab?', '(?:a|b)', '\\p{L}+', 'a|', '[ab]{0,2}'), fc.stringMatching(/^[ab 😀]{0,20}$/u), (source, text) => {
        const re = new RegExp(source, 'gu');
        expect(simplified(allMatches(re, text))).toEqual(simplified([...text.matchAll(new RegExp(source, 'gu'))]));
      }),
      { numRuns: 300 },
    );
  });
});
