/**
 * GraphiQL's ready tabs: the who-said-what query first, then the README's examples with an
 * operation name each (GraphiQL titles a tab by its operation name), and a neighbourhood. The
 * browser test checks that every README tab is still one of the README's checked examples,
 * and that every tab runs without errors.
 */
import { exampleQuery } from '../graphiql-example.js';

/** README example bodies (the text inside the outer braces), named. */
export const readmeExampleBodies: Record<string, string> = {
  FiltersAndOrdering: `
  statements(first: 10, where: { about: { some: { code: "KZ" } }, kind: QUOTE }, orderBy: [SAID_ON_DESC]) {
    totalCount
    edges { node { text about { code } } }
  }
  persons(first: 5, where: { statements: { none: {} } }) {
    edges { node { name roles { title country { code } } } }
  }
  countries(first: 3, orderBy: [STATEMENT_COUNT_DESC]) {
    edges { node { code name statementCount } }
  }
`,
  StatsOverTime: `
  statementStats(groupBy: [COUNTRY, PERIOD], bucket: MONTH) {
    total
    groups { count country { code } period periodEnd }
  }
  eventStats(where: { country: { code: "KZ" } }, groupBy: [KIND]) {
    groups { count kind }
  }
`,
  Search: `
  search(query: "terrorists borders", first: 3) {
    totalCount
    edges { score snippet node { __typename ... on Statement { speaker { ... on Person { name } } } } }
  }
`,
  Path: `
  path(from: "UGVyc29uOmthc3N5bS1qb21hcnQtdG9rYXlldg==", to: "UGVyc29uOmFsZXhhbmRlci1sdWthc2hlbmtv") {
    length
    nodes { __typename ... on Person { name } ... on Country { code } ... on Statement { text } }
    edges { type label evidence { text } }
  }
`,
};

/** Not in the README (its traversal example is the path): Lukashenko's neighbourhood. */
const neighborsExample = `query Neighbors($id: ID! = "UGVyc29uOmFsZXhhbmRlci1sdWthc2hlbmtv") {
  neighbors(id: $id, depth: 1) {
    truncated
    nodes { __typename ... on Node { id } ... on Person { name } ... on Country { code } ... on Statement { text } }
    edges { type label source target evidence { start end text } }
  }
}
`;

export const graphiqlTabs = [
  { query: exampleQuery },
  ...Object.entries(readmeExampleBodies).map(([name, body]) => ({ query: `query ${name} {${body}}\n` })),
  { query: neighborsExample },
];
