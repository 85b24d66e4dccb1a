/**
 * Live updates in process (no REDIS_URL), on both storages: the service as a child process on
 * this file's database, subscribers over SSE read with fetch. Each committed statement and
 * article is delivered once, with the subscriber's filter applied on the server; a rolled-back
 * ingestion announces nothing; 1,000 subscribers coming and going leave no listener and no
 * memory behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer } from './support/api-keys.js';
import { openPrismaClient } from './support/databases.js';
import { syntheticArticle } from './support/fixtures.js';
import {
  connectAndDisconnect,
  graphql,
  ingest,
  liveStatus,
  type Payload,
  type Service,
  startService,
  subscribe,
  waitUntil,
} from './support/live.js';

const STATEMENTS = /* GraphQL */ `
  subscription($where: StatementFilter) {
    statementAdded(where: $where) {
      id kind text
      speaker { ... on Person { name } }
      about { code }
      evidence { start end text article { title } }
    }
  }
`;
const ARTICLES = /* GraphQL */ `
  subscription {
    articleIngested { status article { title } facts { statements mentions } addedStatements { text } }
  }
`;

const ROLLED_BACK = 'synthetic-load-2';
const titleOf = (n: number) => `Synthetic wire ${n} reports on the Venn Institute`;

let service: Service;

beforeAll(async () => {
  // The database refuses the last insert of one article's transaction (its Resolution rows):
  // everything else of it has been written by then, and is rolled back.
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
    // Closed before the service opens the database: PGlite allows one process per folder.
    await db.close();
  }
  service = await startService({}, { collectGarbageOnSignal: true });
}, 120_000);

afterAll(async () => {
  expect(await service?.stop()).toBe(0);
});

describe('live updates in process', () => {
  it('delivers each committed statement and article once, filtered on the server; nothing of a rollback', async () => {
    const status = await liveStatus(service);
    expect(status).toMatchObject({ transport: 'in-process', state: 'up', subscribers: 0, listeners: 0 });

    const aboutKazakhstan = await subscribe(service, STATEMENTS, { where: { about: { some: { code: 'KZ' } } } });
    const quotes = await subscribe(service, STATEMENTS, { where: { kind: 'QUOTE' } });
    // Another country: none of these articles is about France. The last article (5) is let
    // through by title, so that its arrival proves every earlier event was considered.
    const aboutFrance = await subscribe(service, STATEMENTS, {
      where: { OR: [{ about: { some: { code: 'FR' } } }, { article: { title: { equals: titleOf(5) } } }] },
    });
    const articles = await subscribe(service, ARTICLES);
    expect(await liveStatus(service)).toMatchObject({ subscribers: 4, listeners: 4 });

    const created = (await ingest(service, syntheticArticle(1))).data.ingestArticle;
    expect(created).toEqual({ __typename: 'IngestedArticle', status: 'CREATED' });
    const refused = await ingest(service, syntheticArticle(2));
    expect(refused.errors?.[0]?.message).toBe('Unexpected error.'); // the trigger's exception, masked
    expect((await ingest(service, syntheticArticle(3))).data.ingestArticle.status).toBe('CREATED');
    expect((await ingest(service, syntheticArticle(1))).data.ingestArticle.status).toBe('UNCHANGED');
    // Rewritten with the same statements: announced as REPLACED, with no statement added.
    const rewritten = await ingest(service, { ...syntheticArticle(3), force: true });
    expect(rewritten.data.ingestArticle.status).toBe('REPLACED');
    expect((await ingest(service, syntheticArticle(4))).data.ingestArticle.status).toBe('CREATED');
    expect((await ingest(service, syntheticArticle(5))).data.ingestArticle.status).toBe('CREATED');

    // Events reach each subscriber in commit order, so article 5's arrival means everything
    // before it has been delivered or filtered out.
    const articleEvents = (await articles.waitFor(5)).map((p: Payload) => p.data.articleIngested);
    expect(articleEvents.map((e: Payload) => [e.status, e.article.title])).toEqual([
      ['CREATED', titleOf(1)],
      ['CREATED', titleOf(3)],
      ['REPLACED', titleOf(3)],
      ['CREATED', titleOf(4)],
      ['CREATED', titleOf(5)],
    ]);
    expect(articleEvents[0]).toEqual({
      status: 'CREATED',
      article: { title: titleOf(1) },
      facts: { statements: 2, mentions: 6 },
      addedStatements: [{ text: 'Kazakhstan would host the talks' }, { text: 'We expect the talks to go on,' }],
    });
    expect(articleEvents[2].addedStatements).toEqual([]);

    const kz = (await aboutKazakhstan.waitFor(4)).map((p: Payload) => p.data.statementAdded);
    expect(kz.map((s: Payload) => s.evidence.article.title)).toEqual([titleOf(1), titleOf(3), titleOf(4), titleOf(5)]);
    // The node itself, with its evidence, as a query would select it.
    expect(kz[0]).toMatchObject({
      kind: 'PARAPHRASE',
      text: 'Kazakhstan would host the talks',
      speaker: { name: 'Orla Venn' },
      about: [{ code: 'KZ' }],
      evidence: { text: 'Kazakhstan would host the talks' },
    });
    expect(new Set(kz.map((s: Payload) => s.id)).size).toBe(4);

    const quoted = (await quotes.waitFor(4)).map((p: Payload) => p.data.statementAdded);
    expect(quoted.map((s: Payload) => [s.kind, s.speaker.name])).toEqual(
      [1, 3, 4, 5].map((n) => ['QUOTE', `Tamsin Quill ${n}`]),
    );

    const france = (await aboutFrance.waitFor(2)).map((p: Payload) => p.data.statementAdded);
    expect(france.map((s: Payload) => s.evidence.article.title)).toEqual([titleOf(5), titleOf(5)]);

    // Nothing more arrived meanwhile: exactly once each.
    expect(articles.received).toHaveLength(5);
    expect(aboutKazakhstan.received).toHaveLength(4);
    expect(quotes.received).toHaveLength(4);
    expect(aboutFrance.received).toHaveLength(2);
    for (const subscriber of [aboutKazakhstan, quotes, aboutFrance, articles]) subscriber.close();
    await waitUntil(async () => (await liveStatus(service)).listeners === 0, 'listeners detached');
  });

  it('delivers a curator’s correction to statementChanged, once, as the statement now is', async () => {
    const CHANGED = /* GraphQL */ `
      subscription($where: StatementFilter) { statementChanged(where: $where) { id text note about { code } } }
    `;
    const aboutUzbekistan = await subscribe(service, CHANGED, { where: { about: { some: { code: 'UZ' } } } });
    const aboutFrance = await subscribe(service, CHANGED, { where: { about: { some: { code: 'FR' } } } });
    const { data } = await graphql(
      service,
      '{ statements(first: 1, where: { article: { title: { equals: "Synthetic wire 4 reports on the Venn Institute" } }, kind: PARAPHRASE }) { edges { node { id article { version } } } } }',
    );
    const [edge] = data.statements.edges;
    const edited = await graphql(
      service,
      'mutation($input: UpdateStatementInput!) { updateStatement(input: $input) { __typename } }',
      {
        input: { id: edge.node.id, expectedVersion: edge.node.article.version, about: ['KZ', 'UZ'], note: 'corrected' },
      },
      bearer('curate'),
    );
    expect(edited.data.updateStatement.__typename).toBe('ArticleEdited');
    const [changed] = (await aboutUzbekistan.waitFor(1)).map((p: Payload) => p.data.statementChanged);
    expect(changed).toMatchObject({
      text: 'Kazakhstan would host the talks',
      note: 'corrected',
      about: [{ code: 'KZ' }, { code: 'UZ' }],
    });
    // An edit that does not touch the statement is not its change; other filters see nothing.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(aboutUzbekistan.received).toHaveLength(1);
    expect(aboutFrance.received).toHaveLength(0);
    aboutUzbekistan.close();
    aboutFrance.close();
  });

  it('refuses a filter the statements query refuses, with the same message', async () => {
    const tooDeep = { NOT: { NOT: { NOT: { NOT: { NOT: { NOT: { NOT: { NOT: { kind: 'QUOTE' } } } } } } } } };
    const subscriber = await subscribe(service, STATEMENTS, { where: tooDeep });
    const [payload] = await subscriber.waitFor(1);
    expect(payload.errors[0].message).toBe('Invalid argument: where: filter is nested too deeply (at most 8 levels)');
    await waitUntil(() => subscriber.ended(), 'the refused stream ending');
  });

  it('1,000 subscribers connecting and disconnecting leave no listener and no memory behind', async () => {
    const queries = [
      { query: STATEMENTS, variables: { where: { about: { some: { code: 'KZ' } } } } },
      { query: ARTICLES },
    ];
    const { before, after, samples } = await connectAndDisconnect(
      service,
      queries,
      `${process.env.TEST_STORAGE}, in process`,
    );
    expect(after).toMatchObject({ listeners: before.listeners, subscribers: before.subscribers });
    // Generous (measured: a few MB either way); a leak of 20 kB per subscriber would add 20 MB.
    expect((samples.at(-1) as number) - (samples[0] as number)).toBeLessThan(20 * 1024);
  }, 300_000);
});
