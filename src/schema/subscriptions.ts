/**
 * Live updates: subscriptions over Server-Sent Events (yoga's built-in transport; send
 * `accept: text/event-stream`). Public, like queries. Each event carries the committed node
 * itself, loaded from the database when it is delivered, so clients select fields (and
 * evidence) as in queries. Delivery: src/live/ (in process, or through Redis).
 */
import { GraphQLError } from 'graphql';
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import { isDatabaseUnavailable } from '../db-errors.js';
import type { IngestStatus } from '../ingest/index.js';
import { type ArticleCommitted, type Deliver, liveBus } from '../live/index.js';
import { statementList } from './statement.js';

/** Only versions that changed the graph are announced; the compiler flags a new status here. */
const ANNOUNCED: Record<Exclude<IngestStatus, 'UNCHANGED'>, { description: string }> = {
  CREATED: { description: 'A new article.' },
  REPLACED: { description: 'A changed version of a stored article: its old facts were replaced.' },
};

const ArticleChange = builder.enumType('ArticleChange', {
  description: 'What a committed ingestion did to an article.',
  values: ANNOUNCED,
});

const ArticleFactCounts = builder.simpleObject('ArticleFactCounts', {
  description: 'What the article version contributes, as written.',
  fields: (t) => ({
    statements: t.int(),
    events: t.int(),
    eventRelations: t.int(),
    roles: t.int(),
    mentions: t.int(),
  }),
});

const ArticleIngestedEvent = builder.objectRef<ArticleCommitted>('ArticleIngestedEvent').implement({
  description: 'An article version committed to the graph.',
  fields: (t) => ({
    status: t.field({ type: ArticleChange, resolve: (e) => e.status }),
    article: t.prismaField({
      type: 'Article',
      resolve: async (query, e) => {
        const article = await prisma.article.findUnique({ ...query, where: { id: e.articleId } });
        if (!article) throw gone(`article ${e.articleKey}`);
        return article;
      },
    }),
    facts: t.field({ type: ArticleFactCounts, resolve: (e) => e.counts }),
    addedStatements: t.prismaField({
      type: ['Statement'],
      description: 'The statements this version adds (not in the article before), as they are now.',
      resolve: (query, e) =>
        prisma.statement.findMany({ ...query, where: { id: { in: e.statementIds } }, orderBy: { id: 'asc' } }),
    }),
  }),
});

const gone = (what: string) =>
  new GraphQLError(`${what} was removed before this event was delivered`, { extensions: { code: 'NOT_FOUND' } });

/**
 * A stream of this subscriber's values; refused with SERVICE_UNAVAILABLE during an outage
 * (LiveUnavailableError). A database out of reach while an event is delivered ends the
 * stream with SERVICE_UNAVAILABLE too, rather than an "Unexpected error" logged per subscriber.
 */
function subscribe<T>(deliver: Deliver<T>) {
  return liveBus.open<T>(async (announcement) => {
    try {
      return await deliver(announcement);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      throw new GraphQLError('live updates are interrupted: the database is unavailable; subscribe again shortly', {
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });
    }
  });
}

/**
 * Subscribers with the same filter share one query per announcement: every listener of a
 * process receives the same announcement object (in process and from the Redis event
 * target), and the cache goes with it.
 */
const matchesByAnnouncement = new WeakMap<ArticleCommitted, Map<string, Promise<number[]>>>();

/** The ids, among the statements an announcement adds (or also changes), of those that match `where` now. */
function matchingStatements(
  announcement: ArticleCommitted,
  filter: string,
  where: Parameters<typeof statementList.where>[0],
  withChanged = false,
): Promise<number[]> {
  const statementIds = withChanged
    ? [...announcement.statementIds, ...announcement.changedStatementIds]
    : announcement.statementIds;
  filter = `${withChanged ? 'changed' : 'added'}:${filter}`;
  if (statementIds.length === 0) return Promise.resolve([]);
  const byFilter = matchesByAnnouncement.get(announcement) ?? new Map<string, Promise<number[]>>();
  matchesByAnnouncement.set(announcement, byFilter);
  let ids = byFilter.get(filter);
  if (!ids) {
    ids = prisma.statement
      .findMany({
        where: { AND: [{ id: { in: statementIds } }, statementList.where(where)] },
        select: { id: true },
        orderBy: { id: 'asc' },
      })
      .then((rows) => rows.map((row) => row.id));
    byFilter.set(filter, ids);
  }
  return ids;
}

builder.subscriptionType({
  description:
    'Live updates over Server-Sent Events (POST or GET /graphql with accept: text/event-stream). Events are sent after the commit; a subscriber receives each once, from the moment its response starts.',
});

builder.subscriptionFields((t) => ({
  statementAdded: t.prismaField({
    type: 'Statement',
    description:
      'Each statement a committed ingestion adds that matches `where` (the filter of `statements`, applied on the server).',
    args: { where: statementList.args.where },
    subscribe: (_root, args) => {
      const filter = JSON.stringify(args.where ?? null);
      return subscribe<number>((announcement) => matchingStatements(announcement, filter, args.where));
    },
    resolve: async (query, id: number) => {
      const statement = await prisma.statement.findUnique({ ...query, where: { id } });
      if (!statement) throw gone(`statement ${id}`);
      return statement;
    },
  }),
  statementChanged: t.prismaField({
    type: 'Statement',
    description:
      'Each statement a committed ingestion or curation edit adds or changes (its words, speaker, countries, date, occasion or note) that matches `where`: the corrected statement as it is now.',
    args: { where: statementList.args.where },
    subscribe: (_root, args) => {
      const filter = JSON.stringify(args.where ?? null);
      return subscribe<number>((announcement) => matchingStatements(announcement, filter, args.where, true));
    },
    resolve: async (query, id: number) => {
      const statement = await prisma.statement.findUnique({ ...query, where: { id } });
      if (!statement) throw gone(`statement ${id}`);
      return statement;
    },
  }),
  articleIngested: t.field({
    type: ArticleIngestedEvent,
    description: 'Each article version a committed ingestion writes (CREATED or REPLACED; never UNCHANGED).',
    subscribe: () => subscribe<ArticleCommitted>((announcement) => [announcement]),
    resolve: (announcement) => announcement,
  }),
}));
