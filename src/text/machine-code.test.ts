import { describe, expect, it } from 'vitest';
import { compiledNow } from './machine-code.ts';

describe('compiledNow', () => {
  it('returns the regex itself, with its lastIndex kept, and matching as it would have', () => {
    const re = /(?<![\p{L}\p{N}_])(?:mum|dad|carer)(?![\p{L}\p{N}_])/giu;
    re.lastIndex = 5;
    expect(compiledNow(re)).toBe(re);
    expect(re.lastIndex).toBe(5);
    re.lastIndex = 0;
    expect([...'Mum and Dad, not the carers; the CARER'.matchAll(re)].map((m) => [m.index, m[0]])).toEqual([
      [0, 'Mum'],
      [8, 'Dad'],
      [33, 'CARER'],
    ]);
  });

  it('leaves a sticky global regex matching only where lastIndex points', () => {
    const re = compiledNow(/ \((?<years>\d{1,2})\)/guy);
    re.lastIndex = 6;
    expect(re.exec('Daniel (8) and Ava (5)')?.groups?.years).toBe('8');
    re.lastIndex = 3;
    expect(re.exec('Daniel (8) and Ava (5)')).toBeNull();
  });

  it('does nothing to a regex that is not global', () => {
    const re = /a(b)?/iu;
    re.lastIndex = 2;
    expect(compiledNow(re)).toBe(re);
    expect(re.lastIndex).toBe(2);
    expect(re.exec('xAb')?.[1]).toBe('b');
  });
});
