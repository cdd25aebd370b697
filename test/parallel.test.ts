import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeExport } from '../bench/gen/write-export.ts';
import { repoPath, runCli } from './support/run-cli.ts';
import { defaultJobs, PARALLEL_FROM_BYTES } from '../src/cli/options.ts';
import { BATCH, caseHash, CheckPool } from '../src/core/parallel/check-pool.ts';
import { defaultPacks, defaultRulesOfKind, DEFAULT_RECORD } from './support/check-tester.ts';
import type { CanonicalRecord } from '../src/model/record.ts';

/**
 * With --jobs N the case-scoped checks run in N worker threads, each given whole cases; the
 * report must be the very same bytes as a run on one thread, histories, timelines and the
 * mention inventory included.
 */
describe('audit --jobs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-jobs-'));
  const generated = join(dir, 'generated.csv');

  beforeAll(async () => {
    await writeExport(generated, { records: 1200, seed: '7' });
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const audit = (inputs: string[], jobs: number) =>
    runCli(['audit', ...inputs, '--format', 'json', '--fail-on', 'never', '--as-of', '2025-06-30', '--mentions', '--timeline', '--jobs', String(jobs)]);

  it.each([
    ['the sample exports', () => [repoPath('fixtures/exports')]],
    ['a generated export', () => [generated]],
  ])(
    'gives the same report with 1, 2 and 3 workers: %s',
    async (_, inputs) => {
      const one = await audit(inputs(), 1);
      expect(one.code).toBe(0);
      const report = JSON.parse(one.stdout);
      expect(report.flags.length).toBeGreaterThan(20);
      expect(report.label_histories.length).toBeGreaterThan(3);
      expect(report.mentions.length).toBeGreaterThan(10);
      for (const jobs of [2, 3]) {
        const many = await audit(inputs(), jobs);
        expect(many.code).toBe(0);
        expect(many.stdout).toBe(one.stdout);
      }
    },
    120_000,
  );

  it('gives the same copy-and-paste findings with 1, 2 and 3 workers, which work out the fingerprints, from a file and from standard input', async () => {
    const file = repoPath('fixtures/duplication/notes.csv');
    const args = ['--format', 'json', '--fail-on', 'never', '--as-of', '2025-06-30'];
    const one = await runCli(['audit', file, ...args, '--jobs', '1']);
    expect(one.code).toBe(0);
    const flags = JSON.parse(one.stdout).flags.filter((f: { rule: string }) => f.rule.startsWith('duplication.'));
    expect(flags.length).toBeGreaterThan(30);
    for (const jobs of [2, 3]) expect((await runCli(['audit', file, ...args, '--jobs', String(jobs)])).stdout).toBe(one.stdout);
    // From standard input rows have no place in a file: the check keeps them deflated instead.
    const piped = (jobs: number) => runCli(['audit', '-', ...args, '--jobs', String(jobs)], { stdin: readFileSync(file) });
    const pipedOne = await piped(1);
    expect(JSON.parse(pipedOne.stdout).flags.length).toBe(JSON.parse(one.stdout).flags.length);
    expect((await piped(2)).stdout).toBe(pipedOne.stdout);
  }, 120_000);

  it('says what to do when a check worker runs out of memory', async () => {
    const { packs, sections } = defaultPacks();
    const rules = packs.flatMap((p) => p.rules).filter((r) => r.kind === 'label');
    // A heap far too small for the checks: the worker runs out of memory as it starts.
    const pool = new CheckPool(rules, { asOf: '2025-06-30', sections, collectMentions: false }, 1, [], 4);
    await expect(pool.finish()).rejects.toThrow(
      'a check worker ran out of memory (its limit is 4 MB): audit the export in parts split by case and merge the reports (scrutineer merge), or with more --jobs',
    );
  }, 60_000);

  it('sends a part-filled batch on once other workers have been given enough records since, so that digests never wait long for it', async () => {
    // Two cases that go to different workers; the first has one record, the second many (an export sorted by case).
    const [a, b] = ['A', 'B', 'C', 'D', 'E'].map((c) => `case-${c}`).filter((c, _, all) => caseHash(c) % 2 !== caseHash(all[0]) % 2 || c === all[0]);
    const digested = new Map<number, number>();
    const rules = defaultRulesOfKind('duplication');
    const pool = new CheckPool([], { asOf: '2025-06-30', sections: {}, collectMentions: false }, 2, [
      { kind: 'duplication', rules, digested: (n, d) => digested.set(n, d ? d.length : -1) },
    ]);
    const record = (n: number, case_id: string): CanonicalRecord => ({
      ...DEFAULT_RECORD,
      record_id: `R${n}`,
      case_id,
      text: `Visit ${n}: ${'Amy was seen at home with her mother and the baby. '.repeat(6)}`,
      source: { path: 'x.csv', line: n + 2, record: n + 1 },
    });
    try {
      await pool.record(record(0, a));
      for (let n = 1; n <= 2 * BATCH + 1; n++) await pool.record(record(n, b));
      // No flush: the first worker's batch of one went on by itself (the other's last record still waits for its batch to fill).
      await pool.drained();
      expect(digested.get(0)).toBeGreaterThan(0);
      expect(digested.size).toBe(1 + 2 * BATCH);
      expect(digested.has(2 * BATCH + 1)).toBe(false);
    } finally {
      await pool.stop();
    }
  }, 60_000);

  it('refuses a job count that is not a whole number from 1 to 64', async () => {
    for (const bad of ['0', '1.5', 'two', '65']) {
      const result = await runCli(['audit', repoPath('fixtures/exports'), '--jobs', bad]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('use a whole number from 1 to 64');
    }
  });

  it('uses one worker a core only for inputs large enough to repay starting them', () => {
    expect(defaultJobs(PARALLEL_FROM_BYTES - 1, 2)).toBe(1);
    expect(defaultJobs(PARALLEL_FROM_BYTES, 2)).toBe(2);
    expect(defaultJobs(PARALLEL_FROM_BYTES, 1)).toBe(1);
  });
});
