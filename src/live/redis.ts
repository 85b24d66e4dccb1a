/**
 * Announcements through Redis pub/sub (@graphql-yoga/redis-event-target on two ioredis
 * connections), so that every instance behind a load balancer delivers every event.
 *
 * When Redis goes away, subscriptions fail clearly (docs/live-updates.md says why): open
 * streams end with SERVICE_UNAVAILABLE, new ones are refused, and publishing counts what it
 * could not send. ioredis reconnects by itself; once both connections are back, subscriptions
 * are accepted again. Queries and ingestion never depend on Redis. One log line per change of
 * state, however many errors ioredis reports in between.
 */
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis, type RedisOptions } from 'ioredis';
import { ARTICLE_COMMITTED, parseAnnouncement } from './events.js';
import type { Transport, TransportState } from './transport.js';

const connectionOptions: RedisOptions = {
  lazyConnect: true,
  // Reconnect for ever and soon: delivery resumes within about two seconds of Redis returning.
  retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  // A command while Redis is away fails at once rather than waiting in a queue: a publish sent
  // late would arrive out of order, and one resent after a reconnect could arrive twice.
  enableOfflineQueue: false,
  autoResendUnfulfilledCommands: false,
  // Every stream ends when the connection drops, so there is nothing to subscribe again.
  autoResubscribe: false,
};

/** `redis://user:secret@host:6379/0` → `host:6379`: the log never shows a password. */
export function redisAddress(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '6379'}`;
}

export function redisTransport(url: string, channelPrefix: string, log = console.log): Transport {
  const address = redisAddress(url);
  const topic = `${channelPrefix}${ARTICLE_COMMITTED}`;
  const publisher = new Redis(url, { ...connectionOptions, connectionName: 'kg-live-publish', commandTimeout: 5_000 });
  const subscriber = new Redis(url, { ...connectionOptions, connectionName: 'kg-live-subscribe' });

  let state: TransportState = 'connecting';
  let closing = false;
  let lastError = 'not connected yet';
  let errorSinceReady = false;
  let reportedConnecting = false;
  let reportedUnsent = false;
  let published = 0;
  let unsent = 0;
  let unsentInOutage = 0;
  let listeners = 0;
  let subscribeAck: Promise<void> = Promise.resolve();
  const downListeners: Array<() => void> = [];

  const settle = (event: 'ready' | 'close') => {
    if (closing) return;
    // Redis shutting down closes the connection without an error to report.
    if (event === 'close' && state === 'up' && !errorSinceReady) lastError = 'connection closed';
    const up = publisher.status === 'ready' && subscriber.status === 'ready';
    if (up && state !== 'up') {
      log(
        state === 'connecting'
          ? `live updates: through Redis at ${address} (channel ${topic})`
          : `live updates: Redis at ${address} is back; subscriptions accepted again${unsentInOutage ? ` (${unsentInOutage} announcement${unsentInOutage === 1 ? '' : 's'} could not be sent meanwhile)` : ''}`,
      );
      state = 'up';
      unsentInOutage = 0;
      errorSinceReady = false;
      reportedUnsent = false;
    } else if (!up && state === 'up') {
      state = 'down';
      log(
        `live updates: lost Redis at ${address} (${lastError}); open subscriptions ended, new ones refused until it returns`,
      );
      for (const listener of downListeners) listener();
    }
  };

  for (const client of [publisher, subscriber]) {
    // Without a listener ioredis prints every failed reconnection attempt: remember the
    // reason for the state-change line instead.
    client.on('error', (error: Error) => {
      lastError = (error as NodeJS.ErrnoException).code ?? error.message;
      errorSinceReady = true;
      if (state === 'connecting' && !reportedConnecting && !closing) {
        reportedConnecting = true;
        log(`live updates: cannot reach Redis at ${address} (${lastError}); subscriptions refused until it answers`);
      }
    });
    client.on('ready', () => settle('ready'));
    client.on('close', () => settle('close'));
  }

  // The event target drops the promises of the commands it sends; these stand-ins give it the
  // same commands with every failure handled, so none can become an unhandled rejection.
  const publishClient = {
    publish(channel: string, message: string) {
      publisher.publish(channel, message).then(
        () => {
          published++;
        },
        (error: Error) => {
          unsent++;
          unsentInOutage++;
          // Once per connected period: a Redis that refuses every PUBLISH must not flood the log.
          if (state === 'up' && !closing && !reportedUnsent) {
            reportedUnsent = true;
            log(
              `live updates: an announcement could not be sent through Redis (${error.message}); counting the others`,
            );
          }
        },
      );
    },
  };
  const subscribeClient = {
    on(event: 'message', handler: (channel: string, message: string) => void) {
      subscriber.on(event, handler);
      return subscribeClient;
    },
    subscribe(channel: string) {
      subscribeAck = subscriber.subscribe(channel).then(() => {});
      subscribeAck.catch(() => {}); // the streams waiting on it see the failure
    },
    unsubscribe(channel: string) {
      subscriber.unsubscribe(channel).catch(() => {}); // a dead connection has no subscriptions left
    },
  };
  const target = createRedisEventTarget<CustomEvent>({
    // Only the methods above are called by the event target (see its source).
    publishClient: publishClient as unknown as Redis,
    subscribeClient: subscribeClient as unknown as Redis,
    // A message that is not an announcement becomes null, never an exception in ioredis' handler.
    serializer: { stringify: JSON.stringify, parse: parseAnnouncement },
  });

  return {
    kind: 'redis',
    topic,
    target: {
      addEventListener(name, listener) {
        listeners++;
        target.addEventListener(name, listener);
      },
      removeEventListener(name, listener) {
        listeners--;
        target.removeEventListener(name, listener);
      },
    },
    publish(message) {
      target.dispatchEvent(new CustomEvent(topic, { detail: message }));
    },
    whenListening: () => subscribeAck,
    state: () => state,
    // For clients: where Redis runs and why it failed is for the operator's log only.
    outage: () =>
      state === 'connecting'
        ? 'live updates are unavailable: the service has not reached its event bus yet; try again shortly'
        : 'live updates are interrupted: the service lost its event bus; subscribe again shortly',
    onDown: (listener) => downListeners.push(listener),
    listenerCount: () => listeners,
    status: () => ({ channel: topic, published, unsent }),
    start() {
      // A failed first attempt is reported by the 'error' handler; ioredis goes on retrying.
      for (const client of [publisher, subscriber]) client.connect().catch(() => {});
    },
    async close() {
      closing = true;
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
