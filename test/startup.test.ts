/**
 * The service as a user starts it: `npm start`'s entry point in a child process on this
 * file's database (migrations, seed, listen), GraphiQL, the health endpoints, a clean
 * shutdown; and one clear line with a non-zero exit for a bad or unreachable database.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url);

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function run(entry: string, env: Record<string, string | undefined>): Run {
  let stdout = '';
  let stderr = '';
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', ...env },
  });
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

// Generous: under a full parallel test run on 2 cores a PGlite start can take half a minute.
async function waitFor(predicate: () => RegExpMatchArray | null, what: string, run: Run, ms = 100_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const match = predicate();
    if (match) return match;
    if (run.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not happen; stdout:\n${run.stdout()}\nstderr:\n${run.stderr()}`);
}

describe('npm start', () => {
  it('migrates, seeds, serves GraphQL, GraphiQL and health checks, and stops cleanly', async () => {
    const server = run('src/cli/start.ts', {});
    try {
      const [, url] = await waitFor(() => server.stdout().match(/GraphQL API on (http:\S+)/), 'listening', server);
      await waitFor(() => server.stdout().match(/ready/), 'ready', server);
      expect(server.stdout()).toMatch(/migrations applied/);
      expect(server.stdout()).toMatch(/article tass-2022-01-10-kazakh-crisis-uzbekistan: unchanged/);
      const endpoint = (url as string).replace('localhost', '127.0.0.1');

      const answer = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ country(code: "UZ") { name statementsAbout(first: 5) { totalCount } } }' }),
      });
      expect(await answer.json()).toEqual({
        data: { country: { name: 'Uzbekistan', statementsAbout: { totalCount: 2 } } },
      });

      const graphiql = await fetch(endpoint, { headers: { accept: 'text/html' } });
      const page = await graphiql.text();
      expect(graphiql.headers.get('content-type')).toMatch(/text\/html/);
      expect(page).toContain('Who said what about Uzbekistan');
      expect(page).toContain('WhoSaidWhatAbout');

      const base = endpoint.replace(/\/graphql$/, '');
      expect((await fetch(`${base}/health`)).status).toBe(200);
      expect((await fetch(`${base}/ready`)).status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
  }, 120_000);
});

// Storage-independent: run once, in the postgres project.
describe.runIf(process.env.TEST_STORAGE === 'postgres')('bad database settings', () => {
  it('an unreachable database: one clear line, exit code 1', async () => {
    const server = run('src/server.ts', { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' });
    expect(await server.exited).toBe(1);
    const lines = server.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: cannot reach the postgres database at 127\.0\.0\.1:1/);
    expect(server.stdout()).toBe('');
  });

  it('a malformed DATABASE_URL: one clear line, exit code 2', async () => {
    const server = run('src/server.ts', { DATABASE_URL: 'mysql://localhost/kg' });
    expect(await server.exited).toBe(2);
    expect(server.stderr().trim()).toBe(
      'error: invalid configuration: DATABASE_URL: DATABASE_URL must look like postgres://user@host:5432/database',
    );
  });
});
