/**
 * The public contract of the API (issue 2): the documented operations validate and return
 * the right answers from the curated seed, on both storages. Expected values come from
 * reading the article, not from the database.
 */
import { readFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { prisma } from '../src/db.js';
import { schema } from '../src/schema/index.js';
import { countQueries, execute } from './support/graphql.js';

const operation = (name: string) => readFileSync(new URL(`./operations/${name}.graphql`, import.meta.url), 'utf8');
const articleText = readFileSync(
  new URL('../seed/articles/tass-2022-01-10-kazakh-crisis-uzbekistan/article.txt', import.meta.url),
  'utf8',
);

interface StatementNode {
  id: string;
  text: string;
  kind: string;
  saidOn: string | null;
  speaker: { __typename: string; name: string; acronym?: string | null };
  about: { code: string; name: string }[];
  occasion: { title: string } | null;
  evidence: { start: number; end: number; text: string; article: { title: string } };
}
interface EventNode {
  id: string;
  title: string;
  kind: string;
  startDate: string | null;
  endDate: string | null;
  participants: { role: string; actor: { __typename: string; name?: string; code?: string } }[];
  evidence: { text: string };
}
interface WhoSaidWhatAbout {
  country: {
    code: string;
    alpha3: string;
    name: string;
    statementsAbout: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { cursor: string; node: StatementNode }[];
    };
    events: { totalCount: number; edges: { node: EventNode }[] };
  } | null;
}

async function whoSaidWhatAbout(code: string) {
  const result = await execute<WhoSaidWhatAbout>(operation('WhoSaidWhatAbout'), { code });
  expect(result.errors).toBeUndefined();
  const country = result.data?.country;
  if (!country) throw new Error(`no country for ${code}`);
  return country;
}

describe('WhoSaidWhatAbout', () => {
  it('answers who spoke about Uzbekistan, with exact evidence, for any code form', async () => {
    for (const code of ['UZ', 'uz', 'UZB', 'uzb']) {
      const country = await whoSaidWhatAbout(code);
      expect(country).toMatchObject({ code: 'UZ', alpha3: 'UZB', name: 'Uzbekistan' });
    }
    const country = await whoSaidWhatAbout('UZ');
    const statements = country.statementsAbout.edges.map((e) => e.node);
    expect(country.statementsAbout.totalCount).toBe(2);
    expect(statements.map((s) => s.speaker)).toEqual([
      { __typename: 'Person', name: 'Alexander Lukashenko' },
      { __typename: 'Person', name: 'Alexander Lukashenko' },
    ]);
    expect(statements.map((s) => s.kind).sort()).toEqual(['PARAPHRASE', 'QUOTE']);
    const quote = statements.find((s) => s.kind === 'QUOTE');
    expect(quote?.text).toContain('their (the terrorists’ - TASS) sights have already been set on Uzbekistan');
    for (const s of statements) {
      expect(s.saidOn).toBe('2022-01-10');
      expect(s.occasion?.title).toMatch(/CSTO Collective Security Council/);
      expect(s.about.map((c) => c.code)).toContain('UZ');
      // The evidence is character-exact: the span of the article is the text.
      expect(articleText.slice(s.evidence.start, s.evidence.end)).toBe(s.evidence.text);
      expect(s.evidence.text).toBe(s.text);
      expect(s.evidence.article.title).toBe(
        'Kazakh crisis may occur in Uzbekistan, if lessons aren’t learned, warns Lukashenko',
      );
    }
    expect(country.statementsAbout.pageInfo.hasNextPage).toBe(false);
    expect(country.events.totalCount).toBe(0);
  });

  it('answers about Afghanistan and Kyrgyzstan', async () => {
    const afghanistan = await whoSaidWhatAbout('AF');
    expect(afghanistan.statementsAbout.edges.map((e) => e.node.text)).toEqual([
      'Afghanistan has been added to this list quite recently,',
    ]);
    expect(afghanistan.statementsAbout.edges[0]?.node.kind).toBe('QUOTE');

    const kyrgyzstan = await whoSaidWhatAbout('kgz');
    expect(kyrgyzstan.statementsAbout.totalCount).toBe(1);
    const node = kyrgyzstan.statementsAbout.edges[0]?.node;
    expect(node?.text).toMatch(
      /^I am absolutely convinced of this, the closest peoples - Kazakhstan and Kyrgyzstan - should team up/,
    );
    expect(node?.about.map((c) => c.code)).toEqual(['KG', 'KZ']);
  });

  it('finds no statement about Belarus: the speaker’s country is not what he speaks about', async () => {
    const belarus = await whoSaidWhatAbout('BY');
    expect(belarus.statementsAbout.totalCount).toBe(0);
    expect(belarus.statementsAbout.edges).toEqual([]);
  });

  it('lists the events in Kazakhstan with their dates and participants', async () => {
    const kazakhstan = await whoSaidWhatAbout('KZ');
    const events = kazakhstan.events.edges.map((e) => e.node);
    expect(kazakhstan.events.totalCount).toBe(events.length);
    const byKind = new Map(events.map((e) => [e.kind, e]));
    expect(byKind.get('CRISIS')?.startDate).toBe('2022-01-02');
    expect(byKind.get('PROTEST')).toMatchObject({ startDate: '2022-01-02' });
    expect(byKind.get('PROTEST')?.evidence.text).toMatch(/Protests erupted in several Kazakh cities on January 2/);
    // "a few days later": only the month is known, stored as its first day.
    expect(byKind.get('RIOT')?.startDate).toBe('2022-01-01');
    expect(byKind.get('RESTORATION_OF_ORDER')).toMatchObject({ startDate: null, endDate: '2022-01-07' });
    expect(byKind.get('MOURNING')).toMatchObject({ startDate: '2022-01-10', endDate: '2022-01-10' });
    const request = byKind.get('REQUEST_FOR_ASSISTANCE');
    expect(request?.participants).toEqual(
      expect.arrayContaining([
        { role: 'REQUESTER', actor: { __typename: 'Person', name: 'Kassym-Jomart Tokayev' } },
        { role: 'RECIPIENT', actor: { __typename: 'Organization', name: 'Collective Security Treaty Organization' } },
      ]),
    );
    for (const event of events) expect(articleText).toContain(event.evidence.text);
    // Kazakhstan is what most statements are about.
    expect(kazakhstan.statementsAbout.totalCount).toBe(7);
  });

  it('costs a constant number of SQL statements, however many statements it returns', async () => {
    const before = await countQueries(() => whoSaidWhatAbout('UZ'));
    // Twenty more statements about Uzbekistan, by both kinds of speaker, on the same evidence.
    const seed = await prisma.statement.findFirstOrThrow({ where: { about: { some: { code: 'UZ' } } } });
    const org = await prisma.organization.findUniqueOrThrow({ where: { key: 'kazakh-authorities' } });
    await prisma.$transaction(
      Array.from({ length: 20 }, (_, i) =>
        prisma.statement.create({
          data: {
            key: `test/extra-${i}`,
            articleId: seed.articleId,
            kind: seed.kind,
            text: seed.text,
            start: seed.start,
            end: seed.end,
            ...(i % 2 === 0 ? { speakerPersonId: seed.speakerPersonId } : { speakerOrganizationId: org.id }),
            about: { connect: [{ code: 'UZ' }, { code: 'KZ' }] },
          },
        }),
      ),
    );
    try {
      const after = await countQueries(() => whoSaidWhatAbout('UZ'));
      expect(after.result.statementsAbout.totalCount).toBe(22);
      expect(after.queries.length).toBe(before.queries.length);
      expect(before.queries.length).toBeLessThanOrEqual(3);
    } finally {
      await prisma.statement.deleteMany({ where: { key: { startsWith: 'test/extra-' } } });
    }
  });
});

describe('the other contract operations', () => {
  it('People: finds Lukashenko case-insensitively, with his role and statements', async () => {
    const { data, errors } = await execute<{
      persons: {
        totalCount: number;
        edges: {
          node: {
            id: string;
            name: string;
            aliases: string[];
            roles: { title: string; country: { code: string } | null; organization: unknown }[];
            statements: { totalCount: number; edges: { node: { text: string; about: { code: string }[] } }[] };
          };
        }[];
      };
    }>(operation('People'));
    expect(errors).toBeUndefined();
    expect(data?.persons.totalCount).toBe(1);
    const person = data?.persons.edges[0]?.node;
    expect(person?.name).toBe('Alexander Lukashenko');
    expect(person?.aliases).toContain('Lukashenko');
    expect(person?.roles).toEqual([{ title: 'President of Belarus', country: { code: 'BY' }, organization: null }]);
    expect(person?.statements.totalCount).toBe(8);
    expect(person?.statements.edges).toHaveLength(8);
    // None of what he said is about Belarus.
    expect(person?.statements.edges.flatMap((e) => e.node.about.map((c) => c.code))).not.toContain('BY');
  });

  it('Filtered: the quotes about Afghanistan, with their speaker', async () => {
    const { data, errors } = await execute<{
      statements: { totalCount: number; edges: { node: { text: string; speaker: { name: string } } }[] };
    }>(operation('Filtered'));
    expect(errors).toBeUndefined();
    expect(data?.statements).toEqual({
      totalCount: 1,
      edges: [
        {
          node: {
            text: 'Afghanistan has been added to this list quite recently,',
            speaker: { name: 'Alexander Lukashenko' },
          },
        },
      ],
    });
  });

  it('Orgs: the CSTO, led by Russia, and its Council, part of it', async () => {
    const { data, errors } = await execute<{
      organizations: {
        edges: {
          node: {
            name: string;
            acronym: string | null;
            kind: string;
            parent: { name: string } | null;
            leadCountry: { code: string } | null;
            statements: { totalCount: number };
          };
        }[];
      };
    }>(operation('Orgs'));
    expect(errors).toBeUndefined();
    const nodes = data?.organizations.edges.map((e) => e.node);
    expect(nodes).toEqual([
      {
        id: expect.any(String),
        name: 'Collective Security Treaty Organization',
        acronym: 'CSTO',
        kind: 'INTERGOVERNMENTAL_ORGANIZATION',
        parent: null,
        leadCountry: { code: 'RU' },
        statements: { totalCount: 0 },
      },
      {
        id: expect.any(String),
        name: 'CSTO Collective Security Council',
        acronym: null,
        kind: 'INTERGOVERNMENTAL_BODY',
        parent: { name: 'Collective Security Treaty Organization' },
        leadCountry: null,
        statements: { totalCount: 0 },
      },
    ]);
  });

  it('Articles: the TASS article, its dateline, date and exact body', async () => {
    const { data, errors } = await execute<{
      articles: {
        edges: {
          node: {
            id: string;
            title: string;
            dateline: string;
            publishedOn: string;
            source: { name: string };
            body: string;
          };
        }[];
      };
    }>(operation('Articles'));
    expect(errors).toBeUndefined();
    const article = data?.articles.edges[0]?.node;
    expect(article).toMatchObject({ publishedOn: '2022-01-10', source: { name: 'TASS' } });
    expect(article?.dateline).toMatch(/^MINSK/);
    expect(article?.body).toBe(articleText);
  });
});

describe('Relay', () => {
  const refetch = async (id: string) => {
    const { data, errors } = await execute<{ node: { __typename: string; id: string } | null }>(operation('Refetch'), {
      id,
    });
    expect(errors).toBeUndefined();
    return data?.node;
  };

  it('refetches every node type by its global ID', async () => {
    const { data } = await execute<Record<string, { edges: { node: { id: string } }[] }>>(`{
      persons(first: 1) { edges { node { id } } }
      organizations(first: 1) { edges { node { id } } }
      statements(first: 1) { edges { node { id } } }
      events(first: 1) { edges { node { id } } }
      articles(first: 1) { edges { node { id } } }
      countries(first: 1) { edges { node { id } } }
    }`);
    const expected = {
      persons: 'Person',
      organizations: 'Organization',
      statements: 'Statement',
      events: 'Event',
      articles: 'Article',
      countries: 'Country',
    };
    for (const [field, typename] of Object.entries(expected)) {
      const id = data?.[field]?.edges[0]?.node.id as string;
      expect(await refetch(id)).toEqual({ __typename: typename, id });
    }
  });

  it('answers null for a well-formed ID of a row that does not exist', async () => {
    expect(await refetch(Buffer.from('Person:nobody').toString('base64'))).toBeNull();
  });

  it('pages through every statement exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: {
        data?: {
          statements: {
            totalCount: number;
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
            edges: { node: { id: string } }[];
          };
        } | null;
      } = await execute(
        'query($after: String) { statements(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }',
        { after },
      );
      const connection = page.data?.statements;
      if (!connection) throw new Error('no page');
      seen.push(...connection.edges.map((e) => e.node.id));
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
      pages += 1;
    } while (after && pages < 20);
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
    expect(pages).toBe(5);
  });

  it('pages after a cursor in one SQL statement, and backwards too', async () => {
    const query = `query($after: String, $before: String, $first: Int, $last: Int) {
      statements(first: $first, last: $last, after: $after, before: $before) {
        pageInfo { endCursor } edges { cursor node { id speaker { __typename } about { code } occasion { title } } } } }`;
    type Page = { statements: { pageInfo: { endCursor: string }; edges: { cursor: string; node: { id: string } }[] } };
    const first = await execute<Page>(query, { first: 4 });
    const all = first.data?.statements.edges ?? [];
    const next = await countQueries(() => execute<Page>(query, { first: 2, after: all[1]?.cursor }));
    expect(next.result.data?.statements.edges.map((e) => e.node.id)).toEqual([all[2]?.node.id, all[3]?.node.id]);
    // Without the keyset rewrite Prisma loads each relation separately once a cursor is given.
    expect(next.queries).toHaveLength(1);
    const back = await execute<Page>(query, { last: 2, before: all[3]?.cursor });
    expect(back.data?.statements.edges.map((e) => e.node.id)).toEqual([all[1]?.node.id, all[2]?.node.id]);
  });
});

describe('bad input gets a clear error, never a crash', () => {
  const errorOf = async (query: string, variables?: Record<string, unknown>) => {
    const { errors } = await execute(query, variables);
    expect(errors?.length).toBeGreaterThan(0);
    return errors?.[0]?.message ?? '';
  };

  it('rejects unknown and malformed country codes', async () => {
    expect(await errorOf('{ country(code: "XX") { name } }')).toMatch(/Unknown country code "XX"/);
    expect(await errorOf('{ country(code: "U1") { name } }')).toMatch(/ISO 3166-1 alpha-2 or alpha-3 code/);
  });

  it('rejects malformed global IDs and unknown types', async () => {
    expect(await errorOf('{ node(id: "not base64!") { id } }')).toMatch(/Invalid global ID/);
    expect(await errorOf(`{ node(id: "${Buffer.from('Nope:1').toString('base64')}") { id } }`)).toMatch(/Nope/);
  });

  it('rejects pages above the limit and negative pages', async () => {
    expect(await errorOf('{ statements(first: 1000) { totalCount } }')).toMatch(/first must be between 0 and 100/);
    expect(await errorOf('{ statements(first: -1) { totalCount } }')).toMatch(/first/);
  });

  it('rejects invalid filters and cursors', async () => {
    expect(await errorOf('{ statements(first: 5, where: { bogus: 1 }) { totalCount } }')).toMatch(
      /"bogus" is not defined/,
    );
    expect(await errorOf('{ statements(first: 5, where: { kind: SHOUT }) { totalCount } }')).toMatch(/SHOUT/);
    expect(await errorOf('{ statements(first: 5, after: "garbage") { totalCount } }')).toMatch(/Invalid cursor/);
  });

  it('masks unexpected errors: a broken database gives "Unexpected error." and no internals', async () => {
    // Break this file's own database for a moment, so the resolver fails for real.
    await prisma.$executeRawUnsafe('ALTER TABLE "Person" RENAME TO "Person_hidden"');
    try {
      const { data, errors } = await execute('{ persons(first: 1) { edges { node { name } } } }');
      expect(data).toBeNull();
      expect(errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
        ['Unexpected error.', 'INTERNAL_SERVER_ERROR'],
      ]);
      expect(JSON.stringify(errors)).not.toMatch(/Person_hidden|prisma|SELECT/i);
    } finally {
      await prisma.$executeRawUnsafe('ALTER TABLE "Person_hidden" RENAME TO "Person"');
    }
  });
});

describe('schema', () => {
  it('matches the committed schema.graphql (run `npm run schema:print` after changing the API)', () => {
    const committed = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
    expect(`${printSchema(lexicographicSortSchema(schema))}\n`).toBe(committed);
  });
});
