import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { runCli, repoPath } from './support/run-cli.ts';

interface Flag {
  id: string;
  record_id: string;
  related_record_ids: string[];
  span: { start: number; end: number };
  details: { kind: string; similarity: number };
}

const audit = async (files: string[]): Promise<Flag[]> => {
  const result = await runCli(['audit', ...files, '--no-default-rules', '--rules', 'rules/duplication.yaml', '--format', 'json', '--fail-on', 'never']);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout).flags;
};
const describeFlag = (f: Flag) => `${f.record_id}<${f.related_record_ids.join('/')} ${f.details.kind} ${f.span.start}-${f.span.end} ${f.details.similarity}`;

describe('duplication findings do not depend on which files are audited together', () => {
  it('gives each sample export the same findings alone and with the others', async () => {
    const files = [...readdirSync(repoPath('fixtures/exports')).map((f) => `fixtures/exports/${f}`), 'fixtures/duplication/notes.csv'];
    const alone = (await Promise.all(files.map((f) => audit([f])))).flat();
    const together = await audit(files);
    // The labelled fixture alone has its 35 copies; the samples share no text with each other.
    expect(alone.length).toBeGreaterThanOrEqual(35);
    expect(together.map(describeFlag).sort()).toEqual(alone.map(describeFlag).sort());
    expect(together.map((f) => f.id).sort()).toEqual(alone.map((f) => f.id).sort());
  });
});
