// Reads a response body a chunk at a time, each as the socket (or the decompressor) handed it over. A Readable's async
// iterator hands over everything buffered meanwhile as one Buffer, copied together: a cost per byte on a fast
// stream, and the chunk boundaries (whose arrival times the Raw view shows) lost.

import { finished, type Readable } from 'node:stream';

export class BodyChunks {
  private readonly queue: Buffer[] = [];
  private done = false;
  private failure: { error: unknown } | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly body: Readable) {
    body.on('data', (chunk: Buffer) => {
      this.queue.push(chunk);
      // The reader takes one chunk at a time: the socket waits (TCP backpressure) until the queue is empty again.
      body.pause();
      this.notify();
    });
    // Ended, failed, or closed before its end (reported as an error, as the async iterator does).
    finished(body, (error) => {
      if (error) this.failure = { error };
      else this.done = true;
      this.notify();
    });
  }

  /** The next chunk; undefined once the body has ended; throws when it failed (after the chunks that came before). */
  async next(): Promise<Buffer | undefined> {
    for (;;) {
      const chunk = this.queue.shift();
      if (chunk !== undefined) {
        if (this.queue.length === 0 && this.failure === undefined && !this.done) this.body.resume();
        return chunk;
      }
      if (this.failure !== undefined) throw this.failure.error;
      if (this.done) return undefined;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
