/**
 * Live updates through Redis with two real instances of the service on one PostgreSQL
 * database (this file's), as behind a load balancer: an ingestion through either instance is
 * delivered by both, once per subscriber, filtered on the server; a rolled-back ingestion
 * announces nothing; stray messages on the channel are ignored; the database going away during
 * a delivery ends that stream clearly; 1,000 subscribers coming and
 * going leave no listener, no Redis subscription and no memory behind. The machine's Redis
 * (127.0.0.1:6379) is shared, so every run uses a channel prefix of its own.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPrismaClient } from './support/databases.js';
import { syntheticArticle } from './support/fixtures.js';
import {
  connectAndDisconnect,
  ingest,
  liveStatus,
  type Payload,
  type Service,
  type Subscriber,
  startService,
  subscribe,
  waitUntil,
} from './support/live.js';
import { withAdminClient } from './support/postgres-admin.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const PREFIX = `kg-test:${randomBytes(6).toString('hex')}:`;
const CHANNEL = `${PREFIX}article-committed`;
const ROLLED_BACK = 'synthetic-load-22';

const STATEMENTS = /* GraphQL */ `
  subscription($where: StatementFilter) {
    statementAdded(where: $where) { id text about { code } evidence { text article { title } } }
  }
`;
const ARTICLES = /* GraphQL */ `subscription { articleIngested { status article { title } addedStatements { id } } }`;
const titleOf = (n: number) => `Synthetic wire ${n} reports on the Venn Institute`;

describe.runIf(process.env.TEST_STORAGE === 'postgres')('live updates through Redis, two instances', () => {
  let redis: Redis;
  let a: Service;
  let b: Service;
  const numsub = async () => Number(((await redis.pubsub('NUMSUB', CHANNEL)) as [string, number])[1]);

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    redis.on('error', () => {}); // a refused connection fails connect() below, with its reason
    await redis.connect().catch((error: Error) => {
      throw new Error(`these tests need Redis at ${REDIS_URL}: ${error.message}`);
    });
    const db = await openPrismaClient({
      DATABASE_URL: process.env.DATABASE_URL,
      DATA_DIR: process.env.DATA_DIR as string,
    });
    try {
      await db.prisma.$executeRawUnsafe(`CREATE FUNCTION kg_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW."articleId" = (SELECT id FROM "Article" WHERE key = '${ROLLED_BACK}') THEN
            RAISE EXCEPTION 'refused by the live-updates rollback test';
          END IF;
          RETURN NEW;
        END $$`);
      await db.prisma.$executeRawUnsafe(
        'CREATE TRIGGER kg_test_refuse BEFORE INSERT ON "Resolution" FOR EACH ROW EXECUTE FUNCTION kg_test_refuse()',
      );
    } finally {
      await db.close();
    }
    const env = { REDIS_URL, REDIS_CHANNEL_PREFIX: PREFIX };
    [a, b] = await Promise.all([
      startService(env, { collectGarbageOnSignal: true }),
      startService(env, { collectGarbageOnSignal: true }),
    ]);
    for (const service of [a, b]) {
      await waitUntil(async () => (await liveStatus(service)).state === 'up', 'connected to Redis', 30_000);
    }
  }, 180_000);

  afterAll(async () => {
    const codes = await Promise.all([a?.stop(), b?.stop()]);
    redis?.disconnect();
    expect(codes).toEqual([0, 0]);
    // The rolled-back ingestion is logged (masked for its client); nothing from Redis is.
    for (const service of [a, b]) expect(service.stderr()).not.toMatch(/ioredis|unhandled|uncaught/i);
  });

  it('delivers an ingestion through either instance on both, once per subscriber, filtered', async () => {
    expect(await liveStatus(a)).toMatchObject({ transport: 'redis', state: 'up', channel: CHANNEL, listeners: 0 });
    const open = (service: Service) =>
      Promise.all([
        subscribe(service, STATEMENTS, { where: { about: { some: { code: 'KZ' } } } }),
        // Another country; the last article (24) is let through by title to show that every
        // earlier event reached this subscriber and was filtered out.
        subscribe(service, STATEMENTS, {
          where: { OR: [{ about: { some: { code: 'FR' } } }, { article: { title: { equals: titleOf(24) } } }] },
        }),
        subscribe(service, ARTICLES),
      ]);
    const [onA, onB] = await Promise.all([open(a), open(b)]);
    // One Redis subscription per instance, however many subscribers it serves.
    expect(await numsub()).toBe(2);

    expect((await ingest(a, syntheticArticle(21))).data.ingestArticle.status).toBe('CREATED');
    expect((await ingest(a, syntheticArticle(22))).errors?.[0]?.message).toBe('Unexpected error.'); // rolled back
    expect((await ingest(b, syntheticArticle(23))).data.ingestArticle.status).toBe('CREATED');
    expect((await ingest(a, syntheticArticle(24))).data.ingestArticle.status).toBe('CREATED');

    for (const [kz, france, articles] of [onA, onB] as Subscriber[][]) {
      const events = (await (articles as Subscriber).waitFor(3)).map((p: Payload) => p.data.articleIngested);
      expect(events.map((e: Payload) => [e.status, e.article.title])).toEqual([
        ['CREATED', titleOf(21)],
        ['CREATED', titleOf(23)],
        ['CREATED', titleOf(24)],
      ]);
      const statements = (await (kz as Subscriber).waitFor(3)).map((p: Payload) => p.data.statementAdded);
      expect(statements.map((s: Payload) => [s.text, s.about, s.evidence.article.title])).toEqual(
        [21, 23, 24].map((n) => ['Kazakhstan would host the talks', [{ code: 'KZ' }], titleOf(n)]),
      );
      // The ids announced are the ids delivered: each instance loaded the same committed rows.
      expect(statements.map((s: Payload) => s.id)).toEqual(events.map((e: Payload) => e.addedStatements[0].id));
      const other = (await (france as Subscriber).waitFor(2)).map((p: Payload) => p.data.statementAdded);
      expect(other.map((s: Payload) => s.evidence.article.title)).toEqual([titleOf(24), titleOf(24)]);
    }
    // Exactly once: nothing more arrived on either instance.
    expect([...onA, ...onB].map((s) => s.received.length)).toEqual([3, 2, 3, 3, 2, 3]);
    for (const subscriber of [...onA, ...onB]) subscriber.close();
    for (const service of [a, b]) {
      await waitUntil(async () => (await liveStatus(service)).listeners === 0, 'listeners detached');
    }
    await waitUntil(async () => (await numsub()) === 0, 'Redis subscriptions released');
  });

  it('ignores messages on its channel that are not announcements', async () => {
    const articles = await subscribe(b, ARTICLES);
    for (const stray of ['not json', '{"articleId":"one"}', '', JSON.stringify({ articleId: 1 })]) {
      await redis.publish(CHANNEL, stray);
    }
    expect((await ingest(a, syntheticArticle(25))).data.ingestArticle.status).toBe('CREATED');
    const [only] = await articles.waitFor(1);
    expect(only.data.articleIngested.article.title).toBe(titleOf(25));
    expect(articles.received).toHaveLength(1);
    articles.close();
    expect((await fetch(`${a.base}/health`)).status).toBe(200);
  });

  it('ends a stream with SERVICE_UNAVAILABLE when the database goes away as an event is delivered', async () => {
    const kz = await subscribe(b, STATEMENTS, { where: { about: { some: { code: 'KZ' } } } });
    await withAdminClient(process.env.DATABASE_URL as string, async (db) => {
      const { rows } = await db.query(
        `SELECT s.id, s."articleId" FROM "Statement" s JOIN "Article" a ON a.id = s."articleId"
         WHERE a.key = 'synthetic-load-21' ORDER BY s.id`,
      );
      // The table locked, the delivery's query waits on the lock; its connection is then cut.
      await db.query('BEGIN');
      await db.query('LOCK TABLE "Statement" IN ACCESS EXCLUSIVE MODE');
      try {
        // Article 21's announcement once more (the service loads only ids from Redis).
        const announcement = {
          articleId: rows[0].articleId,
          articleKey: 'synthetic-load-21',
          status: 'CREATED',
          counts: { statements: 2, events: 0, eventRelations: 0, roles: 0, mentions: 6 },
          statementIds: rows.map((row) => row.id),
        };
        await redis.publish(CHANNEL, JSON.stringify(announcement));
        const waiting = await waitUntil(async () => {
          const found = await db.query(
            `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          return found.rows.length > 0 ? found.rows : undefined;
        }, "the delivery's query waiting on the lock");
        for (const { pid } of waiting) await db.query('SELECT pg_terminate_backend($1)', [pid]);
        const [payload] = await kz.waitFor(1);
        expect(payload).toEqual({
          errors: [
            expect.objectContaining({
              message: 'live updates are interrupted: the database is unavailable; subscribe again shortly',
              extensions: { code: 'SERVICE_UNAVAILABLE' },
            }),
          ],
        });
        await waitUntil(() => kz.ended(), 'the stream ending');
      } finally {
        await db.query('ROLLBACK');
      }
    });
    // The pool reconnects: the next subscriber gets the next ingestion.
    const next = await subscribe(b, STATEMENTS, { where: { about: { some: { code: 'KZ' } } } });
    expect((await ingest(a, syntheticArticle(26))).data.ingestArticle.status).toBe('CREATED');
    expect((await next.waitFor(1))[0].data.statementAdded.evidence.article.title).toBe(titleOf(26));
    next.close();
  });

  it('1,000 subscribers connecting and disconnecting leave no listener, no Redis subscription, no memory', async () => {
    const queries = [
      { query: STATEMENTS, variables: { where: { about: { some: { code: 'KZ' } } } } },
      { query: ARTICLES },
    ];
    const { before, after, samples } = await connectAndDisconnect(a, queries, 'through Redis');
    expect(after).toMatchObject({ listeners: before.listeners, subscribers: before.subscribers });
    await waitUntil(async () => (await numsub()) === 0, 'Redis subscriptions released');
    expect((samples.at(-1) as number) - (samples[0] as number)).toBeLessThan(20 * 1024);
  }, 300_000);
});
