/**
 * `draftAnnotations`: a raw report in, a draft `kg-annotation/1` document out (src/draft/),
 * with the review list as typed objects; its persons, organizations and events are resolved
 * against the graph with the module ingestion uses (src/resolve/, read only). It writes nothing
 * and needs no key: the draft is a proposal a curator reviews before anything is ingested.
 */
import type { ScalarRef, SchemaTypes } from '@pothos/core';
import { JSONResolver } from 'graphql-scalars';
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import { graphResolver } from '../draft/graph-resolver.js';
import { type Draft, DraftInputError, draftArticleResolved } from '../draft/index.js';

/** Longer texts are refused with DraftInputTooLarge: a wire report is a few thousand characters. */
export const MAX_DRAFT_TEXT_LENGTH = 100_000;

// The JSON scalar: the builder's own where it declares one (main's does, since this branch
// left it), else registered here, so that the schema never holds two.
type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : SchemaTypes;
const JSONScalar = (builder.configStore.hasImplementation('JSON')
  ? 'JSON'
  : builder.addScalarType('JSON' as never, JSONResolver)) as unknown as ScalarRef<
  Types,
  Record<string, unknown>,
  unknown
>;

export class DraftInputTooLarge extends Error {
  constructor(
    readonly length: number,
    readonly limit: number,
  ) {
    super(`the text has ${length} characters; at most ${limit} can be drafted at once`);
  }
}

builder.objectType(DraftInputTooLarge, {
  name: 'DraftInputTooLarge',
  description: `The text is longer than ${MAX_DRAFT_TEXT_LENGTH} characters (UTF-16 code units).`,
  fields: (t) => ({
    message: t.exposeString('message'),
    length: t.exposeInt('length'),
    limit: t.exposeInt('limit'),
  }),
});

builder.objectType(DraftInputError, {
  name: 'DraftInputInvalid',
  description: 'The text cannot be drafted, e.g. it is empty.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

const DraftReviewKind = builder.enumType('DraftReviewKind', {
  values: ['article', 'country', 'person', 'organization', 'statement', 'event', 'date', 'pronoun', 'unresolved'].map(
    (v) => v.toUpperCase(),
  ),
});

type ReviewItemShape = Draft['review']['items'][number];

const DraftReviewItem = builder.objectRef<ReviewItemShape>('DraftReviewItem').implement({
  description: 'One proposal of a draft: what it is, how sure the rule is, which rule proposed it, and what to check.',
  fields: (t) => ({
    path: t.exposeString('path', {
      nullable: true,
      description: 'JSON path of the item in the document, e.g. `$.statements[2]`; null for suggestions outside it.',
    }),
    kind: t.field({ type: DraftReviewKind, resolve: (item) => item.kind.toUpperCase() }),
    label: t.exposeString('label', { description: 'The item in words: a name, the words said, a date.' }),
    confidence: t.exposeFloat('confidence', { description: '0..1; items below 0.8 are flagged.' }),
    rule: t.exposeString('rule', {
      description: 'The rule or pattern that proposed it, e.g. `quote-then-attribution`.',
    }),
    flagged: t.exposeBoolean('flagged', { description: 'The curator must decide.' }),
    reason: t.exposeString('reason', { nullable: true, description: 'What to check, for a flagged item.' }),
  }),
});

type SentenceShape = Draft['review']['emptySentences'][number];

const DraftSentence = builder.objectRef<SentenceShape>('DraftSentence').implement({
  description: 'A sentence of the body in which the draft found nothing.',
  fields: (t) => ({ start: t.exposeInt('start'), end: t.exposeInt('end'), text: t.exposeString('text') }),
});

const DraftAnnotations = builder.objectRef<Draft>('DraftAnnotations').implement({
  description: 'A draft annotation document and its review report.',
  fields: (t) => ({
    document: t.field({
      type: JSONScalar,
      description:
        'The `kg-annotation/1` document, valid under the format’s schema and span checks, marked by its `draft` ' +
        'block (tool, version, createdAt, contentHash). It must be reviewed before it is ingested.',
      resolve: (draft) => draft.document,
    }),
    review: t.field({ type: [DraftReviewItem], resolve: (draft) => draft.review.items }),
    flaggedCount: t.int({ resolve: (draft) => draft.review.flaggedCount }),
    emptySentences: t.field({ type: [DraftSentence], resolve: (draft) => draft.review.emptySentences }),
  }),
});

const DraftAnnotationsInput = builder.inputType('DraftAnnotationsInput', {
  fields: (t) => ({
    text: t.string({
      required: true,
      description: `The report, as received; at most ${MAX_DRAFT_TEXT_LENGTH} characters.`,
    }),
    publishedOn: t.field({
      type: 'Date',
      required: true,
      description: 'Relative dates ("on Monday") are resolved against it.',
    }),
    source: t.string({ description: 'Key of the source organization ("tass"); read from the dateline when omitted.' }),
    url: t.string(),
  }),
});

builder.queryFields((t) => ({
  draftAnnotations: t.field({
    type: DraftAnnotations,
    description:
      'Drafts an annotation document for a raw report: persons, organizations, countries, dates, statements and ' +
      'candidate events, each with its evidence span, and the review list. Writes nothing.',
    args: { input: t.arg({ type: DraftAnnotationsInput, required: true }) },
    errors: { types: [DraftInputTooLarge, DraftInputError] },
    resolve: (_root, { input }) => {
      if (input.text.length > MAX_DRAFT_TEXT_LENGTH)
        throw new DraftInputTooLarge(input.text.length, MAX_DRAFT_TEXT_LENGTH);
      const draftInput = {
        text: input.text,
        publishedOn: input.publishedOn.toISOString().slice(0, 10),
        source: input.source ?? null,
        url: input.url ?? null,
      };
      // Persons, organizations and events are compared with the graph, read only, by the resolution
      // ingestion uses; a database that fails leaves them unresolved and flagged, not the draft undone.
      return draftArticleResolved(draftInput, { resolver: graphResolver(prisma) });
    },
  }),
}));
