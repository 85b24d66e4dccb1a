/**
 * `npm run ingest`, as a real child process: progress and summary, exit codes, the same graph
 * as the mutation builds, and the `--api` door through a real listening server.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { prisma, storageKind } from '../src/db.js';
import { yoga } from '../src/yoga.js';
import { bearer, TEST_KEYS } from './support/api-keys.js';
import { freshEmptyDatabase, openPrismaClient, type TestDatabase } from './support/databases.js';
import { normalizedDump } from './support/dump.js';
import { FIXTURES, fixture, fixtureDir, seedDir } from './support/fixtures.js';
import { execute } from './support/graphql.js';
import { childProcessEnv, projectRoot } from './support/shared.js';

// Child processes and dozens of ingestions: minutes, not seconds, on a loaded 2-core machine.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

const execFileAsync = promisify(execFile);
const tsx = join(projectRoot, 'node_modules/.bin/tsx');

/** Runs the CLI; resolves with the exit code and output, whatever the code. */
async function ingestCli(args: string[], env: NodeJS.ProcessEnv) {
  try {
    const { stdout, stderr } = await execFileAsync(tsx, ['src/cli/ingest.ts', ...args], { cwd: projectRoot, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const twoFixtures = [fixtureDir(FIXTURES.caspianRecap), fixtureDir(FIXTURES.albion)];
let empty: TestDatabase;

beforeAll(async () => {
  empty = await freshEmptyDatabase();
});
afterAll(async () => {
  await empty.cleanup();
});

describe('the CLI on an empty database', () => {
  it('ingests folders with a progress line each and a summary, and builds what the mutation builds', async () => {
    const env = childProcessEnv(empty.env);
    const seed = await ingestCli(['--as', 'seed', seedDir], env);
    expect(seed.code, seed.stderr).toBe(0);
    const run = await ingestCli(['--as', 'test-ingest', ...twoFixtures], env);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      new RegExp(`^\\[1/2\\] ${FIXTURES.caspianRecap}: created: \\d+ statements.*\\(\\d+ ms\\)$`),
    );
    expect(lines[1]).toMatch(new RegExp(`^\\[2/2\\] ${FIXTURES.albion}: created: `));
    expect(lines[2]).toMatch(
      /^summary: 2 articles: 2 created, 0 replaced, 0 unchanged, 0 rejected; persons \d+ resolved, \d+ new; .* articles\/s\)$/,
    );

    // The same two articles through the mutation, into this file's own (seeded) database.
    for (const key of [FIXTURES.caspianRecap, FIXTURES.albion]) {
      const { data } = await execute<{ ingestArticle: { __typename: string } }>(
        'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { __typename } }',
        { input: fixture(key) },
        bearer('ingest'),
      );
      expect(data?.ingestArticle.__typename).toBe('IngestedArticle');
    }
    const client = await openPrismaClient(empty.env);
    try {
      expect(await normalizedDump(client.prisma)).toEqual(await normalizedDump(prisma));
    } finally {
      await client.close();
    }
  });

  it('again: every article unchanged, exit 0', async () => {
    const run = await ingestCli(['--as', 'test-ingest', ...twoFixtures], childProcessEnv(empty.env));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/summary: 2 articles: 0 created, 0 replaced, 2 unchanged, 0 rejected/);
  });

  it('prints a machine-readable summary with --json, progress on stderr', async () => {
    const run = await ingestCli(['--json', ...twoFixtures], childProcessEnv(empty.env));
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/\[1\/2\].*unchanged/);
    expect(JSON.parse(run.stdout)).toMatchObject({ articles: 2, unchanged: 2, rejected: 0 });
  });
});

describe('the CLI refuses', () => {
  it('bad arguments, with exit code 2 and the usage', async () => {
    const none = await ingestCli([], process.env);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^usage: npm run ingest/);
    const missing = await ingestCli(['no/such/folder'], process.env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no\/such\/folder: no such file or folder/);
    const unknown = await ingestCli(['--frobnicate', seedDir], process.env);
    expect(unknown.code).toBe(2);
  });

  it('an invalid article with exit code 1, naming the path and the problem, and ingests the rest', async () => {
    const { mkdtemp, writeFile, copyFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'kg-cli-bad-'));
    const bad = fixture(FIXTURES.northgate);
    bad.annotations.statements[0].speaker = null;
    await writeFile(join(dir, 'annotations.json'), JSON.stringify(bad.annotations));
    await copyFile(join(fixtureDir(FIXTURES.northgate), 'article.txt'), join(dir, 'article.txt'));
    const run = await ingestCli([dir, fixtureDir(FIXTURES.caspianRecap)], childProcessEnv(empty.env));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /\[1\/2\] kg-cli-bad-\w+: rejected: the annotation of article .* has 1 problem; nothing was written/,
    );
    expect(run.stdout).toMatch(/\$\.statements\[0\]\.speaker: speaker must be/);
    expect(run.stdout).toMatch(/\[2\/2\] .*: unchanged/);
    expect(run.stdout).toMatch(/1 rejected/);
  });

  it.runIf(storageKind === 'pglite')('to open an embedded database another process holds', async () => {
    // This test process holds its own database open (src/db.ts): a second process must not.
    await prisma.$queryRaw`SELECT 1`;
    const run = await ingestCli(
      twoFixtures,
      childProcessEnv({ DATABASE_URL: undefined, DATA_DIR: process.env.DATA_DIR as string }),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`error: the embedded database in .* is in use by process ${process.pid}`));
    expect(run.stderr).toMatch(/--api http:\/\/localhost:4000\/graphql/);
  });
});

describe('the CLI through a running service (--api)', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer(yoga);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('ingests with the key from KG_API_KEY, and says so when the key is missing', async () => {
    const article = fixtureDir(FIXTURES.northgate);
    const refused = await ingestCli(['--api', url, article], { ...process.env, KG_API_KEY: '' });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/rejected: Mutation.ingestArticle needs an API key with scope ingest/);
    expect(await prisma.article.count({ where: { key: FIXTURES.northgate } })).toBe(0);

    const run = await ingestCli(['--api', url, article], { ...process.env, KG_API_KEY: TEST_KEYS.ingest });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/\[1\/1\] .*: created: \d+ statements/);
    const stored = await prisma.article.findUniqueOrThrow({ where: { key: FIXTURES.northgate } });
    expect(stored.ingestedBy).toBe('test-ingest');
  });
});
