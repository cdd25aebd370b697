import { describe, expect, it } from 'vitest';
import { applyTextPolicy, namesPattern } from './text-policy.ts';
import type { Report } from './build-report.ts';
import type { Flag } from '../model/flag.ts';
import { asMessage, pointerOf, quote, quotesAt, written } from '../model/quote.ts';

/** A flag on record R2 whose message (and details, if given) quote what `writing` marks. */
function flagOf(parts: Pick<Flag, 'message' | 'quotes'> & Partial<Flag>): Flag {
  return {
    id: '0123456789abcdef',
    rule: 'r',
    category: 'c',
    severity: 'warning',
    standards: ['3.11'],
    record_id: 'R2',
    case_id: 'C1',
    subject_id: 'P1',
    record_date: '2023-09-12',
    author: 'B Morgan',
    team: 'CIN',
    record_type: 'Case Note',
    span: null,
    snippet: null,
    related_record_ids: [],
    ...parts,
  };
}

const reportOf = (flags: Flag[]) => ({ summary: { rates: { by_author: {} } }, flags }) as unknown as Report;
const names = namesPattern(['Amy Fenton', 'B Morgan']);
const policies = (flag: Flag) => ({
  redacted: applyTextPolicy(reportOf([flag]), 'redacted', names, []).flags[0],
  none: applyTextPolicy(reportOf([flag]), 'none', names, []).flags[0],
});

// The claim holds a closing quotation mark of its own, and a name and a date after it.
const CLAIM = 'not engaged” with the course run by Ms Hart on 12/09/2023';
const STALE = written`Record R2 (12/09/2023) states “${quote(CLAIM, 'R2')}”, but record R1 (03/05/2023) documents “${quote('Amy completed it', 'R1')}”. Update it.`;

describe('the text policy masks the quotes a flag declares', () => {
  it('masks a quote whole, whatever quotation marks it holds, and moves it to where the masked words stand', () => {
    const { redacted, none } = policies(flagOf(asMessage(STALE)));
    expect(redacted.message).toBe(
      'Record R2 (12/09/2023) states “not engaged” with the course run by [name] on [date]”, but record R1 (03/05/2023) documents “[name] completed it”. Update it.',
    );
    expect(redacted.quotes.map((q) => [q.text, redacted.message.slice(q.start, q.end), q.record_id])).toEqual([
      ['not engaged” with the course run by [name] on [date]', 'not engaged” with the course run by [name] on [date]', 'R2'],
      ['[name] completed it', '[name] completed it', 'R1'],
    ]);
    expect(none.message).toBe('Record R2 (12/09/2023) states “…”, but record R1 (03/05/2023) documents “…”. Update it.');
    expect(none.quotes.map((q) => none.message.slice(q.start, q.end))).toEqual(['…', '…']);
    expect(none.quotes.map((q) => q.text)).toEqual(['…', '…']);
  });

  it("leaves what is not declared alone: the rule's own words in quotation marks, and names and dates outside quotes", () => {
    const advice = 'Say so at the top (“Late entry, recorded on 01/02/2023 because …”).';
    const flag = flagOf(asMessage(written`Typed on 26/09/2023 about Amy Fenton. ${advice}`));
    const { redacted, none } = policies(flag);
    expect(redacted.message).toBe(flag.message);
    expect(none.message).toBe(flag.message);
  });

  it('masks the details that hold record text, and only those', () => {
    const edits = written`“${quote('Amy', 'R1')}” → “${quote('Ms Hart', 'R2')}”`;
    const flag = flagOf({
      ...asMessage(written`Changed: ${edits}.`),
      details: { edited_words: edits.text, identity: { names: ['Amy'], ages: [6] }, source_words: 'Amy Fenton' },
    });
    flag.quotes.push(...quotesAt(pointerOf('details', 'edited_words'), edits), ...quotesAt(pointerOf('details', 'identity', 'names', 0), quote('Amy', 'R2')));
    const { redacted, none } = policies(flag);
    expect(redacted.message).toBe('Changed: “[name]” → “[name]”.');
    // `source_words` is not declared, so it is not record text: no guessing by its name.
    expect(redacted.details).toEqual({ edited_words: '“[name]” → “[name]”', identity: { names: ['[name]'], ages: [6] }, source_words: 'Amy Fenton' });
    expect(none.details).toEqual({ edited_words: '“…” → “…”', identity: { names: ['…'], ages: [6] }, source_words: 'Amy Fenton' });
    expect(redacted.quotes.map((q) => [q.field, q.text, q.start, q.end])).toEqual([
      ['/message', '[name]', 10, 16],
      ['/message', '[name]', 21, 27],
      ['/details/edited_words', '[name]', 1, 7],
      ['/details/edited_words', '[name]', 12, 18],
      ['/details/identity/names/0', '[name]', 0, 6],
    ]);
    // The flag in the report itself is not changed.
    expect(flag.details?.edited_words).toBe('“Amy” → “Ms Hart”');
  });

  it('masks a whole field whose quotes do not stand where they say', () => {
    const flag = flagOf({ message: 'Ms Hart said “Amy is fine”.', quotes: [{ text: 'Amy is fine', field: '/message', start: 0, end: 11 }] });
    const { redacted, none } = policies(flag);
    expect(redacted.message).toBe('[name] said “[name] is fine”.');
    expect(none.message).toBe('…');
  });

  it('leaves a flag that quotes nothing as it is, but for its author', () => {
    const flag = flagOf({ message: 'The record’s author is “empty”.', quotes: [] });
    const { redacted, none } = policies(flag);
    expect([redacted.message, redacted.author]).toEqual([flag.message, '[name]']);
    expect([none.message, none.author]).toEqual([flag.message, 'B Morgan']);
  });
});
