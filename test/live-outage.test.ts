/**
 * Redis going away and coming back, with a private redis-server (the machine's own Redis is
 * shared with other sessions and stays untouched). Subscriptions fail clearly while Redis is
 * unreachable (docs/live-updates.md): open streams end with SERVICE_UNAVAILABLE and new ones
 * are refused, while queries and ingestion go on; once Redis is back, subscriptions work
 * again. The service never crashes and logs one line per change of state.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticArticle } from './support/fixtures.js';
import {
  freePort,
  graphql,
  ingest,
  liveStatus,
  type Payload,
  type RedisProcess,
  type Service,
  startRedis,
  startService,
  subscribe,
  waitUntil,
} from './support/live.js';

const ARTICLES = /* GraphQL */ `subscription { articleIngested { status article { title } } }`;
const STATEMENTS = /* GraphQL */ `
  subscription { statementAdded(where: { about: { some: { code: "KZ" } } }) { text evidence { article { title } } } }
`;
const titleOf = (n: number) => `Synthetic wire ${n} reports on the Venn Institute`;
const liveLines = (service: Service) => service.stdout().match(/^live updates: .*$/gm) ?? [];

describe.runIf(process.env.TEST_STORAGE === 'postgres')('Redis going away', () => {
  let service: Service | undefined;
  let redis: RedisProcess | undefined;

  afterAll(async () => {
    await redis?.kill();
    if (service) expect(await service.stop()).toBe(0);
  });

  it('ends and refuses subscriptions clearly, keeps serving, and resumes when Redis returns', async () => {
    const port = await freePort();
    const address = `127.0.0.1:${port}`;
    service = await startService({
      REDIS_URL: `redis://${address}`,
      REDIS_CHANNEL_PREFIX: `kg-test:${randomBytes(6).toString('hex')}:`,
    });
    const running = service;
    const refusal = async () => {
      const refused = await subscribe(running, ARTICLES);
      const [payload] = await refused.waitFor(1);
      await waitUntil(() => refused.ended(), 'the refused stream ending');
      return payload.errors;
    };
    const answersQueries = async () =>
      expect(await graphql(running, '{ country(code: "KZ") { name } }')).toEqual({
        data: { country: { name: 'Kazakhstan' } },
      });

    // 1. Redis not there yet: the service starts and serves; subscriptions are refused.
    await waitUntil(() => liveLines(running).length === 1, 'the first live-updates line');
    expect(liveLines(running)).toEqual([
      `live updates: cannot reach Redis at ${address} (ECONNREFUSED); subscriptions refused until it answers`,
    ]);
    await answersQueries();
    expect(await refusal()).toEqual([
      expect.objectContaining({
        message: 'live updates are unavailable: the service has not reached its event bus yet; try again shortly',
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      }),
    ]);
    expect((await ingest(running, syntheticArticle(31))).data.ingestArticle.status).toBe('CREATED');

    // 2. Redis starts: ioredis connects by itself, and delivery works.
    redis = await startRedis(port);
    await waitUntil(async () => (await liveStatus(running)).state === 'up', 'connected to Redis');
    const articles = await subscribe(running, ARTICLES);
    const statements = await subscribe(running, STATEMENTS);
    expect((await ingest(running, syntheticArticle(32))).data.ingestArticle.status).toBe('CREATED');
    expect((await articles.waitFor(1))[0].data.articleIngested).toEqual({
      status: 'CREATED',
      article: { title: titleOf(32) },
    });
    expect((await statements.waitFor(1))[0].data.statementAdded.evidence.article.title).toBe(titleOf(32));

    // 3. Redis is killed: open streams end with a clear error, new ones are refused, the
    // rest of the service is unaffected (an ingestion commits; it cannot be announced).
    await redis.kill();
    for (const open of [articles, statements]) {
      const [, failure] = await open.waitFor(2);
      expect(failure).toEqual({
        errors: [
          expect.objectContaining({
            message: 'live updates are interrupted: the service lost its event bus; subscribe again shortly',
            extensions: { code: 'SERVICE_UNAVAILABLE' },
          }),
        ],
      });
      await waitUntil(() => open.ended(), 'the interrupted stream ending');
    }
    expect(await liveStatus(running)).toMatchObject({ state: 'down', subscribers: 0, listeners: 0 });
    expect((await refusal())[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    await answersQueries();
    expect((await ingest(running, syntheticArticle(33))).data.ingestArticle.status).toBe('CREATED');
    // ioredis keeps trying (every 2 s at most) and reports each failure: none is logged.
    await new Promise((r) => setTimeout(r, 5_000));
    expect(liveLines(running)).toHaveLength(3);

    // 4. Redis is back on the same port: subscriptions are accepted and delivered again.
    redis = await startRedis(port);
    await waitUntil(async () => (await liveStatus(running)).state === 'up', 'reconnected to Redis');
    const resumed = await subscribe(running, ARTICLES);
    expect((await ingest(running, syntheticArticle(34))).data.ingestArticle.status).toBe('CREATED');
    const [event] = await resumed.waitFor(1);
    expect(event.data.articleIngested.article.title).toBe(titleOf(34));
    expect(resumed.received).toHaveLength(1);
    resumed.close();

    expect(liveLines(running)).toEqual([
      `live updates: cannot reach Redis at ${address} (ECONNREFUSED); subscriptions refused until it answers`,
      expect.stringMatching(
        new RegExp(`^live updates: through Redis at ${address} \\(channel kg-test:\\w+:article-committed\\)$`),
      ),
      `live updates: lost Redis at ${address} (connection closed); open subscriptions ended, new ones refused until it returns`,
      `live updates: Redis at ${address} is back; subscriptions accepted again (1 announcement could not be sent meanwhile)`,
    ]);
    const status: Payload = await liveStatus(running);
    // Articles 31 (before the first connection) and 33 (during the outage) were not sent.
    expect(status).toMatchObject({ state: 'up', published: 2, unsent: 2 });
    expect(running.stderr()).not.toMatch(/ioredis|unhandled|uncaught/i);
    expect(await running.stop()).toBe(0);
    service = undefined;
  }, 180_000);
});

describe.runIf(process.env.TEST_STORAGE === 'postgres')('Redis settings', () => {
  it('accepts redis:// and rediss:// URLs and refuses anything else with one clear message', async () => {
    const { parseConfig } = await import('../src/config.js');
    expect(parseConfig({ REDIS_URL: 'redis://:secret@10.0.0.5:6380/2' }).REDIS_URL).toBe(
      'redis://:secret@10.0.0.5:6380/2',
    );
    expect(parseConfig({ REDIS_URL: ' rediss://cache.internal ' }).REDIS_URL).toBe('rediss://cache.internal');
    expect(parseConfig({ REDIS_URL: '' })).toMatchObject({ REDIS_URL: undefined, REDIS_CHANNEL_PREFIX: 'kg:live:' });
    expect(() => parseConfig({ REDIS_URL: 'http://10.0.0.5:6379' })).toThrow(
      'invalid configuration: REDIS_URL: REDIS_URL must look like redis://[:password@]host:6379[/db] (or rediss:// for TLS)',
    );
    expect(() => parseConfig({ REDIS_CHANNEL_PREFIX: 'has spaces' })).toThrow(
      'invalid configuration: REDIS_CHANNEL_PREFIX: letters, digits and _ . : - only, at most 100 of them',
    );
  });
});
