/**
 * The service under test: src/server.ts in a child process, as deployed (NODE_ENV=production),
 * on this test file's own database (DATA_DIR, set by the per-file setup), on a free port.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { projectRoot } from '../support/shared.js';

export interface Service {
  /** e.g. http://127.0.0.1:39123 */
  origin: string;
  /** POSTs a query to the service's /graphql; throws on GraphQL errors. */
  graphql: <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;
  stop: () => Promise<void>;
}

export async function startService(): Promise<Service> {
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the service did not start in 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk;
      const match = output.match(/GraphQL API on (http:\/\/[^/\s]+)\/graphql/);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`the service exited with ${code}:\n${output}`)));
  });
  return {
    origin,
    graphql: async <T>(query: string, variables: Record<string, unknown> = {}) => {
      const response = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const answer = (await response.json()) as { data?: T; errors?: unknown[] };
      if (answer.errors || !answer.data) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors)}`);
      return answer.data;
    },
    // The per-file teardown opens this database after the file: the service must be gone by then.
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
