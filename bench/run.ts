/**
 * `npm run bench [-- --sizes 10k,1m --duration 10 --connections 10 --reuse]`
 *
 * For each size: a PostgreSQL database kg_bench_<size> (migrated, seeded, generated with
 * src/cli/generate-data.ts), the real server (src/server.ts, NODE_ENV=production) in a child
 * process, autocannon against each operation of bench/operations.ts, and two baselines:
 *   - ceiling: the same HTTP stack answering `{ __typename }` (no resolver, no database);
 *   - floor: the SQL the WhoSaidWhatAbout request sends (captured with its parameters from
 *     Prisma's query event), replayed directly through `pg` at the same concurrency.
 * Prints a markdown table (for docs/benchmarks.md) and writes JSON to bench/results/.
 *
 * Everything runs on this machine: autocannon, the server and PostgreSQL share its cores, so
 * the figures are comparable with each other (ratios, growth), not with a production setup.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery, parse, validate } from 'graphql';
import pg from 'pg';
import type { CaptureResult } from './capture.js';
import { type BenchOperation, benchOperations, ceilingOperation } from './operations.js';
import { isControlStatement } from './sql-capture.js';

const root = new URL('..', import.meta.url).pathname;
const tsx = join(root, 'node_modules/.bin/tsx');
const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10k,1m' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    reuse: { type: 'boolean', default: false },
    only: { type: 'string' },
    floors: { type: 'string', default: 'who' },
    seed: { type: 'string', default: '1' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  console.log(`usage: npm run bench -- [--sizes 10k,1m] [--duration 10] [--warmup 3] [--connections 10]
                     [--reuse] [--only <name part>] [--floors who|all] [--seed 1]

  --reuse    keep existing kg_bench_* databases (migrate, seed and generate are idempotent);
             without it they are dropped and built again
  --floors   who: the pg floor of WhoSaidWhatAbout only; all: a pg floor for every operation
  BENCH_POSTGRES_URL  maintenance connection (default postgresql://postgres@127.0.0.1:5432/postgres)`);
  process.exit(0);
}

const adminUrl = process.env.BENCH_POSTGRES_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const connections = Number(args.connections);
const parseSize = (s: string) => {
  const m = /^(\d+)([km]?)$/i.exec(s.trim());
  if (!m) throw new Error(`bad size ${s}`);
  return Number(m[1]) * ({ k: 1e3, m: 1e6 }[(m[2] as string).toLowerCase()] ?? 1);
};
const sizes = (args.sizes as string)
  .split(',')
  .map((label) => ({ label: label.trim().toLowerCase(), statements: parseSize(label) }));

const started = performance.now();
const log = (line: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${line}`);

function dbUrl(name: string) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Runs a child process, streaming its output with a prefix; rejects on a non-zero exit. */
function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv, prefix: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      for (const line of text.split('\n').filter(Boolean)) console.log(`  ${prefix} ${line}`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${prefix} exited with ${code}`))));
  });
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

async function prepareDatabase(name: string, statements: number): Promise<{ generation: string }> {
  const exists = await admin(
    async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1,
  );
  if (exists && !args.reuse) {
    log(`dropping ${name}`);
    await admin((c) => c.query(`DROP DATABASE ${name} WITH (FORCE)`));
  }
  if (!exists || !args.reuse) await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const env = { ...process.env, DATABASE_URL: dbUrl(name), CHECKPOINT_DISABLE: '1', NODE_ENV: 'production' };
  await run(process.execPath, [prismaCli, 'migrate', 'deploy'], env, 'migrate |');
  await run(tsx, ['src/cli/seed.ts'], env, 'seed |');
  const generation = await run(
    tsx,
    ['src/cli/generate-data.ts', '--statements', String(statements), '--seed', String(args.seed)],
    env,
    'generate |',
  );
  return { generation };
}

interface ServerHandle {
  url: string;
  stop: () => Promise<void>;
}

async function startApiServer(databaseUrl: string): Promise<ServerHandle> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_SQL: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      if ((await fetch(`${url}/ready`)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`server not ready after 60 s: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping)
      console.error(`server exited unexpectedly (code ${code}, signal ${signal}); its output:\n${output.slice(-4000)}`);
  });
  return {
    url: `${url}/graphql`,
    stop: async () => {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

async function post(url: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, text: await response.text() };
}

/** Waits until no other session runs a query on the database (e.g. warm-up requests still in the server). */
async function waitIdle(databaseUrl: string, maxSeconds = 120): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const deadline = Date.now() + maxSeconds * 1000;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
      );
      if (rows[0]?.n === 0) return;
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await client.end();
  }
}

/** Latency of one request at a time: the median of up to 7 sequential requests within ~10 s. */
async function serialLatency(url: string, op: BenchOperation): Promise<{ median: number; runs: number }> {
  const times: number[] = [];
  const budgetEnd = performance.now() + 10_000;
  while (times.length < 7 && (times.length < 3 || performance.now() < budgetEnd)) {
    const t = performance.now();
    await post(url, op.query, op.variables);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] as number, runs: times.length };
}

/** Sends `connections` requests at once and returns the first GraphQL error message, if any. */
async function burstError(url: string, op: BenchOperation): Promise<string | undefined> {
  const answers = await Promise.all(Array.from({ length: connections }, () => post(url, op.query, op.variables)));
  for (const a of answers) {
    if (a.status !== 200) return `HTTP ${a.status}: ${a.text.slice(0, 200)}`;
    const body = JSON.parse(a.text) as { errors?: { message: string }[] };
    if (body.errors) return body.errors[0]?.message;
  }
  return undefined;
}

export interface Measurement {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  mean: number;
  requests: number;
  errors: number;
  /** Responses whose body differed from the first answer (e.g. an error under load). */
  mismatches: number;
  /** 1-minute load average of the machine when the measurement ended (others share it). */
  loadAverage: number;
}

async function cannon(url: string, op: BenchOperation, expectBody: string, seconds: number): Promise<Measurement> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: op.query, variables: op.variables }),
    connections,
    duration: seconds,
    // Slow operations at 1M must be measured, not counted as timeouts (default 10 s).
    timeout: 120,
    expectBody,
  });
  return {
    // Completed answers over the window (autocannon's per-second average rounds slow operations to 0).
    requestsPerSecond: result.requests.total / Math.max(1, result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.mean,
    requests: result.requests.total,
    errors: result.errors + result.non2xx + result.timeouts,
    mismatches: (result as unknown as { mismatches: number }).mismatches ?? 0,
    loadAverage: loadavg()[0] as number,
  };
}

/** The captured SQL of one request, replayed through a pg pool by `connections` loops. */
async function pgFloor(
  databaseUrl: string,
  queries: { sql: string; params: unknown[] }[],
  seconds: number,
): Promise<Measurement> {
  const statements = queries.filter((q) => !isControlStatement(q.sql));
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  const latencies: number[] = [];
  let errors = 0;
  const once = async (client: pg.PoolClient) => {
    for (const q of statements) await client.query(q.sql, q.params as unknown[]);
  };
  // Warm-up: connections open, plans cached by the server.
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = await pool.connect();
      try {
        for (let i = 0; i < 3; i++) await once(client);
      } finally {
        client.release();
      }
    }),
  );
  const end = performance.now() + seconds * 1000;
  const loopStarted = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = await pool.connect();
      try {
        while (performance.now() < end) {
          const t = performance.now();
          try {
            await once(client);
            latencies.push(performance.now() - t);
          } catch {
            errors++;
          }
        }
      } finally {
        client.release();
      }
    }),
  );
  const elapsed = (performance.now() - loopStarted) / 1000;
  await pool.end();
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return {
    requestsPerSecond: latencies.length / elapsed,
    p50: at(0.5),
    p99: at(0.99),
    mean: latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length),
    requests: latencies.length,
    errors,
    mismatches: 0,
    loadAverage: loadavg()[0] as number,
  };
}

interface SizeResult {
  label: string;
  statements: number;
  database: string;
  generation: string;
  context: CaptureResult['context'];
  operations: {
    name: string;
    description: string;
    expectFlat: boolean;
    skipped?: string;
    api?: Measurement;
    /** One request at a time: median latency in ms. */
    serialMs?: number;
    /** Length of the measurement under load (longer than --duration for slow operations). */
    seconds?: number;
    /** A GraphQL error seen under load, when responses differed from the first answer. */
    errorUnderLoad?: string;
    floor?: Measurement;
    sqlStatements?: number;
    plans?: CaptureResult['operations'][number]['plans'];
    facts?: Record<string, unknown>;
  }[];
}

async function benchSize(label: string, statements: number): Promise<SizeResult> {
  const database = `kg_bench_${label}`;
  const databaseUrl = dbUrl(database);
  log(`${label}: preparing ${database} (${statements} statements)`);
  const { generation } = await prepareDatabase(database, statements);

  log(`${label}: capturing SQL and plans`);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  const captureFile = join(root, `bench/results/capture-${label}.json`);
  await run(
    tsx,
    ['bench/capture.ts', captureFile],
    { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
    'capture |',
  );
  const capture = JSON.parse(readFileSync(captureFile, 'utf8')) as CaptureResult;

  log(`${label}: starting the server`);
  const server = await startApiServer(databaseUrl);
  const result: SizeResult = { label, statements, database, generation, context: capture.context, operations: [] };
  try {
    const introspection = JSON.parse((await post(server.url, getIntrospectionQuery(), {})).text) as {
      data: IntrospectionQuery;
    };
    const schema = buildClientSchema(introspection.data);
    const operations = [ceilingOperation, ...benchOperations(capture.context)].filter(
      (op) => !args.only || op === ceilingOperation || op.name.includes(args.only),
    );
    for (const op of operations) {
      const captured = capture.operations.find((o) => o.name === op.name);
      const entry: SizeResult['operations'][number] = {
        name: op.name,
        description: op.description,
        expectFlat: op.expectFlat,
      };
      result.operations.push(entry);
      const problems = validate(schema, parse(op.query));
      if (problems.length > 0) {
        entry.skipped = `not in schema (${problems.map((p) => p.message).join('; ')})`;
        log(`${label}: ${op.name}: skipped: ${entry.skipped}`);
        continue;
      }
      const first = await post(server.url, op.query, op.variables);
      const body = JSON.parse(first.text) as { errors?: unknown };
      if (first.status !== 200 || body.errors) {
        entry.skipped = `error: HTTP ${first.status} ${first.text.slice(0, 300)}`;
        log(`${label}: ${op.name}: skipped: ${entry.skipped}`);
        continue;
      }
      await waitIdle(databaseUrl);
      entry.serialMs = (await serialLatency(server.url, op)).median;
      // A slow operation gets a longer window, so that enough requests complete in it: about
      // four rounds of `connections` requests on this machine's cores, at most 120 s.
      const seconds = Math.max(
        duration,
        Math.min(120, Math.ceil((4 * entry.serialMs * connections) / cpus().length / 1000)),
      );
      if (warmup > 0) await cannon(server.url, op, first.text, warmup);
      await waitIdle(databaseUrl);
      entry.api = await cannon(server.url, op, first.text, seconds);
      entry.seconds = seconds;
      await waitIdle(databaseUrl);
      if (entry.api.mismatches > 0 || entry.api.errors > 0) {
        entry.errorUnderLoad = (await burstError(server.url, op)) ?? 'responses differed, but a burst showed no error';
        await waitIdle(databaseUrl);
      }
      entry.sqlStatements = captured?.queries.filter((q) => !isControlStatement(q.sql)).length;
      entry.plans = captured?.plans;
      entry.facts = captured?.facts;
      log(
        `${label}: ${op.name}: one at a time ${entry.serialMs.toFixed(1)} ms; ${connections} connections for ${seconds} s: ` +
          `${entry.api.requestsPerSecond.toFixed(1)} req/s, p50 ${entry.api.p50} ms, p99 ${entry.api.p99} ms` +
          (entry.api.errors || entry.api.mismatches
            ? ` (${entry.api.errors} errors, ${entry.api.mismatches} mismatches: ${entry.errorUnderLoad})`
            : ''),
      );
    }
  } finally {
    await server.stop();
  }

  // Floors with the server stopped: the database and pg only.
  for (const entry of result.operations) {
    if (!entry.api || entry.name === ceilingOperation.name) continue;
    if (args.floors !== 'all' && !entry.name.startsWith('WhoSaidWhatAbout (hub')) continue;
    const captured = capture.operations.find((o) => o.name === entry.name);
    if (!captured || captured.queries.length === 0) continue;
    await waitIdle(databaseUrl);
    entry.floor = await pgFloor(databaseUrl, captured.queries, entry.seconds ?? duration);
    log(
      `${label}: ${entry.name}: pg floor ${entry.floor.requestsPerSecond.toFixed(0)} req/s, p50 ${entry.floor.p50.toFixed(2)} ms, p99 ${entry.floor.p99.toFixed(2)} ms`,
    );
  }
  return result;
}

function machine() {
  const cpuModel =
    readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return {
    cpus: cpus().length,
    cpuModel,
    memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
    freeMemoryGiB: +(freemem() / 2 ** 30).toFixed(1),
    node: process.version,
  };
}

const fmt = (n: number | undefined, digits = 0) => (n === undefined ? '–' : n.toFixed(digits));
/** Requests per second: one decimal below 10. */
const rps = (n: number | undefined) => (n === undefined ? '–' : n.toFixed(n < 10 ? 1 : 0));

function markdown(results: SizeResult[]): string {
  const [small, large] = [results[0], results[results.length - 1]];
  const labels = results.map((r) => r.label.toUpperCase());
  const names = results[0]?.operations.map((o) => o.name) ?? [];
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const head = (cells: string[]) => [row(cells), row(cells.map(() => '---'))];
  const lines: string[] = [];

  // 1. Latency of one request at a time, and how it grows with the data.
  lines.push(
    `Single request (one at a time, median): latency in ms; growth = ${labels.at(-1)} / ${labels[0]}; ` +
      `rows = the most rows one scan of a large table read at ${labels.at(-1)} (EXPLAIN ANALYZE).`,
    '',
    ...head([
      'operation',
      ...labels.map((l) => `${l} ms`),
      'growth',
      'expected',
      'SQL statements',
      `largest scan at ${labels.at(-1)}`,
    ]),
  );
  for (const name of names) {
    const per = results.map((r) => r.operations.find((o) => o.name === name));
    const skipped = per.find((o) => o?.skipped)?.skipped;
    if (skipped && !per.some((o) => o?.api)) {
      lines.push(
        row([
          name,
          skipped.startsWith('not in schema') ? 'skipped: not in schema' : `skipped: ${skipped.slice(0, 100)}`,
        ]),
      );
      continue;
    }
    const s = small?.operations.find((o) => o.name === name);
    const l = large?.operations.find((o) => o.name === name);
    const growth = s?.serialMs && l?.serialMs && results.length > 1 ? `×${(l.serialMs / s.serialMs).toFixed(1)}` : '–';
    const largest = [...(l?.plans ?? [])].sort((a, b) => b.maxRowsRead - a.maxRowsRead)[0];
    lines.push(
      row([
        name,
        ...per.map((o) => fmt(o?.serialMs, 1)),
        growth,
        name === ceilingOperation.name ? 'flat' : l?.expectFlat ? 'flat' : 'grows with matches',
        String(l?.sqlStatements ?? '–'),
        largest?.largestScan ?? '–',
      ]),
    );
  }

  // 2. Under load: throughput and latency percentiles at the benchmark's concurrency.
  lines.push(
    '',
    `Under load (${connections} connections, ${duration} s after ${warmup} s warm-up, autocannon; latencies in ms, whole milliseconds): ` +
      'share = req/s as a share of the ceiling at the same size.',
    '',
    ...head([
      'operation',
      ...labels.flatMap((l) => [`${l} req/s`, `${l} p50`, `${l} p99`]),
      ...labels.map((l) => `${l} share`),
    ]),
  );
  for (const name of names) {
    const per = results.map((r) => r.operations.find((o) => o.name === name));
    if (!per.some((o) => o?.api)) continue;
    const ceilings = results.map(
      (r) => r.operations.find((o) => o.name === ceilingOperation.name)?.api?.requestsPerSecond,
    );
    const flag = (o: (typeof per)[number]) => (o?.api && (o.api.mismatches || o.api.errors) ? ' ⚠' : '');
    lines.push(
      row([
        name,
        ...per.flatMap((o) => [`${rps(o?.api?.requestsPerSecond)}${flag(o)}`, fmt(o?.api?.p50), fmt(o?.api?.p99)]),
        ...per.map((o, i) =>
          o?.api && ceilings[i] ? `${((100 * o.api.requestsPerSecond) / ceilings[i]).toFixed(1)} %` : '–',
        ),
      ]),
    );
  }
  const warnings = results.flatMap((r) =>
    r.operations
      .filter((o) => o.api && (o.api.mismatches || o.api.errors))
      .map(
        (o) =>
          `⚠ ${r.label.toUpperCase()} ${o.name}: ${o.api?.mismatches} of ${o.api?.requests} answers differed from the first; under a burst of ${connections}: ${o.errorUnderLoad}`,
      ),
  );
  if (warnings.length > 0) lines.push('', ...warnings);

  // 3. The floor: the same SQL straight through pg.
  lines.push(
    '',
    'Floor: the SQL of one request (captured with its parameters) replayed through `pg` at the same concurrency: no Prisma, GraphQL or HTTP.',
    '',
    ...head(['operation', 'size', 'pg req/s', 'pg p50 ms', 'pg p99 ms', 'API req/s', 'API / floor']),
  );
  for (const r of results) {
    for (const o of r.operations) {
      if (!o.floor || !o.api) continue;
      lines.push(
        row([
          o.name,
          r.label.toUpperCase(),
          rps(o.floor.requestsPerSecond),
          fmt(o.floor.p50, 1),
          fmt(o.floor.p99, 1),
          rps(o.api.requestsPerSecond),
          `${((100 * o.api.requestsPerSecond) / o.floor.requestsPerSecond).toFixed(0)} %`,
        ]),
      );
    }
  }
  return lines.join('\n');
}

const results: SizeResult[] = [];
const info = { date: new Date().toISOString(), machine: machine(), args: { ...args, connections, duration, warmup } };
log(
  `machine: ${JSON.stringify(info.machine)}; ${connections} connections, ${duration} s per operation (+${warmup} s warm-up)`,
);
for (const size of sizes) results.push(await benchSize(size.label, size.statements));
const table = markdown(results);
const file = join(root, `bench/results/bench-${info.date.replaceAll(':', '-').slice(0, 19)}.json`);
writeFileSync(file, JSON.stringify({ ...info, results }, null, 2));
console.log(`\n${table}\n`);
log(`results written to ${file}`);
