import { afterEach, describe, expect, it, vi } from 'vitest';
import { audit } from '../src/core/audit.ts';
import { resolveInputs } from '../src/intake/read-inputs.ts';
import { loadProfiles } from '../src/intake/profiles.ts';
import { DEFAULT_RULES_DIR, loadPacks } from '../src/packs/load-packs.ts';
import type { IntakeOptions } from '../src/intake/read-export.ts';
import { repoPath } from './support/run-cli.ts';

const request = () => {
  const intake: IntakeOptions = { profiles: loadProfiles(), dateOrder: 'dmy', progress: { bytes: 0 } };
  return {
    sources: resolveInputs([repoPath('fixtures/exports/liquidlogic-casenotes.csv')]),
    intake,
    packs: loadPacks([DEFAULT_RULES_DIR]),
    asOf: '2025-06-30',
    minSeverity: 'info' as const,
    runOptions: {},
  };
};

afterEach(() => vi.restoreAllMocks());

describe('the audit use case (core/audit.ts)', () => {
  it('returns the finished report, sampled, compared with a baseline and with reviewed flags marked, and prints nothing', async () => {
    const out = vi.spyOn(process.stdout, 'write');
    const err = vi.spyOn(process.stderr, 'write');
    const whole = await audit(request());
    expect(whole.flags.length).toBeGreaterThan(1);
    const [first, ...rest] = whole.flags;
    const base = new Map(rest.map((f) => [f.id, { id: f.id, rule: f.rule, case_id: f.case_id, record_id: f.record_id }]));
    const starts: number[] = [];
    const req = request();
    const report = await audit({
      ...req,
      baseline: { path: 'earlier.json', flags: base },
      reviewed: {
        path: 'reviewed.yaml',
        entries: [{ id: first.id, reviewer: 'A. Auditor', date: '2025-06-01', reason: 'checked', decision: 'dismissed', reason_code: 'other' }],
      },
      onStart: () => starts.push(req.intake.progress!.bytes),
    });
    expect(starts).toEqual([0]);
    expect(report.flags.map((f) => f.id)).toEqual(whole.flags.map((f) => f.id));
    expect(report.baseline).toMatchObject({ path: 'earlier.json', new: 1, existing: rest.length, resolved: [] });
    expect(report.flags.find((f) => f.id === first.id)).toMatchObject({ baseline: 'new', review: { status: 'reviewed', reviewer: 'A. Auditor' } });
    const sampled = await audit({ ...request(), sample: { value: '1', seed: 'x' } });
    expect(sampled.run.sample).toMatchObject({ requested: '1', seed: 'x', cases_selected: 1 });
    expect(new Set(sampled.flags.map((f) => f.case_id)).size).toBeLessThanOrEqual(1);
    expect(out).not.toHaveBeenCalled();
    expect(err).not.toHaveBeenCalled();
  });
});
