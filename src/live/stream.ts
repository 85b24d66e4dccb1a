/**
 * One subscriber's stream: an async iterator fed by a listener that is attached when the
 * stream is made, not when it is first read. The subscription resolver can therefore return
 * only once the subscriber is really listening (through Redis: once SUBSCRIBE is
 * acknowledged), so a client that has seen the first byte of its response misses nothing
 * committed afterwards.
 *
 * `return()` (the client went away) detaches at once, even while the reader is waiting: an
 * async generator would only notice at its next event, and until then keep its listener.
 */

/** A slow reader may fall this many values behind before its stream is ended. */
export const MAX_QUEUED = 1_000;

type Waiter<T> = { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void };

export class LiveStream<T> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private waiter: Waiter<T> | undefined;
  private failure: unknown;
  private closed = false;
  private readonly detach: Array<() => void> = [];

  /** Runs `cleanup` when the stream ends, however it ends (at once if it already has). */
  onClose(cleanup: () => void): void {
    if (this.closed) cleanup();
    else this.detach.push(cleanup);
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  push(value: T): void {
    if (this.closed) return;
    if (this.waiter) {
      const { resolve } = this.waiter;
      this.waiter = undefined;
      resolve({ value, done: false });
      return;
    }
    if (this.queue.length >= MAX_QUEUED) {
      this.fail(new Error(`the subscriber fell more than ${MAX_QUEUED} events behind`));
      return;
    }
    this.queue.push(value);
  }

  /** Ends the stream with `error`, after the values already queued. */
  fail(error: unknown): void {
    if (this.closed) return;
    this.failure = error;
    this.close();
    if (this.waiter) {
      const { reject } = this.waiter;
      this.waiter = undefined;
      this.failure = undefined;
      reject(error);
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.queue.length > 0) return Promise.resolve({ value: this.queue.shift() as T, done: false });
    if (this.failure !== undefined) {
      const error = this.failure;
      this.failure = undefined;
      return Promise.reject(error);
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.queue.length = 0;
    this.failure = undefined;
    this.close();
    if (this.waiter) {
      const { resolve } = this.waiter;
      this.waiter = undefined;
      resolve({ value: undefined, done: true });
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    void this.return();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const cleanup of this.detach.splice(0)) cleanup();
  }
}
