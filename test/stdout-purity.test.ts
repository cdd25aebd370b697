import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoPath } from './support/run-cli.ts';

const BIN = repoPath('bin/scrutineer');
const SAMPLE = repoPath('fixtures/exports/liquidlogic-casenotes.csv');

/** Runs the real executable in a folder holding a .env, as an auditor would. */
function runInFolderWithDotenv(args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-env-'));
  writeFileSync(join(dir, '.env'), 'SCRUTINEER_MARKER=planted\nDOTENV_CONFIG_DEBUG=true\n');
  return spawnSync(BIN, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

describe('stdout carries the report and nothing else', () => {
  it('--version prints one line, even beside a .env', () => {
    const result = runInFolderWithDotenv(['--version']);
    const pkg = JSON.parse(readFileSync(repoPath('package.json'), 'utf8'));
    expect(result.stdout).toBe(`${pkg.version}\n`);
    expect(result.status).toBe(0);
  });

  it('an audit writes exactly the JSON report to stdout beside a .env, which it does not read', () => {
    const result = runInFolderWithDotenv(['audit', SAMPLE, '--format', 'json', '--fail-on', 'never', '--as-of', '2025-06-30']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(result.stdout).toBe(JSON.stringify(report, null, 2) + '\n');
    expect(result.stdout).not.toContain('SCRUTINEER_MARKER');
    expect(result.stderr).not.toContain('dotenv');
    expect(JSON.stringify(report.run.options)).not.toContain('planted');
  });

  it('the sources import only natural submodules, never its main entry (which loads dotenv and database clients)', () => {
    const files = execFileSync('git', ['ls-files', 'src', 'bin'], { cwd: repoPath(''), encoding: 'utf8' })
      .split('\n')
      .filter((f) => /\.(ts|js)$|^bin\//.test(f));
    const offenders = files.filter((f) => /from ['"]natural['"]|require\(['"]natural['"]\)|import\(['"]natural['"]\)/.test(readFileSync(repoPath(f), 'utf8')));
    expect(files.length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });

  it('diagnostics go to stderr', () => {
    const result = runInFolderWithDotenv(['audit', SAMPLE, '--format', 'json', '--fail-on', 'never']);
    expect(result.stderr).toContain('liquidlogic-lcs profile');
    expect(readdirSync(repoPath('')).filter((f) => f.startsWith('.report'))).toEqual([]);
  });
});
