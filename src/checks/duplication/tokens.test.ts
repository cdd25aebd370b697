import { describe, expect, it } from 'vitest';
import { hashString, maskedIds, tokenize } from './tokens.ts';
import { random } from '../../../test/support/random.ts';

const ids = (...masked: string[]) => masked.map(hashString);

/**
 * The rules of tokens.ts written plainly over strings, as the tokenizer first did them: the
 * char-code loop must give the same tokens for any text.
 */
function reference(text: string, subjectName: string | null, sentences: boolean) {
  const own = subjectName ? [...subjectName.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]).filter((p) => p.length > 1) : [];
  const numbers = [
    'one',
    'two',
    'three',
    'four',
    'five',
    'six',
    'seven',
    'eight',
    'nine',
    'ten',
    'eleven',
    'twelve',
    'thirteen',
    'fourteen',
    'fifteen',
    'sixteen',
    'seventeen',
    'eighteen',
    'nineteen',
    'twenty',
  ];
  const months = [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
    'jan',
    'feb',
    'apr',
    'jun',
    'jul',
    'aug',
    'sep',
    'sept',
    'oct',
    'nov',
    'dec',
  ];
  const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
  const pronouns = ['he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself'];
  const fixed = new Map<string, string>([
    ...numbers.map((w) => [w, '#'] as const),
    ...months.map((w) => [w, '@month'] as const),
    ...days.map((w) => [w, '@day'] as const),
    ...pronouns.map((w) => [w, '@pron'] as const),
  ]);
  const titles = ['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame'];
  const abbreviations = [...titles, 'st', 'pc', 'dc', 'ds', 'no', 'approx', 'ref', 'tel', 'eg', 'ie', 'etc'];
  const out = { ids: [] as number[], starts: [] as number[], ends: [] as number[], wild: [] as number[], opens: [] as number[] };
  let previous = '';
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const [word, start] = [m[0], m.index!];
    const end = start + word.length;
    const lower = word.toLowerCase();
    const caps = word[0] !== lower[0] && word !== word.toUpperCase();
    let opens = false;
    if (sentences || caps) {
      opens = true;
      for (let i = start - 1; i >= 0; i--) {
        if (text[i] === '\n') break;
        if (' \t\r\f\v"\'“‘([•*-\u00a0'.includes(text[i])) continue;
        opens = text[i] === '.' ? !abbreviations.includes(previous) : '!?;–—'.includes(text[i]);
        break;
      }
    }
    let wild = 0;
    let masked = /\p{N}/u.test(word) ? '#' : fixed.get(lower);
    if (masked === undefined) {
      if (own.includes(lower)) masked = '@name';
      else if (caps && !titles.includes(lower) && (!opens || /^\s*\(\s*\p{N}{1,2}\s*\)/u.test(text.slice(end, end + 8)))) masked = '@name';
      else [masked, wild] = [lower, caps && !titles.includes(lower) ? 1 : 0];
    }
    out.ids.push(hashString(masked));
    out.starts.push(start);
    out.ends.push(end);
    out.wild.push(wild);
    out.opens.push(opens ? 1 : 0);
    previous = lower;
  }
  return out;
}

const plain = (t: ReturnType<typeof tokenize>) => ({ ids: [...t.ids], starts: [...t.starts], ends: [...t.ends], wild: [...t.wild], opens: [...t.opens] });

describe('tokens', () => {
  it('masks names, ages, numbers, dates and pronouns', () => {
    const t = tokenize('Amy (7) said she saw Dean on Monday 3 May. Mr. Lee came.', 'Amy Jones');
    expect([...t.ids]).toEqual(ids('@name', '#', 'said', '@pron', 'saw', '@name', 'on', '@day', '#', '@month', 'mr', '@name', 'came'));
    // "Mr." does not end a sentence, so "Lee" is a name inside one.
    expect([...t.opens]).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
  });

  it('leaves a capitalised word opening a sentence unmasked but wild, unless an age follows it', () => {
    const t = tokenize('Josh said hello. Josh (9) waved.');
    expect([...t.ids]).toEqual(ids('josh', 'said', 'hello', '@name', '#', 'waved'));
    expect([...t.wild]).toEqual([1, 0, 0, 0, 0, 0]);
  });

  it('gives the same tokens as the plain string rules, for ASCII and any other script', () => {
    const pieces = [
      'Amy',
      'AMY',
      'amy',
      'Mr.',
      'St.',
      'no.',
      'He',
      'HER',
      'may',
      'May',
      'Twelve',
      '7',
      '(7)',
      ' ( 12 )',
      '(',
      '.',
      '\n',
      ' ',
      '"',
      '“',
      '—',
      '!',
      '-',
      '\u00a0',
      'DSL',
      'I',
      'Zoë',
      'ZOË',
      'Émile',
      'é1',
      'Straße',
      '\u212a',
      'İ',
      'ſ',
      '𝐀𝐦𝐲',
      '😀',
      '٣',
      'x²',
      'e\u0301',
      '\ud800',
      'ǅ',
      'Leigh',
      'said',
    ];
    const rnd = random(7);
    const next = () => rnd() / 2 ** 32;
    const names = [null, 'Amy-Leigh Jones', 'Zoë Straße', '\u212aelvin May'];
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 25) }, () => pieces[Math.floor(next() * pieces.length)] + (next() < 0.5 ? ' ' : '')).join('');
      const name = names[n % names.length];
      for (const sentences of [true, false]) expect(plain(tokenize(text, name, sentences))).toEqual(reference(text, name, sentences));
    }
  });

  it('lends the masked ids of the fingerprinting path, whatever the length of the text', () => {
    for (const words of [3, 5000, 70_000, 20]) {
      const text = Array.from({ length: words }, (_, i) => (i % 7 ? 'word' : `She ${i}.`)).join(' ');
      expect([...maskedIds(text, 'Amy Jones')]).toEqual([...tokenize(text, 'Amy Jones', false).ids]);
    }
  });
});
