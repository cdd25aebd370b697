import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { repoPath } from './support/run-cli.ts';

/**
 * The layers of src/, lowest first (README: Architecture). A module may import its own layer and
 * any layer below it, never one above. The longest prefix that matches a file decides its layer
 * (`report/formats/` before `report/`).
 */
const LAYERS: { name: string; prefixes: string[] }[] = [
  { name: 'model', prefixes: ['model/', 'types/'] },
  { name: 'text', prefixes: ['text/'] },
  { name: 'intake', prefixes: ['intake/'] },
  { name: 'reading', prefixes: ['reading/'] },
  { name: 'checks', prefixes: ['checks/'] },
  { name: 'packs', prefixes: ['packs/'] },
  { name: 'config', prefixes: ['config/'] },
  { name: 'report', prefixes: ['report/'] },
  { name: 'core', prefixes: ['core/'] },
  { name: 'formats', prefixes: ['report/formats/'] },
  { name: 'cli', prefixes: ['cli/'] },
];
const ORDER = LAYERS.map((l) => l.name);

const SRC = repoPath('src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    // Tests beside the code may import whatever they test; only shipped code is layered.
    return /\.(ts|mts|mjs|js)$/.test(e.name) && !/\.test\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Relative specifiers of `import … from`, `export … from`, `import '…'` and `import('…')` (type-only ones too: a type is a dependency). */
function importsOf(source: string): string[] {
  const specs: string[] = [];
  for (const m of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) specs.push(m[1]);
  return specs;
}

function layerOf(file: string): string {
  const rel = relative(SRC, file);
  let layer: { name: string } | undefined;
  let longest = 0;
  for (const l of LAYERS) for (const p of l.prefixes) if (rel.startsWith(p) && p.length > longest) [layer, longest] = [l, p.length];
  if (!layer) throw new Error(`src/${rel} is in no layer: add its folder to LAYERS in test/architecture.test.ts and to the README`);
  return layer.name;
}

/** The rule kind folder a file belongs to (`checks/label/…` → label), or null for the shared files of checks/. */
function kindOf(file: string): string | null {
  const m = /^checks\/([^/]+)\//.exec(relative(SRC, file));
  return m ? m[1] : null;
}

const files = sourceFiles(SRC);
const graph = new Map<string, string[]>(files.map((file) => [file, importsOf(readFileSync(file, 'utf8')).map((spec) => resolve(dirname(file), spec))]));
const show = (file: string) => `src/${relative(SRC, file)}`;

/** Strongly connected components with more than one member (Tarjan), each sorted. */
function cycles(nodes: string[], edges: (n: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const n of nodes) if (!index.has(n)) visit(n);
  return found;
}

describe('the architecture of src/', () => {
  it('finds the modules and their imports', () => {
    expect(files.length).toBeGreaterThan(100);
    expect([...graph.values()].flat().length).toBeGreaterThan(300);
    const missing = [...graph].flatMap(([file, targets]) => targets.filter((t) => !files.includes(t)).map((t) => `${show(file)} imports ${t}`));
    expect(missing).toEqual([]);
  });

  it('puts every module in a layer, and no import points up a layer', () => {
    const up: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) {
        const from = ORDER.indexOf(layerOf(file));
        const to = ORDER.indexOf(layerOf(target));
        if (to > from) up.push(`${show(file)} (${layerOf(file)}) imports ${show(target)} (${layerOf(target)})`);
      }
    }
    expect(up).toEqual([]);
  });

  it('lets a rule kind import the shared rule-kind contract, reading, text, intake and model, but never another kind or the registry', () => {
    const sideways: string[] = [];
    for (const [file, targets] of graph) {
      const kind = kindOf(file);
      if (!kind) continue;
      for (const target of targets) {
        const rel = relative(SRC, target);
        const other = kindOf(target);
        if ((other && other !== kind) || rel === 'checks/index.ts') sideways.push(`${show(file)} imports ${show(target)}`);
      }
    }
    expect(sideways).toEqual([]);
  });

  it('keeps the report and its formats apart from the checks and the reading engine: they read flags and sections from model', () => {
    const reaching: string[] = [];
    for (const [file, targets] of graph) {
      if (!['report', 'formats'].includes(layerOf(file))) continue;
      for (const target of targets) if (['checks', 'reading'].includes(layerOf(target))) reaching.push(`${show(file)} imports ${show(target)}`);
    }
    expect(reaching).toEqual([]);
  });

  it('leaves printing and exiting to the CLI: nothing below it writes to stdout or stderr or exits', () => {
    // write-schema.ts is also the `npm run schemas` script, which says what it wrote.
    const SCRIPTS = ['packs/write-schema.ts'];
    const printing = files
      .filter((f) => layerOf(f) !== 'cli' && !SCRIPTS.includes(relative(SRC, f)))
      .filter((f) => /\bconsole\.|\bprocess\.(?:exit|stdout|stderr)\b/.test(readFileSync(f, 'utf8')))
      .map(show);
    expect(printing).toEqual([]);
  });

  it('has no import cycle between modules', () => {
    const found = cycles(files, (f) => (graph.get(f) ?? []).filter((t) => graph.has(t)));
    expect(found.map((c) => c.map(show).join(' → '))).toEqual([]);
  });

  it('has no import cycle between layers', () => {
    const layerEdges = new Map<string, Set<string>>(ORDER.map((l) => [l, new Set()]));
    for (const [file, targets] of graph)
      for (const t of targets) if (graph.has(t) && layerOf(t) !== layerOf(file)) layerEdges.get(layerOf(file))!.add(layerOf(t));
    expect(cycles(ORDER, (l) => [...layerEdges.get(l)!])).toEqual([]);
  });

  it('reads the import forms the graph relies on', () => {
    const src = `import a from './a.ts';\nimport type { B } from "../b.ts";\nexport { c } from './c.ts';\nimport './d.mjs';\nawait import('./e.ts');\nimport x from 'node:fs';`;
    expect(importsOf(src)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.mjs', './e.ts']);
  });
});
