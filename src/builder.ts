/** The schema builder: plugins, scalars and the root types. Models live in src/schema/. */
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import ValidationPlugin from '@pothos/plugin-validation';
import { GraphQLError } from 'graphql';
import { DateResolver, DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { z } from 'zod';
import { unauthorizedError } from './auth/errors.js';
import { type AuthState, grants } from './auth/keys.js';
import { config } from './config.js';
import { prisma } from './db.js';
import type PrismaTypes from './generated/pothos-types.js';
import { getDatamodel } from './generated/pothos-types.js';

/** What every resolver knows about the request. */
export interface Context {
  /** Who the request's API key says it is (reads need none). */
  auth: AuthState;
}

export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes;
  Context: Context;
  AuthScopes: { ingest: boolean; curate: boolean; admin: boolean };
  Scalars: {
    /** A calendar date, YYYY-MM-DD; held as a UTC midnight Date. */
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  // Scope-auth first, errors before dataloader and prisma: the order each plugin's docs ask for.
  plugins: [
    ScopeAuthPlugin,
    ErrorsPlugin,
    ValidationPlugin,
    DataloaderPlugin,
    SimpleObjectsPlugin,
    PrismaPlugin,
    RelayPlugin,
  ],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (context) => ({
      ingest: grants(context.auth, 'ingest'),
      curate: grants(context.auth, 'curate'),
      admin: grants(context.auth, 'admin'),
    }),
    unauthorizedError: (_parent, context, info, result) => unauthorizedError(context.auth, info, result.failure),
  },
  prisma: {
    client: prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    // Counts run only when a client selects totalCount, with the connection's filter.
    filterConnectionTotalCount: true,
    maxConnectionSize: config.MAX_PAGE_SIZE,
    defaultConnectionSize: 20,
    // A resolver that forgets to spread `...query` loads too little or too much: fail loudly
    // in development and tests, stay quiet in production.
    onUnusedQuery: config.isProduction ? null : 'error',
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    // Asking for more than a page holds is an error, not a silently shorter page.
    firstArgOptions: {
      validate: z
        .number()
        .int()
        .min(0)
        .max(config.MAX_PAGE_SIZE, {
          message: `first must be between 0 and ${config.MAX_PAGE_SIZE}`,
        }),
    },
    lastArgOptions: {
      validate: z
        .number()
        .int()
        .min(0)
        .max(config.MAX_PAGE_SIZE, {
          message: `last must be between 0 and ${config.MAX_PAGE_SIZE}`,
        }),
    },
  },
  errors: { defaultTypes: [] },
  validation: {
    // Invalid arguments are the client's mistake: say which and where, with a machine-readable code.
    validationError: (failure) =>
      new GraphQLError(
        `Invalid argument: ${failure.issues
          .map((issue) => {
            const path = (issue.path ?? []).map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.');
            return path ? `${path}: ${issue.message}` : issue.message;
          })
          .join('; ')}`,
        { extensions: { code: 'BAD_USER_INPUT' } },
      ),
  },
});

builder.addScalarType('Date', DateResolver);
builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('JSON', JSONResolver);

builder.queryType({ description: 'The knowledge graph: entities, statements and events from news articles.' });
builder.mutationType({
  description: 'Writes: each needs an API key (Authorization: Bearer <key>) holding the scope the field names.',
});
