import { readFileSync } from 'node:fs';
import type { ErrorObject } from 'ajv';
import type { Document, LineCounter, Node } from 'yaml';
import { yamlPackage } from '../model/lazy-packages.ts';
import { nearest } from '../text/closest.ts';
import { STANDARDS } from '../model/standards.ts';
import { describeCode } from '../model/errors.ts';

import { MAX_YAML_BYTES } from './yaml-limits.ts';

export { MAX_YAML_BYTES, nearest };
const MAX_ALIASES = 50;
const MAX_DEPTH = 20;

type YamlPath = (string | number)[];

/**
 * A YAML file a person wrote (a rule pack, a config file), parsed with its positions so that
 * every problem can be reported as `file:line:column: key: problem`.
 */
export class YamlSource {
  private constructor(
    readonly path: string,
    readonly doc: Document,
    private readonly lines: LineCounter,
    readonly bytes: Buffer,
  ) {}

  /** Reads and parses a file; refuses oversized files, alias bombs and deep nesting. Problems go to `problems`. */
  static read(path: string, problems: string[], what: string): { source: YamlSource; data: unknown } | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (err) {
      problems.push(`${path}: cannot be read: ${describeCode((err as NodeJS.ErrnoException).code)}`);
      return;
    }
    if (bytes.length > MAX_YAML_BYTES) {
      problems.push(`${path}: the ${what} is ${bytes.length} bytes; ${what}s larger than ${MAX_YAML_BYTES} bytes are refused`);
      return;
    }
    const { LineCounter, parseDocument } = yamlPackage();
    const lines = new LineCounter();
    const doc = parseDocument(bytes.toString('utf8'), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const source = new YamlSource(path, doc, lines, bytes);
    if (doc.errors.length) {
      for (const e of doc.errors) problems.push(`${source.at(e.pos[0])}: ${e.message.split('\n')[0]}`);
      return;
    }
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (err) {
      problems.push(`${path}: ${(err as Error).message} (YAML aliases are limited to ${MAX_ALIASES} expansions)`);
      return;
    }
    if (depth(data) > MAX_DEPTH) {
      problems.push(`${path}: the YAML is nested more than ${MAX_DEPTH} levels deep`);
      return;
    }
    return { source, data };
  }

  at(offset: number): string {
    const { line, col } = this.lines.linePos(offset);
    return `${this.path}:${line}:${col}`;
  }

  /** Where the value at a path starts (or its nearest parent that exists). */
  locate(path: YamlPath): string {
    for (let n = path.length; n >= 0; n--) {
      const node = this.doc.getIn(path.slice(0, n), true) as Node | undefined;
      if (node?.range) return this.at(node.range[0]);
    }
    return this.at(0);
  }

  /** Where a key of the mapping at `path` is written. */
  locateKey(path: YamlPath, key: string): string {
    const parent = path.length ? this.doc.getIn(path, true) : this.doc.contents;
    const { isMap, isScalar } = yamlPackage();
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (pair && isScalar(pair.key) && pair.key.range) return this.at(pair.key.range[0]);
    }
    return this.locate(path);
  }

  /** A problem at a path, as `file:line:col: key: message`. */
  problem(path: YamlPath, message: string): string {
    return `${this.locate(path)}: ${label(path)}: ${message}`;
  }

  /** Turns ajv's errors into `file:line:col: key: problem` lines, with suggestions for misspellings. */
  describe(errors: ErrorObject[], base: YamlPath, keys: string[]): string[] {
    const out = new Set<string>();
    const anyOfDescription = errors.some((e) => e.keyword === 'anyOf');
    for (const e of errors) {
      if (
        e.keyword === 'anyOf' ||
        (anyOfDescription && e.keyword === 'required' && (e.params.missingProperty === 'description' || e.params.missingProperty === 'docs'))
      )
        continue;
      const path = [
        ...base,
        ...e.instancePath
          .split('/')
          .slice(1)
          .map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
      ];
      if (e.keyword === 'additionalProperties') {
        const key = e.params.additionalProperty as string;
        const near = nearest(key, keys);
        out.add(`${this.locateKey(path, key)}: ${label([...path, key])}: unknown key '${key}'${near ? ` — did you mean '${near}'?` : ''}`);
      } else if (e.keyword === 'required') {
        out.add(this.problem(path, `missing required key '${e.params.missingProperty}'`));
      } else if (e.keyword === 'type') {
        const value = this.doc.getIn(path);
        const found = Array.isArray(value)
          ? 'a list'
          : value === null
            ? 'nothing'
            : typeof value === 'object'
              ? 'a mapping'
              : `${typeof value} ${JSON.stringify(value)}`;
        const wanted = String(e.params.type).replace('array', 'a list').replace('object', 'a mapping');
        out.add(this.problem(path, `expected ${wanted}, found ${found}`));
      } else if (e.keyword === 'enum' && path.includes('standards')) {
        out.add(this.problem(path, `'${this.doc.getIn(path)}' is not a Social Work England professional standard (${standardRanges()})`));
      } else if (e.keyword === 'enum') {
        const allowed = (e.params.allowedValues as unknown[]).map(String);
        const value = String(this.doc.getIn(path));
        const near = nearest(value, allowed);
        const list = allowed.length > 12 ? `${allowed.slice(0, 12).join(', ')}…` : allowed.join(', ');
        out.add(this.problem(path, `'${value}' is not one of ${list}${near ? ` — did you mean '${near}'?` : ''}`));
      } else {
        out.add(this.problem(path, e.message ?? 'is not valid'));
      }
    }
    if (anyOfDescription) out.add(this.problem(base, "a rule needs a 'description' or a 'docs' link"));
    return [...out];
  }
}

export function label(path: YamlPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('') || '(top level)';
}

function standardRanges(): string {
  const byHead = new Map<string, string[]>();
  for (const n of Object.keys(STANDARDS)) byHead.set(n.split('.')[0], [...(byHead.get(n.split('.')[0]) ?? []), n]);
  return [...byHead.values()].map((l) => `${l[0]}–${l[l.length - 1]}`).join(', ');
}

function depth(value: unknown, level = 0): number {
  if (level > MAX_DEPTH) return level;
  if (value && typeof value === 'object') {
    let max = level;
    for (const v of Object.values(value)) max = Math.max(max, depth(v, level + 1));
    return max;
  }
  return level;
}
