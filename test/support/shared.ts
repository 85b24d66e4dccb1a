/**
 * What the global setup hands to the test workers, and small helpers both sides use.
 *
 * This module must not import anything under src/ that reads the configuration: the per-file
 * setup imports it before it has pointed DATABASE_URL / DATA_DIR at the file's own database.
 */
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type StorageKind = 'pglite' | 'postgres';

/** The templates of one test run for one storage (built once by test/support/global-setup.ts). */
export type Templates =
  | {
      storage: 'postgres';
      runId: string;
      /** Maintenance connection (database `postgres`) used to create and drop databases. */
      adminUrl: string;
      /** Database names: migrated + seeded, and migrated only. */
      seeded: string;
      empty: string;
    }
  | {
      storage: 'pglite';
      runId: string;
      /** Folder that holds the templates and every per-file data directory of this run. */
      root: string;
      /** Data directories: migrated + seeded, and migrated only. */
      seeded: string;
      empty: string;
    };

declare module 'vitest' {
  export interface ProvidedContext {
    kgTemplates: Templates;
  }
}

/** The project root (where package.json, prisma.config.ts and seed/ live). */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Lower-case hex, so it can be part of an unquoted PostgreSQL identifier. */
export function randomId(bytes = 4): string {
  return randomBytes(bytes).toString('hex');
}

export function isStorageKind(value: unknown): value is StorageKind {
  return value === 'pglite' || value === 'postgres';
}

/** Database name prefix of the per-file (and freshEmptyDatabase) databases of one run. */
export const perFileDatabasePrefix = (runId: string) => `kg_test_${runId}_`;

/** Folder, under the run's root, of the per-file PGlite data directories. */
export const perFileDirName = 'files';

/**
 * The settings src/config.ts reads, for one database. For PGlite, DATABASE_URL is undefined:
 * apply with `applyDatabaseEnv` / `childProcessEnv`, which delete it rather than set "undefined".
 */
export interface DatabaseEnv {
  DATABASE_URL: string | undefined;
  DATA_DIR: string;
}

/** Points this process's environment at `db` (before src/config.ts is imported). */
export function applyDatabaseEnv(db: DatabaseEnv, env: NodeJS.ProcessEnv = process.env): void {
  if (db.DATABASE_URL === undefined) delete env.DATABASE_URL;
  else env.DATABASE_URL = db.DATABASE_URL;
  env.DATA_DIR = db.DATA_DIR;
}

/** This process's environment with `db` applied, for a child process (npx tsx src/cli/...). */
export function childProcessEnv(db: DatabaseEnv, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  applyDatabaseEnv(db, env);
  return env;
}

export const seconds = (startedAt: number) => `${((performance.now() - startedAt) / 1000).toFixed(2)} s`;
