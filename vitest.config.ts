import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Browser tests need Chromium and run with `npm run test:browser`.
    exclude: ['test/browser/**', 'node_modules/**'],
    // Limits that only stop a hang: CI runs on a busy 2-core machine, where a whole-audit test or
    // a hook that generates an export can take several times what it takes on a quiet one. No
    // test measures speed (that is `npm run bench`).
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
