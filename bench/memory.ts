/**
 * `npx tsx bench/memory.ts [--storage pglite|postgres]`: resident memory of the server after
 * start and after 1,000 WhoSaidWhatAbout requests, and the time from spawn to "ready".
 * PGlite runs on a fresh copy of ./data-less folder (migrate + seed included in the start time);
 * PostgreSQL on a fresh database `kg_memory`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const storage = process.argv.includes('postgres') ? 'postgres' : 'pglite';
const query = readFileSync(new URL('../test/operations/WhoSaidWhatAbout.graphql', import.meta.url), 'utf8');
const dataDir = await mkdtemp(join(tmpdir(), 'kg-memory-'));
const adminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
if (storage === 'postgres') {
  spawnSync('psql', [adminUrl, '-qc', 'DROP DATABASE IF EXISTS kg_memory', '-c', 'CREATE DATABASE kg_memory'], {
    stdio: 'inherit',
  });
}
const env = {
  ...process.env,
  NODE_ENV: 'production',
  PORT: '0',
  HOST: '127.0.0.1',
  ...(storage === 'postgres'
    ? { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kg_memory' }
    : { DATA_DIR: dataDir, DATABASE_URL: '' }),
};

const rssMb = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmRSS:\s+(\d+)/)?.[1]) / 1024;
};

async function startOnce(label: string) {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts'], {
    env,
    cwd: new URL('..', import.meta.url),
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => process.stderr.write(d));
  while (!/ready/.test(out)) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const readyMs = performance.now() - started;
  const url = (out.match(/GraphQL API on (\S+)/)?.[1] ?? '').replace('localhost', '127.0.0.1');
  return { child, url, readyMs, label };
}

const ask = (url: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables: { code: 'UZ' } }),
  }).then((r) => r.json());

for (const label of ['first start (empty storage: migrate + seed)', 'second start (existing data)']) {
  const server = await startOnce(label);
  const pid = server.child.pid as number;
  const afterStart = rssMb(pid);
  const t0 = performance.now();
  for (let i = 0; i < 1000; i++) await ask(server.url);
  const seconds = (performance.now() - t0) / 1000;
  const after = rssMb(pid);
  console.log(
    `${storage}, ${label}: ready in ${(server.readyMs / 1000).toFixed(1)} s; RSS ${afterStart.toFixed(0)} MB after start, ` +
      `${after.toFixed(0)} MB after 1,000 requests (${(1000 / seconds).toFixed(0)} req/s sequential)`,
  );
  server.child.kill('SIGTERM');
  await new Promise((r) => server.child.on('exit', r));
}
await rm(dataDir, { recursive: true, force: true });
if (storage === 'postgres')
  spawnSync('psql', [adminUrl, '-qc', 'DROP DATABASE IF EXISTS kg_memory'], { stdio: 'inherit' });
