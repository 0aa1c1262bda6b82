// Writes the CLI's lines to stdout in batches, and tells the engine when the reader has stopped taking them.
import { once } from 'node:events';

/**
 * A batch is written once it reaches this many characters. Far fewer writes than one per record (that cost a
 * third of the time), and small enough to stay in V8's young generation: batches of a whole 64 KiB chunk's
 * lines (~700 KB) went to fresh large-object memory and made encoding them about eight times slower.
 */
const BATCH_CHARS = 32 * 1024;

/**
 * Lines are written in batches, and a reader that stalls holds the connection back through `backpressure()`: at
 * most one body chunk's lines wait beyond what the stream itself buffers.
 */
export class BatchedOutput {
  private pending = '';
  private flushQueued = false;

  constructor(private readonly out: NodeJS.WritableStream & { readonly writableNeedDrain: boolean }) {}

  /** Queues one line (without its newline); it is written with the rest of its batch. */
  add(line: string): void {
    this.addText(`${line}\n`);
  }

  /** Queues text as it is (`--text` writes a reply in fragments, not lines). */
  addText(text: string): void {
    this.pending += text;
    if (this.pending.length >= BATCH_CHARS) this.flush();
    // Lines that come outside a body chunk (open, error, reconnect, closed) go out on their own.
    if (!this.flushQueued) {
      this.flushQueued = true;
      queueMicrotask(() => this.flush());
    }
  }

  flush(): void {
    this.flushQueued = false;
    if (this.pending === '') return;
    const text = this.pending;
    this.pending = '';
    this.out.write(text);
  }

  /** Writes the batch; resolves once the reader has taken it if the stream is full, else undefined (go on). */
  backpressure(): Promise<void> | undefined {
    this.flush();
    return this.out.writableNeedDrain ? once(this.out, 'drain').then(() => undefined) : undefined;
  }
}
