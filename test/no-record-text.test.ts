import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs, resolveInputs } from '../src/intake/read-inputs.ts';
import { loadProfiles } from '../src/intake/profiles.ts';
import type { IntakeOptions } from '../src/intake/read-export.ts';
import { STANDARDS } from '../src/model/standards.ts';
import { FORMATS } from '../src/model/formats.ts';
import { runCli } from './support/run-cli.ts';

/**
 * `--no-snippets` promises record text in no format. Whatever a check puts in a message, a
 * detail or a section, no run of five words from any record may reach any output: this reads
 * every record of the fixtures and looks for each of their five-word runs in every format.
 * (Runs that the standards' own text also holds, such as "information in line with the", are
 * the standards speaking, not the record.)
 */
const FILES = [
  ...readdirSync('fixtures/exports')
    .filter((f) => /\.(csv|txt)$/.test(f))
    .map((f) => `fixtures/exports/${f}`),
  'fixtures/duplication/notes.csv',
  'fixtures/staleness-blind/cases.csv',
  'rules/tests/hygiene.other-child.csv',
  'rules/tests/hygiene.wrong-gender.csv',
];

const words = (s: string) => s.split(/\s+/).filter(Boolean);
function runsOf(text: string, into: Set<string>): Set<string> {
  const w = words(text);
  for (let i = 0; i + 5 <= w.length; i++) into.add(w.slice(i, i + 5).join(' '));
  return into;
}

describe('--no-snippets', () => {
  it('lets no five-word run of any record into any format', async () => {
    const records = new Set<string>();
    const intake = { profiles: loadProfiles(), map: {}, dateOrder: 'dmy' } as unknown as IntakeOptions;
    for await (const item of readInputs(resolveInputs(FILES), intake, [], [])) if (item.record) runsOf(item.record.text, records);
    const standards = new Set<string>();
    for (const text of Object.values(STANDARDS)) runsOf(text, standards);
    expect(records.size).toBeGreaterThan(10_000);
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-notext-'));
    const leaks: string[] = [];
    for (const file of FILES) {
      const args = ['audit', file, '--no-snippets', '--mentions', '--timeline', '--fail-on', 'never', '-q', '--as-of', '2025-06-30'];
      for (const format of FORMATS) args.push('--format', format, '--output', join(dir, `report.${format}`));
      expect((await runCli(args)).code).toBe(0);
      for (const format of FORMATS) {
        const out = words(readFileSync(join(dir, `report.${format}`), 'utf8'));
        for (let i = 0; i + 5 <= out.length; i++) {
          const run = out.slice(i, i + 5).join(' ');
          if (records.has(run) && !standards.has(run)) leaks.push(`${file} ${format}: ${run}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  }, 180_000);
});
