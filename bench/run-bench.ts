/**
 * npm run bench -- [--sizes 100000,1000000] [--seed 1] [--skip-gen] [--timeout-min 15] [--cpu-prof] [--jobs N]
 *                   [--startup-rounds 7] [--startup-only]
 *
 * In one run, for each size: generates the export (or reuses bench/data/export-<size>-s<seed>-g<v>.csv),
 * measures the floor (bench/bare-parse.ts: the intake's decoding and csv-parse, nothing else)
 * and the full default audit as a child process (`bin/scrutineer audit FILE --format json
 * --output bench/out/report-<size>.json --fail-on never --quiet --jobs N`, N being --jobs or the
 * CLI's own default for a file that size: one worker a core from 32 MB), with wall time and peak
 * resident memory from /usr/bin/time -v (or /proc/<pid>/status VmHWM when it is missing);
 * then the start-up table (startupTable: `node -e 0` and short commands, the 45-record sample
 * audit among them, run back to back in rounds, median of each, as a multiple of `node -e 0`),
 * and how much of the planted ground truth the audit found. --startup-only measures the start-up
 * table alone (bench/out/startup-<date>.json and .md; bench/results.json is left as it is). Writes
 * bench/out/bench-<date>.json, bench/results.json (the latest run) and bench/out/bench-<date>.md,
 * and prints the markdown.
 *
 * A size whose audit would overrun the timeout, judging by the rate of the size before it, is
 * skipped and the output says so; --sizes chooses. --cpu-prof also profiles the audit of the
 * largest size audited with `node --cpu-prof` and summarises the profile (bench/out/profile-<size>.md).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeExport, truthPath } from './gen/write-export.ts';
import { GENERATOR_VERSION } from './gen/generate.ts';
import type { TruthEntry } from './gen/defects.ts';
import { busiest, summaryMarkdown, type CpuProfile, type ProfileSummary } from './profile-summary.ts';
import { defaultJobs } from '../src/cli/options.ts';
import { holdsMarkdown, holdsTable } from './holds.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA = join(ROOT, 'bench/data');
const OUT = join(ROOT, 'bench/out');
const BIN = join(ROOT, 'bin/scrutineer');
const TIME = '/usr/bin/time';

interface Measured {
  code: number | null;
  signal: string | null;
  wall_s: number;
  peak_rss_mb: number | null;
  rss_source: string;
  stdout: string;
  stderr: string;
  timed_out: boolean;
}

/** The process and all its descendants (from /proc), for memory polling. */
function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    try {
      for (const c of readFileSync(`/proc/${out[i]}/task/${out[i]}/children`, 'utf8').trim().split(/\s+/)) if (c) out.push(Number(c));
    } catch {
      /* gone */
    }
  }
  return out;
}

/**
 * Runs a command, timing it and taking its peak resident memory: from /usr/bin/time -v when it
 * is there and the command finishes, else from polling VmHWM of the process tree every 100 ms
 * (which also gives the peak so far of a run stopped at the timeout).
 */
async function measure(cmd: string, args: string[], timeoutMs: number): Promise<Measured> {
  const useTime = existsSync(TIME);
  const [file, argv] = useTime ? [TIME, ['-v', cmd, ...args]] : [cmd, args];
  const started = process.hrtime.bigint();
  const child = spawn(file, argv, { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  let hwm = 0;
  const poll = setInterval(() => {
    for (const pid of processTree(child.pid!)) {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        if (m) hwm = Math.max(hwm, Number(m[1]));
      } catch {
        /* finished */
      }
    }
  }, 100);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }, timeoutMs);
  const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
  clearTimeout(timer);
  clearInterval(poll);
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const polled = hwm ? hwm / 1024 : null;
  if (useTime) {
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
    const status = /Exit status: (\d+)/.exec(stderr);
    stderr = stderr.replace(/\n?\tCommand being timed:[\s\S]*$/, '');
    if (m)
      return {
        code: status ? Number(status[1]) : code,
        signal,
        wall_s: wall,
        peak_rss_mb: Number(m[1]) / 1024,
        rss_source: '/usr/bin/time -v',
        stdout,
        stderr,
        timed_out: timedOut,
      };
  }
  return {
    code,
    signal,
    wall_s: wall,
    peak_rss_mb: polled,
    rss_source: timedOut ? 'VmHWM polled until the timeout' : 'VmHWM polled',
    stdout,
    stderr,
    timed_out: timedOut,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

function machine() {
  const info = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.+)/.exec(info)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return { cpu: model.trim(), cores: cpus().length, memory_gib: round(totalmem() / 2 ** 30, 1), node: process.version, os: `${process.platform} ${release()}` };
}

/** A hash of the code and rules measured (src/, rules/, bin/, package-lock.json), so a figure can be tied to a code state. */
function sourceHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const rel = join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else {
        hash.update(`${rel}\u0000`);
        hash.update(readFileSync(join(ROOT, rel)));
      }
    }
  };
  for (const dir of ['src', 'rules', 'bin']) walk(dir);
  hash.update(readFileSync(join(ROOT, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}

export const exportPath = (size: number, seed: string) => join(DATA, `export-${size}-s${seed}-g${GENERATOR_VERSION}.csv`);

/**
 * Ground truth against the report: for each rule, the records where it was expected to fire
 * and how many it did; and its other flags, split into those on records that carry some other
 * planted defect (a copied paragraph that still gives an old age, say) and those on records
 * where nothing was planted at all (false alarms on ordinary prose, or detections the generator
 * did not intend).
 */
function groundTruth(reportFile: string, truthFile: string) {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { flags: { rule: string; record_id: string }[] };
  const truth = readFileSync(truthFile, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as TruthEntry);
  const flagged = new Set(report.flags.map((f) => `${f.rule}\u0000${f.record_id}`));
  const expected = new Set<string>();
  const plantedRecords = new Set(truth.map((t) => t.record_id));
  const rows: Record<string, { planted: number; found: number; flags: number; on_other_planted: number; on_clean: number }> = {};
  const row = (rule: string) => (rows[rule] ??= { planted: 0, found: 0, flags: 0, on_other_planted: 0, on_clean: 0 });
  for (const t of truth) {
    for (const rule of [t.expected_rule, ...(t.also_expected ?? [])]) {
      if (!rule || expected.has(`${rule}\u0000${t.record_id}`)) continue;
      expected.add(`${rule}\u0000${t.record_id}`);
      row(rule).planted++;
      if (flagged.has(`${rule}\u0000${t.record_id}`)) row(rule).found++;
    }
  }
  for (const key of flagged) {
    const [rule, record] = key.split('\u0000');
    row(rule).flags++;
    if (expected.has(key)) continue;
    if (plantedRecords.has(record)) row(rule).on_other_planted++;
    else row(rule).on_clean++;
  }
  // Labels planted as negated, hypothetical, attributed or evidenced that were flagged anyway.
  const quiet = truth.filter((t) => t.kind === 'label' && !t.expected_rule);
  const wronglyFlagged = quiet.filter((t) => flagged.has(`${t.details.rule}\u0000${t.record_id}`)).length;
  return {
    by_rule: Object.fromEntries(Object.entries(rows).sort(([a], [b]) => a.localeCompare(b))),
    quiet_labels: quiet.length,
    quiet_labels_flagged: wronglyFlagged,
  };
}

interface SizeResult {
  size: number;
  file: string;
  bytes: number;
  generated?: { seconds: number; mb_per_s: number };
  bare_parse?: { records: number; seconds: number; wall_s: number; records_per_s: number; mb_per_s: number; peak_rss_mb: number | null };
  audit?: {
    records: number | null;
    wall_s: number;
    records_per_s: number | null;
    mb_per_s: number | null;
    peak_rss_mb: number | null;
    peak_rss_source: string;
    exit_code: number | null;
    flags: number | null;
    timed_out: boolean;
    /** Worker threads the audit used (--jobs, or the CLI's default for a file this size). */
    jobs: number;
  };
  audit_vs_parse?: number;
  ground_truth?: ReturnType<typeof groundTruth>;
  skipped?: string;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100000,1000000' },
      seed: { type: 'string', default: '1' },
      'skip-gen': { type: 'boolean', default: false },
      'timeout-min': { type: 'string', default: '15' },
      'cpu-prof': { type: 'boolean', default: false },
      jobs: { type: 'string' },
      'startup-rounds': { type: 'string', default: '7' },
      'startup-only': { type: 'boolean', default: false },
      'holds-only': { type: 'boolean', default: false },
    },
  });
  const rounds = Number(values['startup-rounds']);
  if (!Number.isInteger(rounds) || rounds < 5) throw new Error(`--startup-rounds: a whole number of at least 5, not '${values['startup-rounds']}'`);
  if (values['startup-only']) {
    mkdirSync(OUT, { recursive: true });
    const doc = {
      date: new Date().toISOString().slice(0, 10),
      source_hash: sourceHash(),
      machine: machine(),
      startup: await startupTable(rounds, (s) => process.stderr.write(`${s}\n`)),
    };
    const markdown = `## Start-up, ${doc.date}\n\nMachine: ${doc.machine.cpu}, ${doc.machine.cores} cores, Node ${doc.machine.node}; code state ${doc.source_hash}.\n\n${startupMarkdown(doc.startup)}`;
    writeFileSync(join(OUT, `startup-${doc.date}.json`), `${JSON.stringify(doc, null, 2)}\n`);
    writeFileSync(join(OUT, `startup-${doc.date}.md`), markdown);
    process.stdout.write(markdown);
    return 0;
  }
  if (values['holds-only']) {
    mkdirSync(OUT, { recursive: true });
    const date = new Date().toISOString().slice(0, 10);
    const holds = await holdsTable(ROOT, BIN, DATA, measure, (s) => process.stderr.write(`${s}\n`));
    const doc = { date, source_hash: sourceHash(), machine: machine(), holds };
    const markdown = `## Main-thread holds, ${date}\n\nMachine: ${doc.machine.cpu}, ${doc.machine.cores} cores, Node ${doc.machine.node}; code state ${doc.source_hash}.\n\n${holdsMarkdown(holds)}`;
    writeFileSync(join(OUT, `holds-${date}.json`), `${JSON.stringify(doc, null, 2)}\n`);
    writeFileSync(join(OUT, `holds-${date}.md`), markdown);
    process.stdout.write(markdown);
    return 0;
  }
  const sizes = values.sizes!.split(',').map((s) => Number(s.replace(/_/g, '').trim()));
  if (sizes.some((s) => !Number.isInteger(s) || s < 1)) throw new Error(`--sizes: whole numbers separated by commas, not '${values.sizes}'`);
  sizes.sort((a, b) => a - b);
  const seed = values.seed!;
  const timeoutMs = Number(values['timeout-min']) * 60_000;
  mkdirSync(DATA, { recursive: true });
  mkdirSync(OUT, { recursive: true });
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const notes: string[] = [];
  const results: SizeResult[] = [];
  // Taken before and after: other work may change src/ while a long run is under way.
  const codeState = sourceHash();
  let lastRate: number | null = null;

  for (const size of sizes) {
    const file = exportPath(size, seed);
    const result: SizeResult = { size, file: file.slice(ROOT.length), bytes: 0 };
    results.push(result);
    if (!existsSync(file) || !existsSync(truthPath(file))) {
      if (values['skip-gen']) {
        result.skipped = `no export at ${result.file} and --skip-gen given`;
        log(`${size}: ${result.skipped}`);
        continue;
      }
      log(`${size}: generating ${result.file}…`);
      const g = await writeExport(file, { records: size, seed });
      result.generated = { seconds: round(g.seconds, 1), mb_per_s: round(g.bytes / 1e6 / g.seconds, 1) };
    } else {
      log(`${size}: reusing ${result.file}`);
    }
    result.bytes = statSync(file).size;
    const mb = result.bytes / 1e6;

    log(`${size}: bare csv-parse…`);
    const bare = await measure(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/bare-parse.ts'), file], timeoutMs);
    if (bare.code === 0) {
      const b = JSON.parse(bare.stdout.trim().split('\n').pop()!) as { records: number; seconds: number };
      result.bare_parse = {
        records: b.records,
        seconds: round(b.seconds),
        wall_s: round(bare.wall_s),
        records_per_s: Math.round(b.records / b.seconds),
        mb_per_s: round(mb / b.seconds, 1),
        peak_rss_mb: bare.peak_rss_mb && round(bare.peak_rss_mb, 0),
      };
    } else {
      notes.push(`${size}: bare parse failed (exit ${bare.code}): ${bare.stderr.slice(0, 500)}`);
    }

    // Would the audit finish in time? Not if a smaller size did not; else judge by the rate of the size before.
    const overran = results.find((r) => r.audit?.timed_out);
    if (overran) {
      result.skipped = `audit skipped: the ${overran.size}-record audit already overran the ${values['timeout-min']}-minute timeout`;
      log(`${size}: ${result.skipped}`);
      notes.push(`${size}: ${result.skipped}`);
      continue;
    }
    if (lastRate !== null) {
      const estimate = (size / lastRate) * 1.2;
      if (estimate * 1000 > timeoutMs) {
        result.skipped = `audit skipped: at the ${Math.round(lastRate)} records/s measured for the smaller size it would take about ${Math.round(estimate / 60)} min, over the ${values['timeout-min']}-minute timeout (raise --timeout-min or choose --sizes)`;
        log(`${size}: ${result.skipped}`);
        notes.push(`${size}: ${result.skipped}`);
        continue;
      }
    }
    log(`${size}: audit…`);
    const reportFile = join(OUT, `report-${size}.json`);
    rmSync(reportFile, { force: true });
    const jobs = values.jobs ? Number(values.jobs) : defaultJobs(result.bytes);
    const audit = await measure(
      BIN,
      ['audit', file, '--format', 'json', '--output', reportFile, '--fail-on', 'never', '--quiet', '--jobs', String(jobs)],
      timeoutMs,
    );
    let records: number | null = null;
    let flags: number | null = null;
    if (!audit.timed_out && existsSync(reportFile)) {
      const summary = (JSON.parse(readFileSync(reportFile, 'utf8')) as { summary: { records_audited: number; flags: number } }).summary;
      records = summary.records_audited;
      flags = summary.flags;
      result.ground_truth = groundTruth(reportFile, truthPath(file));
    }
    const rate = size / audit.wall_s;
    result.audit = {
      records,
      wall_s: round(audit.wall_s, 1),
      records_per_s: audit.timed_out ? null : Math.round(rate),
      mb_per_s: audit.timed_out ? null : round(mb / audit.wall_s, 2),
      peak_rss_mb: audit.peak_rss_mb && round(audit.peak_rss_mb, 0),
      peak_rss_source: audit.rss_source,
      exit_code: audit.code,
      flags,
      timed_out: audit.timed_out,
      jobs,
    };
    if (audit.timed_out) notes.push(`${size}: the audit was stopped at the ${values['timeout-min']}-minute timeout`);
    else if (audit.code !== 0) notes.push(`${size}: the audit exited with ${audit.code}: ${audit.stderr.slice(0, 500)}`);
    else lastRate = rate;
    if (result.bare_parse && !audit.timed_out) result.audit_vs_parse = round(rate / result.bare_parse.records_per_s, 4);
    log(
      `${size}: audit ${audit.timed_out ? 'stopped at the timeout after ' : ''}${result.audit.wall_s} s, ${result.audit.records_per_s ?? '–'} records/s, peak ${result.audit.peak_rss_mb} MB`,
    );
  }

  const start = await startupTable(rounds, log);

  let profile: { size: number; file: string; summary: ProfileSummary } | undefined;
  // Profile the largest size whose audit finished (a .cpuprofile is written only when the process exits, so it gets a longer limit).
  const profiled = [...results].reverse().find((r) => r.audit && !r.audit.timed_out && r.audit.exit_code === 0);
  if (values['cpu-prof'] && profiled) {
    log(`${profiled.size}: audit under --cpu-prof…`);
    const dir = join(OUT, `cpuprof-${profiled.size}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await measure(
      process.execPath,
      [
        '--cpu-prof',
        '--cpu-prof-dir',
        dir,
        BIN,
        'audit',
        join(ROOT, profiled.file),
        '--format',
        'json',
        '--output',
        join(dir, 'report.json'),
        '--fail-on',
        'never',
        '--quiet',
      ],
      timeoutMs * 3,
    );
    // One profile per thread (tsx runs its loader in a worker): keep the busiest, the main thread.
    const profs = readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => ({ f, p: JSON.parse(readFileSync(join(dir, f), 'utf8')) as CpuProfile }));
    if (profs.length) {
      const summary = busiest(
        profs.map((x) => x.p),
        15,
      );
      const main = profs.find((x) => busiest([x.p], 1).total_ms === summary.total_ms && busiest([x.p], 1).idle_ms === summary.idle_ms)!;
      const target = join(OUT, `audit-${profiled.size}.cpuprofile`);
      renameSync(join(dir, main.f), target);
      profile = { size: profiled.size, file: target.slice(ROOT.length), summary };
      writeFileSync(join(OUT, `profile-${profiled.size}.md`), `# CPU profile of the default audit, ${profiled.size} records\n\n${summaryMarkdown(summary)}\n`);
    }
    rmSync(dir, { recursive: true, force: true });
  }

  if (sourceHash() !== codeState) notes.push('src/, rules/ or bin/ changed during the run: the figures may mix code states');
  const timed = results.filter((r) => r.audit && !r.audit.timed_out && r.audit.exit_code === 0);
  const scaling =
    timed.length >= 2
      ? {
          from: timed[0].size,
          to: timed[timed.length - 1].size,
          time_ratio: round(timed[timed.length - 1].audit!.wall_s / timed[0].audit!.wall_s, 2),
          size_ratio: timed[timed.length - 1].size / timed[0].size,
        }
      : null;
  if (!scaling && sizes.length > 1) notes.push('scaling ratio not computed: fewer than two sizes were audited');
  const date = new Date().toISOString().slice(0, 10);
  const doc = {
    date,
    seed,
    generator_version: GENERATOR_VERSION,
    source_hash: codeState,
    machine: machine(),
    timeout_min: Number(values['timeout-min']),
    sizes: results,
    scaling,
    startup: start,
    notes,
    profile,
  };
  const markdown = toMarkdown(doc);
  writeFileSync(join(OUT, `bench-${date}.json`), `${JSON.stringify(doc, null, 2)}\n`);
  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(doc, null, 2)}\n`);
  writeFileSync(join(OUT, `bench-${date}.md`), markdown);
  process.stdout.write(markdown);
  return 0;
}

/**
 * What start-up costs: each command from spawn to exit (stdout and stderr piped, as in a script),
 * in rounds that run every command once, back to back, so that a busy machine slows them alike;
 * the median of each and its ratio to the median of `node -e 0` from the same rounds. The
 * commands run bin/scrutineer, which uses dist/ when it is current (`npm run build`).
 */
const STARTUP: { name: string; cmd: string; args: string[]; codes: number[]; env?: Record<string, string> }[] = [
  { name: 'node -e 0', cmd: process.execPath, args: ['-e', '0'], codes: [0] },
  { name: 'scrutineer --help', cmd: BIN, args: ['--help'], codes: [0] },
  { name: 'scrutineer --version', cmd: BIN, args: ['--version'], codes: [0] },
  { name: 'scrutineer rules list', cmd: BIN, args: ['rules', 'list'], codes: [0] },
  { name: 'scrutineer rules validate', cmd: BIN, args: ['rules', 'validate'], codes: [0] },
  { name: 'scrutineer explain label.fii', cmd: BIN, args: ['explain', 'label.fii'], codes: [0] },
  // The README's first command: 45 case notes, all default packs, JSON to the pipe; it exits 1 (error-level flags).
  {
    name: 'scrutineer audit fixtures/exports/liquidlogic-casenotes.csv (45 records)',
    cmd: BIN,
    args: ['audit', 'fixtures/exports/liquidlogic-casenotes.csv'],
    codes: [0, 1],
  },
  // The same and --help from the compiled modules themselves, not the build's one file with its code cache (bin/scrutineer).
  { name: 'scrutineer --help, modules (SCRUTINEER_BUNDLE=0)', cmd: BIN, args: ['--help'], codes: [0], env: { SCRUTINEER_BUNDLE: '0' } },
  {
    name: 'scrutineer audit fixtures/exports/liquidlogic-casenotes.csv, modules (SCRUTINEER_BUNDLE=0)',
    cmd: BIN,
    args: ['audit', 'fixtures/exports/liquidlogic-casenotes.csv'],
    codes: [0, 1],
    env: { SCRUTINEER_BUNDLE: '0' },
  },
];

interface StartupTable {
  rounds: number;
  compiled: boolean;
  commands: { name: string; median_s: number; ratio: number; runs_s: number[] }[];
  notes: string[];
}

function timeOnce(cmd: string, args: string[], env?: Record<string, string>): Promise<{ seconds: number; code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: env ? { ...process.env, ...env } : process.env });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ seconds: Number(process.hrtime.bigint() - started) / 1e9, code, stderr }));
  });
}

/** Whether bin/scrutineer will run dist/ (built at least as recently as every source file). */
function compiledIsCurrent(): boolean {
  const built = join(ROOT, 'dist/.built');
  if (!existsSync(built)) return false;
  const newest = readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((t, e) => Math.max(t, statSync(join(e.parentPath, e.name)).mtimeMs), 0);
  return statSync(built).mtimeMs >= newest;
}

async function startupTable(rounds: number, log: (s: string) => void): Promise<StartupTable> {
  log(`start-up: ${rounds} rounds of ${STARTUP.length} commands…`);
  const compiled = compiledIsCurrent();
  const notes = compiled ? [] : ['dist/ is missing or older than src/, so bin/scrutineer ran the TypeScript sources through tsx: run `npm run build` first'];
  if (compiled && !existsSync(join(ROOT, 'dist/scrutineer.cjs')))
    notes.push('the build made no one-file build (dist/scrutineer.cjs): bin/scrutineer ran the compiled modules every time');
  else if (compiled && !existsSync(join(ROOT, 'dist/scrutineer.cache'))) notes.push('the build made no code cache (dist/scrutineer.cache)');
  const runs = STARTUP.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    for (const [i, c] of STARTUP.entries()) {
      const t = await timeOnce(c.cmd, c.args, c.env);
      if (!c.codes.includes(t.code ?? -1) && r === 0) notes.push(`${c.name} exited with ${t.code}: ${t.stderr.slice(0, 300)}`);
      runs[i].push(t.seconds);
    }
  }
  const base = median(runs[0]);
  return {
    rounds,
    compiled,
    commands: STARTUP.map((c, i) => ({
      name: c.name,
      median_s: round(median(runs[i]), 3),
      ratio: round(median(runs[i]) / base, 1),
      runs_s: runs[i].map((t) => round(t, 3)),
    })),
    notes,
  };
}

function startupMarkdown(t: StartupTable): string {
  return [
    `Start-up (median of ${t.rounds} rounds, every command once a round, back to back; ratio to \`node -e 0\` in the same rounds${t.compiled ? '' : '; **from the TypeScript sources**'}):`,
    '',
    '| command | median | × node -e 0 |',
    '|---|---:|---:|',
    ...t.commands.map((c) => `| \`${c.name}\` | ${Math.round(c.median_s * 1000)} ms | ${c.ratio.toFixed(1)} |`),
    ...(t.notes.length ? ['', ...t.notes.map((s) => `- ${s}`)] : []),
    '',
  ].join('\n');
}

function toMarkdown(doc: {
  date: string;
  source_hash: string;
  seed: string;
  machine: ReturnType<typeof machine>;
  sizes: SizeResult[];
  scaling: { from: number; to: number; time_ratio: number; size_ratio: number } | null;
  startup: StartupTable;
  notes: string[];
  profile?: { size: number; summary: ProfileSummary };
}): string {
  const m = doc.machine;
  const n = (x: number | null | undefined, d = 0) =>
    x === null || x === undefined ? '–' : x.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });
  const lines = [
    `## Benchmark, ${doc.date}`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memory_gib} GiB, Node ${m.node} (${m.os}). Synthetic Liquidlogic exports from \`npm run gen\` (seed ${doc.seed}); default rule packs; code state ${doc.source_hash}; MB = 10^6 bytes.`,
    '',
    '| records | file MB | bare parse records/s | bare parse MB/s | audit jobs | audit wall s | audit records/s | audit MB/s | audit peak RSS MB | audit ÷ parse |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...doc.sizes.map((r) => {
      const a = r.audit;
      const b = r.bare_parse;
      return `| ${n(r.size)} | ${n(r.bytes / 1e6, 1)} | ${n(b?.records_per_s)} | ${n(b?.mb_per_s, 1)} | ${a ? a.jobs : '–'} | ${a ? (a.timed_out ? `> ${n(a.wall_s, 0)} (stopped)` : n(a.wall_s, 1)) : 'skipped'} | ${n(a?.records_per_s)} | ${n(a?.mb_per_s, 2)} | ${n(a?.peak_rss_mb)} | ${r.audit_vs_parse === undefined ? '–' : `${(r.audit_vs_parse * 100).toFixed(2)}%`} |`;
    }),
    '',
    doc.scaling
      ? `Scaling: time(${n(doc.scaling.to)}) ÷ time(${n(doc.scaling.from)}) = ${doc.scaling.time_ratio} for ${doc.scaling.size_ratio}× the records.`
      : 'Scaling: not measured (only one size audited).',
    '',
    startupMarkdown(doc.startup).trimEnd(),
  ];
  for (const r of doc.sizes.filter((s) => s.ground_truth)) {
    const g = r.ground_truth!;
    lines.push(
      '',
      `Planted defects found, ${n(r.size)} records (\`*.truth.ndjson\`; records flagged once per rule):`,
      '',
      '| rule | planted | found | records flagged | of which on records with another planted defect | on records with nothing planted |',
      '|---|---:|---:|---:|---:|---:|',
    );
    for (const [rule, v] of Object.entries(g.by_rule))
      lines.push(`| ${rule} | ${n(v.planted)} | ${n(v.found)} | ${n(v.flags)} | ${n(v.on_other_planted)} | ${n(v.on_clean)} |`);
    lines.push('', `Labels planted negated, hypothetical, attributed or evidenced: ${n(g.quiet_labels)}, flagged: ${n(g.quiet_labels_flagged)}.`);
  }
  if (doc.notes.length) lines.push('', 'Notes:', '', ...doc.notes.map((s) => `- ${s}`));
  if (doc.profile) lines.push('', `### CPU profile of the audit, ${n(doc.profile.size)} records`, '', summaryMarkdown(doc.profile.summary));
  return `${lines.join('\n')}\n`;
}

process.exitCode = await main();
