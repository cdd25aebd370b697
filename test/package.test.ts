import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoPath } from './support/run-cli.ts';

/**
 * The README tells councils to run scrutineer from their own checkout or from a packed tarball,
 * never by a name npx would fetch from the registry: the tarball must install and audit.
 */
describe('the packed package', () => {
  // (The installed package is about 110 MB: each folder goes when its test ends, pass or fail.)
  const made: string[] = [];
  const tempDir = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('installs from its tarball and audits the sample with the installed command', () => {
    const dir = tempDir('scrutineer-pack-');
    // --ignore-scripts: packing would run `prepare` and rebuild dist/ while other test files run
    // the command from it; the tarball takes dist/ as `npm ci` built it.
    execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', dir], { cwd: repoPath(''), encoding: 'utf8' });
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    expect(tarball).toMatch(/^scrutineer-\d+\.\d+\.\d+\.tgz$/);
    const listing = execFileSync('tar', ['-tzf', join(dir, tarball)], { encoding: 'utf8' }).split('\n');
    expect(listing).toContain('package/bin/scrutineer');
    expect(listing).toContain('package/rules/labels.rules.yaml');
    expect(listing.filter((f) => /\.test\.ts$|^package\/(?:test|fixtures)\//.test(f))).toEqual([]);
    const app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "private": true }\n');
    // The dependencies come from the npm cache that `npm ci` filled, when it has them.
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent', join(dir, tarball)], { cwd: app, encoding: 'utf8' });
    copyFileSync(repoPath('fixtures/exports/liquidlogic-casenotes.csv'), join(app, 'export.csv'));
    const r = spawnSync('npx', ['--no-install', 'scrutineer', 'audit', 'export.csv', '-f', 'json', '--fail-on', 'never', '-q', '--as-of', '2025-06-30'], {
      cwd: app,
      encoding: 'utf8',
    });
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout).summary.records_audited).toBe(45);
  }, 300_000);

  it('runs where TMPDIR cannot be written (tsx then compiles in memory)', () => {
    const dir = tempDir('scrutineer-tmp-');
    writeFileSync(join(dir, 'file'), '');
    const r = spawnSync(repoPath('bin/scrutineer'), ['rules', 'validate'], { encoding: 'utf8', env: { ...process.env, TMPDIR: join(dir, 'file', 'tmp') } });
    expect([r.status, r.stderr, r.stdout]).toEqual([0, '', expect.stringMatching(/^\d+ packs, \d+ rules: valid\n$/)]);
  });

  it('the compiled build and the TypeScript sources give the same report, also with workers', () => {
    const args = ['audit', repoPath('fixtures/exports'), '-f', 'json', '--fail-on', 'never', '-q', '--as-of', '2025-06-30', '--jobs', '2'];
    const compiled = spawnSync(repoPath('bin/scrutineer'), args, { encoding: 'utf8' });
    const source = spawnSync(repoPath('bin/scrutineer'), args, { encoding: 'utf8', env: { ...process.env, SCRUTINEER_FROM_SOURCE: '1' } });
    expect([compiled.status, compiled.stderr]).toEqual([0, '']);
    expect(JSON.parse(compiled.stdout).flags.length).toBeGreaterThan(0);
    expect(compiled.stdout).toBe(source.stdout);
  });

  it('the one-file build and the compiled modules give the same report', () => {
    // bin/scrutineer runs dist/scrutineer.cjs when the build made it; SCRUTINEER_BUNDLE=0 runs the modules.
    expect(existsSync(repoPath('dist/scrutineer.cjs'))).toBe(true);
    const args = ['audit', repoPath('fixtures/exports'), '-f', 'json', '--fail-on', 'never', '-q', '--as-of', '2025-06-30', '--mentions', '--timeline'];
    const bundled = spawnSync(repoPath('bin/scrutineer'), args, { encoding: 'utf8' });
    const modules = spawnSync(repoPath('bin/scrutineer'), args, { encoding: 'utf8', env: { ...process.env, SCRUTINEER_BUNDLE: '0' } });
    expect([bundled.status, bundled.stderr]).toEqual([0, '']);
    expect(JSON.parse(bundled.stdout).flags.length).toBeGreaterThan(0);
    expect(bundled.stdout).toBe(modules.stdout);
  });
});
