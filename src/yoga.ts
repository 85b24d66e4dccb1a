/** The GraphQL-over-HTTP server, without a port: src/server.ts listens, tests call yoga.fetch. */
import { createYoga, useReadinessCheck } from 'graphql-yoga';
import { authenticate } from './auth/keys.js';
import type { Context } from './builder.js';
import { config } from './config.js';
import { prisma } from './db.js';
import { useExports } from './export/plugin.js';
import { useLiveStatus } from './live/plugin.js';
import { schema } from './schema/index.js';
import { graphiqlOptions, renderOfflineGraphiQL } from './web/graphiql.js';
import { useExplorer } from './web/plugin.js';

export const yoga = createYoga<Record<string, unknown>, Context>({
  schema,
  // Who the request's API key says it is; reads need none, writes check their scope.
  context: ({ request }) => ({ auth: authenticate(request.headers.get('authorization'), config.API_KEYS) }),
  graphqlEndpoint: '/graphql',
  landingPage: false,
  // Errors thrown on purpose (GraphQLError) reach the client; anything else is masked as
  // "Unexpected error." and logged, in every environment.
  maskedErrors: true,
  graphiql: graphiqlOptions,
  renderGraphiQL: renderOfflineGraphiQL, // every asset inlined: GraphiQL works offline
  logging: config.isProduction ? 'info' : 'warn',
  plugins: [
    // /health (built in) says the process is up; /ready says it can answer from its database.
    useReadinessCheck({
      endpoint: '/ready',
      check: async () => {
        await prisma.$queryRaw`SELECT 1`;
      },
    }),
    useExports(), // GET /export/statements.csv|ndjson, /export/subgraph.cytoscape.json|ndjson|csv
    useExplorer(), // GET /explore/: the explorer front end (web/, built into web/dist/)
    // GET /live/status: the live-updates bus (subscriptions themselves need no plugin: yoga
    // serves them over Server-Sent Events).
    useLiveStatus(),
  ],
});
