/** The query GraphiQL opens with: who said what about Uzbekistan, with the exact words. */
export const exampleQuery = `# Who said what about Uzbekistan? Every answer points at the exact words in the source.
# Try another country: any ISO 3166-1 code, alpha-2 or alpha-3, e.g. "KZ", "AFG", "kg".
query WhoSaidWhatAbout($code: String! = "UZ") {
  country(code: $code) {
    code
    alpha3
    name
    statementsAbout(first: 50) {
      totalCount
      edges {
        node {
          id
          text
          kind
          saidOn
          speaker {
            __typename
            ... on Person { name roles { title } }
            ... on Organization { name acronym }
          }
          about { code name }
          occasion { title }
          evidence { start end text article { title } }
        }
      }
    }
    events(first: 50) {
      totalCount
      edges { node { title kind startDate startPrecision evidence { text } } }
    }
  }
}
`;
