/**
 * What a curator does with resolution: reads the questions ingestion asks (ambiguous or weak
 * matches, with candidates), answers them with resolve hints, audits resolutions, undoes one,
 * and merges two nodes that are one entity.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../src/db.js';
import { bearer } from './support/api-keys.js';
import { dumpDatabase } from './support/dump.js';
import { type ArticleInput, FIXTURES, fixture } from './support/fixtures.js';
import { execute } from './support/graphql.js';

// biome-ignore lint/suspicious/noExplicitAny: GraphQL results are checked field by field
type Result = any;

const INGEST = /* GraphQL */ `
  mutation($input: IngestArticleInput!) {
    ingestArticle(input: $input) {
      __typename
      ... on Error { message }
      ... on IngestedArticle { status resolutions { id localKey rule reason node { ... on Person { id name } } } }
      ... on UnresolvedEntitiesError {
        unresolved { kind localKey reason description candidates { id key label rule score reason } }
      }
    }
  }
`;

async function ingest(input: ArticleInput): Promise<Result> {
  const { data, errors } = await execute<Result>(INGEST, { input }, bearer('ingest'));
  expect(errors).toBeUndefined();
  return data.ingestArticle;
}

const globalId = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString('base64');

beforeAll(async () => {
  // Daniel Marsh (analyst) and Helen Marsh (spokesperson): two persons with one surname.
  for (const key of [FIXTURES.caspianRecap, FIXTURES.northgate])
    expect((await ingest(fixture(key))).status).toBe('CREATED');
});

describe('an entity named by surname alone, when two persons have it', () => {
  it('is not guessed: ingestion asks, offering both, and writes nothing', async () => {
    const before = await dumpDatabase(prisma);
    const result = await ingest(fixture(FIXTURES.harbour));
    expect(result.__typename).toBe('UnresolvedEntitiesError');
    expect(result.message).toMatch(/person "forum-marsh" cannot be resolved without a curator/);
    const [question] = result.unresolved;
    expect(question).toMatchObject({
      kind: 'PERSON',
      localKey: 'forum-marsh',
      reason: expect.stringMatching(/weakly/),
    });
    expect(question.description.name).toBe('Marsh');
    expect(question.candidates.map((c: Result) => c.label).sort()).toEqual(['Daniel Marsh', 'Helen Marsh']);
    for (const c of question.candidates) {
      expect(c.rule).toBe('SURNAME_AND_ROLE');
      expect(c.reason).toMatch(/only the surname "marsh" agrees/);
    }
    expect(await dumpDatabase(prisma)).toEqual(before);
  });

  it('is settled by a resolve hint with a candidate’s ID, recorded as HINT_ID', async () => {
    const { unresolved } = await ingest(fixture(FIXTURES.harbour));
    const helen = unresolved[0].candidates.find((c: Result) => c.label === 'Helen Marsh');
    const article = fixture(FIXTURES.harbour);
    article.annotations.persons.find((p: Result) => p.key === 'forum-marsh').resolve = { id: helen.id };
    const result = await ingest(article);
    expect(result.status).toBe('CREATED');
    const marsh = result.resolutions.find((r: Result) => r.localKey === 'forum-marsh');
    expect(marsh).toMatchObject({ rule: 'HINT_ID', node: { name: 'Helen Marsh', id: helen.id } });
  });

  it('is settled by a hint with a node key (the fixture that says whose forum it was)', async () => {
    const result = await ingest(fixture(FIXTURES.forumClose));
    expect(result.status).toBe('CREATED');
    const marsh = result.resolutions.find((r: Result) => r.localKey === 'forumclose-marsh');
    expect(marsh).toMatchObject({ rule: 'HINT_KEY', node: { name: 'Helen Marsh' } });
  });
});

describe('the audit trail', () => {
  it('is queryable by rule, article and node, with every resolution’s reason', async () => {
    const { data, errors } = await execute<Result>(/* GraphQL */ `{
      hints: resolutions(first: 10, where: { ruleIn: [HINT_ID, HINT_KEY] }) {
        totalCount
        edges { node { localKey rule article { title } node { ... on Person { name } } } }
      }
      recap: resolutions(first: 100, where: { article: { source: { name: { contains: "caspian wire" } } }, kind: PERSON }) {
        edges { node { localKey rule score reason } }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data.hints.totalCount).toBe(2);
    expect(data.hints.edges.map((e: Result) => [e.node.localKey, e.node.node.name]).sort()).toEqual([
      ['forum-marsh', 'Helen Marsh'],
      ['forumclose-marsh', 'Helen Marsh'],
    ]);
    const tokayev = data.recap.edges.find((e: Result) => e.node.localKey === 'recap-tokayev');
    expect(tokayev.node.rule).not.toBe('CREATED');
    expect(tokayev.node.score).toBeGreaterThanOrEqual(0.8);
    expect(tokayev.node.reason.length).toBeGreaterThan(10);
  });
});

describe('undoResolution', () => {
  it('gives the entity a node of its own and moves the article’s facts there', async () => {
    const resolution = await prisma.resolution.findFirstOrThrow({
      where: { localKey: 'recap-tokayev' },
      include: { person: true },
    });
    expect(resolution.person?.name).toBe('Kassym-Jomart Tokayev');
    const seedTokayev = resolution.personId as number;
    const { data, errors } = await execute<Result>(
      /* GraphQL */ `mutation($input: UndoResolutionInput!) {
        undoResolution(input: $input) {
          __typename
          ... on Error { message }
          ... on IngestedArticle { status article { ingestedBy } resolutions { localKey rule node { ... on Person { id name } } } }
        }
      }`,
      { input: { id: globalId('Resolution', String(resolution.id)) } },
      bearer('curate'),
    );
    expect(errors).toBeUndefined();
    expect(data.undoResolution).toMatchObject({
      __typename: 'IngestedArticle',
      status: 'REPLACED',
      article: { ingestedBy: 'test-curate' },
    });
    const undone = data.undoResolution.resolutions.find((r: Result) => r.localKey === 'recap-tokayev');
    expect(undone.rule).toBe('HINT_NEW');
    expect(undone.node.id).not.toBe(globalId('Person', 'kassym-jomart-tokayev'));
    // The seed's Tokayev lost the recap's support, not the seed's; the new node has the recap's.
    const support = await prisma.resolution.findMany({ where: { personId: seedTokayev }, include: { article: true } });
    expect(support.map((r) => r.article.key)).toEqual(['tass-2022-01-10-kazakh-crisis-uzbekistan']);
    // The decision is kept in the stored annotation: ingesting it again keeps it.
    const article = await prisma.article.findUniqueOrThrow({ where: { key: FIXTURES.caspianRecap } });
    const person = (article.annotation as Result).persons.find((p: Result) => p.key === 'recap-tokayev');
    expect(person.resolve).toBe('new');
  });

  it('refuses what cannot be undone, with a typed error', async () => {
    const created = await prisma.resolution.findFirstOrThrow({ where: { rule: 'CREATED', kind: 'PERSON' } });
    const country = await prisma.resolution.findFirstOrThrow({ where: { kind: 'COUNTRY' } });
    for (const [id, message] of [
      [globalId('Resolution', String(created.id)), /already has a node of its own/],
      [globalId('Resolution', String(country.id)), /countries are reference data/],
      [globalId('Person', 'x'), /not the ID of a Resolution/],
      [globalId('Resolution', '999999'), /no such resolution/],
    ] as const) {
      const { data } = await execute<Result>(
        'mutation($input: UndoResolutionInput!) { undoResolution(input: $input) { __typename ... on Error { message } ... on UndoResolutionError { message } } }',
        { input: { id } },
        bearer('curate'),
      );
      expect(data.undoResolution.__typename).toBe('UndoResolutionError');
      expect(data.undoResolution.message).toMatch(message);
    }
  });
});

describe('mergeEntities', () => {
  const MERGE = /* GraphQL */ `
    mutation($input: MergeEntitiesInput!) {
      mergeEntities(input: $input) {
        __typename
        ... on MergeError { message }
        ... on MergedEntities { mergedKey moved { table count } kept { ... on Person { id name aliases statementCount } } }
      }
    }
  `;

  it('moves everything to the kept node, and the merged node’s ID resolves to it', async () => {
    // After the undo above, the recap's Tokayev is a node of its own: merge it back.
    const recap = await prisma.resolution.findFirstOrThrow({
      where: { localKey: 'recap-tokayev' },
      include: { person: true },
    });
    const mergedKey = recap.person?.key as string;
    const statementsBefore = await prisma.statement.count({ where: { speakerPersonId: recap.personId } });
    const kept = await prisma.person.findUniqueOrThrow({ where: { key: 'kassym-jomart-tokayev' } });
    const { data, errors } = await execute<Result>(
      MERGE,
      { input: { keep: globalId('Person', 'kassym-jomart-tokayev'), merge: globalId('Person', mergedKey) } },
      bearer('curate'),
    );
    expect(errors).toBeUndefined();
    const result = data.mergeEntities;
    expect(result.__typename).toBe('MergedEntities');
    expect(result.mergedKey).toBe(mergedKey);
    expect(result.kept.name).toBe('Kassym-Jomart Tokayev');
    expect(result.kept.statementCount).toBe(kept.statementCount + statementsBefore);
    expect(Object.fromEntries(result.moved.map((m: Result) => [m.table, m.count]))).toMatchObject({ resolutions: 1 });
    expect(await prisma.person.count({ where: { key: mergedKey } })).toBe(0);

    const { data: lookup } = await execute<Result>(
      `{ node(id: "${globalId('Person', mergedKey)}") { id ... on Person { name } } }`,
    );
    expect(lookup.node).toEqual({ id: globalId('Person', 'kassym-jomart-tokayev'), name: 'Kassym-Jomart Tokayev' });
    const { data: around } = await execute<Result>(
      `{ neighbors(id: "${globalId('Person', mergedKey)}", depth: 1) { nodes { __typename } } }`,
    );
    expect(around.neighbors.nodes.length).toBeGreaterThan(1);
  });

  it('refuses merges that make no sense, with a typed error and nothing changed', async () => {
    const before = await dumpDatabase(prisma);
    for (const [keep, merge, message] of [
      [
        globalId('Person', 'kassym-jomart-tokayev'),
        globalId('Organization', 'tass'),
        /keep is a Person and merge a Organization/,
      ],
      [globalId('Country', 'KZ'), globalId('Country', 'UZ'), /Country nodes cannot be merged/],
      [globalId('Person', 'kassym-jomart-tokayev'), globalId('Person', 'kassym-jomart-tokayev'), /the same node/],
      [globalId('Person', 'kassym-jomart-tokayev'), globalId('Person', 'nobody'), /merge: no Person has the ID/],
    ] as const) {
      const { data } = await execute<Result>(MERGE, { input: { keep, merge } }, bearer('curate'));
      expect(data.mergeEntities).toMatchObject({ __typename: 'MergeError', message: expect.stringMatching(message) });
    }
    expect(await dumpDatabase(prisma)).toEqual(before);
  });
});
