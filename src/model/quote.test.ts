import { describe, expect, it } from 'vitest';
import { asMessage, joinQuoted, messageWriting, plain, pointerOf, pointerSteps, quote, quotesAt, written } from './quote.ts';

describe('quotes: record text marked where it stands', () => {
  it('marks the quoted values of a template, not the quotation marks round them', () => {
    const claim = 'Mother has “not engaged”';
    const w = written`Record ${'R2'} (${12}) states “${quote(claim, 'R2')}”.`;
    expect(w.text).toBe('Record R2 (12) states “Mother has “not engaged””.');
    expect(w.marks).toEqual([{ start: 23, end: 23 + claim.length, record_id: 'R2' }]);
    expect(w.text.slice(w.marks[0].start, w.marks[0].end)).toBe(claim);
  });

  it('moves the marks of nested and joined writing to where they end up', () => {
    const names = joinQuoted([written`'${quote('Tyler', 'R1')}'`, written`'${quote('Ty', 'R1')}'`], ' and ');
    const w = written`names ${names}, not ${quote('Ruby Price')}.`;
    expect(w.text).toBe("names 'Tyler' and 'Ty', not Ruby Price.");
    expect(asMessage(w).quotes).toEqual([
      { text: 'Tyler', record_id: 'R1', field: '/message', start: 7, end: 12 },
      { text: 'Ty', record_id: 'R1', field: '/message', start: 19, end: 21 },
      { text: 'Ruby Price', field: '/message', start: 28, end: 38 },
    ]);
  });

  it('marks nothing for empty words or plain writing', () => {
    expect(quote('', 'R1').marks).toEqual([]);
    expect(plain('Typed late.').marks).toEqual([]);
    expect(written`a ${plain('b')} ${3}`).toEqual({ text: 'a b 3', marks: [] });
  });

  it("gives a draft's message back as writing, with the message's quotes only", () => {
    const { message, quotes } = asMessage(written`“${quote('FII', 'R3')}” (FII) is stated`);
    const detail = quotesAt('/details/edited_words', quote('was', 'R1'));
    const back = messageWriting(message, [...quotes, ...detail]);
    expect(back).toEqual({ text: '“FII” (FII) is stated', marks: [{ start: 1, end: 4, record_id: 'R3' }] });
    expect(asMessage(written`${back} Again.`).quotes).toEqual(quotes);
  });

  it('writes and reads JSON Pointers (RFC 6901)', () => {
    expect(pointerOf('details', 'identity', 'names', 0)).toBe('/details/identity/names/0');
    expect(pointerOf('details', 'a/b~c')).toBe('/details/a~1b~0c');
    expect(pointerSteps('/details/a~1b~0c')).toEqual(['details', 'a/b~c']);
    expect(pointerSteps('message')).toEqual([]);
  });
});
