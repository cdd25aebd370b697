import { describe, expectTypeOf, it } from 'vitest';
import type { HistoryEntry, LabelHistory, MentionStatus } from '../src/model/sections.ts';
import type { HistoryEntry as LabelKindEntry, LabelHistory as LabelKindHistory } from '../src/checks/label/history.ts';
import type { Status } from '../src/reading/assertion.ts';

// Checked by `npm run typecheck` (tsc reads test/): the report's declaration of a section and
// the declaration of the check that fills it in must be the same type, so neither can drift.
describe('the report sections declared in src/model/sections.ts', () => {
  it('are the types the label kind builds, with the reading engine’s statuses', () => {
    expectTypeOf<LabelKindHistory>().toEqualTypeOf<LabelHistory>();
    expectTypeOf<LabelKindEntry>().toEqualTypeOf<HistoryEntry>();
    expectTypeOf<Status>().toEqualTypeOf<MentionStatus>();
  });
});
