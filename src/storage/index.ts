/** Chooses the storage from the configuration: PostgreSQL when DATABASE_URL is set, else PGlite. */
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { Config } from '../config.js';
import { createPGliteAdapter } from './pglite.js';
import { createPostgresAdapter } from './postgres.js';

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface Storage {
  kind: Config['storage'];
  adapter: SqlMigrationAwareDriverAdapterFactory;
  close: () => Promise<void>;
  /** PostgreSQL only: the connection pool's state. */
  stats?: () => PoolStats;
}

export async function openStorage(config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>): Promise<Storage> {
  if (config.DATABASE_URL) {
    return { kind: 'postgres', ...createPostgresAdapter(config.DATABASE_URL) };
  }
  const { adapter, close } = await createPGliteAdapter(config.DATA_DIR);
  return { kind: 'pglite', adapter, close };
}
