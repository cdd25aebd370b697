import { describe, expect, it } from 'vitest';
import { RULE_KINDS, reportSections } from '../src/checks/index.ts';
import { LABEL_HISTORIES, MENTIONS, STALENESS_TIMELINE, type SectionDeclaration } from '../src/model/sections.ts';
import { mergeSections } from '../src/core/parallel/merge-sections.ts';
import { applyTextPolicy } from '../src/report/text-policy.ts';
import { mergeReports } from '../src/report/merge.ts';
import { REPORT_SCHEMA_VERSION, type Report } from '../src/report/build-report.ts';

describe('report sections as the rule kinds declare them', () => {
  it('each section is declared by one kind, with a key and an order of its own', () => {
    const declared = RULE_KINDS.flatMap((k) => (k.reportSections ?? []).map((s) => ({ kind: k.kind, s })));
    expect(declared.map((d) => `${d.kind}:${d.s.key}`)).toEqual([
      'label:label_histories',
      'label:mentions',
      'staleness:fact_sheet',
      'staleness:staleness_timeline',
    ]);
    expect(new Set(declared.map((d) => d.s.order)).size).toBe(declared.length);
    expect(reportSections().map((s) => s.key)).toEqual(['label_histories', 'mentions', 'fact_sheet', 'staleness_timeline']);
    expect(reportSections(['staleness', 'phrase']).map((s) => s.key)).toEqual(['fact_sheet', 'staleness_timeline']);
  });

  it('worker parts are joined and sorted as each declaration says, and undeclared sections are only joined', () => {
    const h = (case_id: string, label: string) => ({ case_id, label });
    const m = (record_id: string, n: number) => ({ record_id, n });
    const merged = mergeSections(
      [
        { label_histories: [h('C2', 'a'), h('C1', 'b')], mentions: [m('R3', 1), m('R1', 2)], other: [2, 1] },
        { label_histories: [h('C1', 'a')], mentions: [m('R1', 3), m('R2', 4)], other: [3] },
      ],
      new Map([
        ['R1', 1],
        ['R2', 2],
        ['R3', 3],
      ]),
      [LABEL_HISTORIES, MENTIONS],
    );
    expect(merged.label_histories).toEqual([h('C1', 'a'), h('C1', 'b'), h('C2', 'a')]);
    expect(merged.mentions).toEqual([m('R1', 2), m('R1', 3), m('R2', 4), m('R3', 1)]);
    expect(merged.other).toEqual([2, 1, 3]);
  });

  it('the text policy blanks or masks exactly the fields a declaration names as record text, and keeps the key order', () => {
    const custom: SectionDeclaration = { ...STALENESS_TIMELINE, recordText: ['entries[].words', 'note.text', 'absent[].text'] };
    const report = {
      summary: { rates: { by_author: {} } },
      flags: [],
      staleness_timeline: [
        {
          case_id: 'C1',
          rule: 'r',
          note: { text: 'Mr Smith', other: 'Mr Smith' },
          entries: [{ words: 'seen 01/02/2024', record_id: 'R1' }, { record_id: 'R2' }],
        },
      ],
    } as unknown as Report;
    const redacted = applyTextPolicy(report, 'redacted', null, [custom]) as unknown as Record<string, unknown>;
    expect(redacted.staleness_timeline).toEqual([
      { case_id: 'C1', rule: 'r', note: { text: '[name]', other: 'Mr Smith' }, entries: [{ words: 'seen [date]', record_id: 'R1' }, { record_id: 'R2' }] },
    ]);
    expect(Object.keys(redacted)).toEqual(Object.keys(report));
    const none = applyTextPolicy(report, 'none', null, [custom]) as unknown as { staleness_timeline: { entries: { words?: string }[] }[] };
    expect(none.staleness_timeline[0].entries.map((e) => e.words)).toEqual(['', undefined]);
    // An undeclared section is left alone.
    expect((applyTextPolicy(report, 'none', null, []) as unknown as Record<string, unknown>).staleness_timeline).toBe(report.staleness_timeline);
  });

  it('merging reports keeps a section when any part has it, when every part does, or never, as declared', () => {
    const base = (extra: Record<string, unknown[]>) =>
      ({
        schema_version: REPORT_SCHEMA_VERSION,
        tool: { name: 'scrutineer', version: '0' },
        run: { as_of: '2025-06-30', options: {} },
        inputs: [],
        rule_packs: [],
        summary: {
          rows_read: 0,
          records_audited: 0,
          cases_audited: 0,
          rows_outside_sample: 0,
          flags_below_min_severity: 0,
          rates: { by_team: {}, by_author: {} },
        },
        flags: [],
        rejected_rows: [],
        warnings: [],
        ...extra,
      }) as unknown as Report;
    const merged = mergeReports(
      [
        { path: 'a.json', report: base({ label_histories: [1], mentions: [1], staleness_timeline: [1] }) },
        { path: 'b.json', report: base({ label_histories: [2], staleness_timeline: [2] }) },
      ],
      reportSections(),
    ) as unknown as Record<string, unknown>;
    expect(merged.label_histories).toEqual([1, 2]);
    expect(merged).not.toHaveProperty('mentions');
    expect(merged).not.toHaveProperty('staleness_timeline');
    expect(Object.keys(merged).at(-1)).toBe('label_histories');
  });
});
