/**
 * `npm run bench:ingest [-- --articles 100 --concurrency 10]`: ingestion throughput on the
 * configured storage, in a database of its own (PostgreSQL: a scratch database next to the one
 * DATABASE_URL names; PGlite: a scratch folder), dropped afterwards. Synthetic articles only
 * (test/support/fixtures.ts), each with two statements and shared entities, so resolution
 * finds candidates as it would in a real archive.
 *
 *   one at a time    ingestArticle in a loop: the cost of one ingestion
 *   concurrently     the same through the GraphQL mutation, N requests in flight (they queue,
 *                    by design: ingestions are serialized)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { syntheticArticle } from '../test/support/fixtures.js';

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '100' }, concurrency: { type: 'string', default: '10' } },
});
const total = Number(values.articles);
const concurrency = Number(values.concurrency);

const base = process.env.DATABASE_URL?.trim();
let cleanup = () => {};
if (base) {
  const url = new URL(base);
  const scratch = `kg_bench_ingest_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratch}`);
  await admin.end();
  url.pathname = `/${scratch}`;
  process.env.DATABASE_URL = url.toString();
  cleanup = () => {
    const c = new pg.Client({ connectionString: base });
    void c
      .connect()
      .then(() => c.query(`DROP DATABASE ${scratch} WITH (FORCE)`))
      .finally(() => c.end());
  };
} else {
  const dir = mkdtempSync(join(tmpdir(), 'kg-bench-ingest-'));
  process.env.DATA_DIR = dir;
  cleanup = () => rmSync(dir, { recursive: true, force: true });
}
execFileSync(process.execPath, [join('node_modules/prisma/build/index.js'), 'migrate', 'deploy'], {
  stdio: 'ignore',
  env: process.env,
});
process.env.API_KEYS =
  'bench:ingest:' + (await import('node:crypto')).createHash('sha256').update('bench').digest('hex');

const { prisma, closeDatabase, storageKind } = await import('../src/db.js');
const { loadCountries } = await import('../src/seed/countries.js');
const { ingestArticle } = await import('../src/ingest/index.js');
const { yoga } = await import('../src/yoga.js');
await loadCountries(prisma);

let started = performance.now();
for (let i = 0; i < total; i++) {
  await ingestArticle(prisma, syntheticArticle(10_000 + i), { actor: 'bench' });
}
const sequential = (performance.now() - started) / 1000;

const mutation = 'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { __typename } }';
started = performance.now();
let next = 0;
const worker = async () => {
  while (next < total) {
    const n = 20_000 + next++;
    const response = await yoga.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
      body: JSON.stringify({ query: mutation, variables: { input: syntheticArticle(n) } }),
    });
    const body = (await response.json()) as { data?: { ingestArticle?: { __typename: string } } };
    if (body.data?.ingestArticle?.__typename !== 'IngestedArticle')
      throw new Error(`article ${n}: ${JSON.stringify(body)}`);
  }
};
await Promise.all(Array.from({ length: concurrency }, worker));
const concurrent = (performance.now() - started) / 1000;

console.log(`storage ${storageKind}, ${total} synthetic articles (2 statements, 4 entities each)`);
console.log(
  `one at a time: ${sequential.toFixed(1)} s, ${(total / sequential).toFixed(1)} articles/s, ${((sequential / total) * 1000).toFixed(0)} ms each`,
);
console.log(
  `${concurrency} at once through the mutation: ${concurrent.toFixed(1)} s, ${(total / concurrent).toFixed(1)} articles/s`,
);
await closeDatabase();
cleanup();
