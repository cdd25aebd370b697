import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoPath, runCli } from './support/run-cli.ts';

const SAMPLE = 'fixtures/exports/liquidlogic-casenotes.csv';

/** A scratch folder holding a copy of the sample export as x.csv. */
function scratch(): { dir: string; input: string; original: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-out-'));
  const input = join(dir, 'x.csv');
  copyFileSync(repoPath(SAMPLE), input);
  return { dir, input, original: readFileSync(input) };
}

describe('an output never replaces an input, a device, a link or a folder', () => {
  it.each([
    [
      'the input itself',
      (d: string) => join(d, 'x.csv'),
      (d: string) => `--output ${join(d, 'x.csv')}: this is an input of the run (${join(d, 'x.csv')}); writing it would replace it. Give another path`,
    ],
    [
      'the input by another spelling',
      (d: string) => `${d}/./x.csv`,
      (d: string) => `--output ${d}/./x.csv: this is an input of the run (${join(d, 'x.csv')}); writing it would replace it. Give another path`,
    ],
    ['a folder', (d: string) => d, (d: string) => `--output ${d}: this is a folder; give a file name inside it`],
    [
      'a device',
      () => '/dev/null',
      () => '--output /dev/null: this is a device, not a regular file; scrutineer writes reports only to regular files (use no --output, or -, for stdout)',
    ],
    [
      'under a file',
      (d: string) => join(d, 'x.csv', 'r.json'),
      (d: string) => `--output ${join(d, 'x.csv', 'r.json')}: part of the path is a file, not a folder`,
    ],
  ])('%s: exit 2 before reading, the input untouched', async (_, output, message) => {
    const { dir, input, original } = scratch();
    const r = await runCli(['audit', input, '-f', 'csv', '-o', output(dir)]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `scrutineer: ${message(dir)}\n` });
    expect(readFileSync(input)).toEqual(original);
  });

  it('a hard link to the input is the input', async () => {
    const { dir, input, original } = scratch();
    linkSync(input, join(dir, 'same.csv'));
    const r = await runCli(['audit', input, '-o', join(dir, 'same.csv')]);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `scrutineer: --output ${join(dir, 'same.csv')}: this is the same file as the input ${input}; writing it would replace it. Give another path\n`,
    });
    expect(readFileSync(input)).toEqual(original);
  });

  it('a symbolic link is refused and stays a link to what it pointed at', async () => {
    const { dir, input, original } = scratch();
    symlinkSync(input, join(dir, 'link.json'));
    const r = await runCli(['audit', input, '-o', join(dir, 'link.json')]);
    expect(r.stderr).toBe(
      `scrutineer: --output ${join(dir, 'link.json')}: this is a symbolic link; give the path of a regular file (the link would be replaced by the report)\n`,
    );
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'link.json'))).toEqual(original);
  });

  it('a named pipe is refused (it would become a regular file)', async () => {
    const { dir, input } = scratch();
    spawnSync('mkfifo', [join(dir, 'pipe')]);
    const r = await runCli(['audit', input, '-o', join(dir, 'pipe')]);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `scrutineer: --output ${join(dir, 'pipe')}: this is a named pipe (FIFO), not a regular file; scrutineer writes reports only to regular files (use no --output, or -, for stdout)\n`,
    });
  });

  it('the manifest, the history and the config are checked as outputs and inputs too', async () => {
    const { dir, input } = scratch();
    expect((await runCli(['audit', input, '--history', input])).stderr).toBe(
      `scrutineer: --history ${input}: this is an input of the run (${input}); writing it would replace it. Give another path\n`,
    );
    expect((await runCli(['audit', input, '--manifest', dir])).stderr).toBe(`scrutineer: --manifest ${dir}: this is a folder; give a file name inside it\n`);
    expect((await runCli(['audit', input, '-f', 'json', '-o', join(dir, 'r.json'), '--manifest', join(dir, 'r.json')])).stderr).toBe(
      `scrutineer: --manifest ${join(dir, 'r.json')}: --output already writes to this path; give each output its own file\n`,
    );
    expect((await runCli(['audit', input, '-o', repoPath('rules/labels.rules.yaml')])).stderr).toMatch(
      /this is an input of the run \(.*rules\/labels\.rules\.yaml\)/,
    );
    expect(readdirSync(dir)).toEqual(['x.csv']);
  });

  it('outputs in folders that do not exist yet are written there, the folders created', async () => {
    const { dir, input } = scratch();
    const r = await runCli([
      'audit',
      input,
      '-f',
      'json',
      '-o',
      join(dir, 'reports', 'month', 'audit.json'),
      '--history',
      join(dir, 'reports', 'history.ndjson'),
      '--fail-on',
      'never',
      '-q',
    ]);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(join(dir, 'reports', 'month', 'audit.json'), 'utf8')).summary.records_audited).toBe(45);
    expect(
      readFileSync(join(dir, 'reports', 'history.ndjson'), 'utf8')
        .split('\n')
        .filter(Boolean),
    ).toHaveLength(1);
  });

  it('`-o -` is standard output', async () => {
    const r = await runCli(['audit', SAMPLE, '-f', 'json', '-o', '-', '--fail-on', 'never', '-q']);
    expect(JSON.parse(r.stdout).summary.records_audited).toBe(45);
  });
});

describe('standard output that cannot take the report', () => {
  const bin = repoPath('bin/scrutineer');
  const run = (shell: string) => spawnSync('bash', ['-c', shell], { encoding: 'utf8' });

  it('a reader that stops reading ends the run quietly, never with exit 0', () => {
    const r = run(`"${bin}" audit "${repoPath(SAMPLE)}" -f json --fail-on never -q | true; echo "exit \${PIPESTATUS[0]}"`);
    expect({ stdout: r.stdout, stderr: r.stderr }).toEqual({ stdout: 'exit 141\n', stderr: '' });
  });

  it('a full disk is one line and exit 2', () => {
    const r = run(`"${bin}" audit "${repoPath(SAMPLE)}" -f json --fail-on never -q > /dev/full; echo "exit $?"`);
    expect({ stdout: r.stdout, stderr: r.stderr }).toEqual({
      stdout: 'exit 2\n',
      stderr: 'scrutineer: cannot write to standard output: the disk is full; the report is incomplete\n',
    });
  });

  it('a closed standard output is refused before the audit, not a lost report and exit 0', () => {
    const r = run(`"${bin}" audit "${repoPath(SAMPLE)}" -f json --fail-on never -q >&-; echo "exit $?" >&2`);
    expect(r.stderr).toBe('scrutineer: standard output is closed, so the report would be lost; give --output FILE\nexit 2\n');
  });
});

describe('nothing audited is not a pass', () => {
  it('an export whose every row is rejected exits 2, after writing the report that lists them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-none-'));
    const path = join(dir, 'bad-dates.csv');
    writeFileSync(path, 'record_id,case_id,record_date,text\nR1,C1,31/02/2023,Visit.\nR2,C1,2023-13-01,Visit.\n');
    const r = await runCli(['audit', path, '-f', 'json', '--fail-on', 'never', '-q']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).rejected_rows).toHaveLength(2);
    expect(r.stderr).toBe(
      `scrutineer: ${path}: none of its 2 rows could be audited (every one rejected; the report lists why); nothing audited is not a pass\n`,
    );
  });

  it('--max-rejected sets how many rejected rows a run tolerates, as a number or a share', async () => {
    const args = ['audit', 'fixtures/intake/rejects.csv', '-f', 'json', '--fail-on', 'never', '-q'];
    const read = JSON.parse((await runCli(args)).stdout).summary.rows_read;
    expect((await runCli([...args, '--max-rejected', '6'])).code).toBe(0);
    const over = await runCli([...args, '--max-rejected', '5']);
    expect([over.code, over.stderr]).toEqual([2, `scrutineer: 6 of ${read} rows rejected, more than --max-rejected 5 allows\n`]);
    expect((await runCli([...args, '--max-rejected', `${Math.ceil(600 / read)}%`])).code).toBe(0);
    expect((await runCli([...args, '--max-rejected', '1%'])).code).toBe(2);
    expect((await runCli([...args, '--max-rejected', 'lots'])).stderr).toContain(
      "option '--max-rejected <n|n%>' argument 'lots' is invalid. give a number of rows (e.g. 5) or a percentage of the rows read (e.g. 0.5%)",
    );
  });
});

describe('a first run creates its baseline', () => {
  it('--init-baseline writes the baseline with no record text, passes, and the next run on the same data finds nothing new', async () => {
    const { dir, input } = scratch();
    const baseline = join(dir, 'reports', 'baseline.json');
    const args = ['audit', input, '--baseline', baseline, '--init-baseline', '--fail-on', 'warning', '-f', 'json', '-o', join(dir, 'reports', 'audit.json')];
    const first = await runCli(args);
    expect(first.code).toBe(0);
    const written = JSON.parse(readFileSync(baseline, 'utf8'));
    const report = JSON.parse(readFileSync(join(dir, 'reports', 'audit.json'), 'utf8'));
    expect(first.stderr).toContain(`scrutineer: created the baseline ${baseline} with ${report.flags.length} flags; later runs fail only on new ones\n`);
    expect(written.flags.map((f: { id: string }) => f.id)).toEqual(report.flags.map((f: { id: string }) => f.id));
    expect(Object.keys(written.flags[0])).toEqual(['id', 'rule', 'case_id', 'record_id']);
    expect(report.baseline).toMatchObject({ new: 0, existing: report.flags.length });
    const second = await runCli(args);
    expect(second.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'reports', 'audit.json'), 'utf8')).baseline).toMatchObject({
      new: 0,
      existing: report.flags.length,
      resolved: [],
    });
    expect(readFileSync(baseline, 'utf8')).toBe(JSON.stringify(written, null, 1) + '\n');
  });

  it('without --init-baseline a missing baseline is an error, before the audit', async () => {
    const { dir, input } = scratch();
    const r = await runCli(['audit', input, '--baseline', join(dir, 'none.json')]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `scrutineer: --baseline ${join(dir, 'none.json')}: no such file\n` });
    mkdirSync(join(dir, 'sub'));
    expect(existsSync(join(dir, 'none.json'))).toBe(false);
  });
});

describe('a report written in pieces', () => {
  it('is every piece in order, byte for byte, whatever their sizes and characters, with a break taken at an empty piece', async () => {
    const { writePiecesAtomic } = await import('../src/cli/write-output.ts');
    const { Breaks } = await import('../src/model/steps.ts');
    const dir = mkdtempSync(join(tmpdir(), 'scrutineer-pieces-'));
    // Small pieces gathered into one write, pieces of two- and three-byte characters and
    // surrogate pairs, and pieces too large for the write buffer (a mebibyte) on their own.
    const pieces = ['', '{', 'é'.repeat(1000), '', '“quoted”'.repeat(50_000), '😀'.repeat(200_000), 'x'.repeat(3 << 20), '', 'end\n'];
    const breaks = new Breaks(0);
    await writePiecesAtomic(join(dir, 'r.txt'), pieces, '--output', breaks);
    expect(readFileSync(join(dir, 'r.txt')).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
    expect(breaks.taken).toBe(3);
  });
});
