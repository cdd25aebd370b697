import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { repoPath } from './run-cli.ts';

/**
 * The files of a scored corpus (`fixtures/staleness`, `fixtures/hygiene`): the rule fixture in
 * rules/tests/ of every rule the folder's expected.csv scores, then the folder's own CSVs (files
 * no rule fixture holds, such as hygiene's no-author-column.csv). Each file is kept once, in
 * rules/tests/, where `scrutineer rules test` also reads it. Paths are relative to the repository.
 */
export function fixtureCorpus(dir: string): string[] {
  const expected = parse(readFileSync(repoPath(`${dir}/expected.csv`), 'utf8'), { columns: true }) as { rule: string }[];
  const rules = [...new Set(expected.map((e) => e.rule))].sort();
  const own = readdirSync(repoPath(dir))
    .filter((f) => f.endsWith('.csv') && f !== 'expected.csv')
    .sort();
  return [...rules.map((r) => `rules/tests/${r}.csv`), ...own.map((f) => `${dir}/${f}`)];
}
