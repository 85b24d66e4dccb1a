/** GET /live/status: the live bus as JSON (transport, state, open subscribers, listeners, counts). */
import type { Plugin } from 'graphql-yoga';
import { liveBus } from './index.js';

export function useLiveStatus(): Plugin {
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== '/live/status') return;
      endResponse(
        new fetchAPI.Response(JSON.stringify(liveBus.status()), {
          headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
        }),
      );
    },
  };
}
