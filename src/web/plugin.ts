/**
 * Serves the explorer's built front end (web/, built into web/dist/ by `npm run build:web`)
 * at /explore/. Without a build, /explore answers 503 saying how to make one. The page itself
 * only talks to /graphql and links to /export/; its Content-Security-Policy holds it to this
 * origin.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'graphql-yoga';

export const EXPLORER_PATH = '/explore';
/** Where `npm run build:web` puts the bundle. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

const CSP = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  // Cytoscape and Chart.js size their canvases through style attributes.
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

type FetchAPI = { Response: typeof Response };

/** `dist`: the built bundle's folder (another one in tests). */
export function useExplorer(dist = WEB_DIST): Plugin {
  const root = dist.endsWith(sep) ? dist : `${dist}${sep}`;
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const api = fetchAPI as unknown as FetchAPI;
      if (url.pathname === '/favicon.ico') {
        // Browsers ask for it on any page of the origin (e.g. /health); the explorer's icon.
        const icon = await fileResponse(api, request, root, join(root, 'favicon.svg'));
        if (icon) endResponse(icon);
        return;
      }
      if (url.pathname !== EXPLORER_PATH && !url.pathname.startsWith(`${EXPLORER_PATH}/`)) return;
      endResponse(await explorerResponse(api, request, url, root));
    },
  };
}

async function explorerResponse(api: FetchAPI, request: Request, url: URL, root: string): Promise<Response> {
  const text = (status: number, body: string, headers: Record<string, string> = {}) =>
    new api.Response(`${body}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return text(405, `${request.method} is not supported here.`, { allow: 'GET, HEAD' });
  }
  // Relative URLs in the page resolve against /explore/, not /.
  if (url.pathname === EXPLORER_PATH) {
    return new api.Response(null, { status: 308, headers: { location: `${EXPLORER_PATH}/${url.search}` } });
  }
  const index = join(root, 'index.html');
  if (!(await isFile(index))) {
    return text(503, 'The explorer is not built: run `npm run build:web` (npm install runs it too), then reload.', {
      'retry-after': '60',
    });
  }
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname.slice(EXPLORER_PATH.length + 1));
  } catch {
    return text(400, 'Malformed path.');
  }
  // normalize() resolves "..": whatever leaves the bundle's folder is not there.
  const file = relative === '' ? index : normalize(join(root, relative));
  if (!file.startsWith(root) || relative.includes('\0')) return text(404, 'Not found.');
  return (await fileResponse(api, request, root, file)) ?? text(404, `No such file in the explorer: ${relative}`);
}

async function fileResponse(
  api: FetchAPI,
  request: Request,
  root: string,
  file: string,
): Promise<Response | undefined> {
  if (!(await isFile(file))) return undefined;
  const body = await readFile(file);
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': String(body.byteLength),
    'x-content-type-options': 'nosniff',
    // Files under assets/ carry a content hash in their names; the rest must be revalidated.
    'cache-control': file.startsWith(join(root, 'assets', sep)) ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (extname(file) === '.html') headers['content-security-policy'] = CSP;
  return new api.Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}
