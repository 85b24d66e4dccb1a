/**
 * Databases for test files, cloned from the run's templates (see global-setup.ts).
 *
 * `cloneDatabase` is what the per-file setup uses for the file's own database;
 * `freshEmptyDatabase` gives a test a second, migrated-but-empty database of the same storage.
 */
import { cp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { createDatabaseFromTemplate, databaseUrl, dropDatabases } from './postgres-admin.js';
import { type DatabaseEnv, perFileDatabasePrefix, perFileDirName, randomId, type Templates } from './shared.js';

export interface TestDatabase {
  storage: Templates['storage'];
  /** The settings that select this database: put them in process.env or a child's env. */
  env: DatabaseEnv;
  /** Drops the database / removes the data directory. Close every client on it first. */
  cleanup: () => Promise<void>;
}

/** Cleanups not yet run, so the per-file setup can sweep what a test forgot. */
const pendingCleanups = new Set<() => Promise<void>>();

export function templates(): Templates {
  const provided = inject('kgTemplates');
  if (!provided) throw new Error('no kgTemplates provided: run the tests through vitest.config.ts (npm test)');
  return provided;
}

export async function cloneDatabase(which: 'seeded' | 'empty'): Promise<TestDatabase> {
  const t = templates();
  let env: DatabaseEnv;
  let drop: () => Promise<void>;
  if (t.storage === 'postgres') {
    const name = `${perFileDatabasePrefix(t.runId)}${randomId()}`;
    await createDatabaseFromTemplate(t.adminUrl, name, t[which]);
    // DATA_DIR is unused when DATABASE_URL is set; still, never let it default to ./data,
    // the developer's own database.
    env = { DATABASE_URL: databaseUrl(t.adminUrl, name), DATA_DIR: join(tmpdir(), 'kg-test-unused-data-dir') };
    drop = () => dropDatabases(t.adminUrl, [name]);
  } else {
    const dir = join(t.root, perFileDirName, randomId());
    await cp(t[which], dir, { recursive: true });
    env = { DATABASE_URL: undefined, DATA_DIR: dir };
    drop = () => rm(dir, { recursive: true, force: true });
  }
  const cleanup = async () => {
    if (!pendingCleanups.delete(cleanup)) return; // already done
    await drop();
  };
  pendingCleanups.add(cleanup);
  return { storage: t.storage, env, cleanup };
}

/**
 * A migrated database without any data, of the storage the test file runs on. Load into it
 * through a child process (`childProcessEnv(db.env)`) or `openPrismaClient(db.env)`, close
 * those, then call `cleanup()` (it also runs after the file if forgotten).
 */
export function freshEmptyDatabase(): Promise<TestDatabase> {
  return cloneDatabase('empty');
}

/** Runs the cleanups a test file has not run itself (called by the per-file setup). */
export async function cleanupPendingDatabases(): Promise<void> {
  const errors: unknown[] = [];
  for (const cleanup of [...pendingCleanups]) await cleanup().catch((error: unknown) => errors.push(error));
  if (errors.length > 0) throw new AggregateError(errors, 'cleaning up test databases failed');
}

/**
 * A second PrismaClient on `db`, independent of src/db.ts's (which is bound to the file's own
 * database). Built from the same storage modules the service uses.
 */
export async function openPrismaClient(db: DatabaseEnv): Promise<{ prisma: PrismaClient; close: () => Promise<void> }> {
  // Imported here, not at the top: the per-file setup imports this module before the
  // environment points at the file's database, and these must not be loaded that early.
  const { openStorage } = await import('../../src/storage/index.js');
  const { PrismaClient } = await import('../../src/generated/prisma/client.js');
  const storage = await openStorage(db);
  const prisma = new PrismaClient({ adapter: storage.adapter });
  return {
    prisma,
    // pglite-prisma-adapter's dispose() leaves PGlite open, hence the explicit storage.close().
    close: async () => {
      await prisma.$disconnect();
      await storage.close();
    },
  };
}
