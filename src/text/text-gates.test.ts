import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { requiredLiterals } from './required-literals.ts';
import { LiteralScanner } from './literal-scanner.ts';
import { TextGates } from './text-gates.ts';
import { termPattern, wholeWord } from './terms.ts';

describe('requiredLiterals', () => {
  it.each([
    ['parenting course', 'parenting course'],
    ['parenting\\s+course', { all: ['parenting', 'course'] }],
    ['convict(?:ed|ion)s?', { all: ['convict', { any: ['ed', 'ion'] }] }],
    ['a?bcd', 'bcd'],
    ['x{0,2}yyy', 'yyy'],
    ['X{3,}', 'xxx'],
    ['ab+cde', { all: ['ab', 'cde'] }],
    ['[abc]def|ghi', { any: ['def', 'ghi'] }],
    ['TBC|X{3,}', { any: ['tbc', 'xxx'] }],
    ['step[-\\s]?mum', { all: ['step', 'mum'] }],
    ['\\(aged\\)', '(aged)'],
    ['(?<years>\\d+) years? old', { all: [' year', ' old'] }],
    ['(?:has|have) not (?:engaged|attended)', { all: [{ any: ['has', 'have'] }, ' not ', { any: ['engaged', 'attended'] }] }],
  ])('%s needs %j', (source, need) => {
    expect(requiredLiterals(source)).toEqual(need);
  });

  it.each([
    ['a|\\d+', 'one alternative needs no literal'],
    ['[a-z]+', 'a class'],
    ['(?:abc)?', 'an optional group'],
    ['(?=abc)\\w+', 'a look-ahead consumes nothing'],
    ['\\p{Lu}\\p{Ll}*', 'Unicode classes'],
    ['(abc', 'a pattern it cannot read'],
  ])('%s needs nothing known (%s)', (source) => {
    expect(requiredLiterals(source)).toBeNull();
  });

  it('reads a whole-word term regex through its look-arounds', () => {
    expect(requiredLiterals(wholeWord(termPattern('drug-addict')).source)).toEqual({ all: ['drug', 'addict'] });
  });
});

describe('LiteralScanner', () => {
  it('reads a text folding its case as lower-casing it would', () => {
    const literals = ['straße', 'cafe', 'résumé', 'kelvin', 'is', 'sss', 'ωμ'];
    const folding = new LiteralScanner(literals, { foldCase: true });
    const plain = new LiteralScanner(literals);
    const fold = (t: string) => t.toLowerCase().replaceAll('ſ', 's');
    for (const text of ['STRASSE Straße', 'CAFÉ Cafe', 'RÉSUMÉ', '\u212Aelvin', 'İS', 'ſſs', 'ΩΜ', 'x']) {
      const a = new Uint8Array(literals.length);
      const b = new Uint8Array(literals.length);
      folding.scan(text, a);
      plain.scan(fold(text), b);
      // The same literals, but that İ also stands for i (lower-cased it is i and a dot above).
      expect([...a].map((x, i) => (text === 'İS' && literals[i] === 'is' ? 0 : x))).toEqual([...b]);
      if (text === 'İS') expect(a[literals.indexOf('is')]).toBe(1);
    }
  });

  it('finds overlapping literals and literals inside others', () => {
    const scanner = new LiteralScanner(['he', 'she', 'his', 'hers', 'usher']);
    const found = new Uint8Array(5);
    scanner.scan('ushers', found);
    expect([...found]).toEqual([1, 1, 0, 1, 1]);
  });

  it('agrees with indexOf on random texts over a small alphabet', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[abc]{1,4}$/), { minLength: 1, maxLength: 8 }), fc.stringMatching(/^[abc ]{0,40}$/), (literals, text) => {
        const unique = [...new Set(literals)];
        const found = new Uint8Array(unique.length);
        new LiteralScanner(unique).scan(text, found);
        expect([...found]).toEqual(unique.map((l) => (text.includes(l) ? 1 : 0)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('TextGates', () => {
  it('admits a text only when the literals the regex needs are there, in any case', () => {
    const gates = new TextGates();
    const gate = gates.forRegex(wholeWord([termPattern('parental substance misuse'), termPattern('drug addict')].join('|')));
    expect(gate.admits('Concerns about PARENTAL SUBSTANCE\nMISUSE were raised.')).toBe(true);
    expect(gate.admits('Mother said she is not a drug-addict.')).toBe(true);
    expect(gate.admits('Parental concerns about substance use.')).toBe(false);
    expect(gate.admits('Home conditions were good.')).toBe(false);
  });

  it('admits every text when the regex needs nothing known, and none for no regex', () => {
    const gates = new TextGates();
    expect(gates.forRegex(/\d+/g).admits('no digits here')).toBe(true);
    expect(gates.forRegex(null).admits('anything')).toBe(false);
  });

  it('reads case as a case-insensitive Unicode regex does (long s is s)', () => {
    const gates = new TextGates();
    const re = /necessary/iu;
    expect(re.test('neceſſary')).toBe(true);
    expect(gates.forRegex(re).admits('neceſſary')).toBe(true);
  });

  it('admits everything when turned off', () => {
    const gates = new TextGates(false);
    expect(gates.forRegex(/parenting/giu).admits('nothing relevant')).toBe(true);
  });

  it('stays right when a gate is added after texts were scanned', () => {
    const gates = new TextGates();
    const first = gates.forRegex(/alpha/giu);
    expect(first.admits('alpha beta')).toBe(true);
    const second = gates.forRegex(/beta/giu);
    expect(second.admits('alpha beta')).toBe(true);
    expect(first.admits('gamma')).toBe(false);
  });
});
