/**
 * Ingestion through the API (`ingestArticle`, `ingestArticles`): an article that restates the
 * seed's facts resolves to the seed's nodes; re-ingesting is a no-op; a changed version
 * replaces only its own facts; every validation rule answers a typed error naming the JSON
 * path; limits and drafts are enforced; nothing is ever half-written.
 */
import { describe, expect, it } from 'vitest';
import { draftContentHash } from '../src/annotations/draft-hash.js';
import { prisma } from '../src/db.js';
import { INGEST_LIMITS } from '../src/ingest/index.js';
import { bearer } from './support/api-keys.js';
import { dumpDatabase } from './support/dump.js';
import {
  type ArticleInput,
  FIXTURES,
  fixture,
  readArticle,
  seedDir,
  sha256,
  spanOf,
  syntheticArticle,
} from './support/fixtures.js';
import { execute } from './support/graphql.js';

const INGEST = /* GraphQL */ `
  mutation Ingest($input: IngestArticleInput!) {
    ingestArticle(input: $input) {
      __typename
      ... on Error { message }
      ... on IngestError { articleKey }
      ... on IngestedArticle {
        status
        article { id title synthetic reviewedBy ingestedBy }
        facts { statements events eventRelations roles mentions }
        entities { persons { created resolved } organizations { created resolved } events { created resolved } }
        resolutions { kind localKey rule reason node { __typename ... on Person { id name } ... on Event { id title } } }
      }
      ... on AnnotationInvalidError { problems { path message } }
      ... on IngestLimitError { limit maximum actual }
      ... on ArticleConflictError { conflictingArticleKey }
    }
  }
`;

// biome-ignore lint/suspicious/noExplicitAny: GraphQL results are checked field by field
type Result = any;

async function ingest(input: ArticleInput & { acceptDraft?: boolean; force?: boolean }): Promise<Result> {
  const { data, errors } = await execute<{ ingestArticle: Result }>(INGEST, { input }, bearer('ingest'));
  expect(errors).toBeUndefined();
  return data?.ingestArticle;
}

/** Every row of the database that belongs to articles other than `key`, for "untouched" checks. */
async function rowsOfOtherArticles(key: string) {
  const article = await prisma.article.findUnique({ where: { key }, select: { id: true } });
  const dump = await dumpDatabase(prisma);
  const own = (row: Record<string, unknown>) => article !== null && row.articleId === article.id;
  return Object.fromEntries(
    ['Statement', 'Role', 'Mention', 'EventReport', 'EventParticipant', 'EventRelation', 'Resolution'].map((t) => [
      t,
      dump[t]?.filter((row) => !own(row)),
    ]),
  );
}

describe('an article restating the seed, from another (synthetic) agency', () => {
  it('is created, and its entities resolve to the seed’s nodes', async () => {
    const result = await ingest(fixture(FIXTURES.caspianRecap));
    expect(result.__typename).toBe('IngestedArticle');
    expect(result.status).toBe('CREATED');
    expect(result.article.synthetic).toBe(true);
    expect(result.article.ingestedBy).toBe('test-ingest');
    // Its 8 events are the seed's, reported again.
    expect(result.entities.events).toEqual({ created: 0, resolved: 8 });
    const tokayev = result.resolutions.find((r: Result) => r.localKey === 'recap-tokayev');
    expect(tokayev.node).toEqual({ __typename: 'Person', id: expect.any(String), name: 'Kassym-Jomart Tokayev' });
    expect(tokayev.rule).toMatch(/NAME|SURNAME_AND_ROLE|TRANSLITERATION/);
  });

  it('makes every resolved node list both articles as its support', async () => {
    const { data } = await execute<Result>(/* GraphQL */ `{
      node(id: "UGVyc29uOmthc3N5bS1qb21hcnQtdG9rYXlldg==") {
        ... on Person { name supportedBy(first: 10) { totalCount edges { node { title synthetic } } } }
      }
      events(first: 1, where: { kind: PROTEST, country: { code: "KZ" } }) {
        edges { node { title reports { article { synthetic } evidence { text article { body } start end } } } }
      }
    }`);
    expect(data.node.supportedBy.totalCount).toBe(2);
    expect(data.node.supportedBy.edges.map((e: Result) => e.node.synthetic)).toEqual([false, true]);
    const reports = data.events.edges[0].node.reports;
    expect(reports).toHaveLength(2);
    for (const r of reports)
      expect(r.evidence.article.body.slice(r.evidence.start, r.evidence.end)).toBe(r.evidence.text);
  });

  it('changes nothing when ingested again unchanged', async () => {
    const before = await dumpDatabase(prisma);
    const result = await ingest(fixture(FIXTURES.caspianRecap));
    expect(result.status).toBe('UNCHANGED');
    expect(result.resolutions.length).toBeGreaterThan(0);
    expect(await dumpDatabase(prisma)).toEqual(before);
  });

  it('replaces only its own facts when a changed version comes in', async () => {
    const key = FIXTURES.caspianRecap;
    const others = await rowsOfOtherArticles(key);
    const changed = fixture(key);
    const dropped = changed.annotations.statements.find((s: Result) => s.kind === 'PARAPHRASE');
    changed.annotations.statements = changed.annotations.statements.filter((s: Result) => s !== dropped);
    const result = await ingest(changed);
    expect(result.status).toBe('REPLACED');
    expect(result.facts.statements).toBe(fixture(key).annotations.statements.length - 1);
    expect(await prisma.statement.count({ where: { key: `${key}/${dropped.key}` } })).toBe(0);
    expect(await rowsOfOtherArticles(key)).toEqual(others);
  });

  it('takes the same URL under another key for a new version of the same article', async () => {
    const first = syntheticArticle(901);
    first.annotations.article.url = 'https://example.org/synthetic/901';
    expect((await ingest(first)).status).toBe('CREATED');
    const renamed = syntheticArticle(901);
    renamed.annotations.article.url = 'https://example.org/synthetic/901';
    renamed.annotations.article.key = 'synthetic-load-901-renamed';
    const result = await ingest(renamed);
    expect(result.status).toBe('REPLACED');
    expect(await prisma.article.count({ where: { url: 'https://example.org/synthetic/901' } })).toBe(1);
    expect(await prisma.article.count({ where: { key: 'synthetic-load-901' } })).toBe(0);
  });

  it('refuses a text already stored under another key', async () => {
    const copy = readArticle(seedDir);
    copy.annotations.article.key = 'tass-copy';
    const before = await dumpDatabase(prisma);
    const result = await ingest(copy);
    expect(result).toMatchObject({
      __typename: 'ArticleConflictError',
      conflictingArticleKey: 'tass-2022-01-10-kazakh-crisis-uzbekistan',
      articleKey: 'tass-copy',
    });
    expect(await dumpDatabase(prisma)).toEqual(before);
  });
});

/** An edit of a valid synthetic article that breaks one rule, and what the error must say. */
const invalid: [string, (a: ArticleInput) => void, string, RegExp][] = [
  [
    'a statement without a speaker',
    (a) => (a.annotations.statements[0].speaker = null),
    '$.statements[0].speaker',
    /speaker must be/,
  ],
  [
    'a span that is not the text',
    (a) => (a.annotations.statements[0].text.text = `X${a.annotations.statements[0].text.text.slice(1)}`),
    '$.statements[0].text',
    /span \[\d+, \d+\) is "Kazakhstan would host the talks", not "Xazakhstan/,
  ],
  [
    'a span past the end',
    (a) => (a.annotations.article.title = { start: 5000, end: 5003, text: 'abc' }),
    '$.article.title',
    /runs past the end/,
  ],
  [
    'a wrong sha256',
    (a) => (a.annotations.article.sha256 = '0'.repeat(64)),
    '$.article.sha256',
    /does not match the text/,
  ],
  [
    'an unknown speaker',
    (a) => (a.annotations.statements[0].speaker = { person: 'nobody-at-all' }),
    '$.statements[0].speaker',
    /unknown person nobody-at-all/,
  ],
  [
    'an unknown country',
    (a) => (a.annotations.statements[0].about = ['Freedonia']),
    '$.statements[0].about[0]',
    /not an ISO 3166-1 code or a known country name/,
  ],
  [
    'an ambiguous country',
    (a) => (a.annotations.statements[0].about = ['Dominican']),
    '$.statements[0].about[0]',
    /may mean DM, DO/,
  ],
  [
    'a duplicate key',
    (a) => a.annotations.persons.push({ ...a.annotations.persons[0] }),
    '$.persons[2].key',
    /used twice/,
  ],
  [
    'an impossible date',
    (a) => (a.annotations.statements[0].saidOn = { value: '2023-02-30', precision: 'DAY', basis: 'x' }),
    '$.statements[0].saidOn',
    /not a calendar date/,
  ],
  [
    'an event that ends before it starts',
    (a) =>
      a.annotations.events.push({
        key: 'e',
        title: 'Talks',
        kind: 'MEETING',
        start: { value: '2023-03-10', precision: 'DAY', basis: 'x' },
        end: { value: '2023-03-01', precision: 'DAY', basis: 'x' },
        country: null,
        location: null,
        parent: null,
        participants: [],
        evidence: a.annotations.statements[0].text,
      }),
    '$.events[0].end',
    /ends \(2023-03-01\) before it starts/,
  ],
  [
    'an unknown field',
    (a) => (a.annotations.persons[0].nickname = 'V'),
    '$.persons[0]',
    /unknown field\(s\) "nickname"/,
  ],
  [
    'a resolve hint that is no ID',
    (a) => (a.annotations.persons[1].resolve = { id: 'not-an-id' }),
    '$.persons[1].resolve.id',
    /not a valid global ID/,
  ],
  [
    'a resolve hint naming nothing',
    (a) => (a.annotations.persons[1].resolve = { key: 'no-such-person' }),
    '$.persons[1].resolve',
    /no Person has the key "no-such-person"/,
  ],
  [
    'an uncovered quotation in «…»',
    (a) => {
      a.text = `${a.text}«A fictional remark nobody attributed.»\n`;
      a.annotations.article.sha256 = sha256(a.text);
    },
    '$.statements',
    /quotation at \[\d+, \d+\) is not covered by any statement: "A fictional remark nobody attributed\."/,
  ],
  [
    'two persons of one document that are one node',
    (a) => a.annotations.persons.push({ key: 'venn-again', name: 'Orla Venn', aliases: [], mentions: [] }),
    '$.persons[2]',
    /"venn-again" and "venn" both resolve to Orla Venn/,
  ],
];

describe('validation: nothing is written, and the error names the article, the path and the problem', () => {
  it.each(invalid)('%s', async (_name, edit, path, message) => {
    // Orla Venn must be in the graph for the "one node" case.
    await ingest(syntheticArticle(500));
    const article = syntheticArticle(501);
    edit(article);
    const before = await dumpDatabase(prisma);
    const result = await ingest(article);
    expect(result.__typename).toBe('AnnotationInvalidError');
    expect(result.articleKey).toBe('synthetic-load-501');
    expect(result.message).toMatch(/article synthetic-load-501 has \d+ problems?; nothing was written/);
    expect(result.problems).toContainEqual({ path, message: expect.stringMatching(message) });
    expect(await dumpDatabase(prisma)).toEqual(before);
  });

  it('answers a document that is not an object, and a text that is not one, with a typed error', async () => {
    const notObject = await ingest({ text: 'x', annotations: ['not', 'an', 'object'] });
    expect(notObject).toMatchObject({ __typename: 'AnnotationInvalidError', problems: [{ path: '$' }] });
    const noFormat = await ingest({ text: 'x', annotations: { hello: 'world' } });
    expect(noFormat.__typename).toBe('AnnotationInvalidError');
    expect(noFormat.problems.map((p: Result) => p.path)).toContain('$.format');
  });
});

describe('limits', () => {
  it(`refuses a text over ${INGEST_LIMITS.textLength.toLocaleString('en')} characters before reading anything`, async () => {
    const result = await ingest({
      text: 'x'.repeat(INGEST_LIMITS.textLength + 1),
      annotations: { article: { key: 'too-big' } },
    });
    expect(result).toMatchObject({
      __typename: 'IngestLimitError',
      limit: 'the text length',
      maximum: INGEST_LIMITS.textLength,
      actual: INGEST_LIMITS.textLength + 1,
      articleKey: 'too-big',
    });
  });

  it(`refuses more than ${INGEST_LIMITS.spans.toLocaleString('en')} spans`, async () => {
    const article = syntheticArticle(502);
    const span = article.annotations.persons[0].mentions[0];
    article.annotations.persons[0].mentions = Array.from({ length: INGEST_LIMITS.spans + 1 }, () => span);
    const result = await ingest(article);
    expect(result).toMatchObject({ __typename: 'IngestLimitError', limit: 'the number of spans' });
  });
});

describe('drafts', () => {
  const drafted = () => {
    const article = syntheticArticle(600);
    const { annotations } = article;
    annotations.draft = {
      tool: 'kg-draft',
      version: 'test',
      createdAt: '2026-12-01T00:00:00Z',
      contentHash: draftContentHash(annotations),
    };
    return article;
  };

  it('refuses a draft nobody edited or accepted', async () => {
    expect((await ingest(drafted())).__typename).toBe('DraftNotReviewedError');
    expect(await prisma.article.count({ where: { key: 'synthetic-load-600' } })).toBe(0);
  });

  it('takes an explicitly accepted draft, recording the key as its reviewer', async () => {
    const result = await ingest({ ...drafted(), acceptDraft: true });
    expect(result.status).toBe('CREATED');
    expect(result.article.reviewedBy).toBe('test-ingest');
    const stored = await prisma.article.findUniqueOrThrow({ where: { key: 'synthetic-load-600' } });
    expect((stored.annotation as Result).review.by).toBe('test-ingest');
  });

  it('takes an edited draft as reviewed by whoever sends it', async () => {
    const article = drafted();
    article.annotations.article.key = 'synthetic-load-600-edited';
    article.text = `${article.text}\n`; // another text, so it is another article
    article.annotations.article.sha256 = sha256(article.text);
    const result = await ingest(article);
    expect(result.status).toBe('CREATED');
    expect(result.article.reviewedBy).toBe('test-ingest');
  });
});

describe('ingestArticles', () => {
  it('ingests each article on its own: one failing does not stop the others', async () => {
    const good = syntheticArticle(700);
    const bad = syntheticArticle(701);
    bad.annotations.article.sha256 = 'f'.repeat(64);
    const { data, errors } = await execute<Result>(
      /* GraphQL */ `mutation($input: IngestArticlesInput!) {
        ingestArticles(input: $input) { __typename ... on IngestedArticle { status } ... on Error { message } }
      }`,
      { input: { articles: [good, bad, syntheticArticle(702)] } },
      bearer('ingest'),
    );
    expect(errors).toBeUndefined();
    expect(data.ingestArticles.map((r: Result) => r.status ?? r.__typename)).toEqual([
      'CREATED',
      'AnnotationInvalidError',
      'CREATED',
    ]);
  });

  it(`refuses more than ${INGEST_LIMITS.batch} articles at once`, async () => {
    const many = Array.from({ length: INGEST_LIMITS.batch + 1 }, () => ({ text: 'x', annotations: {} }));
    const { errors } = await execute(
      'mutation($input: IngestArticlesInput!) { ingestArticles(input: $input) { __typename } }',
      { input: { articles: many } },
      bearer('ingest'),
    );
    expect(errors?.[0]?.message).toMatch(/at most 100 articles/);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('spans in the stored graph', () => {
  it('equal the article slice for every statement, report, role and relation after ingestion', async () => {
    await ingest(fixture(FIXTURES.albion));
    const articles = new Map((await prisma.article.findMany()).map((a) => [a.id, a.body]));
    const check = (rows: { articleId: number; start: number; end: number; text: string }[]) => {
      for (const r of rows) expect(articles.get(r.articleId)?.slice(r.start, r.end)).toBe(r.text);
    };
    check(await prisma.statement.findMany());
    const ev = (r: { articleId: number; evidenceStart: number; evidenceEnd: number; evidenceText: string }) => ({
      articleId: r.articleId,
      start: r.evidenceStart,
      end: r.evidenceEnd,
      text: r.evidenceText,
    });
    check((await prisma.eventReport.findMany()).map(ev));
    check((await prisma.eventRelation.findMany()).map(ev));
    check((await prisma.role.findMany()).map(ev));
    check((await prisma.event.findMany()).map(ev));
    check(await prisma.mention.findMany());
    expect(spanOf('abc', 'b')).toEqual({ start: 1, end: 2, text: 'b' });
  });
});
