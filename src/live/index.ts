/**
 * Live updates: the process's bus, fed by every committed ingestion (and, through the same
 * listeners, every curation edit). In process unless REDIS_URL is set. Created on import but
 * connected by `startLiveUpdates()` (src/server.ts), so that a script importing the schema
 * (npm run schema:print) opens no connection.
 */
import { config } from '../config.js';
import { onArticleIngested } from '../ingest/index.js';
import { LiveBus } from './bus.js';
import { announcementOf } from './events.js';
import { redisTransport } from './redis.js';
import { inProcessTransport } from './transport.js';

export { type Deliver, LiveUnavailableError } from './bus.js';
export type { ArticleCommitted } from './events.js';

export const liveBus = new LiveBus(
  config.REDIS_URL ? redisTransport(config.REDIS_URL, config.REDIS_CHANNEL_PREFIX) : inProcessTransport(),
);

// Listeners run after the commit: a rolled-back ingestion never gets here.
onArticleIngested((outcome) => {
  const announcement = announcementOf(outcome);
  if (announcement) liveBus.publish(announcement);
});

export function startLiveUpdates(): void {
  liveBus.start();
}

export function stopLiveUpdates(): Promise<void> {
  return liveBus.close();
}
