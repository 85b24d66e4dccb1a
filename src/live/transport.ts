/** How announcements travel between the writer and the subscribers: in process, or through Redis. */
import { getEventListeners } from 'node:events';
import { ARTICLE_COMMITTED, type ArticleCommitted } from './events.js';

/** `up`: subscriptions are accepted. `connecting`: never reached yet. `down`: lost, reconnecting. */
export type TransportState = 'up' | 'connecting' | 'down';

export type AnnouncementListener = (event: Event) => void;

export interface Transport {
  kind: 'in-process' | 'redis';
  /** The event name listeners attach to (the Redis channel, with its prefix). */
  topic: string;
  /** Where each subscriber's listener attaches: an EventTarget or the Redis event target. */
  target: {
    addEventListener(topic: string, listener: AnnouncementListener): void;
    removeEventListener(topic: string, listener: AnnouncementListener): void;
  };
  /** Sends an announcement; never throws, never waits (a failure is counted and logged). */
  publish(message: ArticleCommitted): void;
  /** Settles once the listeners attached so far really receive announcements. */
  whenListening(): Promise<void>;
  state(): TransportState;
  /** Why subscriptions are refused right now, for the client. */
  outage(): string;
  /** Calls `listener` each time the transport goes from up to down. */
  onDown(listener: () => void): void;
  /** Listeners attached to the target now. */
  listenerCount(): number;
  status(): Record<string, unknown>;
  start(): void;
  close(): Promise<void>;
}

/** One instance, no network: a plain EventTarget, dispatched synchronously after the commit. */
export function inProcessTransport(): Transport {
  const target = new EventTarget();
  let published = 0;
  return {
    kind: 'in-process',
    topic: ARTICLE_COMMITTED,
    target,
    publish(message) {
      published++;
      target.dispatchEvent(new CustomEvent(ARTICLE_COMMITTED, { detail: message }));
    },
    whenListening: () => Promise.resolve(),
    state: () => 'up',
    outage: () => 'live updates are available',
    onDown: () => {},
    // Node reads the listeners off the EventTarget itself: the real count, not a tally of ours.
    listenerCount: () => getEventListeners(target, ARTICLE_COMMITTED).length,
    status: () => ({ published }),
    start: () => {},
    close: () => Promise.resolve(),
  };
}
