/**
 * `draftAnnotations` through the GraphQL API: the document it returns for the seed's text
 * passes the format's validator against that text, carries its draft block, and the request
 * only reads; persons are resolved against the seeded graph with the module ingestion uses
 * (a resolve hint naming the seed's node); a draft is ingested only accepted, and its
 * statements can then be read back; too long and empty texts get typed errors, a malformed
 * date a GraphQL error.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateAnnotation } from '../src/annotations/validate.js';
import { prisma } from '../src/db.js';
import { draftContentHash } from '../src/draft/index.js';
import { MAX_DRAFT_TEXT_LENGTH } from '../src/schema/draft.js';
import { bearer } from './support/api-keys.js';
import { countQueries, execute } from './support/graphql.js';

const SEED = 'seed/articles/tass-2022-01-10-kazakh-crisis-uzbekistan/article.txt';
const text = readFileSync(SEED, 'utf8');

const QUERY = /* GraphQL */ `
  query Draft($input: DraftAnnotationsInput!) {
    draftAnnotations(input: $input) {
      __typename
      ... on QueryDraftAnnotationsSuccess {
        data {
          document
          flaggedCount
          review { path kind label confidence rule flagged reason }
          emptySentences { start end text }
        }
      }
      ... on DraftInputTooLarge { message length limit }
      ... on DraftInputInvalid { message }
    }
  }
`;

interface ReviewItem {
  path: string | null;
  kind: string;
  label: string;
  confidence: number;
  rule: string;
  flagged: boolean;
  reason: string | null;
}
interface Result {
  draftAnnotations: {
    __typename: string;
    data?: { document: Record<string, unknown>; flaggedCount: number; review: ReviewItem[] };
    message?: string;
    length?: number;
    limit?: number;
  };
}

describe('draftAnnotations', () => {
  it('drafts a document that the format validator accepts for the same text, reading only', async () => {
    const before = await Promise.all([prisma.article.count(), prisma.statement.count(), prisma.person.count()]);
    const { result, queries } = await countQueries(() =>
      execute<Result>(QUERY, { input: { text, publishedOn: '2022-01-10', source: 'tass' } }),
    );
    expect(result.errors).toBeUndefined();
    // Resolution reads the graph (one SELECT per candidate lookup), and nothing else.
    expect(queries.length).toBeGreaterThan(0);
    expect(queries.filter((q) => !/^\s*SELECT\b/i.test(q))).toEqual([]);
    const after = await Promise.all([prisma.article.count(), prisma.statement.count(), prisma.person.count()]);
    expect(after).toEqual(before);

    const payload = result.data?.draftAnnotations;
    expect(payload?.__typename).toBe('QueryDraftAnnotationsSuccess');
    const document = payload?.data?.document as Record<string, unknown>;
    const checked = validateAnnotation(structuredClone(document), text);
    expect(checked.ok ? [] : checked.problems).toEqual([]);
    const draft = document.draft as { tool: string; contentHash: string };
    expect(draft.tool).toBe('kg-draft');
    expect(draft.contentHash).toBe(draftContentHash(document));
    expect(document.review).toBeUndefined();

    const review = payload?.data?.review ?? [];
    const statements = (document.statements as unknown[]).length;
    expect(review.filter((i) => i.kind === 'STATEMENT')).toHaveLength(statements);
    expect(review.every((i) => i.rule.length > 0 && i.confidence >= 0 && i.confidence <= 1)).toBe(true);
    expect(review.filter((i) => i.flagged).every((i) => i.reason)).toBe(true);
    expect(payload?.data?.flaggedCount).toBe(review.filter((i) => i.flagged).length);
  });

  it('refuses a text over the limit with a typed error', async () => {
    const long = `${text}\n`.repeat(Math.ceil(MAX_DRAFT_TEXT_LENGTH / text.length) + 1);
    const result = await execute<Result>(QUERY, { input: { text: long, publishedOn: '2022-01-10' } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.draftAnnotations).toMatchObject({
      __typename: 'DraftInputTooLarge',
      length: long.length,
      limit: MAX_DRAFT_TEXT_LENGTH,
    });
  });

  it('answers an empty text with DraftInputInvalid and a malformed date with a GraphQL error', async () => {
    const empty = await execute<Result>(QUERY, { input: { text: '  \n ', publishedOn: '2022-01-10' } });
    expect(empty.data?.draftAnnotations.__typename).toBe('DraftInputInvalid');
    // A variable that is not a date fails before execution: HTTP 400 with the reason.
    await expect(execute<Result>(QUERY, { input: { text, publishedOn: '2022-13-45' } })).rejects.toThrow(
      /input\.publishedOn.*invalid date-string/,
    );
  });
});

const TOKAYEV = 'UGVyc29uOmthc3N5bS1qb21hcnQtdG9rYXlldg==';

describe('draftAnnotations resolves against the graph', () => {
  it('proposes the seed’s Tokayev as the resolve hint of "Kazakh President Tokayev", and the seed’s TASS', async () => {
    const report =
      'SYNTHETIC TEST ARTICLE — not news\n\nGrain talks test headline\n\n' +
      'ASTANA, May 14. /TASS/. Kazakh President Tokayev met grain traders on Tuesday.\n';
    const result = await execute<Result>(QUERY, { input: { text: report, publishedOn: '2024-05-14' } });
    expect(result.errors).toBeUndefined();
    const data = result.data?.draftAnnotations.data;
    const document = data?.document as {
      persons: { key: string; resolve?: unknown }[];
      organizations: { key: string; resolve?: unknown }[];
    };
    const tokayev = document.persons.find((p) => p.key === 'tokayev');
    expect(tokayev?.resolve).toEqual({ id: TOKAYEV });
    const tass = document.organizations.find((o) => o.key === 'tass');
    expect(tass?.resolve).toEqual({ id: expect.any(String) });
    const item = data?.review.find(
      (i) => i.path === `$.persons[${document.persons.indexOf(tokayev as never)}].resolve`,
    );
    expect(item).toMatchObject({ kind: 'PERSON', rule: expect.stringMatching(/^resolver: SURNAME_AND_ROLE/) });
    expect(item?.label).toBe('Tokayev = kassym-jomart-tokayev');
    // The hint is part of what was drafted: the content hash covers it, and the document still validates.
    expect((document as { draft?: { contentHash: string } }).draft?.contentHash).toBe(draftContentHash(document));
    const checked = validateAnnotation(structuredClone(document), report);
    expect(checked.ok ? [] : checked.problems).toEqual([]);
  });

  it('flags a surname the graph cannot tell from others, with the candidates and no hint', async () => {
    // The seed knows Lukashenko only by name: a bare "Lukashenko" with nothing corroborating it is a weak match.
    const report =
      'SYNTHETIC TEST ARTICLE — not news\n\nWeather test headline\n\n' +
      'MINSK, May 14 (Testwire) - Rain fell on Tuesday. "It was wet," Lukashenko said.\n';
    const result = await execute<Result>(QUERY, {
      input: { text: report, publishedOn: '2024-05-14', source: 'testwire' },
    });
    const data = result.data?.draftAnnotations.data;
    const persons = (data?.document as { persons: { key: string; resolve?: unknown }[] } | undefined)?.persons ?? [];
    const lukashenko = persons.findIndex((p) => p.key === 'lukashenko');
    expect(persons[lukashenko]?.resolve).toBeUndefined();
    const item = data?.review.find((i) => i.path === `$.persons[${lukashenko}]` && i.rule === 'resolver-ambiguous');
    expect(item?.flagged).toBe(true);
    expect(item?.reason).toMatch(/alexander-lukashenko \(Alexander Lukashenko\) id /);
  });
});

const INGEST = /* GraphQL */ `
  mutation Ingest($input: IngestArticleInput!) {
    ingestArticle(input: $input) {
      __typename
      ... on Error { message }
      ... on AnnotationInvalidError { problems { path message } }
      ... on IngestedArticle { status article { id reviewedBy } facts { statements } }
    }
  }
`;

const STATEMENTS = /* GraphQL */ `
  query Statements($id: ID!) {
    node(id: $id) {
      ... on Article {
        synthetic
        statements {
          edges {
            node {
              kind
              text
              saidOn
              about { code }
              speaker { __typename ... on Person { name } ... on Organization { name acronym } }
            }
          }
        }
      }
    }
  }
`;

// biome-ignore lint/suspicious/noExplicitAny: GraphQL results are checked field by field
type Any = any;

describe('a draft goes into the graph only accepted', () => {
  const report = [
    'SYNTHETIC TEST ARTICLE — not news. Written for software tests: the agency, the association and the people in it are fictional.',
    '',
    'Georgian ferry operators warn of a thin winter',
    '',
    'TBILISI, 12 November (Testwire) - The Kelvi Ferry Association (KFA), a group of Black Sea ferry operators, warned on Tuesday that crossings between Georgia and Bulgaria could halve this winter.',
    '',
    '"We have never seen bookings this low," said Nana Beridze, the association\'s director. "Nobody wants to cross in January."',
    '',
    'Beridze said the association would ask the government for fuel subsidies.',
    '',
  ].join('\n');

  it('is drafted through draftAnnotations, refused unreviewed, ingested with acceptDraft, and read back', async () => {
    const drafted = await execute<Result>(QUERY, {
      input: { text: report, publishedOn: '2024-11-12', source: 'testwire' },
    });
    const document = drafted.data?.draftAnnotations.data?.document as Record<string, Any>;
    expect(document.organizations.map((o: Any) => o.key)).not.toContain('unresolved-speaker');

    const refused = await execute<{ ingestArticle: Any }>(
      INGEST,
      { input: { text: report, annotations: document } },
      bearer('ingest'),
    );
    expect(refused.data?.ingestArticle.__typename).toBe('DraftNotReviewedError');

    const ingested = await execute<{ ingestArticle: Any }>(
      INGEST,
      { input: { text: report, annotations: document, acceptDraft: true } },
      bearer('ingest'),
    );
    expect(ingested.errors).toBeUndefined();
    const outcome = ingested.data?.ingestArticle;
    expect(outcome).toMatchObject({ __typename: 'IngestedArticle', status: 'CREATED', facts: { statements: 4 } });
    expect(outcome.article.reviewedBy).toBe('test-ingest');

    const read = await execute<{ node: Any }>(STATEMENTS, { id: outcome.article.id });
    expect(read.errors).toBeUndefined();
    expect(read.data?.node.synthetic).toBe(true);
    const statements = read.data?.node.statements.edges.map((e: Any) => e.node);
    expect(statements).toEqual([
      {
        kind: 'PARAPHRASE',
        text: 'crossings between Georgia and Bulgaria could halve this winter',
        saidOn: '2024-11-12',
        about: expect.arrayContaining([{ code: 'GE' }, { code: 'BG' }]),
        speaker: { __typename: 'Organization', name: 'Kelvi Ferry Association', acronym: 'KFA' },
      },
      {
        kind: 'QUOTE',
        text: 'We have never seen bookings this low,',
        saidOn: null,
        about: [],
        speaker: { __typename: 'Person', name: 'Nana Beridze' },
      },
      {
        kind: 'QUOTE',
        text: 'Nobody wants to cross in January.',
        saidOn: null,
        about: [],
        speaker: { __typename: 'Person', name: 'Nana Beridze' },
      },
      {
        kind: 'PARAPHRASE',
        text: 'the association would ask the government for fuel subsidies',
        saidOn: null,
        about: [],
        speaker: { __typename: 'Person', name: 'Nana Beridze' },
      },
    ]);
  });

  it('is refused, even accepted, while it holds the placeholder speaker', async () => {
    const unattributed = report.replace("said Nana Beridze, the association's director", 'the notice read');
    const drafted = await execute<Result>(QUERY, {
      input: { text: unattributed, publishedOn: '2024-11-12', source: 'testwire' },
    });
    const document = drafted.data?.draftAnnotations.data?.document as Record<string, Any>;
    expect(document.organizations.map((o: Any) => o.key)).toContain('unresolved-speaker');
    const refused = await execute<{ ingestArticle: Any }>(
      INGEST,
      { input: { text: unattributed, annotations: document, acceptDraft: true } },
      bearer('ingest'),
    );
    expect(refused.data?.ingestArticle.__typename).toBe('AnnotationInvalidError');
    expect(refused.data?.ingestArticle.problems[0].message).toMatch(/unresolved-speaker/);
  });
});
