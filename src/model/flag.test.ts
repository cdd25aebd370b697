import { describe, expect, it } from 'vitest';
import { toFlag, withoutText, type FlagDraft, type RuleMeta } from './flag.ts';
import type { CanonicalRecord } from './record.ts';
import { random } from '../../test/support/random.ts';
import { foldIdentityIntoCopies } from '../report/fold.ts';

const rule = (kind: string, id = `test.${kind}`): RuleMeta =>
  ({ id, kind, category: 'c', severity: 'warning', standards: ['3.11'], message: 'm', pack: 'p' }) as unknown as RuleMeta;

const record = (text: string, extra: Partial<CanonicalRecord> = {}): CanonicalRecord => ({
  record_id: 'R1',
  case_id: 'C1',
  subject_id: 'P1',
  subject_name: 'Amy Fenton',
  subject_dob: '2016-03-10',
  subject_gender: 'female',
  record_date: '2023-06-06',
  recorded_at: null,
  author: 'B Morgan',
  team: 'CIN',
  record_type: 'Home Visit',
  text,
  source: { path: 'x.csv', line: 2, record: 1 },
  ...extra,
});

/**
 * A draft is kept until the report is built; withoutText lets its record's text go, keeping the
 * span's words and snippet. The flag made from it must be the flag made from the draft.
 */
describe('drafts without their record text', () => {
  it('make the same flags, whatever the span and the spaces around it', () => {
    const next = random(5);
    const pieces = ['a', 'bb', ' ', '  ', '\n', 'Amy', 'said', '.', '“x”', 'é'];
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: next() % 120 }, () => pieces[next() % pieces.length]).join('');
      const start = text.length ? next() % text.length : 0;
      const end = start + (next() % (text.length - start + 1));
      const draft: FlagDraft = { rule: rule('phrase'), record: record(text), ...(next() % 5 ? { span: { start, end } } : {}), details: { n } };
      const lean = withoutText(draft);
      expect(lean.record.text).toBe('');
      expect(toFlag(lean)).toEqual(toFlag(draft));
      expect(withoutText(lean)).toBe(lean);
    }
  });

  it('fold into the flag of a copy as they did with their text', () => {
    const text = `Some opening words. Amy (7) was seen alone in her bedroom and said she likes school. More words after it.`;
    const copy: FlagDraft = { rule: rule('duplication'), record: record(text), span: { start: 20, end: 85 }, message: 'copied' };
    const name: FlagDraft = { rule: rule('subject-name'), record: record(text), span: { start: 20, end: 23 }, message: 'another child' };
    const outside: FlagDraft = { rule: rule('subject-age'), record: record(text), span: { start: 90, end: 95 }, message: 'age' };
    const whole = foldIdentityIntoCopies([copy, name, outside]).map(toFlag);
    const lean = foldIdentityIntoCopies([copy, name, outside].map(withoutText)).map(toFlag);
    expect(whole).toHaveLength(2);
    expect((whole[0].details as { identity_findings: unknown[] }).identity_findings).toEqual([{ rule: 'test.subject-name', words: 'Amy' }]);
    expect(lean).toEqual(whole);
  });
});
