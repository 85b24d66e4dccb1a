/**
 * Dashboard aggregations (issue 3): grouped counts per dimension and time bucket, under the
 * same filters as the collections. Seed answers are known from the article; a few statements
 * with other dates are added to check the buckets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../src/db.js';
import { countQueries, execute } from './support/graphql.js';

interface Group {
  count: number;
  kind?: string | null;
  country?: { code: string } | null;
  speaker?: { __typename: string; name: string } | null;
  organization?: { name: string } | null;
  occasion?: { title: string } | null;
  period?: string | null;
  periodEnd?: string | null;
}

async function stats(args: string, fields = 'count') {
  const { data, errors } = await execute<{ statementStats: { total: number; truncated: boolean; groups: Group[] } }>(
    `{ statementStats(${args}) { total truncated groups { ${fields} } } }`,
    {},
  );
  expect(errors).toBeUndefined();
  return data?.statementStats as { total: number; truncated: boolean; groups: Group[] };
}

describe('statementStats on the seed', () => {
  it('counts statements per country (a statement about two countries counts for each)', async () => {
    const result = await stats('groupBy: [COUNTRY]', 'count country { code }');
    expect(result.total).toBe(9);
    expect(result.groups).toEqual([
      { count: 7, country: { code: 'KZ' } },
      { count: 2, country: { code: 'UZ' } },
      { count: 1, country: { code: 'AF' } },
      { count: 1, country: { code: 'KG' } },
    ]);
  });

  it('counts statements by speaker about a country, and by kind', async () => {
    const result = await stats(
      'where: { about: { some: { code: "KZ" } } }, groupBy: [SPEAKER, KIND]',
      'count kind speaker { __typename ... on Person { name } ... on Organization { name } }',
    );
    expect(result.total).toBe(7);
    expect(result.groups).toEqual([
      { count: 4, kind: 'PARAPHRASE', speaker: { __typename: 'Person', name: 'Alexander Lukashenko' } },
      { count: 2, kind: 'QUOTE', speaker: { __typename: 'Person', name: 'Alexander Lukashenko' } },
      { count: 1, kind: 'PARAPHRASE', speaker: { __typename: 'Organization', name: 'Kazakh authorities' } },
    ]);
  });

  it('counts per occasion and per organization', async () => {
    const byOccasion = await stats('groupBy: [OCCASION]', 'count occasion { title }');
    expect(byOccasion.groups).toEqual([
      { count: 8, occasion: { title: expect.stringMatching(/CSTO Collective Security Council/) } },
      { count: 1, occasion: null },
    ]);
    const byOrganization = await stats('groupBy: [ORGANIZATION]', 'count organization { name }');
    // Lukashenko's one role ("President of Belarus") names no organization.
    expect(byOrganization.groups).toEqual([
      { count: 8, organization: null },
      { count: 1, organization: { name: 'Kazakh authorities' } },
    ]);
  });

  it('reports truncation and rejects bad arguments', async () => {
    const result = await stats('groupBy: [COUNTRY], first: 2', 'count');
    expect(result.groups).toHaveLength(2);
    expect(result.truncated).toBe(true);
    const { errors } = await execute('{ statementStats(groupBy: []) { total } }');
    expect(errors?.[0]?.message).toMatch(/at least one dimension/);
    const tooMany = await execute('{ statementStats(groupBy: [KIND], first: 5000) { total } }');
    expect(tooMany.errors?.[0]?.message).toMatch(/first must be between 1 and 1000/);
  });
});

describe('time buckets', () => {
  // Three statements on other days, on the seed's evidence: 2022-01-03 (Mon), 2022-01-05,
  // 2022-02-14; the seed has 8 on 2022-01-10 (a Monday) and 1 with an unknown date.
  beforeAll(async () => {
    const template = await prisma.statement.findFirstOrThrow({ where: { saidOn: { not: null } } });
    const days = ['2022-01-03', '2022-01-05', '2022-02-14'];
    for (const [i, day] of days.entries()) {
      await prisma.statement.create({
        data: {
          key: `test/bucket-${i}`,
          articleId: template.articleId,
          kind: 'QUOTE',
          text: template.text,
          start: template.start,
          end: template.end,
          speakerPersonId: template.speakerPersonId,
          saidOn: new Date(`${day}T00:00:00Z`),
          saidOnPrecision: 'DAY',
          about: { connect: [{ code: 'UZ' }] },
        },
      });
    }
  });
  afterAll(async () => {
    await prisma.statement.deleteMany({ where: { key: { startsWith: 'test/bucket-' } } });
  });

  it('buckets by day, week, month and year, in time order, unknown dates last', async () => {
    const day = await stats('groupBy: [PERIOD], bucket: DAY', 'count period periodEnd');
    expect(day.groups).toEqual([
      { count: 1, period: '2022-01-03', periodEnd: '2022-01-03' },
      { count: 1, period: '2022-01-05', periodEnd: '2022-01-05' },
      { count: 8, period: '2022-01-10', periodEnd: '2022-01-10' },
      { count: 1, period: '2022-02-14', periodEnd: '2022-02-14' },
      { count: 1, period: null, periodEnd: null },
    ]);
    const week = await stats('groupBy: [PERIOD], bucket: WEEK', 'count period periodEnd');
    expect(week.groups.map((g) => [g.period, g.periodEnd, g.count])).toEqual([
      ['2022-01-03', '2022-01-09', 2],
      ['2022-01-10', '2022-01-16', 8],
      ['2022-02-14', '2022-02-20', 1],
      [null, null, 1],
    ]);
    const month = await stats('groupBy: [PERIOD], bucket: MONTH', 'count period periodEnd');
    expect(month.groups.map((g) => [g.period, g.periodEnd, g.count])).toEqual([
      ['2022-01-01', '2022-01-31', 10],
      ['2022-02-01', '2022-02-28', 1],
      [null, null, 1],
    ]);
    const year = await stats('groupBy: [PERIOD], bucket: YEAR', 'count period');
    expect(year.groups).toEqual([
      { count: 11, period: '2022-01-01' },
      { count: 1, period: null },
    ]);
  });

  it('counts per country per day', async () => {
    const result = await stats(
      'where: { about: { some: { code: "UZ" } } }, groupBy: [COUNTRY, PERIOD], bucket: DAY',
      'count country { code } period',
    );
    const uz = result.groups.filter((g) => g.country?.code === 'UZ');
    expect(uz.map((g) => [g.period, g.count])).toEqual([
      ['2022-01-03', 1],
      ['2022-01-05', 1],
      ['2022-01-10', 2],
      ['2022-02-14', 1],
    ]);
  });

  it('fills empty buckets for a chart when asked', async () => {
    const result = await stats('groupBy: [PERIOD], bucket: WEEK, fillEmptyPeriods: true', 'count period');
    expect(result.groups.map((g) => [g.period, g.count])).toEqual([
      ['2022-01-03', 2],
      ['2022-01-10', 8],
      ['2022-01-17', 0],
      ['2022-01-24', 0],
      ['2022-01-31', 0],
      ['2022-02-07', 0],
      ['2022-02-14', 1],
      [null, 1],
    ]);
  });
});

describe('eventStats', () => {
  it('counts events per kind and country, and per start month', async () => {
    const { data, errors } = await execute<{
      eventStats: {
        total: number;
        groups: { count: number; kind: string | null; country: { code: string } | null; period: string | null }[];
      };
    }>(`{
      byCountry: eventStats(groupBy: [COUNTRY]) { total groups { count kind country { code } period } }
      eventStats(where: { parent: { kind: CRISIS } }, groupBy: [PERIOD], bucket: MONTH) { total groups { count kind country { code } period } }
    }`);
    expect(errors).toBeUndefined();
    const byCountry = (
      data as unknown as { byCountry: { total: number; groups: { count: number; country: { code: string } | null }[] } }
    ).byCountry;
    expect(byCountry.total).toBe(9);
    expect(byCountry.groups.map((g) => [g.country?.code ?? null, g.count])).toEqual([
      ['KZ', 8],
      [null, 1],
    ]);
    // The unrest's phases: protests (Jan 2) and riots (January) start in January 2022; five have no known start.
    expect(data?.eventStats.total).toBe(7);
    expect(data?.eventStats.groups.map((g) => [g.period, g.count])).toEqual([
      ['2022-01-01', 3],
      [null, 4],
    ]);
  });
});

describe('the SQL filter and the Prisma filter agree', () => {
  // Aggregations compile filters to SQL; connections hand them to Prisma. Same filter, same rows.
  const filters = [
    {},
    { kind: 'QUOTE' },
    { NOT: { kind: 'QUOTE' } },
    { about: { some: { code: 'KZ' } } },
    { about: { none: { code: 'KZ' } } },
    { about: { every: { code: 'KZ' } } },
    { OR: [{ about: { some: { code: 'UZB' } } }, { saidOn: { isNull: true } }] },
    { saidOn: { gte: '2022-01-10' } },
    { speakerPerson: { name: { contains: 'luka' } } },
    { speakerPerson: { roles: { some: { country: { name: { startsWith: 'bela' } } } } } },
    { speakerOrganization: { country: { code: 'KZ' } } },
    { occasion: { participants: { some: { role: 'SPEAKER' } } } },
    { article: { publishedOn: { equals: '2022-01-10' } } },
    { kindIn: ['PARAPHRASE'], about: { some: { statementCount: { gte: 2 } } } },
    { speakerPerson: { name: { contains: '%' } } },
    { speakerPerson: { name: { in: ['ALEXANDER LUKASHENKO'] } } },
  ];

  it.each(filters.map((f) => [JSON.stringify(f), f]))('%s', async (_name, where) => {
    const { data, errors } = await execute<{
      statements: { totalCount: number };
      statementStats: { total: number; groups: { count: number }[] };
    }>(
      `query($where: StatementFilter) {
        statements(first: 1, where: $where) { totalCount }
        statementStats(where: $where, groupBy: [KIND]) { total groups { count } }
      }`,
      { where },
    );
    expect(errors).toBeUndefined();
    expect(data?.statementStats.total).toBe(data?.statements.totalCount);
    expect(data?.statementStats.groups.reduce((sum, g) => sum + g.count, 0)).toBe(data?.statements.totalCount);
  });
});

describe('SQL per request', () => {
  it('a grouped aggregation costs the group query, the total, and at most one load per entity type', async () => {
    const { queries } = await countQueries(() =>
      execute(
        '{ statementStats(groupBy: [SPEAKER, COUNTRY, OCCASION, PERIOD]) { total groups { count speaker { __typename } country { code } occasion { title } period } } }',
      ),
    );
    expect(queries.length).toBeLessThanOrEqual(6);
  });
});
