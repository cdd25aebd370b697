import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { runCli, repoPath } from './support/run-cli.ts';

describe('the run manifest', () => {
  it('records what was run, on what and with which rules, validates against its schema, and holds no record content', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-manifest-'));
    const manifestPath = join(dir, 'manifest.json');
    const result = await runCli([
      'audit',
      'fixtures/exports',
      'fixtures/hostile',
      '--format',
      'json',
      '--output',
      join(dir, 'report.json'),
      '--manifest',
      manifestPath,
      '--as-of',
      '2025-06-30',
      '--fail-on',
      'never',
      '--mentions',
    ]);
    expect(result.code).toBe(0);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(repoPath('schema/manifest.schema.json'), 'utf8')));
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
    expect(statSync(manifestPath).mode & 0o777).toBe(0o600);
    expect(manifest.inputs.map((i: { sha256: string }) => i.sha256)).toEqual(report.inputs.map((i: { sha256: string }) => i.sha256));
    expect(manifest.counts).toEqual({
      rows_read: report.summary.rows_read,
      rows_rejected: report.summary.rows_rejected,
      records_audited: report.summary.records_audited,
      cases_audited: report.summary.cases_audited,
      cases_flagged: report.summary.cases_flagged,
      flags: report.summary.flags,
    });
    expect(Date.parse(manifest.finished_at)).toBeGreaterThanOrEqual(Date.parse(manifest.started_at));
    // No record content: no record ids, case ids, names, note text or snippets.
    const text = JSON.stringify(manifest);
    const contents = new Set<string>();
    for (const f of report.flags) {
      contents.add(f.record_id);
      contents.add(f.case_id);
      if (f.span?.text) contents.add(f.span.text);
      if (f.snippet) contents.add(f.snippet.before.trim().slice(0, 30));
      if (f.author) contents.add(f.author);
    }
    // (The input folder 'fixtures/hostile' shares a word with a label; paths are not case content.)
    const withoutPaths = text.replace(/fixtures\/[\w./-]+/g, '');
    for (const c of [...contents].filter((c) => c.length > 3)) expect(withoutPaths, c).not.toContain(c);
    for (const planted of ['Maisie', 'Thornton', 'Mother is', 'Dad is', '943 476 5919']) expect(text).not.toContain(planted);
  });
});
