/**
 * `npm start`: brings the database up to date, loads the curated seed when it has changed,
 * and serves the API. Works on a fresh clone with no database server (PGlite in ./data).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)}s`;

// One process per embedded data folder: a second `npm start` on it is refused, clearly.
if (!process.env.DATABASE_URL?.trim()) {
  const { assertUnlocked } = await import('../storage/pglite.js');
  try {
    assertUnlocked(process.env.DATA_DIR || './data');
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    process.exit(1);
  }
}

// Migrations run in the Prisma CLI, a separate process, before this process opens the
// database: PGlite allows one process per data directory.
const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
const migrate = spawnSync(process.execPath, [prismaCli, 'migrate', 'deploy'], {
  encoding: 'utf8',
  env: { ...process.env, CHECKPOINT_DISABLE: '1' },
});
if (migrate.status !== 0) {
  const output = `${migrate.stdout}\n${migrate.stderr}`;
  const reason = output.split('\n').find((line) => /error|P\d{4}/i.test(line)) ?? output.trim().split('\n').at(-1);
  console.error(`error: database migration failed: ${reason?.trim()}`);
  process.exit(1);
}
console.log(`[${elapsed()}] migrations applied`);

// Imported only now: opening the database is a side effect of importing db.js.
const { closeDatabase, prisma } = await import('../db.js');
const { checkDatabase, startServer } = await import('../server.js');
const { seedDatabase } = await import('../seed/index.js');
try {
  await checkDatabase();
  await seedDatabase(prisma, { log: (line) => console.log(`[${elapsed()}] seed: ${line}`) });
  await startServer();
  console.log(`[${elapsed()}] ready`);
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  await closeDatabase().catch(() => {});
  process.exit(1);
}
