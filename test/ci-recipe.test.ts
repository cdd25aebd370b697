import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoPath, runCli } from './support/run-cli.ts';

/** The command of the README's CI job, as written there (the `run: >` block, folded as YAML folds it). */
function recipe(): string {
  const readme = readFileSync(repoPath('README.md'), 'utf8');
  const block = /- name: Audit this month's sample\n\s+run: >\n((?:\s{10}.+\n)+)/.exec(readme);
  if (!block) throw new Error("the README's CI job has no 'Audit this month's sample' step");
  return block[1]
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ');
}

describe("the README's CI job, pasted into a fresh repository", () => {
  it('passes on its first run by creating the baseline, and again on identical data with nothing new', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-ci-'));
    mkdirSync(join(dir, 'exports'));
    mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
    // What `npm ci` gives a repository that depends on scrutineer.
    symlinkSync(repoPath('bin/scrutineer'), join(dir, 'node_modules', '.bin', 'scrutineer'));
    writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
    const command = recipe();
    expect(command).toMatch(/^npx --no-install scrutineer audit /);
    const export_ = /audit (\S+)/.exec(command)![1];
    copyFileSync(repoPath('fixtures/exports/liquidlogic-casenotes.csv'), join(dir, export_));
    const run = () => spawnSync('bash', ['-c', command], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' } });

    const first = run();
    expect([first.status, first.stderr]).toEqual([0, expect.stringContaining('scrutineer: created the baseline reports/baseline.json with ')]);
    const second = run();
    expect(second.status).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'reports', 'audit.json'), 'utf8'));
    expect(report.baseline).toMatchObject({ new: 0, existing: report.flags.length, resolved: [] });
    expect(readFileSync(join(dir, 'reports', 'audit.xml'), 'utf8')).toContain('failures="0"');
    expect(
      readFileSync(join(dir, 'reports', 'history.ndjson'), 'utf8')
        .split('\n')
        .filter(Boolean),
    ).toHaveLength(2);
  }, 120_000);
});

describe('junit follows the exit code', () => {
  it('counts only the failing cases the exit code counts: new flags, with a baseline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-junit-'));
    const sample = 'fixtures/exports/liquidlogic-casenotes.csv';
    const full = JSON.parse((await runCli(['audit', sample, '-f', 'json', '--fail-on', 'never', '--as-of', '2025-06-30'])).stdout);
    const errors = full.flags.filter((f: { severity: string }) => f.severity === 'error');
    // A baseline that holds every flag but one error: that error's case is the only failure.
    const kept = full.flags.filter((f: { id: string }) => f.id !== errors[0].id);
    writeFileSync(join(dir, 'baseline.json'), JSON.stringify({ ...full, flags: kept }));
    const r = await runCli(['audit', sample, '-f', 'junit', '--baseline', join(dir, 'baseline.json'), '--as-of', '2025-06-30']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<testsuites name="scrutineer" tests=');
    expect(r.stdout.match(/<failure /g)).toHaveLength(1);
    expect(r.stdout).toContain(`failures="1"`);
    expect(r.stdout).toContain(
      `<testcase classname="scrutineer.cases" name="case ${errors[0].case_id}">\n      <failure message="1 new flag at or above error"`,
    );
    writeFileSync(join(dir, 'baseline.json'), JSON.stringify(full));
    const clean = await runCli(['audit', sample, '-f', 'junit', '--baseline', join(dir, 'baseline.json'), '--as-of', '2025-06-30']);
    expect([clean.code, clean.stdout.includes('<failure ')]).toEqual([0, false]);
  });
});
