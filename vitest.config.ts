/**
 * Every test file runs twice: once on PGlite and once on PostgreSQL (projects `pglite` and
 * `postgres`), except pure unit tests under test/unit/ (project `unit`, no database). Each project builds migrated+seeded templates once (test/support/global-setup.ts)
 * and each test file gets its own clone (test/support/per-file-setup.ts), so files can run in
 * parallel and mutate their database freely. See test/support/README.md.
 *
 *   npm test                 both projects
 *   npm run test:pglite      one project (= vitest run --project pglite)
 */
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { testApiKeysEnv } from './test/support/api-keys.js';

const storages = ['pglite', 'postgres'] as const;

export default defineConfig({
  resolve: {
    // graphql 16 ships both CommonJS (main) and ESM (module) builds. Node loads the external
    // packages (yoga, Pothos) with the CommonJS one, while Vite would give src/ the ESM one:
    // two copies of graphql, and a GraphQLError from src/ would not be recognised (and masked).
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    // Child processes: PGlite (WebAssembly) and Prisma are happier in their own process than
    // in worker threads, and a crash takes one file down, not the run.
    pool: 'forks',
    // Vitest's default is cores - 1, i.e. one worker on a 2-core machine. Test files spend much
    // of their time waiting on PostgreSQL or a child process, so two workers pay off there.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Seeding, child processes and PGlite start-up take seconds, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 60_000,
    projects: [
      // Pure functions (text scanning, resolution rules): no database, run once.
      { extends: true as const, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      ...storages.map((storage) => ({
        extends: true as const,
        test: {
          name: storage,
          include: ['test/**/*.test.ts'],
          exclude: ['test/unit/**', 'test/browser/**'],
          env: { TEST_STORAGE: storage, API_KEYS: testApiKeysEnv() },
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/per-file-setup.ts'],
        },
      })),
    ],
  },
});
