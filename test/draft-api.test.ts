/**
 * `draftAnnotations` through the GraphQL API: the document it returns for the seed's text
 * passes the format's validator against that text, carries its draft block, and the request
 * writes nothing; too long and empty texts get typed errors, a malformed date a GraphQL error.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateAnnotation } from '../src/annotations/validate.js';
import { prisma } from '../src/db.js';
import { draftContentHash } from '../src/draft/index.js';
import { MAX_DRAFT_TEXT_LENGTH } from '../src/schema/draft.js';
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
  it('drafts a document that the format validator accepts for the same text, without writing', async () => {
    const before = await Promise.all([prisma.article.count(), prisma.statement.count(), prisma.person.count()]);
    const { result, queries } = await countQueries(() =>
      execute<Result>(QUERY, { input: { text, publishedOn: '2022-01-10', source: 'tass' } }),
    );
    expect(result.errors).toBeUndefined();
    expect(queries).toEqual([]);
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
