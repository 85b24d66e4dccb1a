/**
 * Prisma CLI configuration. The CLI runs the JavaScript schema engine (`engine: "js"`) through
 * a driver adapter, so generate and migrate need no native engine download. Storage follows
 * the service's rule: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR.
 */

import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { defineConfig } from 'prisma/config';
import { openPGlite } from './src/storage/pglite.ts';
import { createMigrationAdapter } from './src/storage/postgres.ts';

// The CLI does not read .env when a config file exists, and the schema's datasource needs a
// non-empty url for generate to produce anything; with PGlite the url is never used.
const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
// An empty DATABASE_URL means PGlite too (as in src/config.ts), and must not reach the CLI:
// with an empty url it reports success and migrates nothing.
if (!databaseUrl) process.env.DATABASE_URL = 'postgresql://pglite.invalid/unused';
process.env.CHECKPOINT_DISABLE ??= '1';

// PGlite arms long emscripten timers that keep the CLI alive after `migrate deploy` has
// finished (the CLI never closes its adapter). In this CLI process only, long timers must
// not hold the event loop open.
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
  const timer = originalSetTimeout(handler, ms, ...args);
  if ((ms ?? 0) >= 1000) timer.unref();
  return timer;
}) as typeof setTimeout;

// The CLI calls adapter() more than once per command; two PGlite instances on one data
// directory corrupt each other, so the adapter is created once.
let adapter: Promise<SqlMigrationAwareDriverAdapterFactory> | undefined;

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  adapter: () => {
    adapter ??= databaseUrl
      ? Promise.resolve(createMigrationAdapter(databaseUrl))
      : openPGlite(process.env.DATA_DIR || './data').then((pglite) => new PrismaPGlite(pglite));
    return adapter;
  },
});
