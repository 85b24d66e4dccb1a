/** The schema builder: plugins, scalars and the root types. Models live in src/schema/. */
import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import ValidationPlugin from '@pothos/plugin-validation';
import { GraphQLError } from 'graphql';
import { DateResolver } from 'graphql-scalars';
import { z } from 'zod';
import { config } from './config.js';
import { prisma } from './db.js';
import type PrismaTypes from './generated/pothos-types.js';
import { getDatamodel } from './generated/pothos-types.js';

export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes;
  Scalars: {
    /** A calendar date, YYYY-MM-DD; held as a UTC midnight Date. */
    Date: { Input: Date; Output: Date };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  plugins: [ErrorsPlugin, ValidationPlugin, SimpleObjectsPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
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

builder.queryType({ description: 'The knowledge graph: entities, statements and events from news articles.' });
