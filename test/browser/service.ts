/**
 * The service under test: src/server.ts in a child process, as deployed (NODE_ENV=production),
 * on a copy of the run's seeded PGlite template, on a free port. One service for the whole
 * browser run (service-setup.ts): the browser tests only read.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { inject } from 'vitest';
import { projectRoot } from '../support/shared.js';

declare module 'vitest' {
  export interface ProvidedContext {
    kgService: string;
  }
}

export interface RunningService {
  /** e.g. http://127.0.0.1:39123 */
  origin: string;
  stop: () => Promise<void>;
}

export async function startService(dataDir: string): Promise<RunningService> {
  let output = '';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
  };
  delete env.DATABASE_URL; // PGlite
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: projectRoot,
    env,
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
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface Service {
  origin: string;
  /** POSTs a query to the service's /graphql, as any client would; throws on GraphQL errors. */
  graphql: <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;
}

/** The run's service, in a test file. */
export function serviceUnderTest(): Service {
  const origin = inject('kgService');
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
  };
}
