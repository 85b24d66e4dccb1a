/**
 * Filters and ordering (issue 3) against the curated seed, whose answers are known from the
 * article: 9 statements (3 quotes), 8 by Lukashenko and 1 by the Kazakh authorities (date
 * unknown); about KZ 7, UZ 2, AF 1, KG 1, none 1; 9 events.
 */
import { describe, expect, it } from 'vitest';
import { countQueries, execute } from './support/graphql.js';

type Connection<T> = { totalCount: number; edges: { node: T }[] };

async function statements(where: unknown, select = 'text') {
  const { data, errors } = await execute<{ statements: Connection<{ text: string }> }>(
    `query($where: StatementFilter) { statements(first: 100, where: $where) { totalCount edges { node { ${select} } } } }`,
    { where },
  );
  expect(errors).toBeUndefined();
  const connection = data?.statements as Connection<{ text: string }>;
  // totalCount is computed with the same filter as the page.
  expect(connection.totalCount).toBe(connection.edges.length);
  return connection;
}

const count = async (where: unknown) => (await statements(where)).totalCount;

async function names(
  collection: 'persons' | 'organizations' | 'countries' | 'events',
  where: unknown,
  orderBy?: string[],
) {
  const field = collection === 'countries' ? 'code' : collection === 'events' ? 'title' : 'name';
  const filterType = {
    persons: 'PersonFilter',
    organizations: 'OrganizationFilter',
    countries: 'CountryFilter',
    events: 'EventFilter',
  }[collection];
  const orderType = {
    persons: 'PersonOrderBy',
    organizations: 'OrganizationOrderBy',
    countries: 'CountryOrderBy',
    events: 'EventOrderBy',
  }[collection];
  const { data, errors } = await execute<Record<string, Connection<Record<string, string>>>>(
    `query($where: ${filterType}, $orderBy: [${orderType}!]) {
      ${collection}(first: 100, where: $where, orderBy: $orderBy) { totalCount edges { node { ${field} } } } }`,
    { where, orderBy },
  );
  expect(errors).toBeUndefined();
  return data?.[collection]?.edges.map((e) => e.node[field]);
}

describe('statement filters', () => {
  it('enum equality, list and negation', async () => {
    expect(await count({ kind: 'QUOTE' })).toBe(3);
    expect(await count({ kindIn: ['QUOTE', 'PARAPHRASE'] })).toBe(9);
    expect(await count({ NOT: { kind: 'QUOTE' } })).toBe(6);
  });

  it('boolean composition: AND, OR, nested NOT', async () => {
    expect(await count({ OR: [{ about: { some: { code: 'UZ' } } }, { about: { some: { code: 'AFG' } } }] })).toBe(3);
    expect(await count({ AND: [{ about: { some: { code: 'KZ' } } }, { kind: 'QUOTE' }] })).toBe(2);
    expect(
      await count({ AND: [{ about: { some: { code: 'KZ' } } }, { NOT: { about: { some: { code: 'UZ' } } } }] }),
    ).toBe(5);
    expect(await count({ OR: [] })).toBe(0);
    expect(await count({ AND: [] })).toBe(9);
  });

  it('relationship quantifiers on the countries a statement is about', async () => {
    expect(await count({ about: { some: { code: 'kz' } } })).toBe(7);
    // None about Kazakhstan: the Afghanistan quote and the one about "the region".
    expect(await count({ about: { none: { code: 'KZ' } } })).toBe(2);
    // Every country is Kazakhstan: the four about Kazakhstan alone, and the one about no country.
    expect(await count({ about: { every: { code: 'KZ' } } })).toBe(5);
    expect(await count({ about: { some: {} } })).toBe(8);
    expect(await count({ about: { some: { name: { startsWith: 'kyrg' } } } })).toBe(1);
  });

  it('date filters, including unknown dates', async () => {
    expect(await count({ saidOn: { equals: '2022-01-10' } })).toBe(8);
    expect(await count({ saidOn: { isNull: true } })).toBe(1);
    expect(await count({ saidOn: { gt: '2022-01-10' } })).toBe(0);
    expect(await count({ saidOn: { gte: '2022-01-01', lte: '2022-01-31' } })).toBe(8);
  });

  it('filters through the speaker, the occasion and the article', async () => {
    expect(await count({ speakerOrganization: { name: { contains: 'AUTHORITIES' } } })).toBe(1);
    expect(await count({ speakerPerson: { name: { equals: 'alexander lukashenko' } } })).toBe(8);
    expect(await count({ speakerPerson: { roles: { some: { country: { code: 'BY' } } } } })).toBe(8);
    expect(await count({ occasion: { kind: 'MEETING' } })).toBe(8);
    expect(await count({ article: { source: { name: { equals: 'TASS' } } } })).toBe(9);
  });

  it('filters the statements of a related connection too, and counts them with the same filter', async () => {
    const { data } = await execute<{ country: { statementsAbout: Connection<{ kind: string }> } }>(
      '{ country(code: "KZ") { statementsAbout(first: 10, where: { kind: QUOTE }) { totalCount edges { node { kind } } } } }',
    );
    expect(data?.country.statementsAbout.totalCount).toBe(2);
    expect(data?.country.statementsAbout.edges.map((e) => e.node.kind)).toEqual(['QUOTE', 'QUOTE']);
  });
});

describe('entity filters', () => {
  it('persons by count of related records and by absence of them', async () => {
    expect(await names('persons', { statementCount: { gte: 1 } })).toEqual(['Alexander Lukashenko']);
    expect(await names('persons', { statements: { none: {} } })).toEqual(['Kassym-Jomart Tokayev']);
    expect(await names('persons', { statementCount: { gte: 9 } })).toEqual([]);
  });

  it('case-insensitive string operators', async () => {
    expect(await names('persons', { name: { in: ['KASSYM-JOMART TOKAYEV', 'nobody'] } })).toEqual([
      'Kassym-Jomart Tokayev',
    ]);
    expect(await names('persons', { name: { startsWith: 'alex' } })).toEqual(['Alexander Lukashenko']);
    expect(await names('organizations', { acronym: { isNull: false } })).toEqual([
      'Collective Security Treaty Organization',
    ]);
    expect(await names('organizations', { name: { contains: '%' } })).toEqual([]);
  });

  it('organizations by kind, parent and lead country', async () => {
    expect(await names('organizations', { kind: 'ARMED_FORCES' })).toHaveLength(1);
    expect(await names('organizations', { parent: { acronym: { equals: 'csto' } } })).toEqual([
      'CSTO Collective Security Council',
    ]);
    expect(await names('organizations', { leadCountry: { code: 'RUS' } })).toEqual([
      'Collective Security Treaty Organization',
    ]);
    expect(await names('organizations', { kindIn: ['GOVERNMENT', 'NEWS_AGENCY'] }, ['NAME_ASC'])).toEqual([
      'Kazakh authorities',
      'TASS',
    ]);
  });

  it('events with a participant of a kind, by date, by parent', async () => {
    expect(await names('events', { participants: { some: { organization: { kind: 'ARMED_FORCES' } } } })).toHaveLength(
      1,
    );
    expect(
      await names('events', {
        participants: { some: { role: 'REQUESTER', person: { name: { contains: 'tokayev' } } } },
      }),
    ).toHaveLength(1);
    expect(await names('events', { startDate: { equals: '2022-01-02' } })).toHaveLength(2);
    expect(await names('events', { endDate: { lte: '2022-01-07' } })).toHaveLength(1);
    expect(await names('events', { parent: { kind: 'CRISIS' } })).toHaveLength(7);
    expect(await names('events', { participants: { none: {} } })).toHaveLength(5);
  });

  it('countries by related counts', async () => {
    expect(await names('countries', { statementCount: { gte: 1 } })).toEqual(['AF', 'KG', 'KZ', 'UZ']);
    expect(await names('countries', { eventCount: { gt: 0 } })).toEqual(['KZ']);
    expect(await names('countries', { statementsAbout: { some: { kind: 'QUOTE' } } })).toEqual([
      'AF',
      'KG',
      'KZ',
      'UZ',
    ]);
  });
});

describe('ordering', () => {
  it('orders countries by the number of statements about them, ties broken by code', async () => {
    const ordered = await names('countries', { statementCount: { gte: 1 } }, ['STATEMENT_COUNT_DESC']);
    expect(ordered).toEqual(['KZ', 'UZ', 'AF', 'KG']);
  });

  it('orders by date with unknown dates last, in both directions', async () => {
    const ordered = await names('events', {}, ['START_DATE_DESC']);
    const { data } = await execute<{ events: Connection<{ title: string; startDate: string | null }> }>(
      '{ events(first: 100, orderBy: [START_DATE_DESC]) { edges { node { title startDate } } } }',
    );
    const dates = data?.events.edges.map((e) => e.node.startDate) ?? [];
    expect(dates.slice(0, 5)).toEqual(['2022-01-10', '2022-01-10', '2022-01-02', '2022-01-02', '2022-01-01']);
    expect(dates.slice(5)).toEqual([null, null, null, null]);
    expect(ordered).toHaveLength(9);
  });

  it('keeps cursor pagination stable under an ordering with ties and nulls', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: {
        data?: {
          statements: {
            pageInfo: { hasNextPage: boolean; endCursor: string };
            edges: { node: { id: string; saidOn: string | null } }[];
          };
        } | null;
      } = await execute(
        `query($after: String) { statements(first: 2, after: $after, orderBy: [SAID_ON_DESC, KIND_ASC]) {
            pageInfo { hasNextPage endCursor } edges { node { id saidOn } } } }`,
        { after },
      );
      const connection = result.data?.statements;
      if (!connection) throw new Error('no page');
      seen.push(...connection.edges.map((e) => e.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
  });
});

describe('abusive or malformed filters get a clear error', () => {
  const errorOf = async (query: string, variables?: Record<string, unknown>) => {
    const { errors } = await execute(query, variables);
    expect(errors?.length).toBeGreaterThan(0);
    return errors?.map((e) => e.message).join(' | ') ?? '';
  };

  it('rejects unknown fields, huge lists and deep nesting', async () => {
    expect(await errorOf('{ statements(first: 1, where: { text: { contains: "x" } }) { totalCount } }')).toMatch(
      /"text" is not defined/,
    );
    const huge = Array.from({ length: 101 }, (_, i) => `name-${i}`);
    expect(
      await errorOf('query($w: PersonFilter) { persons(first: 1, where: $w) { totalCount } }', {
        w: { name: { in: huge } },
      }),
    ).toMatch(/at most 100/);
    let deep: Record<string, unknown> = { kind: 'QUOTE' };
    for (let i = 0; i < 8; i++) deep = { NOT: deep };
    expect(
      await errorOf('query($w: StatementFilter) { statements(first: 1, where: $w) { totalCount } }', { w: deep }),
    ).toMatch(/nested too deeply/);
    const wide = { OR: Array.from({ length: 61 }, () => ({ kind: 'QUOTE' })) };
    expect(
      await errorOf('query($w: StatementFilter) { statements(first: 1, where: $w) { totalCount } }', { w: wide }),
    ).toMatch(/too many conditions/);
  });

  it('rejects malformed values', async () => {
    expect(await errorOf('{ statements(first: 1, where: { saidOn: { gte: "2022-13-45" } }) { totalCount } }')).toMatch(
      /Date/,
    );
    expect(
      await errorOf('{ statements(first: 1, where: { about: { some: { code: "U1" } } }) { totalCount } }'),
    ).toMatch(/ISO 3166-1/);
    expect(await errorOf('{ persons(first: 1, where: { name: { contains: "" } }) { totalCount } }')).toMatch(
      /at least one character/,
    );
  });
});

describe('SQL per request', () => {
  it('a filtered, ordered page with nested fields costs at most 2 statements (page + count)', async () => {
    const { queries } = await countQueries(() =>
      execute(`{ statements(first: 5, where: { about: { some: { code: "KZ" } }, kind: PARAPHRASE }, orderBy: [SAID_ON_DESC]) {
        totalCount edges { node { text speaker { __typename ... on Person { name roles { title } } } about { code } occasion { title } } } } }`),
    );
    expect(queries.length).toBeLessThanOrEqual(2);
  });
});
