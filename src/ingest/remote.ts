/**
 * Ingestion through a running service's API (`npm run ingest -- --api <url>`): the same
 * mutation a client sends, with the key from KG_API_KEY. Needed when the embedded database
 * belongs to a running service (one process per data folder), and handy against any deployment.
 */
import type { IngestInput } from './prepare.js';
import type { EntityCounts, IngestStatus } from './write.js';

const MUTATION = /* GraphQL */ `
  mutation IngestArticle($input: IngestArticleInput!) {
    ingestArticle(input: $input) {
      __typename
      ... on Error { message }
      ... on IngestedArticle {
        status
        article { id }
        facts { statements events eventRelations roles mentions }
        entities {
          persons { created resolved }
          organizations { created resolved }
          events { created resolved }
          countries { created resolved }
        }
        removedNodes
      }
      ... on AnnotationInvalidError { problems { path message } }
      ... on UnresolvedEntitiesError {
        unresolved { kind localKey reason candidates { id key label rule score reason } }
      }
    }
  }
`;

export interface RemoteOutcome {
  status: IngestStatus;
  facts: Record<'statements' | 'events' | 'eventRelations' | 'roles' | 'mentions', number>;
  entities: Record<'persons' | 'organizations' | 'events' | 'countries', EntityCounts>;
  removedNodes: number;
}

/** A refusal from the service: its typed error, as lines for the terminal. */
export class RemoteIngestError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'RemoteIngestError';
  }
}

type Result = {
  __typename: string;
  message?: string;
  problems?: { path: string; message: string }[];
  unresolved?: {
    kind: string;
    localKey: string;
    reason: string;
    candidates: { id: string; key: string; label: string; rule: string; score: number; reason: string }[];
  }[];
} & Partial<RemoteOutcome>;

export async function ingestRemotely(
  url: string,
  apiKey: string | undefined,
  input: IngestInput & { force?: boolean },
): Promise<RemoteOutcome> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
    },
    body: JSON.stringify({ query: MUTATION, variables: { input } }),
  });
  const text = await response.text();
  let body: { data?: { ingestArticle?: Result | null } | null; errors?: { message: string }[] };
  try {
    body = JSON.parse(text);
  } catch {
    throw new RemoteIngestError(`the service answered HTTP ${response.status} without JSON: ${text.slice(0, 200)}`);
  }
  if (body.errors?.length) throw new RemoteIngestError(body.errors.map((e) => e.message).join('; '));
  const result = body.data?.ingestArticle;
  if (!result) throw new RemoteIngestError(`the service answered HTTP ${response.status} with no result`);
  if (result.__typename !== 'IngestedArticle') {
    const details = [
      ...(result.problems ?? []).map((p) => `${p.path}: ${p.message}`),
      ...(result.unresolved ?? []).flatMap((u) => [
        `${u.kind.toLowerCase()} "${u.localKey}": ${u.reason}`,
        ...u.candidates.map((c) => `  candidate ${c.key} (${c.label}, id ${c.id}): ${c.rule} ${c.score}, ${c.reason}`),
      ]),
    ];
    throw new RemoteIngestError(result.message ?? result.__typename, details);
  }
  return result as RemoteOutcome;
}
