import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Browser tests: `npx vitest run --config test/browser/vitest.config.ts`.
 * They drive the system Chromium (/usr/bin/chromium) through playwright-core and skip when it is
 * absent. The normal suite (vitest.config.ts) excludes test/browser/.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
