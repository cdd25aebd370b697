import { describe, expect, it } from 'vitest';
import { CheckTester, defaultPacks, defaultRule, spanText } from './support/check-tester.ts';

describe('the shared check tester', () => {
  it('takes a default rule by id and text, and gives the flags with their words', () => {
    const tester = new CheckTester();
    const flags = tester.flags('hygiene.wrong-age', 'Amy (9) was seen.', { asOf: '2025-06-30' });
    expect(flags.map((d) => [d.rule.id, spanText(d), d.record.record_id])).toEqual([['hygiene.wrong-age', 'Amy (9)', 'R1']]);
    expect(tester.flags(defaultRule('hygiene.wrong-age'), tester.record('Amy (9) was seen.', { subject_dob: null }))).toEqual([]);
  });

  it('numbers the records it makes per tester, and gives a check its sections', () => {
    const tester = new CheckTester({ env: { collectMentions: true } });
    expect([tester.record('a').record_id, tester.record('b').record_id]).toEqual(['R1', 'R2']);
    const { sections } = tester.run(
      defaultPacks()
        .packs.flatMap((p) => p.rules)
        .filter((r) => r.kind === 'label'),
      ['Mother is aggressive.'],
    );
    expect((sections.mentions as { label: string; record_id: string }[]).map((m) => [m.label, m.record_id])).toEqual([['aggressive', 'R3']]);
  });

  it('names a rule id the default packs do not have', () => {
    expect(() => new CheckTester().flags('no.such-rule', 'text')).toThrow('no default rule no.such-rule');
  });
});
