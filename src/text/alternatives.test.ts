import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { caseFree } from './case-free.ts';
import { isPlain, narrowed, PLAIN_WORD_CHAR, setNarrowing, WORD_CHAR, wholeWordAlternation } from './alternatives.ts';
import { allMatches, firstMatch, matches, termPattern } from './terms.ts';

const found = (re: RegExp, text: string) => allMatches(re, text).map((m) => [m.index, m[0]]);

function whole(re: RegExp, text: string) {
  setNarrowing(false);
  try {
    return found(re, text);
  } finally {
    setNarrowing(true);
  }
}

afterEach(() => setNarrowing(true));

describe('the plain word boundary', () => {
  it('decides every character of a plain text as [\\p{L}\\p{N}_] does, in any case', () => {
    const unicode = new RegExp(`^${WORD_CHAR}$`, 'iu');
    const plain = new RegExp(`^${PLAIN_WORD_CHAR}$`, 'iu');
    const differ: string[] = [];
    for (const [from, to] of [
      [0, 0x2af],
      [0x2000, 0x206f],
    ]) {
      for (let c = from; c <= to; c++) {
        const ch = String.fromCharCode(c);
        expect(isPlain(ch)).toBe(true);
        if (unicode.test(ch) !== plain.test(ch)) differ.push(c.toString(16));
      }
    }
    expect(differ).toEqual([]);
  });

  it('counts a text plain only when every character is in those ranges', () => {
    expect(isPlain('Mum’s view – “fine”, café, naïve')).toBe(true);
    expect(isPlain('Ωmega')).toBe(false);
    expect(isPlain('emoji 🙂')).toBe(false);
    expect(isPlain('\u02b0')).toBe(false);
  });
});

describe('wholeWordAlternation', () => {
  it('builds the same regex as before', () => {
    const re = wholeWordAlternation(['drug', '(?:heroin|crack)']);
    expect(re.source).toBe('(?<![\\p{L}\\p{N}_])(?:drug|(?:heroin|crack))(?![\\p{L}\\p{N}_])');
    expect(re.flags).toBe('giu');
  });

  it('finds nothing, without running the regex, in a text that holds none of its literals', () => {
    const re = wholeWordAlternation([termPattern('parenting course'), termPattern('hair strand')]);
    expect(found(re, 'She attended the appointment.')).toEqual([]);
  });

  it('finds what the whole regex finds when only some alternatives can match', () => {
    const re = wholeWordAlternation([termPattern('drink'), termPattern('drinking'), termPattern('parenting course'), '(?:Mr|Ms) [A-Z]\\w+']);
    for (const text of [
      'Mr Reid was drinking; drinking again',
      'DRINK-driving, drinks',
      'Ms Lowe and Mr Reid finished the parenting  course',
      'ſtill drinking',
    ]) {
      expect(found(re, text)).toEqual(whole(re, text));
    }
  });

  it('keeps the order of alternatives, so the first that matches at a place still wins', () => {
    const re = wholeWordAlternation(['parent(?:ing)?', 'parenting course']);
    expect(found(re, 'a parenting course')).toEqual([[2, 'parenting']]);
    expect(found(re, 'a parenting course')).toEqual(whole(re, 'a parenting course'));
  });

  it('leaves out the alternatives of a long inner group a text cannot match, and keeps a back-reference whole', () => {
    const programmes = ['parenting course', 'Triple P', 'Incredible Years', 'Freedom Programme', 'Circle of Security', 'Solihull Approach', 'Mellow Parenting'];
    const list = `(?:${programmes.map(termPattern).join('|')})`;
    expect(list.length).toBeGreaterThanOrEqual(200);
    const re = wholeWordAlternation([`(?:has|have) (?:completed|finished) (?:the )?${list}`, termPattern('relapse')]);
    const text = 'She has completed the Triple P course.';
    // On a plain text the narrowed regex is written case-free (case-free.ts).
    const narrowedSource = narrowed(re, text)!.source;
    expect(narrowedSource).toContain(caseFree('(?:has|have) (?:completed|finished) (?:the )?(?:Triple(?:\\s*-\\s*|\\s+)P))'));
    expect(narrowedSource).not.toContain(caseFree('relapse'));
    expect(found(re, text)).toEqual([[4, 'has completed the Triple P']]);
    // Not plain: the same, keeping the i flag.
    const source = narrowed(re, `${text} Ω`)!.source;
    expect(source).toContain('(?:has|have) (?:completed|finished) (?:the )?(?:Triple(?:\\s*-\\s*|\\s+)P))');
    expect(source).not.toContain('relapse');
    expect(narrowed(re, `${text} Ω`)!.flags).toBe('giu');
    expect(narrowed(re, text)!.flags).toBe('gu');
    const backref = wholeWordAlternation(['(a|b)\\1', 'drug']);
    expect(narrowed(backref, 'aa')).toBe(backref);
  });

  it('takes the matches of alternatives run one at a time as the whole regex takes them', () => {
    // At a place, the first alternative that matches there wins, however long the others'; a
    // match inside an earlier one is not taken; an empty match moves on by one.
    const re = wholeWordAlternation(['care', 'care plan review', 'plan(?: review)?', 'review', 'x?']);
    for (const text of ['the care plan review was held', 'plan review; care plan; review', 'x  care', '', 'review care plan review x']) {
      expect(found(re, text)).toEqual(whole(re, text));
      setNarrowing(false);
      const first = firstMatch(re, text);
      const any = matches(re, text);
      setNarrowing(true);
      expect(firstMatch(re, text)).toEqual(first);
      expect(matches(re, text)).toBe(any);
    }
    expect(found(re, 'the care plan review was held')).toEqual([
      [4, 'care'],
      [9, 'plan review'],
    ]);
    expect(found(re, 'x  care')).toEqual([
      [0, 'x'],
      [2, ''],
      [3, 'care'],
    ]);
  });

  it('gives the same matches as the whole regex on any text (property)', () => {
    const words = ['drug', 'drugs', 'use', 'heroin', 'not', 'has', 'engaged', 'with', 'court', 'café', 'naïve', 'Ωmega', 'σ', 'ς', 'ſ', 'K'];
    // Long enough (200 characters or more) that its alternatives are narrowed too.
    const long = (ws: string[]) =>
      `(?:${[
        ...ws,
        'methadone script',
        'synthetic cannabinoids',
        'benzodiazepines',
        'amphetamines',
        'diamorphine',
        'Freedom Programme',
        'Circle of Security',
        'Incredible Years',
        'Solihull Approach',
        'Mellow Parenting',
      ]
        .map(termPattern)
        .join('|')})`;
    const part = fc.oneof(
      fc.subarray(words, { minLength: 1 }).map((ws) => long(ws)),
      fc.subarray(words, { minLength: 1 }).map((ws) => `(?:has|have)? ?(?:not )?${long(ws)}(?: use)?`),
      fc.subarray(words, { minLength: 1 }).map((ws) => `(?<!never )${long(ws)}{1,2}`),
      // A long list first, run a choice at a time (partsOf): alone, inside a group of one
      // alternative, with what follows; and where it may not be split (repeated, optional).
      fc.subarray(words, { minLength: 1 }).map((ws) => `(?:${long(ws)}(?: use)? ?(?:with|not|drugs?)?)`),
      fc.subarray(words, { minLength: 1 }).map((ws) => `${long(ws)}s?\\s*(?:use|court|)`),
      fc.subarray(words, { minLength: 1 }).map((ws) => `(?:${long(ws)}|drug)+ use`),
      fc.subarray(words, { minLength: 1 }).map((ws) => `${long(ws)}? (?:not|with)`),
      fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }).map((ws) => termPattern(ws.join(' '))),
      fc.constantFrom(
        '(?:has|have) not',
        'drugs?',
        '\\d+ years',
        '[A-Z]\\w+ said',
        'no(?:t)? (?:drug|heroin) use',
        'x?',
        '(?:(?:has|have) )?not (?:used |taken )?(?:drugs?|heroin|crack)(?! use)',
        '(drug|heroin)?s? use',
        '(?<who>Mr|Ms) [A-Z]\\w+',
        '(?:not|never){1,2} (?:court|Ωmega|σ)',
        '(?=drug)\\w+',
        '[(|)] ?(?:drug|with)',
        '(?:heroin|crack)*\\s*use',
        '(?<!not )(?:drug|heroin) (?:use|with)',
      ),
    );
    const text = fc
      .array(fc.oneof(fc.constantFrom(...words, ' ', '-', '. ', '’', '\u00a0', '2 years', 'Ann said', '🙂', 'DRUG', 'Heroin'), fc.string({ maxLength: 3 })), {
        maxLength: 25,
      })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(part, { minLength: 1, maxLength: 6 }), fc.array(text, { minLength: 1, maxLength: 4 }), (parts, texts) => {
        const re = wholeWordAlternation(parts);
        for (const t of texts) {
          expect(found(re, t)).toEqual(whole(re, t));
          setNarrowing(false);
          const first = firstMatch(re, t);
          const any = matches(re, t);
          setNarrowing(true);
          expect(firstMatch(re, t)).toEqual(first);
          expect(matches(re, t)).toBe(any);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('a whole alternation before and after its first run', () => {
  it('reads, runs and copies as the regex it stands for', () => {
    const re = wholeWordAlternation(['mum', 'dad', 'foster carers?']);
    const plain = new RegExp(re.source, re.flags);
    expect(re.source).toBe(plain.source);
    expect(String(re)).toBe(String(plain));
    const text = 'Mum and Dad met the foster carer; mummy did not.';
    expect(re.test(text)).toBe(true);
    expect(re.lastIndex).toBe(plain.test(text) ? plain.lastIndex : -1);
    re.lastIndex = 0;
    plain.lastIndex = 0;
    expect([...text.matchAll(re)].map((m) => [m.index, m[0]])).toEqual([...text.matchAll(plain)].map((m) => [m.index, m[0]]));
    expect(text.replace(re, '_')).toBe(text.replace(plain, '_'));
    expect(text.split(re)).toEqual(text.split(plain));
    expect(text.match(re)).toEqual(text.match(plain));
  });
});
