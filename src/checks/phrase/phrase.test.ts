import { describe, expect, it } from 'vitest';
import { phraseKind } from './phrase.ts';
import type { Rule } from '../rule-kind.ts';
import { CheckTester, spanText } from '../../../test/support/check-tester.ts';

const rule = (extra: Partial<Rule>): Rule => ({
  id: 'test.phrase',
  kind: 'phrase',
  category: 'record-hygiene',
  severity: 'warning',
  standards: ['3.11'],
  message: 'm',
  pack: 'p',
  ...extra,
});

const tester = new CheckTester();

/** The words each flag of the rule points at, in one record of `text`. */
function spans(r: Rule, text: string): (string | null)[] {
  return tester.flags(r, text).map(spanText);
}

describe('phrase rule kind', () => {
  it('matches terms as whole words in any case, across line breaks and hyphens', () => {
    const r = rule({ terms: ['to be confirmed', 'TBC', 'over-anxious'] });
    expect(spans(r, 'Date of review tbc; outcome To be\nconfirmed. Mother over anxious.')).toEqual(['tbc', 'To be\nconfirmed', 'over anxious']);
  });

  it('does not match inside longer words', () => {
    expect(spans(rule({ terms: ['TBC'] }), 'TBCX and xTBC and TBC_1')).toEqual([]);
  });

  it('matches patterns', () => {
    expect(spans(rule({ patterns: ['X{3,}', '\\[insert[^\\]]*\\]'] }), 'Name: XXXX, dob [insert dob].')).toEqual(['XXXX', '[insert dob]']);
  });

  it('refuses invalid and catastrophic patterns with the key that holds them', () => {
    expect(phraseKind.validate!(rule({ patterns: ['ok', '(a+)+$', '(unclosed'] }))).toEqual([
      { key: 'patterns/1', message: 'pattern refused: a repeated group contains another repetition (like (a+)+), which can take exponential time' },
      { key: 'patterns/2', message: expect.stringMatching(/^not a valid regular expression: .*Unterminated group/) },
    ]);
  });

  it('needs terms or patterns', () => {
    expect(phraseKind.validate!(rule({}))).toEqual([{ key: 'terms', message: 'a phrase rule needs terms or patterns' }]);
  });
});
