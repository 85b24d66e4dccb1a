/**
 * Downloads next to /graphql, for dashboard tools and graph viewers (GET only):
 *
 *   /export/statements.csv      ?where=<StatementFilter JSON>&limit=<1..100000>
 *   /export/statements.ndjson   (same parameters)
 *   /export/subgraph.cytoscape.json  ?id=<global ID>&depth=<1..3>&limit=<1..1000>&relationTypes=SAID,ABOUT
 *   /export/subgraph.ndjson     (same parameters): nodes, then edges, one JSON object per line
 *   /export/subgraph.csv        (same parameters): the edge list
 *
 * Parameters are checked by the GraphQL API itself (the exports execute its schema), so a bad
 * filter or ID gets the API's message: 400 (404 for an unknown ID) with {"error": {...}}.
 * Statement exports stream page by page; X-Total-Count tells how many statements match.
 */
import type { Plugin } from 'graphql-yoga';
import { ExportInputError } from './graphql.js';
import { exportStatements, MAX_EXPORT_ROWS, parseStatementParams, type StatementFormat } from './statements.js';
import { exportSubgraph, parseSubgraphParams, toCytoscape, toEdgeCsv, toNdjson } from './subgraph.js';

export const EXPORT_PREFIX = '/export/';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8; header=present',
  ndjson: 'application/x-ndjson; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const;

const ROUTES = {
  'statements.csv': 'Statements as CSV (?where=<StatementFilter JSON>&limit=)',
  'statements.ndjson': 'Statements as NDJSON (?where=&limit=)',
  'subgraph.cytoscape.json': 'The subgraph around a node as Cytoscape.js elements (?id=&depth=&limit=&relationTypes=)',
  'subgraph.ndjson': 'The subgraph as NDJSON: nodes, then edges (?id=&depth=&limit=&relationTypes=)',
  'subgraph.csv': 'The subgraph’s edges as CSV (?id=&depth=&limit=&relationTypes=)',
} as const;

/** Headers a browser dashboard on another origin may read (yoga's CORS applies to /export/ as to /graphql). */
const EXPOSED_HEADERS = 'content-disposition, x-total-count, x-export-row-limit, x-export-truncated, x-truncated';

type FetchAPI = { Response: typeof Response; ReadableStream: typeof ReadableStream };

export function useExports(): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(EXPORT_PREFIX) && url.pathname !== '/export') return;
      endResponse(await handleExport(request, url, fetchAPI as unknown as FetchAPI));
    },
  };
}

async function handleExport(request: Request, url: URL, api: FetchAPI): Promise<Response> {
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new api.Response(`${JSON.stringify(body, null, 2)}\n`, {
      status,
      headers: { 'content-type': CONTENT_TYPES.json, ...headers },
    });

  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return json(
      405,
      { error: { message: `${request.method} is not supported here; exports are GET requests.` } },
      { allow: 'GET, HEAD' },
    );
  }
  const name = url.pathname.slice(EXPORT_PREFIX.length);
  if (!(name in ROUTES)) {
    return json(404, { error: { message: `No export at ${url.pathname}.` }, exports: prefixed(ROUTES) });
  }
  const route = name as keyof typeof ROUTES;
  try {
    if (route === 'statements.csv' || route === 'statements.ndjson') {
      const format: StatementFormat = route === 'statements.csv' ? 'csv' : 'ndjson';
      const params = parseStatementParams(url);
      const result = await exportStatements(params, format);
      const headers = {
        'content-type': CONTENT_TYPES[format],
        'content-disposition': `attachment; filename="${route}"`,
        'cache-control': 'no-store',
        'x-total-count': String(result.totalCount),
        'x-export-row-limit': String(params.limit),
        'x-export-truncated': String(result.totalCount > params.limit),
        'access-control-expose-headers': EXPOSED_HEADERS,
      };
      if (request.method === 'HEAD') {
        await result.chunks.return();
        return new api.Response(null, { status: 200, headers });
      }
      return new api.Response(streamOf(result.chunks, api), { status: 200, headers });
    }

    const params = parseSubgraphParams(url);
    const subgraph = await exportSubgraph(params);
    const base = `subgraph-${fileSafe(params.id)}-depth${params.depth}`;
    const [body, type, filename] =
      route === 'subgraph.cytoscape.json'
        ? [`${JSON.stringify(toCytoscape(subgraph, params))}\n`, CONTENT_TYPES.json, `${base}.cytoscape.json`]
        : route === 'subgraph.ndjson'
          ? [toNdjson(subgraph), CONTENT_TYPES.ndjson, `${base}.ndjson`]
          : [toEdgeCsv(subgraph), CONTENT_TYPES.csv, `${base}.csv`];
    return new api.Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: {
        'content-type': type,
        'content-disposition': `attachment; filename="${filename}"`,
        'cache-control': 'no-store',
        'x-truncated': String(subgraph.truncated),
        'access-control-expose-headers': EXPOSED_HEADERS,
      },
    });
  } catch (error) {
    if (error instanceof ExportInputError) {
      return json(error.status, {
        error: { message: error.message, code: error.status === 404 ? 'NOT_FOUND' : 'BAD_USER_INPUT' },
      });
    }
    console.error(`export ${url.pathname} failed:`, error);
    return json(500, { error: { message: 'Unexpected error.' } });
  }
}

/** The generator's chunks as a byte stream, pulled on demand; cancelling stops the paging. */
function streamOf(chunks: AsyncGenerator<string, void, undefined>, api: FetchAPI): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new api.ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        for (;;) {
          const next = await chunks.next();
          if (next.done) return controller.close();
          if (next.value === '') continue;
          return controller.enqueue(encoder.encode(next.value));
        }
      } catch (error) {
        // The status line has gone out: abort the download rather than end it short and look complete.
        console.error('export stream failed:', error);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return();
    },
  });
}

const prefixed = (routes: Record<string, string>) =>
  Object.fromEntries(Object.entries(routes).map(([name, description]) => [`${EXPORT_PREFIX}${name}`, description]));

/** A global ID made safe for a file name: its key, with anything but letters, digits, dot, dash and underscore replaced. */
function fileSafe(globalId: string): string {
  let key = globalId;
  try {
    const decoded = Buffer.from(globalId, 'base64').toString('utf8');
    key = decoded.slice(decoded.indexOf(':') + 1) || globalId;
  } catch {}
  return key.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
}

export { MAX_EXPORT_ROWS };
