import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoPath, runCli } from './support/run-cli.ts';

/**
 * An audit with hundreds of thousands of findings must end with a report. Spreading a list of
 * findings into a call's arguments (`push(...drafts)`) overflows the stack past ~100,000 items:
 * a council's whole history at the sample's rate (~38 flags per 100 records) would have crashed.
 */
describe('an export with over 500,000 flags', () => {
  // The label check gives its flags at the end of the audit (a label's history needs every
  // record of the case first): 505,000 of them in one list.
  it('is audited to the end and every flag is in the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-many-'));
    const rows = ['record_id|case_id|subject_name|record_date|author|text'];
    for (let i = 0; i < 5000; i++) {
      rows.push(`R${i}|C${Math.floor(i / 10)}|Child ${Math.floor(i / 10)}|2024-01-${String((i % 28) + 1).padStart(2, '0')}|A Worker|${Array(101).fill('Mum was aggressive.').join(' ')}`);
    }
    writeFileSync(join(dir, 'many.csv'), `${rows.join('\n')}\n`);
    const out = join(dir, 'report.csv');
    const r = await runCli(['audit', join(dir, 'many.csv'), '--no-default-rules', '-r', repoPath('rules/labels.rules.yaml'), '-f', 'csv', '-o', out, '--fail-on', 'warning', '--as-of', '2025-06-30', '-q']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: '' });
    const report = readFileSync(out, 'utf8');
    const lines = report.split('\n').filter(Boolean);
    expect(lines.length).toBe(1 + 5000 * 101);
    expect(lines.filter((l) => l.includes('"R4999"')).length).toBe(101);
  }, 240_000);
});
