import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.ts';

/** `scrutineer rules stats`: what the auditors' decisions say about each rule and label. */
const V2 = 'fixtures/reviewed/scrutineer-reviewed.yaml';
const V1 = 'fixtures/reviewed/version-1.yaml';

describe('rules stats', () => {
  it('prints per rule and per label: confirmed, dismissed, precision and the reasons', async () => {
    expect(await runCli(['rules', 'stats', V2])).toEqual({
      code: 0,
      stderr: '',
      stdout: `7 decisions from 1 file: 3 confirmed, 4 dismissed; field precision 0.43

RULE                              LABEL           CONFIRMED  DISMISSED  PRECISION  DISMISSED FOR
council.aggression                aggressive              1          0       1.00  -
duplication.copied-passage        -                       1          0       1.00  -
hygiene.decision-without-reasons  -                       0          1       0.00  other 1
label.aggressive                  aggressive              1          2       0.33  attributed 2
label.unable-to-cope              unable to cope          0          1       0.00  evidenced-elsewhere 1

LABEL           CONFIRMED  DISMISSED  PRECISION  DISMISSED FOR
aggressive              2          2       0.50  attributed 2
unable to cope          0          1       0.00  evidenced-elsewhere 1
`,
    });
  });

  it('gives the same figures as JSON, every reason code listed', async () => {
    const result = await runCli(['rules', 'stats', V2, '--format', 'json']);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.files).toEqual([V2]);
    const none = { attributed: 0, 'evidenced-elsewhere': 0, 'not-about-a-person': 0, 'already-corrected': 0, other: 0 };
    expect(out.review_stats).toEqual([
      { by: 'rule', key: 'council.aggression', label: 'aggressive', confirmed: 1, dismissed: 0, decided: 1, precision: 1, dismissed_for: none },
      { by: 'rule', key: 'duplication.copied-passage', label: null, confirmed: 1, dismissed: 0, decided: 1, precision: 1, dismissed_for: none },
      {
        by: 'rule',
        key: 'hygiene.decision-without-reasons',
        label: null,
        confirmed: 0,
        dismissed: 1,
        decided: 1,
        precision: 0,
        dismissed_for: { ...none, other: 1 },
      },
      {
        by: 'rule',
        key: 'label.aggressive',
        label: 'aggressive',
        confirmed: 1,
        dismissed: 2,
        decided: 3,
        precision: 0.33,
        dismissed_for: { ...none, attributed: 2 },
      },
      {
        by: 'rule',
        key: 'label.unable-to-cope',
        label: 'unable to cope',
        confirmed: 0,
        dismissed: 1,
        decided: 1,
        precision: 0,
        dismissed_for: { ...none, 'evidenced-elsewhere': 1 },
      },
      {
        by: 'label',
        key: 'aggressive',
        label: 'aggressive',
        confirmed: 2,
        dismissed: 2,
        decided: 4,
        precision: 0.5,
        dismissed_for: { ...none, attributed: 2 },
      },
      {
        by: 'label',
        key: 'unable to cope',
        label: 'unable to cope',
        confirmed: 0,
        dismissed: 1,
        decided: 1,
        precision: 0,
        dismissed_for: { ...none, 'evidenced-elsewhere': 1 },
      },
      {
        by: 'all',
        key: 'all',
        label: null,
        confirmed: 3,
        dismissed: 4,
        decided: 7,
        precision: 0.43,
        dismissed_for: { ...none, attributed: 2, 'evidenced-elsewhere': 1, other: 1 },
      },
    ]);
  });

  it('counts a flag decided in two files once, as the last decides it, and a version 1 entry under no rule', async () => {
    const result = await runCli(['rules', 'stats', V2, V1, '--format', 'json']);
    const rows = JSON.parse(result.stdout).review_stats;
    expect(rows.find((r: { key: string }) => r.key === 'label.aggressive')).toMatchObject({
      confirmed: 1,
      dismissed: 2,
      dismissed_for: { attributed: 1, other: 1 },
    });
    expect(rows.find((r: { key: string }) => r.key === '(rule not recorded)')).toMatchObject({ confirmed: 0, dismissed: 1, dismissed_for: { other: 1 } });
    expect(rows.find((r: { by: string }) => r.by === 'all')).toMatchObject({ decided: 8 });
  });

  it('refuses a file that is not valid with its line, and asks for at least one file', async () => {
    expect((await runCli(['rules', 'stats'])).code).toBe(2);
    const bad = await runCli(['rules', 'stats', 'fixtures/reviewed/missing.yaml']);
    expect(bad).toMatchObject({ code: 2, stderr: 'scrutineer: fixtures/reviewed/missing.yaml: no such file\n' });
  });
});
