/**
 * The annotated-article format: one article text plus one JSON file stating every person,
 * country, organization, event and statement in it, each with character spans.
 *
 * The curated seed uses this format, and so will ingestion of new articles: the loader
 * (`src/ingest/`) accepts nothing that this schema and `validateAnnotation`
 * reject. Spans are `[start, end)` offsets into the article text as JavaScript's
 * `String.prototype.slice` counts them (UTF-16 code units), and every span repeats its
 * text so that a reader can check the file by eye and the loader can check it by machine.
 */
import { z } from 'zod';

export const ANNOTATION_FORMAT = 'kg-annotation/1';

/**
 * The speaker a draft gives a quotation whose speaker no rule found: the format needs one for
 * every quotation, and ingestion refuses any document that still has it, so that a curator
 * must name the real speaker before the draft enters the graph.
 */
export const PLACEHOLDER_SPEAKER = 'unresolved-speaker';

export const spanSchema = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    text: z.string().min(1),
  })
  .strict()
  .refine((span) => span.end > span.start, { message: 'span end must be greater than start' })
  .refine((span) => span.text.length === span.end - span.start, {
    message: 'span text length must equal end - start',
  });
export type Span = z.infer<typeof spanSchema>;

const keySchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'keys are lower-case kebab-case, e.g. "alexander-lukashenko"');

export const datePrecisions = ['DAY', 'MONTH', 'YEAR'] as const;

/**
 * A date as the text gives it. `value` carries only the parts that are known: "2022-01-10"
 * (DAY), "2022-01" (MONTH) or "2022" (YEAR). `basis` records how it was resolved from the
 * text, e.g. the year implied by the article's publication date.
 */
export const dateValueSchema = z
  .object({
    value: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
    precision: z.enum(datePrecisions),
    basis: z.string().min(1),
    evidence: spanSchema.optional(),
  })
  .strict()
  .refine((date) => date.value.split('-').length === { YEAR: 1, MONTH: 2, DAY: 3 }[date.precision], {
    message: 'date value must have exactly the parts its precision names',
  });
export type DateValue = z.infer<typeof dateValueSchema>;

export const organizationKinds = [
  'NEWS_AGENCY',
  'INTERGOVERNMENTAL_ORGANIZATION',
  'INTERGOVERNMENTAL_BODY',
  'GOVERNMENT',
  'GOVERNMENT_BODY',
  'ARMED_FORCES',
  'NON_STATE_GROUP',
  'OTHER',
] as const;

export const eventKinds = [
  'CRISIS',
  'PROTEST',
  'RIOT',
  'VIOLENCE',
  'MEETING',
  'REQUEST_FOR_ASSISTANCE',
  'DEPLOYMENT',
  'RESTORATION_OF_ORDER',
  'MOURNING',
  'OTHER',
] as const;

export const participantRoles = [
  'PARTICIPANT',
  'ORGANIZER',
  'SPEAKER',
  'REQUESTER',
  'RECIPIENT',
  'DEPLOYED_FORCE',
  'AUTHORITY',
  'AFFECTED',
] as const;

export const statementKinds = ['QUOTE', 'PARAPHRASE'] as const;

/**
 * How the text says one event led to another. PART_OF is not here: a sub-event names its
 * parent with `parent`.
 */
export const eventRelationTypes = ['ESCALATED_INTO', 'LED_TO', 'FOLLOWED_BY', 'RESPONSE_TO'] as const;

/**
 * A country as an annotation may name it: an ISO 3166-1 alpha-2 or alpha-3 code in any case,
 * or a name, official name, demonym or adjective ("Kazakhstan", "Kazakh", "Kazakhstani").
 * Validation resolves it to one alpha-2 code (src/reference/country-lookup.ts) and rejects
 * an unknown or ambiguous one.
 */
const countryRefSchema = z.string().trim().min(2);

/**
 * A curator's decision for an entity the ingestion's resolution would otherwise decide:
 * `"new"` makes a node of its own even if it resembles one in the graph; `{ "id" }` (a global
 * ID) or `{ "key" }` (a node's key or one of its former keys) names the node it is.
 */
export const resolveHintSchema = z.union([
  z.literal('new'),
  z.object({ id: z.string().min(1) }).strict(),
  z.object({ key: z.string().min(1) }).strict(),
]);
export type ResolveHint = z.infer<typeof resolveHintSchema>;

/** Exactly one of person, organization or country: who an actor reference points at. */
const actorRefSchema = z.union([
  z.object({ person: keySchema }).strict(),
  z.object({ organization: keySchema }).strict(),
  z.object({ country: countryRefSchema }).strict(),
]);
export type ActorRef = z.infer<typeof actorRefSchema>;

const speakerRefSchema = z.union([
  z.object({ person: keySchema }).strict(),
  z.object({ organization: keySchema }).strict(),
]);

export const annotationSchema = z
  .object({
    format: z.literal(ANNOTATION_FORMAT),
    article: z
      .object({
        key: keySchema,
        /** File name of the article text, relative to the annotation file. */
        file: z.string().min(1).default('article.txt'),
        /** sha256 of the article text file, hex: the annotation is only valid for that text. */
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        language: z.string().min(2),
        title: spanSchema,
        subtitle: spanSchema.nullable(),
        dateline: spanSchema.nullable(),
        source: keySchema,
        publishedOn: dateValueSchema,
        url: z.string().url().nullable(),
        /** Made up for tests or demonstrations, not news: shown as synthetic wherever it appears. */
        synthetic: z.boolean().default(false),
      })
      .strict(),
    countries: z
      .array(
        z
          .object({
            /** The country: an ISO code, or a name the reference data or the alias file knows. */
            code: countryRefSchema,
            /** Names the article uses that the reference data lacks, e.g. "Kazakh". */
            aliases: z.array(z.string().min(1)).default([]),
            mentions: z.array(spanSchema),
          })
          .strict(),
      )
      .default([]),
    persons: z.array(
      z
        .object({
          key: keySchema,
          name: z.string().min(1),
          aliases: z.array(z.string().min(1)).default([]),
          resolve: resolveHintSchema.optional(),
          mentions: z.array(spanSchema),
          roles: z
            .array(
              z
                .object({
                  title: z.string().min(1),
                  country: countryRefSchema.nullable(),
                  organization: keySchema.nullable(),
                  evidence: spanSchema,
                })
                .strict(),
            )
            .default([]),
        })
        .strict(),
    ),
    organizations: z.array(
      z
        .object({
          key: keySchema,
          name: z.string().min(1),
          acronym: z.string().min(1).nullable(),
          aliases: z.array(z.string().min(1)).default([]),
          kind: z.enum(organizationKinds),
          resolve: resolveHintSchema.optional(),
          parent: keySchema.nullable(),
          country: countryRefSchema.nullable(),
          leadCountry: z.object({ code: countryRefSchema, evidence: spanSchema }).strict().nullable(),
          mentions: z.array(spanSchema),
        })
        .strict(),
    ),
    events: z.array(
      z
        .object({
          key: keySchema,
          title: z.string().min(1),
          kind: z.enum(eventKinds),
          resolve: resolveHintSchema.optional(),
          start: dateValueSchema.nullable(),
          end: dateValueSchema.nullable(),
          country: countryRefSchema.nullable(),
          location: z.string().min(1).nullable(),
          parent: keySchema.nullable(),
          participants: z.array(z.object({ role: z.enum(participantRoles), actor: actorRefSchema }).strict()),
          evidence: spanSchema,
          mentions: z.array(spanSchema).default([]),
        })
        .strict(),
    ),
    statements: z.array(
      z
        .object({
          key: keySchema,
          kind: z.enum(statementKinds),
          speaker: speakerRefSchema,
          /** The words said (QUOTE: inside the quotation marks; PARAPHRASE: the reported clause). */
          text: spanSchema,
          /** The words that attribute it to the speaker, e.g. "Lukashenko said on Monday". */
          attribution: spanSchema.nullable(),
          about: z.array(countryRefSchema),
          saidOn: dateValueSchema.nullable(),
          occasion: keySchema.nullable(),
          /** Other places the same claim is restated (headline, lede). */
          restatedIn: z.array(spanSchema).default([]),
          note: z.string().min(1).nullable().default(null),
        })
        .strict(),
    ),
    /** How the text connects events: "escalating into", "the ensuing", "subsequently", "as a result". */
    eventRelations: z
      .array(
        z
          .object({
            type: z.enum(eventRelationTypes),
            from: keySchema,
            to: keySchema,
            /** The words that state the connection. */
            evidence: spanSchema,
          })
          .strict(),
      )
      .default([]),
    /** Set by the drafting assistant: a draft must be reviewed before it is ingested. */
    draft: z
      .object({
        tool: z.string().min(1),
        version: z.string().min(1),
        createdAt: z.iso.datetime({ offset: true }),
        /** sha256 of the document as drafted (without `draft` and `review`): tells whether a curator edited it. */
        contentHash: z.string().regex(/^[0-9a-f]{64}$/),
      })
      .strict()
      .optional(),
    /** Who reviewed the document, and when: required to ingest a draft that nobody edited. */
    review: z
      .object({ by: z.string().min(1), at: z.iso.datetime({ offset: true }), note: z.string().min(1).optional() })
      .strict()
      .optional(),
  })
  .strict();

export type Annotation = z.infer<typeof annotationSchema>;
