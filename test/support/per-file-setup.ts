/**
 * Vitest setup file: runs in each test file's worker before the test file (and so before any
 * src/ module) is imported, and gives the file a database of its own, cloned from the run's
 * seeded template:
 * - postgres: CREATE DATABASE kg_test_<run>_<random> TEMPLATE kg_template_<run>, DATABASE_URL;
 * - pglite: a copy of the template data directory, DATA_DIR (and no DATABASE_URL).
 *
 * src/config.ts reads the environment when first imported, so the test file's own imports of
 * src/db.ts etc. see the file's database. Test files may mutate it freely: no other file sees it.
 *
 * This module must not import src/ modules statically (see shared.ts).
 */
import { afterAll } from 'vitest';
import { cleanupPendingDatabases, cloneDatabase } from './databases.js';
import { applyDatabaseEnv, seconds } from './shared.js';

const startedAt = performance.now();
const database = await cloneDatabase('seeded');
if (database.storage !== process.env.TEST_STORAGE) {
  throw new Error(`TEST_STORAGE is ${process.env.TEST_STORAGE} but the provided templates are ${database.storage}`);
}
applyDatabaseEnv(database.env);
process.env.NODE_ENV = 'test';
if (process.env.TEST_TIMINGS) {
  console.log(`[per-file-setup ${database.storage}] database ready: ${seconds(startedAt)}`);
}

afterAll(async () => {
  try {
    // A no-op import when the file used the database; otherwise this opens it just to close
    // it, which is the price of not reaching into vitest's module cache.
    const { closeDatabase } = await import('../../src/db.js');
    await closeDatabase();
  } finally {
    // The file's own database and any freshEmptyDatabase() a test did not clean up.
    await cleanupPendingDatabases();
  }
});
