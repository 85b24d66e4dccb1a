/**
 * Writes need an API key with the right scope; reads need none. Every mutation is tried with
 * no key, a wrong key, a key of another scope and the right one (and admin): the refusals
 * change nothing, say what was missing, and never echo the key.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../src/db.js';
import { bearer, TEST_KEYS } from './support/api-keys.js';
import { dumpDatabase } from './support/dump.js';
import { FIXTURES, fixture, syntheticArticle } from './support/fixtures.js';
import { execute, post } from './support/graphql.js';

// biome-ignore lint/suspicious/noExplicitAny: GraphQL results are checked field by field
type Result = any;

/** The ID of a resolution, of a person and of an organization to act on. */
async function targets() {
  const resolution = await prisma.resolution.findFirstOrThrow({
    where: { kind: 'PERSON', rule: { notIn: ['CREATED', 'HINT_NEW'] } },
    orderBy: { id: 'desc' },
  });
  return { resolution: Buffer.from(`Resolution:${resolution.id}`).toString('base64') };
}

const MUTATIONS: {
  name: string;
  scope: 'ingest' | 'curate' | 'admin';
  query: string;
  variables: () => Promise<Record<string, unknown>>;
}[] = [
  {
    name: 'ingestArticle',
    scope: 'ingest',
    query: 'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { __typename } }',
    variables: async () => ({ input: syntheticArticle(800) }),
  },
  {
    name: 'ingestArticles',
    scope: 'ingest',
    query: 'mutation($input: IngestArticlesInput!) { ingestArticles(input: $input) { __typename } }',
    variables: async () => ({ input: { articles: [syntheticArticle(801)] } }),
  },
  {
    name: 'mergeEntities',
    scope: 'curate',
    query: 'mutation($input: MergeEntitiesInput!) { mergeEntities(input: $input) { __typename } }',
    // Two synthetic analysts (test/support/fixtures.ts), ingested in beforeAll.
    variables: async () => ({ input: { keep: personId('analyst-810'), merge: personId('analyst-811') } }),
  },
  {
    name: 'createPerson',
    scope: 'curate',
    query: 'mutation($input: CreatePersonInput!) { createPerson(input: $input) { __typename } }',
    variables: async () => ({ input: { name: 'Auth Test Person' } }),
  },
  {
    name: 'updateStatement',
    scope: 'curate',
    query: 'mutation($input: UpdateStatementInput!) { updateStatement(input: $input) { __typename } }',
    variables: async () => {
      const statement = await prisma.statement.findFirstOrThrow({
        where: { key: { startsWith: 'synthetic-load-810/' } },
        include: { article: true },
      });
      return {
        input: {
          id: Buffer.from(`Statement:${statement.key}`).toString('base64'),
          expectedVersion: statement.article.version,
          note: 'auth test',
        },
      };
    },
  },
  {
    name: 'revertEdit',
    scope: 'admin',
    query: 'mutation($input: RevertEditInput!) { revertEdit(input: $input) { __typename } }',
    variables: async () => {
      const edit = await prisma.edit.findFirst({
        where: { revertedBy: null, operation: 'CREATE_PERSON' },
        orderBy: { id: 'desc' },
      });
      return { input: { id: Buffer.from(`Edit:${edit?.id ?? 0}`).toString('base64') } };
    },
  },
  {
    name: 'undoResolution',
    scope: 'curate',
    query: 'mutation($input: UndoResolutionInput!) { undoResolution(input: $input) { __typename } }',
    variables: async () => ({ input: { id: (await targets()).resolution } }),
  },
];

const personId = (key: string) => Buffer.from(`Person:${key}`).toString('base64');

beforeAll(async () => {
  for (const n of [810, 811]) {
    await execute(
      'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { __typename } }',
      { input: syntheticArticle(n) },
      bearer('admin'),
    );
  }
});

describe('reads', () => {
  it('need no key, and a key does not hurt', async () => {
    for (const headers of [{}, bearer('ingest')]) {
      const { data } = await execute<Result>('{ country(code: "UZ") { name } }', undefined, headers);
      expect(data.country.name).toBe('Uzbekistan');
    }
  });
});

describe.each(MUTATIONS)('$name (scope $scope)', ({ name, scope, query, variables }) => {
  const other = scope === 'ingest' ? 'curate' : scope === 'curate' ? 'ingest' : 'curate';

  it.each([
    ['no key', {}, 401, 'UNAUTHENTICATED', /needs an API key with scope/],
    [
      'a wrong key',
      { authorization: 'Bearer kg_not_a_configured_key' },
      401,
      'UNAUTHENTICATED',
      /the API key is not valid/,
    ],
    ['a malformed header', { authorization: TEST_KEYS.admin }, 401, 'UNAUTHENTICATED', /must be "Bearer <API key>"/],
    [`a key of scope ${other}`, bearer(other), 403, 'FORBIDDEN', new RegExp(`"test-${other}" lacks scope ${scope}`)],
  ] as const)('with %s: refused, with nothing changed', async (_label, headers, status, code, message) => {
    // An article to resolve against, so the right-scope run below has something to act on.
    await execute(
      'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { __typename } }',
      { input: fixture(FIXTURES.caspianRecap) },
      bearer('admin'),
    );
    const before = await dumpDatabase(prisma);
    const response = await post(query, await variables(), headers);
    expect(response.status).toBe(status);
    const [error] = response.body.errors ?? [];
    expect(error?.extensions?.code).toBe(code);
    expect(error?.message).toMatch(message);
    expect(error?.message).toContain(`Mutation.${name}`);
    expect(error?.message).toContain('nothing was changed');
    for (const key of Object.values(TEST_KEYS)) expect(JSON.stringify(response.body)).not.toContain(key);
    expect(JSON.stringify(response.body)).not.toContain('kg_not_a_configured_key');
    expect(await dumpDatabase(prisma)).toEqual(before);
  });

  it.each([...new Set([scope, 'admin'] as const)].map((s) => [s]))(
    'with a key of scope %s: runs',
    async (withScope) => {
      const response = await post<Result>(query, await variables(), bearer(withScope));
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?.[name]).toBeTruthy();
    },
  );
});
