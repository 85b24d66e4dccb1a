/**
 * Full-text search: the searchable types, validation of the user's query and the opaque cursor.
 * Nothing here touches the database.
 */
import { z } from 'zod';

/** The searchable types. */
export const SEARCH_TYPES = ['STATEMENT', 'EVENT', 'ARTICLE', 'PERSON', 'ORGANIZATION', 'COUNTRY'] as const;
export type SearchTypeName = (typeof SEARCH_TYPES)[number];

/** Longest query accepted, in characters (UTF-16 code units), after trimming. */
export const MAX_QUERY_LENGTH = 200;

/**
 * The search query: whitespace (including newlines and tabs) collapsed and trimmed; then it must
 * be non-empty, at most MAX_QUERY_LENGTH long, free of control characters and broken Unicode,
 * and contain at least one letter or digit (PostgreSQL's parser finds no word in "!!!" or "--").
 */
export const searchQuery = z
  .string()
  .transform((value) => value.replace(/\s+/gu, ' ').trim())
  .pipe(
    z
      .string()
      // One clear message per problem: a failed check stops the ones after it.
      .min(1, { error: 'query must not be empty', abort: true })
      .max(MAX_QUERY_LENGTH, { error: `query must be at most ${MAX_QUERY_LENGTH} characters long`, abort: true })
      // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting them is the point
      .refine((value) => !/[\u0000-\u001f\u007f]/u.test(value), {
        error: 'query must not contain control characters',
        abort: true,
      })
      .refine((value) => !/\p{Cs}/u.test(value), {
        error: 'query must be valid Unicode text (it has an unpaired surrogate)',
        abort: true,
      })
      .refine((value) => /[\p{L}\p{N}]/u.test(value), 'query must contain at least one letter or digit'),
  );

/** Where a page ends: the last hit's score, type and key (the sort order is score desc, type, key). */
export interface SearchPosition {
  score: number;
  type: SearchTypeName;
  key: string;
}

const CURSOR_TAG = 'search';

const cursorShape = z.tuple([z.literal(CURSOR_TAG), z.number().finite(), z.enum(SEARCH_TYPES), z.string().min(1)]);

/** An opaque cursor: base64url of JSON. Keyset, so a hit inserted meanwhile cannot repeat or skip one. */
export function encodeCursor({ score, type, key }: SearchPosition): string {
  return Buffer.from(JSON.stringify([CURSOR_TAG, score, type, key]), 'utf8').toString('base64url');
}

/** Input a client must fix; the API answers it as a GraphQL error with code BAD_USER_INPUT. */
export class SearchInputError extends Error {
  override name = 'SearchInputError';
}

export function decodeCursor(cursor: string): SearchPosition {
  let parsed: unknown;
  try {
    // Standard base64 is accepted too: Node decodes both alphabets.
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = cursorShape.safeParse(parsed);
  if (!result.success) throw new SearchInputError('after is not a cursor returned by search');
  const [, score, type, key] = result.data;
  return { score, type, key };
}

export interface SearchArgs {
  query: string;
  types?: readonly SearchTypeName[] | null;
  first?: number | null;
  after?: string | null;
}

export interface ParsedSearchArgs {
  text: string;
  /** In SEARCH_TYPES order, without duplicates. */
  types: SearchTypeName[];
  first: number;
  after?: SearchPosition;
}

/** Validates and normalises the arguments of `search`; throws SearchInputError with one clear message. */
export function parseSearchArgs(
  args: SearchArgs,
  limits: { defaultPageSize: number; maxPageSize: number },
): ParsedSearchArgs {
  const query = searchQuery.safeParse(args.query);
  if (!query.success) throw new SearchInputError(query.error.issues[0]?.message ?? 'query is invalid');
  if (args.types && args.types.length === 0) {
    throw new SearchInputError('types must name at least one type (omit it to search all)');
  }
  const first = args.first ?? limits.defaultPageSize;
  if (!Number.isInteger(first) || first < 0 || first > limits.maxPageSize) {
    throw new SearchInputError(`first must be between 0 and ${limits.maxPageSize}`);
  }
  return {
    text: query.data,
    types: SEARCH_TYPES.filter((type) => !args.types || args.types.includes(type)),
    first,
    after: args.after == null ? undefined : decodeCursor(args.after),
  };
}
