/**
 * Ingestion through the API: `ingestArticle` and `ingestArticles` (scope `ingest`), the same
 * path as `npm run ingest` (src/ingest/). Expected failures are typed results of one union,
 * `IngestArticleResult`; a database outage is a SERVICE_UNAVAILABLE error; nothing is ever
 * half-written.
 */
import { wrapErrorIfMatches } from '@pothos/plugin-errors';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { actorName } from '../auth/keys.js';
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import { DatabaseUnavailableError } from '../db-errors.js';
import {
  type AmbiguousDecision,
  AnnotationInvalidError,
  ArticleConflictError,
  DraftNotReviewedError,
  INGEST_LIMITS,
  IngestError,
  IngestLimitError,
  ingestArticle,
  UnresolvedEntitiesError,
  type WriteOutcome,
} from '../ingest/index.js';
import type { Match } from '../resolve/types.js';
import { EntityKind, ResolutionRule } from './enums.js';

const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'An expected failure: the message says what went wrong and what to do.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

const IngestErrorInterface = builder.interfaceRef<IngestError>('IngestError').implement({
  description: 'A failed ingestion: nothing of the article was written.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    articleKey: t.exposeString('articleKey', {
      nullable: true,
      description: 'The article’s key, when the document got far enough to name one.',
    }),
  }),
});

const AnnotationProblem = builder.simpleObject('AnnotationProblem', {
  description: 'One thing wrong with an annotation document.',
  fields: (t) => ({
    path: t.string({ description: 'JSONPath of the offending value, e.g. `$.statements[3].attribution`.' }),
    message: t.string(),
  }),
});

builder.objectType(AnnotationInvalidError, {
  name: 'AnnotationInvalidError',
  description:
    'The annotation fails the schema or its checks against the text (spans, sha256, references, quotations).',
  interfaces: [ErrorInterface, IngestErrorInterface],
  fields: (t) => ({ problems: t.field({ type: [AnnotationProblem], resolve: (e) => e.problems }) }),
});

const ResolutionCandidate = builder
  .objectRef<{ kind: AmbiguousDecision['kind']; match: Match }>('ResolutionCandidate')
  .implement({
    description: 'A node an ambiguous entity might be, and how well it matches.',
    fields: (t) => ({
      id: t.id({
        description: 'The node’s global ID: use it in a resolve hint, {"id": "…"}.',
        resolve: ({ kind, match }) =>
          encodeGlobalID(
            { PERSON: 'Person', ORGANIZATION: 'Organization', EVENT: 'Event', COUNTRY: 'Country' }[kind],
            match.key,
          ),
      }),
      key: t.string({ resolve: ({ match }) => match.key }),
      label: t.string({ description: 'Its name or title.', resolve: ({ match }) => match.label }),
      rule: t.field({ type: ResolutionRule, resolve: ({ match }) => match.rule }),
      score: t.float({
        description: 'How well it matches: 0.8 or more is strong.',
        resolve: ({ match }) => match.score,
      }),
      reason: t.string({ resolve: ({ match }) => match.reason }),
    }),
  });

const UnresolvedEntity = builder.objectRef<AmbiguousDecision>('UnresolvedEntity').implement({
  description: 'An entity of the annotation that matches several nodes, or one only weakly.',
  fields: (t) => ({
    kind: t.field({ type: EntityKind, resolve: (d) => d.kind }),
    localKey: t.string({ description: 'Its key in the annotation.', resolve: (d) => d.localKey }),
    reason: t.string({ resolve: (d) => d.reason }),
    description: t.field({ type: 'JSON', resolve: (d) => d.description }),
    candidates: t.field({
      type: [ResolutionCandidate],
      resolve: (d) => d.candidates.map((match) => ({ kind: d.kind, match })),
    }),
  }),
});

builder.objectType(UnresolvedEntitiesError, {
  name: 'UnresolvedEntitiesError',
  description:
    'Some entity cannot be resolved without a curator: give it a resolve hint ("new", {"id": …} or {"key": …}) and ingest again.',
  interfaces: [ErrorInterface, IngestErrorInterface],
  fields: (t) => ({ unresolved: t.field({ type: [UnresolvedEntity], resolve: (e) => e.unresolved }) }),
});

builder.objectType(DraftNotReviewedError, {
  name: 'DraftNotReviewedError',
  description: 'A drafted annotation nobody edited or accepted: edit it, add a review block, or pass acceptDraft.',
  interfaces: [ErrorInterface, IngestErrorInterface],
});

builder.objectType(ArticleConflictError, {
  name: 'ArticleConflictError',
  description: 'The text is stored as another article, or the key and the URL name two different articles.',
  interfaces: [ErrorInterface, IngestErrorInterface],
  fields: (t) => ({ conflictingArticleKey: t.exposeString('conflictingArticleKey') }),
});

builder.objectType(IngestLimitError, {
  name: 'IngestLimitError',
  description: 'The article is larger than ingestion accepts.',
  interfaces: [ErrorInterface, IngestErrorInterface],
  fields: (t) => ({
    limit: t.exposeString('limit'),
    maximum: t.exposeInt('maximum'),
    actual: t.exposeInt('actual'),
  }),
});

const IngestStatus = builder.enumType('IngestStatus', {
  description:
    'CREATED: a new article. REPLACED: a changed version of a stored one (same key or URL). UNCHANGED: nothing to do.',
  values: ['CREATED', 'REPLACED', 'UNCHANGED'] as const,
});

const EntityCounts = builder.simpleObject('EntityCounts', {
  description: 'Entities of the annotation: resolved to nodes already in the graph, or new.',
  fields: (t) => ({ resolved: t.int(), created: t.int() }),
});

const IngestedEntities = builder.simpleObject('IngestedEntities', {
  fields: (t) => ({
    persons: t.field({ type: EntityCounts }),
    organizations: t.field({ type: EntityCounts }),
    events: t.field({ type: EntityCounts }),
    countries: t.field({ type: EntityCounts }),
  }),
});

const IngestedFacts = builder.simpleObject('IngestedFacts', {
  description: 'What the article contributes, as written.',
  fields: (t) => ({
    statements: t.int(),
    events: t.int(),
    eventRelations: t.int(),
    roles: t.int(),
    mentions: t.int(),
  }),
});

export const IngestedArticle = builder.objectRef<WriteOutcome>('IngestedArticle').implement({
  description: 'A successful ingestion.',
  fields: (t) => ({
    status: t.field({ type: IngestStatus, resolve: (o) => o.status }),
    article: t.prismaField({
      type: 'Article',
      resolve: (query, o) => prisma.article.findUniqueOrThrow({ ...query, where: { id: o.articleId } }),
    }),
    facts: t.field({ type: IngestedFacts, resolve: (o) => o.counts }),
    entities: t.field({ type: IngestedEntities, resolve: (o) => o.entities }),
    removedNodes: t.int({
      description: 'Nodes only the article’s previous version supported, deleted with it.',
      resolve: (o) => o.removed.persons.length + o.removed.organizations.length + o.removed.events.length,
    }),
    resolutions: t.prismaField({
      type: ['Resolution'],
      description: 'How each entity of the annotation was resolved (for UNCHANGED: as it was).',
      resolve: (query, o) =>
        prisma.resolution.findMany({ ...query, where: { articleId: o.articleId }, orderBy: { id: 'asc' } }),
    }),
  }),
});

export const INGEST_ERRORS = [
  AnnotationInvalidError,
  UnresolvedEntitiesError,
  DraftNotReviewedError,
  ArticleConflictError,
  IngestLimitError,
];

// An error union (errors plugin) rather than a field's own: both mutations share it.
export const IngestArticleResult = builder.errorUnion('IngestArticleResult', {
  description: 'The outcome of one ingestion: the ingested article, or why nothing was written.',
  types: [IngestedArticle, ...INGEST_ERRORS],
  resolveType: () => 'IngestedArticle',
});

const IngestArticleInput = builder.inputType('IngestArticleInput', {
  description: `An article text and its kg-annotation/1 document (see docs/annotation-format.md). Limits: ${INGEST_LIMITS.textLength.toLocaleString('en')} characters of text, ${INGEST_LIMITS.spans.toLocaleString('en')} spans, ${INGEST_LIMITS.entities.toLocaleString('en')} entities.`,
  fields: (t) => ({
    text: t.string({
      required: true,
      description: 'The article text, exactly as the spans count it (UTF-16 code units).',
    }),
    annotations: t.field({ type: 'JSON', required: true, description: 'The annotation document, as a JSON object.' }),
    acceptDraft: t.boolean({
      defaultValue: false,
      description: 'Accept a drafted annotation nobody edited; the key’s name is recorded as its reviewer.',
    }),
    force: t.boolean({ defaultValue: false, description: 'Rewrite the article even if nothing changed.' }),
  }),
});

const IngestArticlesInput = builder.inputType('IngestArticlesInput', {
  fields: (t) => ({
    articles: t.field({
      type: [IngestArticleInput],
      required: true,
      description: `Up to ${INGEST_LIMITS.batch} articles, ingested one after the other, each all or nothing.`,
    }),
  }),
});

type IngestArgs = { text: string; annotations?: unknown; acceptDraft?: boolean | null; force?: boolean | null };

/**
 * Runs an ingestion and gives the union's value: the outcome, or an expected failure marked
 * for the union as the errors plugin marks what a field throws (graphql-js would take a plain
 * Error returned by a resolver for a failure of the field). An outage is an error of its own.
 */
export async function asIngestResult(ingestion: () => Promise<WriteOutcome>): Promise<WriteOutcome> {
  try {
    return await ingestion();
  } catch (error) {
    if (error instanceof IngestError) return wrapErrorIfMatches(error, INGEST_ERRORS) as WriteOutcome;
    if (error instanceof DatabaseUnavailableError) {
      throw new GraphQLError(error.message, { extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } } });
    }
    throw error;
  }
}

const ingestOne = (input: IngestArgs, actor: string) =>
  asIngestResult(() =>
    ingestArticle(
      prisma,
      { text: input.text, annotations: input.annotations, acceptDraft: input.acceptDraft ?? false },
      { actor, force: input.force ?? false },
    ),
  );

builder.mutationFields((t) => ({
  ingestArticle: t.field({
    type: IngestArticleResult,
    authScopes: { ingest: true },
    description:
      'Ingests one article: checks it completely, resolves its entities to the graph’s nodes, and writes it in one transaction. Needs scope ingest.',
    args: { input: t.arg({ type: IngestArticleInput, required: true }) },
    resolve: (_root, { input }, context) => ingestOne(input, actorName(context.auth)),
  }),
  ingestArticles: t.field({
    type: [IngestArticleResult],
    authScopes: { ingest: true },
    description:
      'Ingests several articles in order, each in its own transaction: one failing does not stop the others.',
    args: { input: t.arg({ type: IngestArticlesInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      if (input.articles.length > INGEST_LIMITS.batch) {
        throw new GraphQLError(`input.articles: at most ${INGEST_LIMITS.batch} articles a batch`, {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      const results: WriteOutcome[] = [];
      for (const article of input.articles) results.push(await ingestOne(article, actorName(context.auth)));
      return results;
    },
  }),
}));
