import { describe, expect, it } from 'vitest';
import { readFileSync, mkdtempSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { runCli, repoPath } from './support/run-cli.ts';

const schema = JSON.parse(readFileSync(repoPath('schema/report.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const EXPORTS = readdirSync(repoPath('fixtures/exports')).map((f) => `fixtures/exports/${f}`);

async function jsonReport(args: string[]) {
  const result = await runCli(['audit', ...args, '--format', 'json', '--as-of', '2025-06-30', '--fail-on', 'never']);
  expect(result.code).toBe(0);
  return { report: JSON.parse(result.stdout), text: result.stdout, stderr: result.stderr };
}

describe('the JSON report', () => {
  it.each(EXPORTS)('of %s validates against schema/report.schema.json', async (path) => {
    const { report } = await jsonReport([path, '--mentions']);
    const ok = validate(report);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(report.summary.rows_read).toBe(report.inputs[0].rows_read);
    expect(report.summary.records_audited + report.summary.rows_rejected).toBe(report.summary.rows_read);
  });

  it('is byte-identical across runs on the same inputs', async () => {
    const a = await jsonReport(EXPORTS);
    const b = await jsonReport(EXPORTS);
    expect(a.text).toBe(b.text);
    expect(a.report.flags.length).toBeGreaterThan(0);
  });

  it('gives every flag an id that does not depend on the order the inputs were read in', async () => {
    const forward = await jsonReport(EXPORTS);
    const backward = await jsonReport([...EXPORTS].reverse());
    const ids = (r: { flags: { id: string }[] }) => r.flags.map((f) => f.id).sort();
    expect(ids(backward.report)).toEqual(ids(forward.report));
    expect(new Set(ids(forward.report)).size).toBe(forward.report.flags.length);
  });

  it('names each input with its profile, encoding, delimiter and hash', async () => {
    const { report, stderr } = await jsonReport(EXPORTS);
    expect(report.inputs.map((i: Record<string, unknown>) => [i.path, i.profile, i.encoding, i.delimiter])).toEqual([
      ['fixtures/exports/canonical-notes.csv', 'canonical', 'utf-8', '|'],
      ['fixtures/exports/carefirst-notes.txt', 'carefirst', 'utf-16le', 'tab'],
      ['fixtures/exports/liquidlogic-casenotes.csv', 'liquidlogic-lcs', 'utf-8', ','],
      ['fixtures/exports/mosaic-casenotes.csv', 'mosaic', 'windows-1252', ';'],
    ]);
    expect(report.inputs[2].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(stderr).toContain("fixtures/exports/mosaic-casenotes.csv: mosaic profile, windows-1252, ';' delimited");
  });

  it('is written atomically to --output, readable by its owner only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-out-'));
    const out = join(dir, 'report.json');
    const result = await runCli(['audit', EXPORTS[0], '--format', 'json', '--output', out, '--fail-on', 'never']);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['report.json']);
    expect(validate(JSON.parse(readFileSync(out, 'utf8')))).toBe(true);
  });

  it('an output under a file, not a folder, is a clear error with exit 2 before anything is read', async () => {
    const result = await runCli(['audit', EXPORTS[0], '--output', `${EXPORTS[0]}/report.json`]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `scrutineer: --output ${EXPORTS[0]}/report.json: part of the path is a file, not a folder\n` });
  });
});

describe('exit codes', () => {
  const sample = 'fixtures/exports/liquidlogic-casenotes.csv';

  it('is 1 when a flag is at or above --fail-on, 0 with --fail-on never', async () => {
    const failing = await runCli(['audit', sample, '--format', 'json', '--fail-on', 'warning']);
    expect(failing.code).toBe(1);
    const report = JSON.parse(failing.stdout);
    expect(report.summary.by_severity.warning + report.summary.by_severity.error).toBeGreaterThan(0);
    expect((await runCli(['audit', sample, '--format', 'json', '--fail-on', 'never'])).code).toBe(0);
  });

  it('is 0 when no flag reaches the threshold', async () => {
    const result = await runCli(['audit', 'fixtures/exports/canonical-notes.csv', '--no-default-rules', '--rules', 'fixtures/packs/valid', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).summary.flags).toBe(0);
  });

  it('--min-severity hides flags from the report but says how many', async () => {
    const all = JSON.parse((await runCli(['audit', sample, '--format', 'json', '--fail-on', 'never'])).stdout);
    const some = JSON.parse((await runCli(['audit', sample, '--format', 'json', '--fail-on', 'never', '--min-severity', 'error'])).stdout);
    expect(some.flags.every((f: { severity: string }) => f.severity === 'error')).toBe(true);
    expect(some.summary.flags + some.summary.flags_below_min_severity).toBe(all.summary.flags);
  });

  it('is 2 for usage errors, missing files and unknown profiles, with no stack trace', async () => {
    for (const args of [
      ['audit'],
      ['audit', sample, '--fail-on', 'sometimes'],
      ['audit', 'missing.csv'],
      ['audit', sample, '--profile', 'nosuch'],
      ['audit', sample, '--as-of', '31/12/2024'],
      ['frobnicate'],
    ]) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('prints help and version at every level with exit 0', async () => {
    for (const args of [['--help'], ['audit', '--help'], ['rules', '--help'], ['rules', 'list', '--help'], ['--version'], ['audit', '--version']]) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout.length).toBeGreaterThan(0);
    }
  });
});
