/**
 * Running the API's own schema in-process for the exports, so that they accept exactly what
 * the GraphQL API accepts (filters, validation, limits) and answer with the same messages.
 */
import { type DocumentNode, execute, GraphQLError, parse, validate } from 'graphql';
import { schema } from '../schema/index.js';

/** An error a client can fix (HTTP 400 or 404), with the message the API would give. */
export class ExportInputError extends Error {
  override name = 'ExportInputError';
  constructor(
    message: string,
    readonly status: 400 | 404 = 400,
  ) {
    super(message);
  }
}

const documents = new Map<string, DocumentNode>();

/**
 * Executes `source` with `variables` against the API schema and returns `data`. Errors that the
 * client caused (bad variables, failed validation, unknown IDs) become ExportInputError with
 * the API's message; anything else is thrown as it is (an internal error, reported as 500).
 */
export async function executeOperation<TData>(source: string, variables: Record<string, unknown>): Promise<TData> {
  let document = documents.get(source);
  if (!document) {
    document = parse(source);
    const problems = validate(schema, document);
    // The export's own query no longer fits the schema: a bug here, not the client's.
    if (problems.length > 0)
      throw new Error(`export query does not validate: ${problems.map((p) => p.message).join('; ')}`);
    documents.set(source, document);
  }
  // A fresh context per execution: plugin-prisma caches its query plans per context object.
  const result = await execute({ schema, document, variableValues: variables, contextValue: {} });
  if (result.errors?.length) {
    const internal = result.errors.find((e) => !isClientError(e));
    if (internal) throw internal.originalError ?? internal;
    const notFound = result.errors.some((e) => e.extensions?.code === 'NOT_FOUND');
    throw new ExportInputError(result.errors.map((e) => e.message).join('; '), notFound ? 404 : 400);
  }
  return result.data as TData;
}

/**
 * The same rule as yoga's error masking: variable coercion errors (no original error) and
 * GraphQLErrors thrown on purpose (including the validation plugin's) are the client's.
 */
const isClientError = (error: GraphQLError) => !error.originalError || error.originalError instanceof GraphQLError;
