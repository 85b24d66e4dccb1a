/**
 * Vitest global setup, run once per project (storage) and run, in the main process.
 *
 * Builds two templates the test files clone their databases from:
 * - seeded: `prisma migrate deploy` + `src/cli/seed.ts` (both as child processes, exactly as
 *   a developer would run them, so the CLI paths are exercised on every run);
 * - empty: migrated only, for tests that load data into an empty database.
 *
 * PostgreSQL: databases `kg_template_<run>` and `kg_template_empty_<run>`; files clone them
 * with CREATE DATABASE ... TEMPLATE. PGlite: data directories under a per-run folder (on
 * /dev/shm when available); files copy the directory. Copying was measured faster than a
 * `dumpDataDir()` tarball restored with `loadDataDir` (see test/support/README.md).
 *
 * Teardown drops the templates and whatever per-file databases of this run are left over.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import {
  databasesWithPrefix,
  databaseUrl,
  defaultAdminUrl,
  dropDatabases,
  ident,
  withAdminClient,
} from './postgres-admin.js';
import {
  childProcessEnv,
  type DatabaseEnv,
  isStorageKind,
  perFileDatabasePrefix,
  projectRoot,
  randomId,
  type StorageKind,
  seconds,
  type Templates,
} from './shared.js';

const execFileAsync = promisify(execFile);

// The local binaries rather than `npx`, which adds its own start-up time to every call.
const prismaBin = join(projectRoot, 'node_modules/.bin/prisma');
const tsxBin = join(projectRoot, 'node_modules/.bin/tsx');

function logger(storage: StorageKind) {
  return async function step<T>(label: string, fn: () => Promise<T>): Promise<T> {
    const startedAt = performance.now();
    const result = await fn();
    console.log(`[global-setup ${storage}] ${label}: ${seconds(startedAt)}`);
    return result;
  };
}
type Step = ReturnType<typeof logger>;

/** Runs a CLI in the project root; on failure the error carries its whole output. */
async function run(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await execFileAsync(file, args, { cwd: projectRoot, env, maxBuffer: 32 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${[file, ...args].join(' ')} failed: ${(error as Error).message}\n${stdout}\n${stderr}`);
  }
}

const migrate = (db: DatabaseEnv) =>
  run(prismaBin, ['migrate', 'deploy'], childProcessEnv(db, { CHECKPOINT_DISABLE: '1' }));
const seed = (db: DatabaseEnv) => run(tsxBin, ['src/cli/seed.ts'], childProcessEnv(db, { NODE_ENV: 'test' }));

/** The test files import the generated Prisma client; a fresh clone has none yet. */
async function ensurePrismaClient(step: Step): Promise<void> {
  if (existsSync(join(projectRoot, 'src/generated/prisma/client.ts'))) return;
  await step('prisma generate (src/generated was missing)', () =>
    run(prismaBin, ['generate'], { ...process.env, CHECKPOINT_DISABLE: '1' }),
  );
}

interface Built {
  templates: Templates;
  destroy: () => Promise<void>;
}

async function buildPostgresTemplates(step: Step): Promise<Built> {
  const adminUrl = defaultAdminUrl;
  const runId = randomId();
  const empty = `kg_template_empty_${runId}`;
  const seeded = `kg_template_${runId}`;
  const destroy = async () => {
    const leftovers = await databasesWithPrefix(adminUrl, perFileDatabasePrefix(runId));
    await dropDatabases(adminUrl, [...leftovers, seeded, empty]);
  };
  // DATA_DIR is unused with DATABASE_URL set, but must never fall back to ./data (the developer's).
  const dbEnv = (name: string): DatabaseEnv => ({
    DATABASE_URL: databaseUrl(adminUrl, name),
    DATA_DIR: join(tmpdir(), 'kg-test-unused-data-dir'),
  });
  try {
    // template0, not template1: whatever someone installed into template1 stays out of the tests.
    await step(`create database ${empty}`, () =>
      withAdminClient(adminUrl, (c) => c.query(`CREATE DATABASE ${ident(empty)} TEMPLATE template0`)),
    );
    await step(`prisma migrate deploy → ${empty}`, () => migrate(dbEnv(empty)));
    await step(`create database ${seeded} from ${empty}`, () =>
      withAdminClient(adminUrl, (c) => c.query(`CREATE DATABASE ${ident(seeded)} TEMPLATE ${ident(empty)}`)),
    );
    await step(`seed → ${seeded}`, () => seed(dbEnv(seeded)));
    // A session left open on a template makes every CREATE DATABASE ... TEMPLATE fail; no
    // one has any business connecting to them any more.
    await withAdminClient(adminUrl, async (c) => {
      for (const name of [empty, seeded]) await c.query(`ALTER DATABASE ${ident(name)} WITH ALLOW_CONNECTIONS false`);
    });
  } catch (error) {
    await destroy().catch(() => {});
    throw error;
  }
  return { templates: { storage: 'postgres', runId, adminUrl, seeded, empty }, destroy };
}

/** tmpfs when there is one: PGlite syncs every commit, and the per-file copies are 40 MB each. */
function pgliteBaseDir(): string {
  if (process.env.TEST_TMPDIR) return process.env.TEST_TMPDIR;
  return existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
}

async function buildPGliteTemplates(step: Step): Promise<Built> {
  const runId = randomId();
  const root = join(pgliteBaseDir(), `kg-test-${runId}`);
  const empty = join(root, 'template-empty');
  const seeded = join(root, 'template-seeded');
  const destroy = () => rm(root, { recursive: true, force: true });
  const dbEnv = (dir: string): DatabaseEnv => ({ DATABASE_URL: undefined, DATA_DIR: dir });
  try {
    await mkdir(root, { recursive: true });
    await step(`prisma migrate deploy → ${empty}`, () => migrate(dbEnv(empty)));
    // The migrate CLI exits without closing PGlite (see STACK-NOTES), which leaves the
    // directory as after a crash: every copy would replay the WAL when opened. One clean
    // open/close here checkpoints it once.
    // Opened the way the service opens it (same extensions).
    await step('checkpoint the migrated data directory', async () => {
      const { openPGlite } = await import('../../src/storage/pglite.js');
      const pglite = await openPGlite(empty);
      await pglite.close();
    });
    await step(`copy → ${seeded}`, () => cp(empty, seeded, { recursive: true }));
    await step(`seed → ${seeded}`, () => seed(dbEnv(seeded)));
  } catch (error) {
    await destroy().catch(() => {});
    throw error;
  }
  return { templates: { storage: 'pglite', runId, root, seeded, empty }, destroy };
}

function storageOf(project: TestProject): string {
  return project.config.env?.TEST_STORAGE ?? project.name;
}

/**
 * Vitest runs the projects' global setups one after the other, in this one process. To build
 * the PGlite and PostgreSQL templates concurrently, the first setup starts the builds of every
 * project in the run, and each setup then awaits its own. Kept on globalThis because each
 * project may load this file as a separate module instance.
 */
interface Build {
  built: Promise<Built>;
  destroy: () => Promise<void>;
}
const registry = globalThis as typeof globalThis & { __kgTemplateBuilds?: Map<StorageKind, Build> };

function startBuild(storage: StorageKind): Build {
  registry.__kgTemplateBuilds ??= new Map();
  const builds = registry.__kgTemplateBuilds;
  const existing = builds.get(storage);
  if (existing) return existing;
  const step = logger(storage);
  const built = (async () => {
    const startedAt = performance.now();
    const result = storage === 'postgres' ? await buildPostgresTemplates(step) : await buildPGliteTemplates(step);
    console.log(`[global-setup ${storage}] templates ready: ${seconds(startedAt)}`);
    return result;
  })();
  // Awaited, and so reported, by the project's own setup; not an unhandled rejection meanwhile.
  built.catch(() => {});
  let destroyed: Promise<void> | undefined;
  const destroy = () => {
    // Forgotten at once, so that a later setup in this process (vitest restarting after a
    // config change in watch mode) builds anew instead of reusing removed templates.
    if (builds.get(storage) === build) builds.delete(storage);
    destroyed ??= built.then(
      async (b) => {
        const startedAt = performance.now();
        await b.destroy();
        console.log(`[global-setup ${storage}] templates and leftovers removed: ${seconds(startedAt)}`);
      },
      () => {}, // a failed build has cleaned up after itself
    );
    return destroyed;
  };
  const build: Build = { built, destroy };
  builds.set(storage, build);
  return build;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const storage = storageOf(project);
  if (!isStorageKind(storage)) {
    throw new Error(`project ${project.name}: set test.env.TEST_STORAGE to "pglite" or "postgres", not ${storage}`);
  }
  await ensurePrismaClient(logger(storage));
  const own = startBuild(storage);
  for (const other of project.vitest.projects.map(storageOf)) {
    if (isStorageKind(other)) startBuild(other);
  }
  project.provide('kgTemplates', (await own.built).templates);
  // Every teardown removes every build of the run (idempotently): a build started for a
  // project whose own setup never ran must not be left behind either.
  return async () => {
    await Promise.all([...(registry.__kgTemplateBuilds?.values() ?? [])].map((build) => build.destroy()));
  };
}
