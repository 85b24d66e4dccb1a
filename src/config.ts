/**
 * Configuration, read from the environment once and validated with zod. Everything else
 * imports the typed `config` object instead of reading `process.env`.
 */
import { z } from 'zod';
import { type ApiKey, parseApiKeys } from './auth/keys.js';

const booleanFromEnv = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** PostgreSQL connection string; when unset, the embedded PGlite database is used. */
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === '' ? undefined : value))
    .refine(
      (value) => value === undefined || /^postgres(ql)?:\/\/[^/]+\/[^/?]+/.test(value),
      'DATABASE_URL must look like postgres://user@host:5432/database',
    ),
  /** Folder that holds the embedded PGlite database. */
  DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Largest `first`/`last` a connection accepts. */
  MAX_PAGE_SIZE: z.coerce.number().int().min(1).max(10_000).default(100),
  /** Log every SQL statement Prisma sends (for debugging). */
  LOG_SQL: booleanFromEnv.default(false),
  /**
   * Live updates (subscriptions) across instances: a Redis server every instance reaches.
   * Unset: events are delivered in process, to the subscribers of the instance that wrote.
   */
  REDIS_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === '' ? undefined : value))
    .refine(
      (value) => value === undefined || /^rediss?:\/\/[^/]+(\/\d+)?\/?$/.test(value),
      'REDIS_URL must look like redis://[:password@]host:6379[/db] (or rediss:// for TLS)',
    ),
  /** Prefix of the Redis channels: deployments (or test runs) sharing one Redis set their own. */
  REDIS_CHANNEL_PREFIX: z
    .string()
    .regex(/^[\w.:-]{1,100}$/, 'letters, digits and _ . : - only, at most 100 of them')
    .default('kg:live:'),
  /** API keys for writes: comma-separated `name:scope[+scope]:sha256` (see src/auth/keys.ts). */
  API_KEYS: z
    .string()
    .default('')
    .transform((value, ctx): ApiKey[] => {
      try {
        return parseApiKeys(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
});

export type Config = z.infer<typeof configSchema> & {
  storage: 'pglite' | 'postgres';
  isProduction: boolean;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${details}`);
  }
  return {
    ...parsed.data,
    storage: parsed.data.DATABASE_URL ? 'postgres' : 'pglite',
    isProduction: parsed.data.NODE_ENV === 'production',
  };
}

/** Parses the environment, or prints one clear line and exits: a bad setting is not a crash. */
function loadConfig(): Config {
  try {
    return parseConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`error: ${error.message}`);
    process.exit(2);
  }
}

export const config: Config = loadConfig();
