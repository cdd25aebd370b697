import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import type * as Entry from './bundle-entry.ts';

/**
 * The compiled modules as one CommonJS file, and V8's code cache for it, both written by the
 * build (write-bundle.ts) beside the modules in dist/. Loading one file saves resolving and
 * linking some 160 modules, and the cache holds the bytecode of the functions a run uses, so V8
 * neither parses nor compiles them again: about 0.1 s of the sample audit, and a little of every
 * command. The cache serves only the V8 version and flags that made it; V8 refuses any other
 * (`cachedDataRejected`) and compiles the file as it would without one.
 */
export const BUNDLE_PATH = new URL('../scrutineer.cjs', import.meta.url);
export const CODE_CACHE_PATH = new URL('../scrutineer.cache', import.meta.url);

export interface LoadedBundle {
  exports: typeof Entry;
  script: Script;
}

/**
 * Loads the one-file build (undefined where the build made none), with its code cache if there
 * is one. `name` is the file name stack traces give (a code cache keeps the one it was made with).
 */
export function loadBundle(withCache = true, name?: string): LoadedBundle | undefined {
  const file = fileURLToPath(BUNDLE_PATH);
  let code: string;
  try {
    code = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  let cachedData: Buffer | undefined;
  if (withCache) {
    try {
      cachedData = readFileSync(CODE_CACHE_PATH);
    } catch {
      cachedData = undefined;
    }
  }
  // The same wrapper as Node's own for a CommonJS file: the cache is for this exact source.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, { filename: name ?? file, cachedData });
  const module = { exports: {} as typeof Entry };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, script };
}
