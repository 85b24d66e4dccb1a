/**
 * The browser tests (`npm run test:browser`): Debian's Chromium, driven by playwright-core,
 * against the real service on a copy of the seeded PGlite test database (templates built by
 * the main suite's global setup, test/support/). Kept out of `npm test` (files are *.spec.ts)
 * because they need a browser and a built front end.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    name: 'browser',
    include: ['test/browser/**/*.spec.ts'],
    env: { TEST_STORAGE: 'pglite' },
    // In order: the front end from the sources, the database templates, then one service.
    globalSetup: ['test/browser/build-web.ts', 'test/support/global-setup.ts', 'test/browser/service-setup.ts'],
    pool: 'forks',
    // One browser at a time: the machine has two cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
