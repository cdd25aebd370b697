import { describe, expect, it } from 'vitest';
import { phraseKind } from './phrase.ts';
import type { Rule } from '../rule-kind.ts';
import type { CanonicalRecord } from '../../model/record.ts';

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

const record = (text: string): CanonicalRecord => ({
  record_id: 'R1',
  case_id: 'C1',
  subject_id: null,
  subject_name: null,
  subject_dob: null,
  subject_gender: null,
  record_date: '2023-03-14',
  recorded_at: null,
  author: null,
  team: null,
  record_type: null,
  text,
  source: { path: 'x.csv', line: 2, record: 1 },
});

function spans(r: Rule, text: string): string[] {
  const check = phraseKind.createCheck([r], { asOf: '2024-01-01', sections: {}, collectMentions: false });
  return check.record(record(text)).map((d) => text.slice(d.span!.start, d.span!.end));
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
