import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support/run-cli.ts';
import { RULE_KINDS } from '../src/checks/index.ts';
import { DEFAULT_RULES_DIR, loadPacks, packFiles, prebuildPacks } from '../src/packs/load-packs.ts';
import { prebuiltOnly } from '../src/packs/loaded-pack.ts';

const broken = (name: string) => `fixtures/packs/broken/${name}.yaml`;

describe('rule packs that are broken stop the run with exit 2 and say where', () => {
  it.each([
    ['misspelt-key', "fixtures/packs/broken/misspelt-key.yaml:8:5: rules[0].serverity: unknown key 'serverity' — did you mean 'severity'?"],
    ['wrong-type', 'fixtures/packs/broken/wrong-type.yaml:9:16: rules[0].standards: expected a list, found string "3.11"'],
    [
      'unknown-standard',
      "fixtures/packs/broken/unknown-standard.yaml:9:25: rules[0].standards[1]: '3.19' is not a Social Work England professional standard (1.1–1.7, 2.1–2.7, 3.1–3.15, 4.1–4.8, 5.1–5.6, 6.1–6.7)",
    ],
    [
      'unknown-kind',
      `fixtures/packs/broken/unknown-kind.yaml:6:11: rules[0].kind: unknown rule kind 'phrases' — did you mean 'phrase'? (known kinds: ${RULE_KINDS.map((k) => k.kind).join(', ')})`,
    ],
    [
      'catastrophic-regex',
      'fixtures/packs/broken/catastrophic-regex.yaml:13:9: rules[0].patterns[0]: pattern refused: a repeated group contains another repetition (like (a+)+), which can take exponential time',
    ],
    [
      'polynomial-regex',
      'fixtures/packs/broken/polynomial-regex.yaml:13:9: rules[0].patterns[0]: pattern refused: two unbounded repetitions can take the same text in turn (like .*x.*), which takes polynomial time on a long note; bound them (.{0,40}) or let only one of them take the text between',
    ],
    [
      'many-wildcards',
      'fixtures/packs/broken/many-wildcards.yaml:13:9: rules[0].patterns[0]: pattern refused: two unbounded repetitions can take the same text in turn (like .*x.*), which takes polynomial time on a long note; bound them (.{0,40}) or let only one of them take the text between',
    ],
    [
      'alias-bomb',
      'fixtures/packs/broken/alias-bomb.yaml: Excessive alias count indicates a resource exhaustion attack (YAML aliases are limited to 50 expansions)',
    ],
    ['not-yaml', 'fixtures/packs/broken/not-yaml.yaml:5:1: Missing closing "quote'],
  ])('%s', async (name, message) => {
    const result = await runCli(['rules', 'validate', broken(name)]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `scrutineer: invalid rule pack:\n${message}\n` });
  });

  it('a rule id used by two packs names both places', async () => {
    const result = await runCli(['rules', 'validate', 'rules', broken('duplicate-id')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "scrutineer: invalid rule pack:\nfixtures/packs/broken/duplicate-id.yaml:5:9: rules[0].id: rule id 'hygiene.placeholder-text' is already used at rules/record-hygiene.yaml:9:9\n",
    );
  });

  it('an audit with a broken pack stops before reading any input', async () => {
    const result = await runCli(['audit', 'no-such-export.csv', '--rules', broken('misspelt-key')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^scrutineer: invalid rule pack:\nfixtures\/packs\/broken\/misspelt-key.yaml:8:5/);
  });

  it('refuses oversized and deeply nested packs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-packs-'));
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `pack: big\nversion: 1.0.0\ndescription: "${'x'.repeat(1_100_000)}"\nrules: []\n`);
    const deep = join(dir, 'deep.yaml');
    writeFileSync(deep, `pack: deep\nversion: 1.0.0\ndescription: d\nrules: []\nsources: ${'['.repeat(30)}${']'.repeat(30)}\n`);
    const result = await runCli(['rules', 'validate', big, deep]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `scrutineer: invalid rule pack:\n${big}: the pack is 1100051 bytes; packs larger than 1048576 bytes are refused\n${deep}: the YAML is nested more than 20 levels deep\n`,
    );
  });
});

describe('rules list and validate', () => {
  it('validates the default packs and a council pack', async () => {
    const result = await runCli(['rules', 'validate', 'rules', 'fixtures/packs/valid']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+ packs, \d+ rules: valid\n$/);
  });

  it('lists a council pack rule with its kind, category, severity and standards', async () => {
    const result = await runCli(['rules', 'list', '--no-default-rules', '--rules', 'fixtures/packs/valid']);
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'RULE                KIND    CATEGORY        SEVERITY  STANDARDS  PACK\n' +
        'council.toxic-trio  phrase  record-hygiene  info      3.11 3.7   council-words\n',
    });
  });
});

describe('packs prebuilt by the build (dist/packs/prebuilt-packs.json)', () => {
  const prebuilt = prebuildPacks([DEFAULT_RULES_DIR]);

  it('records every default pack, and loading through them gives exactly what parsing and validating gives', () => {
    expect(Object.keys(prebuilt)).toHaveLength(packFiles(DEFAULT_RULES_DIR).length);
    expect(loadPacks([DEFAULT_RULES_DIR], prebuilt)).toEqual(loadPacks([DEFAULT_RULES_DIR], {}));
  });

  it('are used only for the same bytes: a pack changed by one byte is read and validated again, at its own path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-prebuilt-'));
    const original = readFileSync(join(DEFAULT_RULES_DIR, 'record-hygiene.yaml'), 'utf8');
    const same = join(dir, 'same.yaml');
    const changed = join(dir, 'changed.yaml');
    writeFileSync(same, original);
    writeFileSync(changed, original.replace('severity: error', 'severity: nonsense'));
    expect(loadPacks([same], prebuilt)).toEqual(loadPacks([same], {}));
    expect(loadPacks([same], prebuilt)[0].ruleLocations[0]).toMatch(new RegExp(`^${same.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+$`));
    expect(() => loadPacks([changed], prebuilt)).toThrow(/severity/);
  });

  it('never hide a problem between packs: a rule id used twice is still found', () => {
    expect(() => loadPacks([DEFAULT_RULES_DIR, broken('duplicate-id')], prebuilt)).toThrow(/already used at .*record-hygiene\.yaml:9:9/);
  });

  it('hand out a copy each time, so that one caller changing its packs changes no other', () => {
    const first = loadPacks([DEFAULT_RULES_DIR], prebuilt);
    first[0].rules.length = 0;
    expect(loadPacks([DEFAULT_RULES_DIR], prebuilt)).toEqual(loadPacks([DEFAULT_RULES_DIR], {}));
  });

  it('serve rules list and explain without the parser only when every pack is prebuilt and no id is used twice', () => {
    expect(prebuiltOnly([DEFAULT_RULES_DIR], prebuilt)).toEqual(loadPacks([DEFAULT_RULES_DIR], {}));
    expect(prebuiltOnly([DEFAULT_RULES_DIR], {})).toBeUndefined();
    expect(prebuiltOnly([DEFAULT_RULES_DIR, broken('misspelt-key')], prebuilt)).toBeUndefined();
    expect(prebuiltOnly([DEFAULT_RULES_DIR, join(DEFAULT_RULES_DIR, 'labels.rules.yaml')], prebuilt)).toBeUndefined();
    expect(prebuiltOnly(['no/such/pack.yaml'], prebuilt)).toBeUndefined();
  });
});
