/**
 * Ingestion under stress: 50 articles at once through the mutation (nothing lost, no entity
 * made twice), the database going away in the middle of one (nothing half-written, a clear
 * error, the service ingests again without a restart), and a 1 MB article with 10,000 mentions.
 */
import { describe, expect, it, vi } from 'vitest';
import { poolStats, prisma, storageKind } from '../src/db.js';
import { bearer } from './support/api-keys.js';
import { syntheticArticle } from './support/fixtures.js';
import { post } from './support/graphql.js';
import { withAdminClient } from './support/postgres-admin.js';

// Child processes and dozens of ingestions: minutes, not seconds, on a loaded 2-core machine.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

const INGEST = /* GraphQL */ `
  mutation($input: IngestArticleInput!) {
    ingestArticle(input: $input) { __typename ... on Error { message } ... on IngestedArticle { status facts { mentions } } }
  }
`;

// biome-ignore lint/suspicious/noExplicitAny: GraphQL results are checked field by field
type Result = any;

const ingest = (input: unknown) => post<Result>(INGEST, { input }, bearer('ingest'));

describe('50 articles ingested at once', () => {
  it('are all written, and the entities they share exist once', async () => {
    const started = performance.now();
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => ingest(syntheticArticle(1000 + i))));
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `50 concurrent ingestions (${storageKind}): ${seconds.toFixed(1)} s, ${(50 / seconds).toFixed(1)} articles/s`,
    );
    expect(responses.map((r) => r.body.errors)).toEqual(responses.map(() => undefined));
    expect(responses.map((r) => r.body.data.ingestArticle.status)).toEqual(responses.map(() => 'CREATED'));
    expect(await prisma.article.count({ where: { key: { startsWith: 'synthetic-load-10' } } })).toBe(50);
    expect(await prisma.person.count({ where: { name: 'Orla Venn' } })).toBe(1);
    expect(await prisma.organization.count({ where: { name: 'Venn Institute' } })).toBe(1);
    expect(await prisma.organization.count({ where: { name: 'Synthetic Wire' } })).toBe(1);
    expect(await prisma.person.count({ where: { name: { startsWith: 'Tamsin Quill 10' } } })).toBe(50);
    // Each article supports the shared nodes: provenance is complete.
    const venn = await prisma.person.findFirstOrThrow({
      where: { name: 'Orla Venn' },
      include: { _count: { select: { resolutions: true, statements: true } } },
    });
    expect(venn._count).toEqual({ resolutions: 50, statements: 50 });
    expect(venn.statementCount).toBe(50);
  });
});

describe('an article of 1 MB with 10,000 mentions', () => {
  it('is ingested within the limits, in one transaction', async () => {
    const article = syntheticArticle(1200, { extraMentions: 10_000, padding: 800_000 });
    expect(article.text.length).toBeGreaterThan(1_000_000);
    const started = performance.now();
    const { body } = await ingest(article);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `1 MB article, ${body.data?.ingestArticle?.facts?.mentions} mentions (${storageKind}): ${seconds.toFixed(1)} s`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.ingestArticle).toMatchObject({ status: 'CREATED', facts: { mentions: 10_000 + 6 } });
    expect(await prisma.mention.count({ where: { article: { key: 'synthetic-load-1200' } } })).toBe(10_006);
  }, 240_000);
});

describe.runIf(storageKind === 'postgres')('the database going away during an ingestion', () => {
  const key = 'synthetic-load-1300';
  const database = () => new URL(process.env.DATABASE_URL as string).pathname.slice(1);

  it('leaves nothing half-written, answers SERVICE_UNAVAILABLE, and the service ingests again without a restart', async () => {
    // Hold the ingestion's transaction open at its last writes, so its connection can be cut
    // while it is certainly inside the transaction.
    await prisma.$executeRawUnsafe(`CREATE FUNCTION kg_test_hold() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."articleId" = (SELECT id FROM "Article" WHERE key = '${key}') THEN PERFORM pg_sleep(30); END IF;
        RETURN NEW;
      END $$`);
    await prisma.$executeRawUnsafe(
      'CREATE TRIGGER kg_test_hold BEFORE INSERT ON "Resolution" FOR EACH ROW EXECUTE FUNCTION kg_test_hold()',
    );
    const adminUrl = new URL(process.env.DATABASE_URL as string);
    adminUrl.pathname = '/postgres';
    const pending = ingest(syntheticArticle(1300));
    await withAdminClient(adminUrl.toString(), async (admin) => {
      for (let i = 0; i < 200; i++) {
        const { rows } = await admin.query(
          `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND query LIKE '%Resolution%' AND wait_event = 'PgSleep'`,
          [database()],
        );
        if (rows.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const { rows } = await admin.query(
        'SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [database()],
      );
      expect(rows.length).toBeGreaterThan(0);
    });
    const { status, body } = await pending;
    expect(body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(body.errors?.[0]?.message).toBe('the database is unavailable; nothing was written; try again shortly');
    expect(status).toBe(503);
    expect(JSON.stringify(body)).not.toMatch(/pg_|terminat|administrator|Prisma|127\.0\.0\.1/);

    // The pool reconnects by itself: nothing of the article was kept, and it goes in now.
    await prisma.$executeRawUnsafe('DROP TRIGGER kg_test_hold ON "Resolution"');
    await prisma.$executeRawUnsafe('DROP FUNCTION kg_test_hold()');
    expect(await prisma.article.count({ where: { key } })).toBe(0);
    expect(await prisma.person.count({ where: { name: 'Tamsin Quill 1300' } })).toBe(0);
    const again = await ingest(syntheticArticle(1300));
    expect(again.body.data.ingestArticle.status).toBe('CREATED');
    // And no connection was left checked out by the failed transaction.
    console.log('pool after the outage', poolStats());
    expect(poolStats()?.total).toBe(poolStats()?.idle);
  }, 240_000);
});
