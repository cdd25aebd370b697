import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeExport } from '../bench/gen/write-export.ts';
import { readInputs, resolveInputs } from '../src/intake/read-inputs.ts';
import { loadProfiles } from '../src/intake/profiles.ts';
import type { CanonicalRecord } from '../src/model/record.ts';
import { DEFAULT_RULES_DIR, loadPacks } from '../src/packs/load-packs.ts';
import { createChecks } from '../src/core/audit.ts';
import type { CheckEnv } from '../src/checks/rule-kind.ts';
import { compileCues } from '../src/reading/assertion.ts';
import { mergeCues, type CueLists } from '../src/reading/cues.ts';
import { LabelMatcher, type LabelForms } from '../src/checks/label/mentions.ts';
import { TextGates } from '../src/text/text-gates.ts';
import { setNarrowing } from '../src/text/alternatives.ts';
import { readCorpus } from './accuracy/label-corpus.ts';
import { repoPath } from './support/run-cli.ts';

/**
 * The text gates (src/text/text-gates.ts) skip a record's regular expressions when its text
 * cannot hold what they need. They must never change a finding: every default check, run over
 * every fixture the repository has and a generated export, gives exactly the same flags,
 * histories, timelines and mentions with the gates on as with them off. The same holds for
 * running only the alternatives of an alternation that a text could match (alternatives.ts).
 */
const packs = loadPacks([DEFAULT_RULES_DIR]);
const sections: Record<string, unknown[]> = {};
for (const pack of packs) for (const [key, value] of Object.entries(pack.sections)) (sections[key] ??= []).push(value);

function csvFiles(dir: string): string[] {
  return readdirSync(repoPath(dir))
    .filter((f) => /\.(csv|txt)$/.test(f) && f !== 'expected.csv')
    .map((f) => repoPath(`${dir}/${f}`));
}

async function readRecords(files: string[]): Promise<CanonicalRecord[]> {
  const records: CanonicalRecord[] = [];
  for (const file of files) {
    for await (const item of readInputs(resolveInputs([file]), { profiles: loadProfiles(), dateOrder: 'dmy' }, [], []))
      if (item.record) records.push(item.record);
  }
  return records;
}

/** With `prefilter` false, neither the gates nor the narrowing of alternations (src/text/alternatives.ts). */
function audit(records: CanonicalRecord[], prefilter: boolean): unknown {
  setNarrowing(prefilter);
  try {
    return auditWith(records, prefilter);
  } finally {
    setNarrowing(true);
  }
}

function auditWith(records: CanonicalRecord[], prefilter: boolean): unknown {
  const env: CheckEnv = { asOf: '2026-11-23', sections, collectMentions: true, timeline: true, prefilter };
  const checks = createChecks(
    packs.flatMap((p) => p.rules),
    env,
  );
  const drafts = records.flatMap((r) => checks.flatMap((c) => c.record(r)));
  drafts.push(...checks.flatMap((c) => c.finish()));
  return {
    flags: drafts.map((d) => ({ rule: d.rule.id, record: d.record.record_id, span: d.span ?? null, message: d.message ?? null, severity: d.severity ?? null })),
    sections: checks.map((c) => c.sections?.() ?? {}),
  };
}

describe('text gates never change a finding', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-gates-'));
  let records: CanonicalRecord[] = [];

  beforeAll(async () => {
    const generated = join(dir, 'generated.csv');
    await writeExport(generated, { records: 1500, seed: '11' });
    const files = [
      'fixtures/exports',
      'fixtures/staleness',
      'fixtures/hygiene',
      'fixtures/duplication',
      'fixtures/hostile',
      'fixtures/richtext',
      'rules/tests',
    ].flatMap(csvFiles);
    records = await readRecords([...files, generated]);
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same flags and sections with the gates on and off, over every fixture and a generated export', () => {
    expect(records.length).toBeGreaterThan(1800);
    const on = audit(records, true) as { flags: unknown[] };
    const off = audit(records, false) as { flags: unknown[] };
    expect(on.flags.length).toBeGreaterThan(300);
    expect(on).toEqual(off);
    // (Two whole audits of every fixture, one with no gates at all: minutes on a busy 2-core CI
    // machine. The limit only stops a hang; nothing here measures speed.)
  }, 300_000);

  it('reads every labelled corpus sentence the same way with the gates on and off', () => {
    const labels = packs.flatMap((p) => p.rules).filter((r) => r.kind === 'label') as unknown as LabelForms[];
    const cues = compileCues(mergeCues(packs.flatMap((p) => (p.sections.assertion ? [p.sections.assertion as CueLists] : []))));
    const gated = new LabelMatcher(labels, cues, new TextGates(true));
    const ungated = new LabelMatcher(labels, cues, new TextGates(false));
    const sentences = readdirSync(repoPath('fixtures/labels'))
      .filter((f) => f.startsWith('corpus-') && f.endsWith('.csv'))
      .flatMap((f) => readCorpus(repoPath(`fixtures/labels/${f}`)).map((r) => r.text));
    expect(sentences.length).toBeGreaterThan(500);
    const mentions = sentences.map((s) => gated.read(s));
    expect(mentions.filter((m) => m.mentions.length).length).toBeGreaterThan(450);
    setNarrowing(false);
    try {
      expect(mentions).toEqual(sentences.map((s) => ungated.read(s)));
    } finally {
      setNarrowing(true);
    }
  });
});
