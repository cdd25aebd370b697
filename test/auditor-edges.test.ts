import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support/run-cli.ts';

const SAMPLE = 'fixtures/exports/liquidlogic-casenotes.csv';

describe('what an auditor at a terminal needs', () => {
  it('the terminal view shows each flag id, which the reviewed file needs', async () => {
    const json = JSON.parse((await runCli(['audit', SAMPLE, '-f', 'json', '--fail-on', 'never', '--as-of', '2025-06-30'])).stdout);
    const terminal = (await runCli(['audit', SAMPLE, '-f', 'terminal', '--fail-on', 'never', '--as-of', '2025-06-30'])).stdout;
    const shown = [...terminal.matchAll(/ {2}id ([0-9a-f]{16})\n/g)].map((m) => m[1]);
    expect(shown.sort()).toEqual(json.flags.map((f: { id: string }) => f.id).sort());
  });

  it('explain takes a rule by its short name, and suggests rules by name, not by spelling alone', async () => {
    const fii = await runCli(['explain', 'fii']);
    expect(fii.stdout.split('\n')[0]).toMatch(/^label\.fii {2}\(label rule/);
    expect(await runCli(['explain', 'wrong'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "scrutineer: no rule has the id 'wrong' — did you mean 'hygiene.wrong-age' or 'hygiene.wrong-gender' or 'hygiene.wrong-name'? (scrutineer rules list shows them all)\n",
    });
    expect((await runCli(['explain', 'agresive'])).stderr).toBe(
      "scrutineer: no rule has the id 'agresive' — did you mean 'label.aggressive'? (scrutineer rules list shows them all)\n",
    );
  });

  it('rules list gives JSON for programs, the same rules as the table', async () => {
    const table = (await runCli(['rules', 'list'])).stdout
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split(/\s+/)[0]);
    const json = JSON.parse((await runCli(['rules', 'list', '--format', 'json'])).stdout);
    expect(json.rules.map((r: { id: string }) => r.id)).toEqual(table);
    expect(json.rules.find((r: { id: string }) => r.id === 'label.fii')).toEqual({
      id: 'label.fii',
      kind: 'label',
      category: 'unevidenced-label',
      severity: 'error',
      standards: expect.arrayContaining(['3.11']),
      label: expect.any(String),
      pack: 'labels',
      pack_version: expect.any(String),
    });
  });

  it('a reviewed date that does not exist is refused with its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-rev-'));
    writeFileSync(
      join(dir, 'reviewed.yaml'),
      'reviewed:\n  - id: 0123456789abcdef\n    reviewer: J. Okoro\n    date: 2025-02-30\n    reason: Evidenced elsewhere.\n',
    );
    expect(await runCli(['audit', SAMPLE, '--reviewed', join(dir, 'reviewed.yaml')])).toEqual({
      code: 2,
      stdout: '',
      stderr: `scrutineer: ${join(dir, 'reviewed.yaml')}:4:11: reviewed[0].date: 2025-02-30 is not a date that exists (day 30 in '2025-02-30' does not exist in that month)\n`,
    });
  });

  it('trend orders runs by their as-of date and marks sampled runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-trend-'));
    const history = join(dir, 'history.ndjson');
    const run = (asOf: string, extra: string[] = []) =>
      runCli(['audit', SAMPLE, '-f', 'json', '-o', join(dir, `${asOf}.json`), '--history', history, '--as-of', asOf, '--fail-on', 'never', '-q', ...extra]);
    await run('2025-05-31');
    await run('2025-03-31', ['--sample', '50%']);
    const lines = (await runCli(['trend', history])).stdout.split('\n');
    expect(lines[0]).toMatch(/^as of\s+sample\s+records\s+flags\/100/);
    expect(lines[1]).toMatch(/^2025-03-31\s+50% \(\d+\/\d+ cases\)\s+\d+/);
    expect(lines[2]).toMatch(/^2025-05-31\s+all\s+45\s/);
    expect(lines).toContain('Sampled runs describe the cases in their sample: compare them with care against runs of every case.');
  });
});
