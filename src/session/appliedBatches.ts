// The webview's receipts for record batches. A batch is taken once the webview says its records are in the table, not
// when the message is delivered: a webview slower than the stream would otherwise let delivered batches pile up.

/** Numbers the record batches posted to one webview and ends each one's wait when the webview has applied it. */
export class AppliedBatches {
  private last = 0;
  /** Batches posted and not yet applied, oldest first, each with what ends its wait. */
  private readonly waiting = new Map<number, () => void>();

  /** The number of the next batch. */
  next(): number {
    this.last += 1;
    return this.last;
  }

  /**
   * What the batcher waits on for `batch`, posted as `posted`: it settles when the webview has applied the batch, or
   * at once when the message was not delivered (the post settled with anything but true), since no receipt is coming.
   * Undefined when nothing was posted (no webview listening yet): nothing to wait for.
   */
  wait(batch: number, posted: PromiseLike<unknown> | undefined): PromiseLike<void> | undefined {
    if (posted === undefined) return undefined;
    return new Promise<void>((resolve) => {
      this.waiting.set(batch, resolve);
      const undelivered = (): void => this.release(batch);
      posted.then((delivered) => {
        if (delivered !== true) undelivered();
      }, undelivered);
    });
  }

  /** The webview applied `batch`: it and every earlier one are taken (the webview applies batches in order). */
  applied(batch: number): void {
    for (const [waiting, resolve] of this.waiting) {
      if (waiting > batch) break;
      this.waiting.delete(waiting);
      resolve();
    }
  }

  /** A new webview (after a reload) or none: no receipt is coming for what was posted before. */
  forgetAll(): void {
    for (const resolve of this.waiting.values()) resolve();
    this.waiting.clear();
  }

  private release(batch: number): void {
    const resolve = this.waiting.get(batch);
    this.waiting.delete(batch);
    resolve?.();
  }
}
