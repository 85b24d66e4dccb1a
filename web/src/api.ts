/** The public GraphQL API at /graphql: the explorer's only source of data. */

export class ApiError extends Error {
  override name = 'ApiError';
}

interface Answer<T> {
  data?: T | null;
  errors?: { message: string }[];
}

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('The service does not answer. Is it running?');
  }
  const answer = (await response.json().catch(() => ({}))) as Answer<T>;
  if (answer.errors?.length) throw new ApiError(answer.errors.map((e) => e.message).join('; '));
  if (!response.ok || !answer.data) throw new ApiError(`The API answered HTTP ${response.status}.`);
  return answer.data;
}
