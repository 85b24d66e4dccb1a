/**
 * Live-update tests against real processes: the service (src/server.ts) as a child process,
 * subscribers over Server-Sent Events read with Node's fetch, and private redis-server
 * processes. Nothing here imports src/ (the child processes do).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { TEST_KEYS } from './api-keys.js';
import { projectRoot } from './shared.js';

// biome-ignore lint/suspicious/noExplicitAny: GraphQL payloads are checked field by field
export type Payload = any;

export interface Service {
  url: string;
  base: string;
  pid: number;
  stdout: () => string;
  stderr: () => string;
  /** A full garbage collection in the service (started with collectGarbageOnSignal). */
  collectGarbage: () => Promise<void>;
  /** SIGTERM, then the exit code. */
  stop: () => Promise<number | null>;
}

/** Waits for `predicate`, polling every 50 ms; throws `what` (with `detail()`) after `ms`. */
export async function waitUntil<T>(
  predicate: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  ms = 30_000,
  detail: () => string = () => '',
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await predicate();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms${detail()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Loaded into the service for memory measurements: SIGUSR2 runs a full collection, so that
 * resident memory is compared between like states, not between two points of V8's lazy
 * collection (which lets the heap grow by tens of MB before it collects).
 */
const GC_ON_SIGNAL = `data:text/javascript,process.on('SIGUSR2',()=>{globalThis.gc();process.stderr.write('gc done\\n')})`;

/**
 * Starts `src/server.ts` on a free port with this worker's environment (the file's database,
 * API_KEYS from vitest) and `env` on top; resolves once it listens.
 */
export async function startService(
  env: Record<string, string | undefined> = {},
  options: { collectGarbageOnSignal?: boolean } = {},
): Promise<Service> {
  let stdout = '';
  let stderr = '';
  const nodeArgs = options.collectGarbageOnSignal ? ['--expose-gc', '--import', GC_ON_SIGNAL] : [];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/server.ts'], {
    cwd: projectRoot,
    // production: yoga's SSE pings every 12 s as deployed (300 ms under NODE_ENV=test).
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', ...env },
  });
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const output = () => `\nstdout:\n${stdout}\nstderr:\n${stderr}`;
  const [, url] = await waitUntil(
    () => {
      if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}${output()}`);
      return stdout.match(/GraphQL API on (http:\S+)/);
    },
    'the service listening',
    120_000,
    output,
  );
  let collections = 0;
  return {
    url: url as string,
    base: (url as string).replace(/\/graphql$/, ''),
    pid: child.pid as number,
    collectGarbage: async () => {
      const done = ++collections;
      child.kill('SIGUSR2');
      await waitUntil(() => (stderr.match(/^gc done$/gm) ?? []).length >= done, 'a full garbage collection', 10_000);
    },
    stdout: () => stdout,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

export async function graphql(service: Service, query: string, variables?: unknown, headers = {}): Promise<Payload> {
  const response = await fetch(service.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

const INGEST = /* GraphQL */ `
  mutation($input: IngestArticleInput!) {
    ingestArticle(input: $input) { __typename ... on IngestedArticle { status } ... on Error { message } }
  }
`;

/** The ingestArticle mutation with the test key of scope `ingest`. */
export function ingest(service: Service, input: unknown): Promise<Payload> {
  return graphql(service, INGEST, { input }, { authorization: `Bearer ${TEST_KEYS.ingest}` });
}

export const liveStatus = async (service: Service): Promise<Payload> =>
  (await fetch(`${service.base}/live/status`)).json();

/** Resident memory of a process, in kB, from /proc/<pid>/status. */
export function residentKb(pid: number): number {
  const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]);
}

export interface SseEvent {
  event: string;
  data: Payload;
}

/** A subscriber reading `text/event-stream` from the service with fetch. */
export interface Subscriber {
  /** Every `next` payload received so far, in order. */
  received: Payload[];
  /** Set once the stream ended: its `complete` event was read, or the connection closed. */
  ended: () => boolean;
  /** Resolves when `received` holds `count` payloads. */
  waitFor: (count: number, ms?: number) => Promise<Payload[]>;
  close: () => void;
}

/**
 * Opens a subscription over SSE and resolves once the service has sent the first bytes of the
 * stream (its ping): from then on the service delivers every event committed.
 */
export async function subscribe(service: Service, query: string, variables?: unknown): Promise<Subscriber> {
  const abort = new AbortController();
  const response = await fetch(service.url, {
    method: 'POST',
    signal: abort.signal,
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query, variables }),
  });
  if (!response.ok || !response.headers.get('content-type')?.startsWith('text/event-stream')) {
    throw new Error(`subscription refused: HTTP ${response.status} ${await response.text()}`);
  }
  const received: Payload[] = [];
  let ended = false;
  let started: () => void = () => {};
  const firstBytes = new Promise<void>((resolve) => {
    started = resolve;
  });
  const reader = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      const body = (response.body as ReadableStream<Uint8Array>).getReader();
      for (let chunk = await body.read(); !chunk.done; chunk = await body.read()) {
        started();
        buffer += decoder.decode(chunk.value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const message = parseEvent(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (message?.event === 'next') received.push(message.data);
          if (message?.event === 'complete') ended = true;
          end = buffer.indexOf('\n\n');
        }
      }
    } catch (error) {
      if ((error as Error).name !== 'AbortError') throw error;
    } finally {
      ended = true;
      started();
    }
  })();
  reader.catch(() => {}); // a reset connection just ends the stream (`ended`)
  await firstBytes;
  return {
    received,
    ended: () => ended,
    waitFor: (count, ms = 30_000) =>
      waitUntil(
        () => (received.length >= count ? received : ended ? fail() : undefined),
        `${count} events`,
        ms,
        () => `; received ${JSON.stringify(received)}`,
      ),
    close: () => abort.abort(),
  };
  function fail(): never {
    throw new Error(`the stream ended after ${received.length} events: ${JSON.stringify(received)}`);
  }
}

/** One SSE message (`event:` and `data:` lines); null for a comment such as the ping `:`. */
export function parseEvent(block: string): SseEvent | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    if (field === 'data') data.push(value);
  }
  if (data.length === 0 && event === 'message') return null;
  const text = data.join('\n');
  return { event, data: text === '' ? null : JSON.parse(text) };
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface RedisProcess {
  port: number;
  /** SIGKILL: Redis goes away at once, as in a crash. */
  kill: () => Promise<void>;
}

/** A private redis-server on `port` (nothing saved), for tests that take Redis away. */
export async function startRedis(port: number): Promise<RedisProcess> {
  let output = '';
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await waitUntil(
    () => {
      if (child.exitCode !== null) throw new Error(`redis-server exited: ${output}`);
      return output.includes('Ready to accept connections');
    },
    `redis-server on port ${port}`,
    10_000,
  );
  return {
    port,
    kill: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

export interface CycleMeasurement {
  before: Payload;
  after: Payload;
  /** Resident kB after a full collection: after the warm-up, then every 250 cycles. */
  samples: number[];
}

/**
 * 1,000 subscribers connecting and disconnecting, ten at a time (a dashboard's worth of tabs
 * reconnecting together), alternating between `queries`; every tenth goes away before its
 * response has even started. Prints listeners and resident memory before and after.
 */
export async function connectAndDisconnect(
  service: Service,
  queries: { query: string; variables?: unknown }[],
  label: string,
): Promise<CycleMeasurement> {
  const before = await liveStatus(service);
  const cycle = async (i: number) => {
    const { query, variables } = queries[i % queries.length] as { query: string; variables?: unknown };
    if (i % 10 === 9) {
      const abort = new AbortController();
      const request = fetch(service.url, {
        method: 'POST',
        signal: abort.signal,
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ query, variables }),
      });
      abort.abort();
      await request.catch(() => {});
      return;
    }
    (await subscribe(service, query, variables)).close();
  };
  const rounds = async (count: number) => {
    for (let i = 0; i < count; i += 10) await Promise.all(Array.from({ length: 10 }, (_, j) => cycle(i + j)));
    await waitUntil(async () => (await liveStatus(service)).listeners === before.listeners, 'listeners detached');
  };
  const resident = async () => {
    await service.collectGarbage();
    return residentKb(service.pid);
  };
  await rounds(200); // warm-up: JIT, pools and caches reach their working size
  const samples = [await resident()];
  const started = performance.now();
  for (let k = 0; k < 4; k++) {
    await rounds(250);
    samples.push(await resident());
  }
  const after = await liveStatus(service);
  console.log(
    `1,000 SSE connect/disconnect cycles (${label}): ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
      `listeners ${before.listeners} → ${after.listeners}, subscribers ${before.subscribers} → ${after.subscribers}; ` +
      `RSS MB after warm-up and every 250 cycles: ${samples.map((kb) => (kb / 1024).toFixed(1)).join(', ')}`,
  );
  return { before, after, samples };
}
