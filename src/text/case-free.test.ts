import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLAIN_WORD_CHAR } from './alternatives.ts';
import { caseFree } from './case-free.ts';

const plainChars: string[] = [];
for (let c = 0; c <= 0x2af; c++) plainChars.push(String.fromCharCode(c));
for (let c = 0x2000; c <= 0x206f; c++) plainChars.push(String.fromCharCode(c));

/** Where `source` matches in `text`, as [index, text] pairs. */
function matches(source: string, flags: string, text: string): [number, string][] {
  return [...text.matchAll(new RegExp(source, flags))].map((m) => [m.index, m[0]]);
}

describe('caseFree', () => {
  const atoms = [
    'a',
    'A',
    's',
    'S',
    'k',
    'K',
    'i',
    'I',
    'ß',
    'ſ',
    'µ',
    'é',
    'É',
    'ǅ',
    'ÿ',
    '\u0130',
    '\u0131',
    '7',
    ' ',
    '’',
    '\\.',
    '\\/',
    '\\u00e9',
    '\\u{17f}',
    '\\x53',
    '\\w',
    '\\W',
    '\\d',
    '\\s',
    '\\S',
    '.',
    '[a-z]',
    '[^a-z]',
    '[A-Z0-9_]',
    '[\\w-]',
    '[^\\W]',
    '[\\u00c0-\\u00ff]',
    '\\p{L}',
    '\\p{Lu}',
    '\\p{Ll}',
    '\\P{Lu}',
    '[\\p{L}\\p{N}_]',
    '[^\\p{L}\\p{N}_]',
    PLAIN_WORD_CHAR,
    'Ω',
    '🙂',
    '\\ud83d\\ude42',
  ];

  it('matches every plain character as the atom does under the iu flags', () => {
    for (const atom of atoms) {
      const free = caseFree(atom);
      expect(free, atom).not.toBeNull();
      const before = new RegExp(`^(?:${atom})$`, 'iu');
      const after = new RegExp(`^(?:${free})$`, 'u');
      const differ = plainChars.filter((ch) => before.test(ch) !== after.test(ch));
      expect(differ, atom).toEqual([]);
    }
  });

  it('writes \\b and \\B as the iu flags read them, between any two plain characters', () => {
    const sample = [...'aZ0_ſs K.- \n’éÉß', '\u00b5', '\u02af', '\u2019', '\u2028'];
    for (const assertion of ['\\b', '\\B']) {
      const before = new RegExp(assertion, 'giu');
      const after = new RegExp(caseFree(assertion)!, 'gu');
      for (const x of sample)
        for (const y of sample) {
          const text = `${x}${y}`;
          expect(matches(after.source, 'gu', text), `${assertion} in ${JSON.stringify(text)}`).toEqual(matches(before.source, 'giu', text));
        }
    }
  });

  it('leaves what case does not touch as it is', () => {
    expect(caseFree('(?:\\s*-\\s*|\\s+)')).toBe('(?:\\s*-\\s*|\\s+)');
    expect(caseFree('(?<!, )7{1,2}\\d+?[.]')).toBe('(?<!, )7{1,2}\\d+?[.]');
    expect(caseFree('ab')).toBe('[Aa][Bb]');
    expect(caseFree('s')).toBe('[Ss\\u017f]');
  });

  it('gives up on back-references', () => {
    expect(caseFree('(a)\\1')).toBeNull();
    expect(caseFree('(?<x>a)\\k<x>')).toBeNull();
  });

  it('finds the same matches in any plain text (property)', () => {
    const pieces = [
      'a',
      'S',
      'ſ',
      'k',
      'é',
      'ß',
      ' ',
      '-',
      '’',
      '\\w',
      '\\b',
      '\\B',
      '\\s+',
      '[a-z]',
      '[^a-z]',
      '\\p{Lu}',
      '(?:is|was)',
      '(?<!not )',
      '(?=ed)',
      'x?',
      'e{1,2}',
      '.',
    ];
    const pattern = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }).map((p) => p.join(''));
    const text = fc.array(fc.constantFrom(...'aAsSſkKéÉßxX -’.\nisWASnotED'.split(''), 'ſs', 'Kelvin'), { maxLength: 30 }).map((t) => t.join(''));
    fc.assert(
      fc.property(pattern, text, (source, t) => {
        const free = caseFree(source);
        expect(free).not.toBeNull();
        expect(matches(free!, 'gu', t)).toEqual(matches(source, 'giu', t));
      }),
      { numRuns: 2000 },
    );
  });
});
