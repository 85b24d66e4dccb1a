/**
 * The browser tests (`npm run test:browser`): Debian's Chromium, driven by playwright-core,
 * against the real service on a copy of the seeded PGlite test database (the same global and
 * per-file setup as the main suite, test/support/). Kept out of `npm test` (files are
 * *.spec.ts) because they need a browser and a built front end.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    name: 'browser',
    include: ['test/browser/**/*.spec.ts'],
    env: { TEST_STORAGE: 'pglite' },
    globalSetup: ['test/browser/build-web.ts', 'test/support/global-setup.ts'],
    setupFiles: ['test/support/per-file-setup.ts'],
    pool: 'forks',
    // One browser and one service at a time: the machine has two cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
