import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { runCli, repoPath } from './support/run-cli.ts';
import { packSchemaText } from '../src/packs/write-schema.ts';
import { DEFAULT_RULES_DIR, loadPacks, packFiles } from '../src/packs/load-packs.ts';

const SAMPLE = repoPath('fixtures/exports/liquidlogic-casenotes.csv');
const tmp = () => mkdtempSync(join(tmpdir(), 'scrutineer-authoring-'));

/** Runs the CLI from another folder (the config file is looked for in the working folder). */
async function inFolder<T>(dir: string, run: () => Promise<T>): Promise<T> {
  const before = process.cwd();
  process.chdir(dir);
  try {
    return await run();
  } finally {
    process.chdir(before);
  }
}

describe('the published pack schema', () => {
  it('is up to date with the rule kinds (npm run schemas writes it)', () => {
    expect(readFileSync(repoPath('schema/pack.schema.json'), 'utf8')).toBe(packSchemaText());
  });

  it('validates every default pack, so editors can use it', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(packSchemaText()));
    for (const file of packFiles(DEFAULT_RULES_DIR)) {
      const ok = validate(parseYaml(readFileSync(file, 'utf8')));
      expect(validate.errors ?? [], file).toEqual([]);
      expect(ok).toBe(true);
    }
  });
});

describe('rules test', () => {
  it('passes for every default rule, and every default rule has a fixture', async () => {
    const result = await runCli(['rules', 'test']);
    const rules = loadPacks([DEFAULT_RULES_DIR]).flatMap((p) => p.rules.map((r) => r.id));
    expect(result.stdout).not.toContain('FAIL');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(`${rules.length} passed, 0 failed`);
    expect(result.code).toBe(0);
  });

  it('fails a rule with no fixture, and one whose fixture it does not meet', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'tests'));
    writeFileSync(
      join(dir, 'council.yaml'),
      'pack: council\nversion: 1.0.0\ndescription: d\nrules:\n' +
        ['council.toxic-trio', 'council.feckless']
          .map(
            (id) =>
              `  - id: ${id}\n    kind: phrase\n    category: record-hygiene\n    severity: info\n    standards: ["3.11"]\n    message: m\n    description: d\n    terms: [${id.split('.')[1].replace('-', ' ')}]\n`,
          )
          .join(''),
    );
    writeFileSync(
      join(dir, 'tests', 'council.toxic-trio.csv'),
      'record_id,case_id,record_date,text,must_fire,must_not_fire,known_miss\n' +
        'T1,C1,01/02/2024,This is a toxic trio family.,council.toxic-trio,,\n' +
        'T2,C1,02/02/2024,"The ""toxic trio"" training was on Tuesday.",,council.toxic-trio,\n' +
        'T3,C1,03/02/2024,"Toxic-trio risks.",,,council.toxic-trio\n',
    );
    const result = await runCli(['rules', 'test', join(dir, 'council.yaml'), '--no-default-rules']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      'FAIL              council.toxic-trio  found 1, missed 0, unexpected 1; 1 now fixed\n' +
        '    unexpected: council.toxic-trio.csv:T2\n' +
        '    now fixed (update the fixture): council.toxic-trio.csv:T3\n' +
        'FAIL (no fixture) council.feckless  found 0, missed 0, unexpected 0\n' +
        '\n0 passed, 2 failed\n',
    );
  });

  it('says which fixture is not a readable CSV, and why, as a user error', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'tests'));
    writeFileSync(
      join(dir, 'council.yaml'),
      'pack: council\nversion: 1.0.0\ndescription: d\nrules:\n  - id: council.toxic-trio\n    kind: phrase\n    category: record-hygiene\n    severity: info\n    standards: ["3.11"]\n    message: m\n    description: d\n    terms: [toxic trio]\n',
    );
    const fixture = join(dir, 'tests', 'council.toxic-trio.csv');
    // A comma left unquoted in the text gives the row one column too many.
    writeFileSync(fixture, 'record_id,case_id,record_date,text,must_fire\nT1,C1,01/02/2024,A toxic trio family, sadly.,council.toxic-trio\n');
    const result = await runCli(['rules', 'test', join(dir, 'council.yaml'), '--no-default-rules']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`scrutineer: ${fixture}: not a readable CSV fixture: Invalid Record Length: columns length is 5, got 6 on line 2\n`);
  });
});

describe('explain', () => {
  it('says what a rule looks for, why, the standards, the evidence, and shows examples', async () => {
    const result = await runCli(['explain', 'label.alcoholic']);
    expect(result.code).toBe(0);
    const out = result.stdout.replace(/\n {2}/g, ' ');
    expect(out).toMatch(/^label\.alcoholic {2}\(label rule, unevidenced-label, error; pack labels 1\.0\.0\)/);
    expect(out).toContain('3.11  Maintain clear, accurate, legible and up to date records, documenting how I arrive at my decisions.');
    expect(out).toContain('3.5  Hold different explanations in mind and use evidence to inform my decisions.');
    expect(result.stdout).toMatch(/\nWhat evidence would support it:\n {2}\S/);
    expect(result.stdout).toMatch(/\nFires on:\n {2}“/);
    expect(result.stdout).toMatch(/\nDoes not fire on:\n {2}“/);
  });

  it('suggests the id meant', async () => {
    const result = await runCli(['explain', 'label.alcoholik']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: "scrutineer: no rule has the id 'label.alcoholik' — did you mean 'label.alcoholic'? (scrutineer rules list shows them all)\n",
    });
  });
});

describe('council configuration', () => {
  it('init writes a commented starter file that loads as it is, and will not overwrite it', async () => {
    const dir = tmp();
    await inFolder(dir, async () => {
      expect(await runCli(['init'])).toEqual({ code: 0, stdout: 'wrote scrutineer.yaml\n', stderr: '' });
      expect(readFileSync('scrutineer.yaml', 'utf8')).toMatch(/^# scrutineer configuration/);
      expect((await runCli(['rules', 'list'])).code).toBe(0);
      expect(await runCli(['init'])).toMatchObject({ code: 2, stderr: 'scrutineer: scrutineer.yaml already exists here; use --force to overwrite it\n' });
    });
  });

  it('disables rules, changes severities and fields, and the command line wins over it', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'scrutineer.yaml'),
      'disable: [label.fii]\nseverity:\n  label.alcoholic: info\nset:\n  label.aggressive:\n    exclusions: [known to be aggressive]\nfail_on: info\nredact: true\n',
    );
    const report = await inFolder(dir, async () => {
      const r = await runCli(['audit', SAMPLE, '--format', 'json', '--as-of', '2025-06-30']);
      expect(r.code).toBe(1);
      return JSON.parse(r.stdout);
    });
    const labels = report.flags.map((f: { rule: string; severity: string; record_id: string }) => `${f.rule}:${f.severity}:${f.record_id}`);
    expect(labels.some((l: string) => l.startsWith('label.fii'))).toBe(false);
    expect(labels).toContain('label.alcoholic:info:5201962');
    expect(labels).not.toContain('label.aggressive:warning:5202127');
    expect(report.run.options.config).toBe(join(dir, 'scrutineer.yaml'));
    expect(report.flags[0].author).toBe('[name]');
    const overridden = await inFolder(dir, () => runCli(['audit', SAMPLE, '--format', 'json', '--fail-on', 'never']));
    expect(overridden.code).toBe(0);
  });

  it('is validated like a pack: file, line, column and a suggestion', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'scrutineer.yaml'), 'fail_on: error\nmin_severty: info\ndisable: [label.fi]\n');
    const result = await inFolder(dir, () => runCli(['audit', SAMPLE]));
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `scrutineer: invalid config file:\n${join(dir, 'scrutineer.yaml')}:2:1: min_severty: unknown key 'min_severty' — did you mean 'min_severity'?\n`,
    });
    writeFileSync(join(dir, 'scrutineer.yaml'), 'disable: [label.fi]\nset:\n  label.aggressive:\n    forms: aggressive\n');
    const second = await inFolder(dir, () => runCli(['rules', 'list']));
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`${join(dir, 'scrutineer.yaml')}:1:11: disable[0]: no rule has the id 'label.fi' — did you mean 'label.fii'?`);
    expect(second.stderr).toContain(`${join(dir, 'scrutineer.yaml')}:4:12: set.label.aggressive.forms: expected a list, found string "aggressive"`);
  });
});
