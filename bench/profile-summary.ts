/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function and per source
 * file, from the samples and their time deltas (more exact than hitCount × interval).
 *
 *   npx tsx bench/profile-summary.ts FILE.cpuprofile [--top 15]   → markdown on stdout
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface HotSpot {
  function: string;
  file: string;
  line: number;
  self_ms: number;
  percent: number;
}

export interface ProfileSummary {
  total_ms: number;
  /** Time the process was idle (waiting on I/O), left out of the percentages' busy share. */
  idle_ms: number;
  gc_ms: number;
  functions: HotSpot[];
  files: { file: string; self_ms: number; percent: number }[];
  areas: { area: string; self_ms: number; percent: number }[];
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A short name for a script URL: repository-relative, node_modules/<package>, or node:internal. */
export function shortFile(url: string): string {
  if (!url) return '(native)';
  let path = url.startsWith('file://') ? fileURLToPath(url) : url;
  if (path.startsWith(ROOT)) path = path.slice(ROOT.length);
  return path;
}

/** The part of the program a file belongs to: a src/ folder, a package, or Node itself. */
export function areaOf(file: string): string {
  if (file === '(regexp)') return '(regular expressions, all sources)';
  if (file.startsWith('(')) return file;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (pkg) return `node_modules/${pkg[1]}`;
  if (file.startsWith('node:')) return 'node: (Node.js internals)';
  const src = /^src\/((?:checks|intake|report|packs|cli|core|text|config)(?:\/[^/]+(?=\/))?)/.exec(file);
  if (src) return `src/${src[1]}`;
  return file;
}

export function summarise(profile: CpuProfile, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
  }
  const fn = new Map<string, HotSpot>();
  const files = new Map<string, number>();
  const areas = new Map<string, number>();
  let total = 0;
  let idle = 0;
  let gc = 0;
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    total += us;
    if (functionName === '(idle)') {
      idle += us;
      continue;
    }
    if (functionName === '(garbage collector)') gc += us;
    // Regular expressions run as their own frames named "RegExp: <source>", with no script.
    const regexp = functionName.startsWith('RegExp: ');
    const file = url ? shortFile(url) : regexp ? '(regexp)' : `(${functionName.replace(/[()]/g, '') || 'native'})`;
    const name = regexp ? `RegExp /${functionName.slice(8, 120)}${functionName.length > 128 ? '…' : ''}/` : functionName || '(anonymous)';
    const key = `${functionName}\u0000${file}\u0000${lineNumber}`;
    const spot = fn.get(key) ?? { function: name, file, line: lineNumber + 1, self_ms: 0, percent: 0 };
    spot.self_ms += us;
    fn.set(key, spot);
    files.set(file, (files.get(file) ?? 0) + us);
    const area = areaOf(file);
    areas.set(area, (areas.get(area) ?? 0) + us);
  }
  const busy = total - idle;
  const pct = (us: number) => Math.round((us / busy) * 1000) / 10;
  const ms = (us: number) => Math.round(us / 100) / 10;
  return {
    total_ms: ms(total),
    idle_ms: ms(idle),
    gc_ms: ms(gc),
    functions: [...fn.values()]
      .sort((a, b) => b.self_ms - a.self_ms)
      .slice(0, top)
      .map((s) => ({ ...s, percent: pct(s.self_ms), self_ms: ms(s.self_ms) })),
    files: [...files]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([file, us]) => ({ file, self_ms: ms(us), percent: pct(us) })),
    areas: [...areas].sort((a, b) => b[1] - a[1]).map(([area, us]) => ({ area, self_ms: ms(us), percent: pct(us) })),
  };
}

/** Node writes one profile per thread (tsx adds a loader thread): summarise the busiest. */
export function busiest(profiles: CpuProfile[], top = 15): ProfileSummary {
  return profiles.map((p) => summarise(p, top)).sort((a, b) => b.total_ms - b.idle_ms - (a.total_ms - a.idle_ms))[0];
}

export function summaryMarkdown(s: ProfileSummary): string {
  const lines = [
    `Sampled ${(s.total_ms / 1000).toFixed(1)} s, of which ${(s.idle_ms / 1000).toFixed(1)} s idle and ${(s.gc_ms / 1000).toFixed(1)} s in garbage collection; percentages are of the busy time.`,
    '',
    '| # | self % | self s | function | file:line |',
    '|---:|---:|---:|---|---|',
    ...s.functions.map(
      (f, i) =>
        `| ${i + 1} | ${f.percent.toFixed(1)} | ${(f.self_ms / 1000).toFixed(1)} | \`${f.function.replace(/\|/g, '\\|').replace(/`/g, "'")}\` | ${f.file}${f.file.startsWith('(') || f.line <= 1 ? '' : `:${f.line}`} |`,
    ),
    '',
    '| self % | self s | area (src folder, package, Node internals, regular expressions) |',
    '|---:|---:|---|',
    ...s.areas.filter((a) => a.percent >= 0.5).map((a) => `| ${a.percent.toFixed(1)} | ${(a.self_ms / 1000).toFixed(1)} | ${a.area} |`),
    '',
    '| self % | self s | file |',
    '|---:|---:|---|',
    ...s.files.map((f) => `| ${f.percent.toFixed(1)} | ${(f.self_ms / 1000).toFixed(1)} | ${f.file} |`),
  ];
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const topAt = args.indexOf('--top');
  const top = topAt === -1 ? 15 : Number(args[topAt + 1]);
  const files = args.filter((a, i) => (a !== '--top' && i !== topAt + 1) || (topAt === -1 && a !== '--top'));
  if (!files.length) {
    process.stderr.write('usage: profile-summary.ts FILE.cpuprofile... [--top N]   (with several files, the busiest thread is summarised)\n');
    process.exit(2);
  }
  process.stdout.write(
    `${summaryMarkdown(
      busiest(
        files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as CpuProfile),
        top,
      ),
    )}\n`,
  );
}
