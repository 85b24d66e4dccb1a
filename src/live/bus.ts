/**
 * The live bus of this process: it publishes what ingestion commits and gives each subscriber
 * a stream of its own. Transport-independent: src/live/transport.ts (in process) and
 * src/live/redis.ts (across instances) move the announcements.
 */
import { GraphQLError } from 'graphql';
import type { ArticleCommitted } from './events.js';
import { LiveStream } from './stream.js';
import type { Transport } from './transport.js';

/**
 * Subscriptions cannot be served now (Redis unreachable); the message says what to do. A
 * GraphQLError, so that it reaches the client as it is, also when it ends an open stream
 * (yoga would mask and log any other error, once per subscriber).
 */
export class LiveUnavailableError extends GraphQLError {
  override name = 'LiveUnavailableError';
  constructor(message: string) {
    super(message, { extensions: { code: 'SERVICE_UNAVAILABLE' } });
  }
}

/** What one subscriber makes of an announcement: the values its stream yields (maybe none). */
export type Deliver<T> = (announcement: ArticleCommitted) => Promise<readonly T[]> | readonly T[];

export class LiveBus {
  private readonly streams = new Set<LiveStream<unknown>>();
  private delivered = 0;

  constructor(readonly transport: Transport) {
    transport.onDown(() => {
      const error = new LiveUnavailableError(transport.outage());
      for (const stream of [...this.streams]) stream.fail(error);
    });
  }

  /** Never throws: it runs after a commit, which nothing may undo or fail. */
  publish(announcement: ArticleCommitted): void {
    try {
      this.transport.publish(announcement);
    } catch (error) {
      console.error(`live updates: announcing article ${announcement.articleKey} failed: ${(error as Error).message}`);
    }
  }

  /**
   * A new subscriber's stream, listening before this resolves. Announcements are delivered in
   * the order they arrive, each once; a failing `deliver` (the database away) ends the stream
   * with its error.
   */
  async open<T>(deliver: Deliver<T>): Promise<LiveStream<T>> {
    const { transport } = this;
    if (transport.state() !== 'up') throw new LiveUnavailableError(transport.outage());
    const stream = new LiveStream<T>();
    let queue: Promise<void> = Promise.resolve();
    const listener = (event: Event) => {
      const announcement = (event as CustomEvent<ArticleCommitted | null>).detail;
      if (!announcement) return;
      queue = queue
        .then(async () => {
          if (!stream.isOpen) return;
          for (const value of await deliver(announcement)) {
            this.delivered++;
            stream.push(value);
          }
        })
        .catch((error: unknown) => stream.fail(error));
    };
    transport.target.addEventListener(transport.topic, listener);
    this.streams.add(stream as LiveStream<unknown>);
    stream.onClose(() => {
      transport.target.removeEventListener(transport.topic, listener);
      this.streams.delete(stream as LiveStream<unknown>);
    });
    try {
      await transport.whenListening();
    } catch {
      // SUBSCRIBE failed: the connection went, and the transport logs that once.
      await stream.return();
      throw new LiveUnavailableError(transport.outage());
    }
    // Redis may have gone while SUBSCRIBE was on its way.
    if (!stream.isOpen) throw new LiveUnavailableError(transport.outage());
    return stream;
  }

  /** For /live/status and the tests: what is open and what went through. */
  status() {
    return {
      transport: this.transport.kind,
      state: this.transport.state(),
      subscribers: this.streams.size,
      listeners: this.transport.listenerCount(),
      delivered: this.delivered,
      ...this.transport.status(),
    };
  }

  start(): void {
    this.transport.start();
  }

  async close(): Promise<void> {
    for (const stream of [...this.streams]) await stream.return();
    await this.transport.close();
  }
}
