import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { runCli, repoPath } from './support/run-cli.ts';

describe('merge', () => {
  it('combines the reports of an export audited in parts into the report of the whole, but for what crosses parts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-merge-'));
    const files = readdirSync(repoPath('fixtures/exports')).map((f) => `fixtures/exports/${f}`);
    const args = ['--format', 'json', '--fail-on', 'never', '--as-of', '2025-06-30'];
    const parts = files.map((_, i) => join(dir, `part-${i}.json`));
    for (const [i, f] of files.entries()) expect((await runCli(['audit', f, ...args, '--output', parts[i]])).code).toBe(0);
    const whole = JSON.parse((await runCli(['audit', ...files, ...args])).stdout);
    const result = await runCli(['merge', ...parts]);
    expect(result.code).toBe(0);
    const merged = JSON.parse(result.stdout);

    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(repoPath('schema/report.schema.json'), 'utf8')));
    expect(validate(merged), JSON.stringify(validate.errors)).toBe(true);
    for (const key of ['rows_read', 'rows_rejected', 'records_audited', 'cases_audited']) expect(merged.summary[key], key).toBe(whole.summary[key]);
    expect(merged.inputs.map((i: { sha256: string }) => i.sha256)).toEqual(whole.inputs.map((i: { sha256: string }) => i.sha256));
    expect(merged.summary.rates.per_100_records.all).toBe(Math.round((merged.summary.flags / merged.summary.records_audited) * 10000) / 100);

    // The parts and the whole could differ only in the checks that look across cases and
    // files: a copy from another part's case or another part's child named is found only in the
    // whole. Boilerplate is judged within each export, so what is a copy in a part is a copy in
    // the whole; these four exports share no copied text, so the reports are the same.
    const ids = (r: { flags: { id: string }[] }) => new Set(r.flags.map((f) => f.id));
    const [m, w] = [ids(merged), ids(whole)];
    const differ = [...merged.flags.filter((f: { id: string }) => !w.has(f.id)), ...whole.flags.filter((f: { id: string }) => !m.has(f.id))];
    expect(differ.map((f: { rule: string; record_id: string }) => `${f.rule} ${f.record_id}`).sort()).toEqual([]);
    expect(merged.flags.length).toBe(whole.flags.length);
  });

  it('refuses reports of different run dates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-merge-'));
    await runCli([
      'audit',
      'fixtures/exports/canonical-notes.csv',
      '--format',
      'json',
      '--fail-on',
      'never',
      '--as-of',
      '2025-06-30',
      '--output',
      `${dir}/a.json`,
    ]);
    await runCli([
      'audit',
      'fixtures/exports/mosaic-casenotes.csv',
      '--format',
      'json',
      '--fail-on',
      'never',
      '--as-of',
      '2025-07-31',
      '--output',
      `${dir}/b.json`,
    ]);
    const result = await runCli(['merge', `${dir}/a.json`, `${dir}/b.json`]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `scrutineer: ${dir}/b.json: as of 2025-07-31, but ${dir}/a.json is as of 2025-06-30; merge reports of one run date\n`,
    });
  });

  describe('parts that do not belong together are refused', () => {
    const audit = async (dir: string, name: string, file: string, extra: string[] = []) => {
      const r = await runCli(['audit', file, '--format', 'json', '--fail-on', 'never', '--as-of', '2025-06-30', '-q', '--output', `${dir}/${name}`, ...extra]);
      expect(r.code).toBe(0);
    };

    it('the same part twice, or two parts of the same input', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'scrutineer-merge-'));
      await audit(dir, 'a.json', 'fixtures/exports/canonical-notes.csv');
      await audit(dir, 'again.json', 'fixtures/exports/canonical-notes.csv');
      expect(await runCli(['merge', `${dir}/a.json`, `${dir}/a.json`])).toEqual({
        code: 2,
        stdout: '',
        stderr: `scrutineer: ${dir}/a.json: it audited fixtures/exports/canonical-notes.csv, which it lists twice (the same content); merge each part once\n`,
      });
      expect((await runCli(['merge', `${dir}/a.json`, `${dir}/again.json`])).stderr).toBe(
        `scrutineer: ${dir}/again.json: it audited fixtures/exports/canonical-notes.csv, which ${dir}/a.json audited too (the same content); merge each part once\n`,
      );
    });

    it('parts audited with other packs, options or samples', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'scrutineer-merge-'));
      await audit(dir, 'a.json', 'fixtures/exports/canonical-notes.csv');
      await audit(dir, 'packs.json', 'fixtures/exports/mosaic-casenotes.csv', ['--no-default-rules', '--rules', 'rules/labels.rules.yaml']);
      await audit(dir, 'severity.json', 'fixtures/exports/mosaic-casenotes.csv', ['--min-severity', 'error']);
      await audit(dir, 'sampled.json', 'fixtures/exports/mosaic-casenotes.csv', ['--sample', '50%']);
      expect((await runCli(['merge', `${dir}/a.json`, `${dir}/packs.json`])).stderr).toMatch(
        new RegExp(`^scrutineer: ${dir}/packs.json was audited with the rule packs .* merge parts audited with the same packs\n$`),
      );
      expect((await runCli(['merge', `${dir}/a.json`, `${dir}/severity.json`])).stderr).toBe(
        `scrutineer: ${dir}/severity.json was audited with other options than ${dir}/a.json (min_severity: "error" against "info"); merge parts audited the same way\n`,
      );
      expect((await runCli(['merge', `${dir}/a.json`, `${dir}/sampled.json`])).stderr).toBe(
        `scrutineer: ${dir}/sampled.json was audited with --sample 50% --seed 1, ${dir}/a.json with no sample; merge parts sampled the same way\n`,
      );
    });

    it('parts sampled alike keep their sample, its cases counted over both', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'scrutineer-merge-'));
      await audit(dir, 'a.json', 'fixtures/exports/canonical-notes.csv', ['--sample', '50%']);
      await audit(dir, 'b.json', 'fixtures/exports/mosaic-casenotes.csv', ['--sample', '50%']);
      const [a, b] = ['a.json', 'b.json'].map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')));
      const merged = JSON.parse((await runCli(['merge', `${dir}/a.json`, `${dir}/b.json`])).stdout);
      expect(merged.run.sample).toEqual({
        requested: '50%',
        seed: '1',
        cases_total: a.run.sample.cases_total + b.run.sample.cases_total,
        cases_selected: a.run.sample.cases_selected + b.run.sample.cases_selected,
      });
      expect(merged.summary.rows_outside_sample).toBe(a.summary.rows_outside_sample + b.summary.rows_outside_sample);
    });
  });
});

describe('a JSON report read back in chunks', () => {
  it('a file that is not JSON, however large, is refused at its first fault, with where and why', async () => {
    // A sparse file of 600 MiB, longer than a string can be, reads as zero bytes: it is refused
    // at its first character, not read whole first.
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-huge-'));
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, 600 * 2 ** 20);
    const baseline = await runCli(['audit', repoPath('fixtures/exports/liquidlogic-casenotes.csv'), '--baseline', huge, '--format', 'json']);
    expect(baseline).toEqual({
      code: 2,
      stdout: '',
      stderr: `scrutineer: --baseline ${huge}: not a JSON report (line 1, column 1: expected a JSON value, found U+0000)\n`,
    });
    expect(await runCli(['merge', huge, huge])).toEqual({
      code: 2,
      stdout: '',
      stderr: `scrutineer: ${huge}: not a JSON report (line 1, column 1: expected a JSON value, found U+0000)\n`,
    });
  });

  it('a report cut short is refused as --baseline and as a part, saying where it ends', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-cut-'));
    const whole = join(dir, 'whole.json');
    const r = await runCli(['audit', repoPath('fixtures/exports/canonical-notes.csv'), '--format', 'json', '--fail-on', 'never', '-q', '--output', whole]);
    expect(r.code).toBe(0);
    const text = readFileSync(whole, 'utf8');
    const cut = join(dir, 'cut.json');
    // Cut inside the first flag's id.
    const at = text.indexOf('"id": "') + 10;
    writeFileSync(cut, text.slice(0, at));
    const lines = text.slice(0, at).split('\n');
    const where = `line ${lines.length}, column ${lines[lines.length - 1].length + 1}`;
    expect((await runCli(['audit', repoPath('fixtures/exports/canonical-notes.csv'), '--baseline', cut])).stderr).toBe(
      `scrutineer: --baseline ${cut}: not a JSON report (${where}: the text ends early, inside a string)\n`,
    );
    expect((await runCli(['merge', cut])).stderr).toBe(`scrutineer: ${cut}: not a JSON report (${where}: the text ends early, inside a string)\n`);
    expect((await runCli(['merge', dir])).stderr).toBe(`scrutineer: ${dir}: this is a folder, not a file\n`);
  });
});
