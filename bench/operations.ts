/**
 * The operations `npm run bench` measures and `test/explain.test.ts` explains. Each is checked
 * against the running server's schema before it runs: an operation the API does not (yet)
 * offer is reported as "skipped: not in schema" instead of failing the run, so it starts being
 * measured as soon as the feature lands.
 *
 * Variables name generated data by its deterministic keys (src/generate: gen-p000001 is the
 * busiest generated speaker) or by values resolved from the database at run time (`resolve`).
 */
import { readFileSync } from 'node:fs';

export interface BenchOperation {
  /** Short name used in tables and JSON. */
  name: string;
  /** What the row of the table stands for. */
  description: string;
  query: string;
  variables: Record<string, unknown>;
  /** Index-backed work independent of the data size: its latency should stay flat 10k → 1M. */
  expectFlat: boolean;
}

/** The relay global ID of a node (Pothos' default encoding: base64 of "Type:id"). */
export const globalId = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString('base64');

/** The WhoSaidWhatAbout page of the contract tests, verbatim. */
export const whoSaidWhatAboutQuery = readFileSync(
  new URL('../test/operations/WhoSaidWhatAbout.graphql', import.meta.url),
  'utf8',
);

export const ceilingOperation: BenchOperation = {
  name: 'ceiling: { __typename }',
  description: 'the HTTP + GraphQL stack without resolvers or database: the most the server can answer',
  query: '{ __typename }',
  variables: {},
  expectFlat: true,
};

/**
 * Country codes by rank of statements about them: the hub (rank 5 of the generator's Zipf
 * order is KZ) and a country from the long tail, resolved per database.
 */
export interface OperationContext {
  hubCountry: string;
  tailCountry: string;
  /** The busiest generated person (gen-p000001). */
  hubPersonKey: string;
}

export function benchOperations(ctx: OperationContext): BenchOperation[] {
  return [
    {
      name: 'WhoSaidWhatAbout (hub country)',
      description: `test/operations/WhoSaidWhatAbout.graphql for ${ctx.hubCountry}: 50 statements and 50 events with totalCounts, speakers, countries, evidence`,
      query: whoSaidWhatAboutQuery,
      variables: { code: ctx.hubCountry },
      // totalCount counts every statement and event about a hub: that grows with the data.
      expectFlat: false,
    },
    {
      name: 'WhoSaidWhatAbout (tail country)',
      description: `the same page for ${ctx.tailCountry}, a country from the long tail`,
      query: whoSaidWhatAboutQuery,
      variables: { code: ctx.tailCountry },
      expectFlat: false,
    },
    {
      name: 'statements: filtered + ordered page',
      description: 'quotes about a hub country said since 2023-01-01, newest first, 20 per page (no totalCount)',
      query: /* GraphQL */ `
        query FilteredStatements($code: String!, $since: Date!) {
          statements(
            first: 20
            where: { about: { some: { code: $code } }, kind: QUOTE, saidOn: { gte: $since } }
            orderBy: [SAID_ON_DESC]
          ) {
            pageInfo { hasNextPage endCursor }
            edges { cursor node {
              id text kind saidOn
              speaker { __typename ... on Person { name } ... on Organization { name } }
              about { code }
            } }
          }
        }`,
      variables: { code: ctx.hubCountry, since: '2023-01-01' },
      expectFlat: true,
    },
    {
      name: 'statementStats: per month',
      description: 'statements about a hub country counted per month (statementStats groupBy PERIOD, bucket MONTH)',
      query: /* GraphQL */ `
        query StatementsPerMonth($code: String!) {
          statementStats(groupBy: [PERIOD], bucket: MONTH, where: { about: { some: { code: $code } } }) {
            total truncated groups { period count }
          }
        }`,
      variables: { code: ctx.hubCountry },
      // Counting every matching statement is proportional to the matches.
      expectFlat: false,
    },
    {
      name: 'search: full text',
      description:
        'search("desalination"), 20 best hits of all types with snippets (a topic of about 0.3 % of statements)',
      query: /* GraphQL */ `
        query Search($q: String!) {
          search(query: $q, first: 20) {
            edges { score snippet node {
              __typename
              ... on Statement { id text }
              ... on Event { id title }
              ... on Article { id title }
              ... on Person { id name }
              ... on Organization { id name }
              ... on Country { id name }
            } }
          }
        }`,
      variables: { q: 'desalination' },
      // Ranking reads every match before it can take the best 20.
      expectFlat: false,
    },
    {
      name: 'neighbors: depth 2',
      description: 'the depth-2 neighbourhood (at most 200 nodes) of the busiest speaker',
      query: /* GraphQL */ `
        query Neighbourhood($id: ID!) {
          neighbors(id: $id, depth: 2, limit: 200) {
            truncated
            nodes { __typename ... on Person { id name } ... on Country { id code } ... on Statement { id text }
                    ... on Event { id title } ... on Organization { id name } ... on Article { id title } }
            edges { type source target }
          }
        }`,
      variables: { id: globalId('Person', ctx.hubPersonKey) },
      // Bounded by the per-node edge cap and the node limit.
      expectFlat: true,
    },
  ];
}

/** SQL that picks the operation variables from a generated database. */
export const contextSql = `
  SELECT (SELECT code FROM "Country" WHERE code = 'KZ') AS "hubCountry",
         (SELECT code FROM "Country" ORDER BY "statementCount" DESC, code OFFSET 60 LIMIT 1) AS "tailCountry",
         (SELECT key FROM "Person" WHERE key = 'gen-p000001') AS "hubPersonKey"`;
