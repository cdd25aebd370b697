import { describe, expect, it } from 'vitest';
import { auditJson } from './support/run-cli.ts';

interface F {
  rule: string;
  record_id: string;
  span?: { start: number; end: number };
  severity: string;
  standards: string[];
  details?: { identity_findings?: { rule: string; words: string }[] };
}

describe('one finding per problem', () => {
  it('a copied passage that gives another child’s details is one flag that says both', async () => {
    const report = await auditJson(['fixtures/duplication/notes.csv']);
    const flags = report.flags as F[];
    const copies = flags.filter((f) => f.rule === 'duplication.copied-passage');
    const identity = flags.filter((f) => /^hygiene\.(?:wrong-name|wrong-age|wrong-gender|other-child)$/.test(f.rule));
    // No identity finding is left inside a copied passage of its record…
    for (const i of identity) {
      expect(
        copies.some((c) => c.record_id === i.record_id && c.span!.start <= i.span!.start && i.span!.end <= c.span!.end),
        `${i.rule} in ${i.record_id}`,
      ).toBe(false);
    }
    // …each is carried by the copy's flag instead, with its words.
    const folded = copies.filter((c) => c.details?.identity_findings).map((c) => [c.record_id, c.details!.identity_findings]);
    expect(folded).toEqual([
      ['DN-4050', [{ rule: 'hygiene.wrong-gender', words: 'Noah said she' }]],
      ['DN-4054', [{ rule: 'hygiene.wrong-age', words: 'Zara (8)' }]],
      ['DN-4058', [{ rule: 'hygiene.wrong-gender', words: 'Jack said she' }]],
      ['DN-4083', [{ rule: 'hygiene.wrong-name', words: 'Mia (4)' }]],
      ['DN-4085', [{ rule: 'hygiene.wrong-gender', words: 'Ellie at his' }]],
    ]);
  });
});
