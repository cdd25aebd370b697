/**
 * Run by `npm run build` on the freshly compiled modules, last: writes the one-file build and its
 * code cache (load-bundle.ts). esbuild joins the modules into one CommonJS file; each module's
 * `import.meta.url` becomes its own file's URL beside that file, so that it finds its data
 * (prebuilt packs, profiles, readings), the rules and the worker as before. The bundle is then
 * loaded and run in this process, quietly (the help, the rules, an audit of three sample exports),
 * so that V8 compiles the functions a run uses, and their bytecode is kept as the code cache. If
 * anything fails, neither file is written, and bin/scrutineer runs the modules as they are.
 */
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { BUNDLE_PATH, CODE_CACHE_PATH, loadBundle } from './load-bundle.ts';

const bundleFile = fileURLToPath(BUNDLE_PATH);
const cacheFile = fileURLToPath(CODE_CACHE_PATH);
const distDir = dirname(bundleFile);
const repo = fileURLToPath(new URL('../../', import.meta.url));

/** Defined first in the bundle (where `require` is still Node's: a module may name its own `require`). */
const OWN_URL = '__scrutineerModuleUrl';
const OWN_URL_FUNCTION = `const ${OWN_URL} = (path) => require('node:url').pathToFileURL(require('node:path').join(__dirname, path)).href;`;

/** `import.meta.url` of a module, as the URL of its own file, found from the bundle's folder when it runs. */
const ownUrl: Plugin = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!args.path.startsWith(distDir) || !text.includes('import.meta.url')) return { contents: text, loader: 'js' };
      return { contents: text.replaceAll('import.meta.url', `${OWN_URL}(${JSON.stringify(relative(distDir, args.path))})`), loader: 'js' };
    });
  },
};

async function writeBundle(): Promise<void> {
  await build({
    entryPoints: [fileURLToPath(new URL('./bundle-entry.js', import.meta.url))],
    outfile: bundleFile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [ownUrl],
    // Modules are strict code: the directive goes first, before the function.
    banner: { js: `'use strict';\n${OWN_URL_FUNCTION}` },
    logLevel: 'error',
  });
  // Made in the build's own folder, which becomes dist/: named as it will be there.
  const loaded = loadBundle(false, join(dirname(distDir), 'dist', 'scrutineer.cjs'));
  if (!loaded) throw new Error('the bundle was not written');
  const quiet = {
    stdout: () => {},
    stderr: () => {},
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: {},
    stdin: () => (async function* () {})(),
    exitCode: 0,
  };
  const run = (...args: string[]) => loaded.exports.main(['node', 'scrutineer', ...args], { ...quiet });
  await run('--help');
  await run('rules', 'list');
  // The other sample exports, not the one the start-up target is measured on (README, #18), so
  // that what is measured is a run on an export the cache was not made from.
  const samples = join(repo, 'fixtures/exports');
  if (existsSync(samples))
    for (const name of readdirSync(samples).sort())
      if (name !== 'liquidlogic-casenotes.csv') await run('audit', join(samples, name), '-f', 'json', '--as-of', '2026-01-01');
  writeFileSync(cacheFile, loaded.script.createCachedData());
}

try {
  await writeBundle();
} catch (err) {
  rmSync(bundleFile, { force: true });
  rmSync(cacheFile, { force: true });
  process.stderr.write(`write-bundle: no one-file build (${(err as Error).message}); bin/scrutineer will run the modules\n`);
}
