/** The GraphQL documents the explorer sends, all to the public API. */
import { articleSyntheticField, type Features, syntheticField } from './features.js';

const nodeFields = (f: Features) => `
  __typename
  ... on Person { id name }
  ... on Organization { id name acronym }
  ... on Country { id code name }
  ... on Event { id title startDate ${articleSyntheticField(f)} }
  ... on Statement { id text saidOn ${articleSyntheticField(f)} }
  ... on Article { id title publishedOn ${syntheticField(f)} }`;

const edgeFields = 'id type label role source target evidence { start end text article { id } }';

export const searchQuery = (f: Features) => `
query ExplorerSearch($query: String!, $first: Int!) {
  search(query: $query, first: $first) {
    totalCount
    edges { score snippet node { ${nodeFields(f)} } }
  }
}`;

export const neighborsQuery = (f: Features) => `
query ExplorerNeighbors($id: ID!, $depth: Int!, $limit: Int!, $types: [RelationType!]) {
  neighbors(id: $id, depth: $depth, limit: $limit, relationTypes: $types) {
    truncated
    nodes { ${nodeFields(f)} }
    edges { ${edgeFields} }
  }
}`;

export const pathQuery = (f: Features) => `
query ExplorerPath($from: ID!, $to: ID!, $maxDepth: Int!, $types: [RelationType!]) {
  path(from: $from, to: $to, maxDepth: $maxDepth, relationTypes: $types) {
    length
    truncated
    nodes { ${nodeFields(f)} }
    edges { ${edgeFields} }
  }
}`;

export const nodeQuery = (f: Features) => `
query ExplorerNode($id: ID!) {
  node(id: $id) { ... on GraphNode { ${nodeFields(f)} } }
}`;

const articleFields = (f: Features) => `id title publishedOn url dateline source { name } body ${syntheticField(f)}`;

export const articleQuery = (f: Features) => `
query ExplorerArticle($id: ID!) {
  node(id: $id) { ... on Article { ${articleFields(f)} } }
}`;

export const statementQuery = (f: Features) => `
query ExplorerStatement($id: ID!) {
  node(id: $id) {
    ... on Statement {
      __typename id text kind saidOn saidOnPrecision saidOnBasis note
      speaker { __typename ... on Person { id name } ... on Organization { id name } }
      about { id code name }
      occasion { id title }
      evidence { start end text }
      attribution { start end text }
      article { ${articleFields(f)} }
    }
  }
}`;

/** test/operations/WhoSaidWhatAbout.graphql, with a statement filter and the details shown here. */
export const whoSaidWhatAboutQuery = (f: Features) => `
query WhoSaidWhatAbout($code: String!, $where: StatementFilter, $after: String) {
  country(code: $code) {
    id code alpha3 name
    statementsAbout(first: 50, after: $after, where: $where, orderBy: [SAID_ON_ASC]) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node {
        id text kind saidOn saidOnPrecision
        speaker { __typename ... on Person { id name } ... on Organization { id name acronym } }
        about { code name }
        occasion { title }
        evidence { start end text article { id title ${syntheticField(f)} } }
      } }
    }
    events(first: 50) { totalCount edges { node {
      id title kind startDate startPrecision endDate
      participants { role actor { __typename ... on Person { name } ... on Organization { name } ... on Country { code } } }
      evidence { text }
    } } }
  }
}`;

export const countryStatsQuery = `
query CountryStatementStats($where: StatementFilter!, $bucket: TimeBucket!) {
  timeline: statementStats(groupBy: [PERIOD], bucket: $bucket, fillEmptyPeriods: true, where: $where) {
    total truncated groups { count period periodEnd }
  }
  bySpeaker: statementStats(groupBy: [SPEAKER], where: $where) {
    total truncated groups { count speaker { __typename ... on Person { id name } ... on Organization { id name } } }
  }
}`;
