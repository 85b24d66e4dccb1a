/**
 * `npm run generate-data -- --statements 1000000 [--seed 1] [--reset]`: fills the configured
 * storage (DATABASE_URL, else PGlite in DATA_DIR) with synthetic news at scale. See
 * src/generate/ and docs/benchmarks.md.
 */
import { parseArgs } from 'node:util';
import { config } from '../config.js';
import { pgliteDriver, postgresDriver, type SqlDriver } from '../generate/driver.js';
import { GeneratorError, generateData, type Progress } from '../generate/load.js';
import { countMismatches, generatedContentHash, spanMismatches } from '../generate/verify.js';
import { describeOptions, resolveOptions } from '../generate/world.js';
import { PrismaClient } from '../generated/prisma/client.js';
import { isoCountries } from '../reference/countries.js';
import { seedDatabase } from '../seed/index.js';

const usage = `usage: npm run generate-data -- --statements N [options]

  --statements N      statements to generate (required; 0 with --reset removes generated data)
  --seed N            random seed (default 1): the same seed and sizes give the same data
  --articles N        default: statements / 20
  --events N          default: statements / 4
  --persons N         default: statements / 100, between 20 and 20000
  --organizations N   default: statements / 500, between 12 and 5000
  --reset             remove previously generated data (keys starting with "gen-") first
  --verify            afterwards, check every span against its article body and every count
                      column against the real counts, and print a content hash
  --batch N           statements per INSERT batch (default 10000)
  --no-vacuum         ANALYZE instead of VACUUM ANALYZE at the end

Generated rows have keys starting with "gen-". Running again with the same options changes
nothing; other options are refused unless --reset is given.`;

function fail(message: string): never {
  console.error(`error: ${message}\n\n${usage}`);
  process.exit(2);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      statements: { type: 'string' },
      seed: { type: 'string' },
      articles: { type: 'string' },
      events: { type: 'string' },
      persons: { type: 'string' },
      organizations: { type: 'string' },
      reset: { type: 'boolean', default: false },
      verify: { type: 'boolean', default: false },
      batch: { type: 'string' },
      'no-vacuum': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }).values;
}
try {
  args = parse();
} catch (error) {
  fail((error as Error).message);
}
if (args.help) {
  console.log(usage);
  process.exit(0);
}

/** Accepts 1000000, 1_000_000, 1e6, 10k, 1m. */
function count(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d[\d_]*(?:\.\d+)?(?:e\d+)?)([km]?)$/i.exec(value.trim());
  const n = m
    ? Number((m[1] as string).replaceAll('_', '')) * ({ k: 1e3, m: 1e6 }[(m[2] as string).toLowerCase()] ?? 1)
    : NaN;
  if (!Number.isInteger(n) || n < 0) fail(`--${name} must be a non-negative integer, not ${JSON.stringify(value)}`);
  return n;
}

const statements = count('statements', args.statements);
if (statements === undefined) fail('--statements is required');
if (statements === 0 && !args.reset) fail('--statements 0 does nothing without --reset');
let options: ReturnType<typeof resolveOptions>;
try {
  options = resolveOptions({
    statements,
    seed: count('seed', args.seed) ?? 1,
    ...(args.articles !== undefined && { articles: count('articles', args.articles) }),
    ...(args.events !== undefined && { events: count('events', args.events) }),
    ...(args.persons !== undefined && { persons: count('persons', args.persons) }),
    ...(args.organizations !== undefined && { organizations: count('organizations', args.organizations) }),
  });
} catch (error) {
  fail((error as Error).message);
}

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)}s`;
const log = (line: string) => console.log(`[${elapsed()}] ${line}`);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const duration = (ms: number) => {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
};

/** Opens the configured storage twice over: a raw driver for the load, Prisma for the seed. */
async function open(): Promise<{ driver: SqlDriver; prisma: () => Promise<PrismaClient>; close: () => Promise<void> }> {
  if (config.DATABASE_URL) {
    const url = config.DATABASE_URL;
    const driver = await postgresDriver(url);
    let prisma: PrismaClient | undefined;
    let closeStorage: (() => Promise<void>) | undefined;
    return {
      driver,
      prisma: async () => {
        const { createPostgresAdapter } = await import('../storage/postgres.js');
        const storage = createPostgresAdapter(url, 2);
        closeStorage = storage.close;
        prisma = new PrismaClient({ adapter: storage.adapter });
        return prisma;
      },
      close: async () => {
        await prisma?.$disconnect();
        await closeStorage?.();
        await driver.close();
      },
    };
  }
  // PGlite allows one instance per data directory: the driver and Prisma share it.
  const { createPGliteAdapter } = await import('../storage/pglite.js');
  const storage = await createPGliteAdapter(config.DATA_DIR);
  let prisma: PrismaClient | undefined;
  return {
    driver: pgliteDriver(storage.pglite),
    prisma: async () => {
      prisma = new PrismaClient({ adapter: storage.adapter });
      return prisma;
    },
    close: async () => {
      await prisma?.$disconnect();
      await storage.close();
    },
  };
}

let lastProgress = 0;
function progress(p: Progress) {
  const now = performance.now();
  const done = p.statements >= p.totalStatements;
  if (!done && now - lastProgress < 2000) return;
  lastProgress = now;
  const seconds = p.elapsedMs / 1000;
  const perSecond = p.statements / seconds;
  const eta = perSecond > 0 ? ((p.totalStatements - p.statements) / perSecond) * 1000 : 0;
  log(
    `${fmt(p.statements)}/${fmt(p.totalStatements)} statements (${((100 * p.statements) / p.totalStatements).toFixed(1)}%), ` +
      `${fmt(perSecond)} statements/s, ${fmt(p.rows / seconds)} rows/s` +
      (done ? `, load took ${duration(p.elapsedMs)}` : `, ETA ${duration(eta)}`),
  );
}

const storage = config.DATABASE_URL
  ? `postgres ${new URL(config.DATABASE_URL).host}${new URL(config.DATABASE_URL).pathname}`
  : `pglite ${config.DATA_DIR}`;
log(`${storage}: ${describeOptions(options)}${args.reset ? ' (reset)' : ''}`);
const db = await open();
try {
  const [schema] = await db.driver.query<{ ok: boolean }>(
    `SELECT to_regclass('"Statement"') IS NOT NULL AND to_regprocedure('kg_refresh_counts()') IS NOT NULL AS ok`,
  );
  if (!schema?.ok) throw new GeneratorError('the database is not migrated: run npm run db:migrate first');
  const [countries] = await db.driver.query<{ n: number }>('SELECT count(*)::int AS n FROM "Country"');
  if ((countries?.n ?? 0) < isoCountries.length) {
    log(`only ${countries?.n ?? 0} countries: seeding first`);
    await seedDatabase(await db.prisma(), { log: (line) => log(`seed: ${line}`) });
  }

  const capitals = new Map(isoCountries.map((c) => [c.cca2, c.capital[0] ?? null]));
  const report = await generateData(db.driver, options, {
    reset: args.reset,
    capitals,
    batchStatements: count('batch', args.batch),
    skipVacuum: args['no-vacuum'],
    onProgress: progress,
    log,
  });
  if (report.status === 'unchanged') {
    log('already generated with these parameters: nothing to do (use --reset to generate again)');
  } else {
    const total = Object.values(report.rows).reduce((a, b) => a + b, 0);
    const loadSeconds = (report.timings.load ?? 0) / 1000;
    log(
      `${report.status}: ${Object.entries(report.rows)
        .map(([t, n]) => `${fmt(n)} ${t}`)
        .join(', ')}`,
    );
    log(
      `timings: ${Object.entries(report.timings)
        .map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)}s`)
        .join(', ')}` +
        (loadSeconds > 0
          ? `; load ${fmt((report.rows.Statement ?? 0) / loadSeconds)} statements/s, ${fmt(total / loadSeconds)} rows/s`
          : ''),
    );
  }
  if (args.verify) {
    const spans = await spanMismatches(db.driver);
    const counts = await countMismatches(db.driver);
    const hash = await generatedContentHash(db.driver);
    log(
      `verify: span mismatches ${JSON.stringify(spans)}; count mismatches ${JSON.stringify(counts)}; content hash ${hash}`,
    );
    if ([...Object.values(spans), ...Object.values(counts)].some((n) => n !== 0)) process.exitCode = 1;
  }
} catch (error) {
  process.exitCode = 1;
  console.error(
    error instanceof GeneratorError
      ? `error: ${error.message}`
      : `generate-data failed: ${(error as Error).stack ?? error}`,
  );
} finally {
  await db.close();
}
