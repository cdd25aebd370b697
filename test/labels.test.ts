import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { runCli, repoPath } from './support/run-cli.ts';
import { classify, readCorpus, scoreCorpus } from './accuracy/label-corpus.ts';

const SAMPLE = 'fixtures/exports/liquidlogic-casenotes.csv';
const audit = async (args: string[]) => {
  const result = await runCli(['audit', ...args, '--format', 'json', '--fail-on', 'never', '--as-of', '2025-06-30']);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
};

describe('unevidenced labels in a real export', () => {
  it('flags only asserted mentions, and raises a label repeated after evidence against it to error', async () => {
    const report = await audit([SAMPLE]);
    const labels = report.flags.filter((f: { category: string }) => f.category === 'unevidenced-label');
    expect(labels.map((f: Record<string, unknown>) => [f.record_id, f.label, f.status, f.severity, f.related_record_ids])).toEqual([
      ['5201738', 'aggressive', 'asserted', 'warning', []],
      ['5202245', 'aggressive', 'asserted', 'warning', ['5201738']],
      ['5202127', 'aggressive', 'asserted', 'warning', []],
      ['5201511', 'FII', 'asserted', 'error', []],
      ['5201796', 'FII', 'asserted', 'error', ['5201541', '5201511']],
      ['5201962', 'alcoholic', 'asserted', 'error', []],
      ['5202077', 'alcoholic', 'asserted', 'error', ['5201994', '5201962']],
      ['5201233', 'unable to cope', 'asserted', 'warning', ['5201203']],
    ]);
    const repeat = labels.find((f: { record_id: string }) => f.record_id === '5202077');
    expect(repeat.message).toMatch(
      /^Repeated after contrary evidence: record 5201994 \(18\/04\/2023\) says “they do not consider him to be alcohol dependent”\./,
    );
    expect(repeat.span.text).toBe('alcoholic');
    expect(repeat.standards).toEqual(['3.11', '3.5']);
  });

  it('carries each label history of a case in label_histories', async () => {
    const report = await audit([SAMPLE]);
    const fii = report.label_histories.find((h: { case_id: string; label: string }) => h.case_id === '1005120' && h.label === 'FII');
    expect(fii).toMatchObject({
      first_record_id: '5201511',
      first_record_date: '2022-06-14',
      contrary_evidence_record_ids: ['5201541', '5202412'],
      repeated_after_contrary_evidence: ['5201796'],
    });
    expect(fii.entries[0]).toEqual({
      record_id: '5201406',
      record_date: '2022-03-08',
      recorded_at: '2022-03-08T10:55',
      event: 'mention',
      status: 'hypothetical',
      text: 'FII',
      cue: 'If',
    });
  });

  it('shows the chronology in the terminal view', async () => {
    const result = await runCli(['audit', SAMPLE, '--format', 'terminal', '--fail-on', 'never']);
    expect(result.stdout).toContain(
      '    alcoholic: 01/03/2023 5201962 asserted → 18/04/2023 5201994 evidence against → 24/05/2023 5202077 asserted after evidence against\n',
    );
  });

  it('--mentions lists every mention with its status and the cue that decided it', async () => {
    const without = await audit([SAMPLE]);
    expect(without.mentions).toBeUndefined();
    const report = await audit([SAMPLE, '--mentions']);
    const byStatus: Record<string, number> = {};
    for (const m of report.mentions) byStatus[m.status] = (byStatus[m.status] ?? 0) + 1;
    expect(byStatus.asserted).toBe(8);
    expect(Object.keys(byStatus).sort()).toEqual(['asserted', 'attributed', 'evidenced', 'hypothetical', 'negated', 'refuted']);
    expect(report.mentions).toContainEqual({
      record_id: '5201738',
      case_id: '1004417',
      label: 'controlling',
      status: 'attributed',
      span: expect.objectContaining({ text: 'controlling' }),
      cue: 'alleges',
      cue_span: expect.objectContaining({ text: 'alleges' }),
    });
    // Asserted mentions have no cue; every other mention says where its cue stands.
    for (const m of report.mentions)
      expect(m.status === 'asserted' ? m.cue_span : m.cue_span?.text.length).toEqual(m.status === 'asserted' ? undefined : expect.any(Number));
  });

  it('--labels adds a council word list from a spreadsheet, extending a default label too', async () => {
    const path = repoPath('fixtures/labels/council-words.csv');
    const dir = (await import('node:fs')).mkdtempSync((await import('node:path')).join((await import('node:os')).tmpdir(), 'scrutineer-labels-'));
    const csv = `${dir}/notes.csv`;
    (await import('node:fs')).writeFileSync(
      csv,
      'record_id,case_id,record_date,text\nR1,C1,01/02/2023,Mother was confrontational on the doorstep.\nR2,C1,02/02/2023,This is a toxic trio case. There is no evidence that dad is feckless.\n',
    );
    const report = await audit([csv, '--labels', path]);
    expect(report.flags.map((f: Record<string, unknown>) => [f.record_id, f.rule, f.label, f.span && (f.span as { text: string }).text])).toEqual([
      ['R1', 'label.aggressive', 'aggressive', 'confrontational'],
      ['R2', 'labels-csv.toxic-trio', 'toxic trio', 'toxic trio'],
    ]);
    const bad = await runCli(['audit', csv, '--labels', repoPath('fixtures/exports/canonical-notes.csv')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/the label list needs a header with the columns label and term/);
  });
});

describe('the default label pack', () => {
  const pack = parseYaml(readFileSync(repoPath('rules/labels.rules.yaml'), 'utf8'));
  const corpus = ['dev', 'dev2', 'heldout'].flatMap((n) => readCorpus(repoPath(`fixtures/labels/corpus-${n}.csv`)));

  it('covers every label the brief names, each citing a source the pack lists', () => {
    const names = pack.rules.map((r: { label: string }) => r.label);
    for (const label of [
      'FII',
      'aggressive',
      'alcoholic',
      'drug misuse',
      'unable to cope',
      'overly anxious',
      'parental acrimony',
      'coercive',
      'controlling',
      'malicious',
      'parental alienation',
      'hostile',
      'disguised compliance',
      'chaotic',
      'manipulative',
      'uncooperative',
      'non-compliant',
      'volatile',
    ]) {
      expect(names).toContain(label);
    }
    for (const rule of pack.rules) {
      expect(pack.sources, rule.id).toContain(rule.source);
      expect(rule.standards, rule.id).toContain('3.11');
      expect(rule.evidence_needed, rule.id).toBeTruthy();
    }
  });

  it('every label has corpus sentences in each status that exercise it', () => {
    for (const rule of pack.rules) {
      const rows = corpus.filter((r) => r.label === rule.label);
      expect(new Set(rows.map((r) => r.status)).size, rule.label).toBe(5);
    }
  });
});

describe('measured accuracy on the labelled corpora', () => {
  // The levels committed to in the README; the held-out set is never used for tuning.
  it.each([
    ['dev', 'fixtures/labels/corpus-dev.csv', { accuracy: 0.97, assertedP: 0.97, assertedR: 0.97, negatedP: 0.97, negatedR: 0.97 }],
    ['dev2', 'fixtures/labels/corpus-dev2.csv', { accuracy: 0.85, assertedP: 0.87, assertedR: 0.9, negatedP: 0.88, negatedR: 0.65 }],
    ['held-out', 'fixtures/labels/corpus-heldout.csv', { accuracy: 0.88, assertedP: 0.87, assertedR: 0.88, negatedP: 0.83, negatedR: 0.75 }],
  ])('%s corpus', (name, path, floor) => {
    const s = scoreCorpus(classify(readCorpus(repoPath(path))));
    console.log(
      `${name}: accuracy ${s.accuracy.toFixed(3)}, asserted P ${s.assertedVsRest.precision.toFixed(3)} R ${s.assertedVsRest.recall.toFixed(3)}, negated P ${s.byStatus.negated.precision.toFixed(3)} R ${s.byStatus.negated.recall.toFixed(3)}`,
    );
    expect(s.rows).toBeGreaterThanOrEqual(180);
    expect(s.labelCorrect / s.rows).toBeGreaterThanOrEqual(0.98);
    expect(s.accuracy).toBeGreaterThanOrEqual(floor.accuracy);
    expect(s.assertedVsRest.precision).toBeGreaterThanOrEqual(floor.assertedP);
    expect(s.assertedVsRest.recall).toBeGreaterThanOrEqual(floor.assertedR);
    expect(s.byStatus.negated.precision).toBeGreaterThanOrEqual(floor.negatedP);
    expect(s.byStatus.negated.recall).toBeGreaterThanOrEqual(floor.negatedR);
  });
});
