import { createRequire } from 'node:module';

/*
 * Ajv and YAML, loaded on first use rather than when a module that may use them is imported:
 * together they take about 50 ms to load, and a run whose packs and column profiles were
 * prebuilt (`npm run build`), with no config or reviewed file, uses neither. Both are CommonJS
 * (yaml's `node` export is its CommonJS build), so `require` gives the same module an `import`
 * would.
 */
const require = createRequire(import.meta.url);

let ajv: typeof import('ajv') | undefined;
let yaml: typeof import('yaml') | undefined;

export const ajvPackage = (): typeof import('ajv') => (ajv ??= require('ajv') as typeof import('ajv'));
export const yamlPackage = (): typeof import('yaml') => (yaml ??= require('yaml') as typeof import('yaml'));
