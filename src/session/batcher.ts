// Sends the webview what the store gained since the last flush: at most one message per interval, each of bounded size.
import { systemClock, type Clock } from '../engine/clock';
import type { ReceivedTotals } from '../shared/protocol';
import type { SseRecord } from '../shared/record';
import type { RecordStore } from './recordStore';
import { viewSize } from './viewCopy';

/** Within the 16–50 ms the panel may use: about 30 messages a second, quick enough to feel live. */
export const FLUSH_INTERVAL_MS = 33;
/**
 * What one message may carry. A burst can outrun the flush timer (the engine drains buffered bytes
 * without yielding), so without a bound one message could hold the whole store: megabytes that the
 * webview would parse in one go. Beyond the bound the rest follows one interval later.
 */
export const BATCH_LIMITS = { maxRecords: 10_000, maxChars: 1024 * 1024 };
/**
 * Batches posted that the webview has not yet taken. A busy or stalled webview would otherwise queue message after
 * message in the extension host; beyond this many, new records wait in the store (bounded) and go out together,
 * coalesced, once a batch is taken.
 */
export const MAX_BATCHES_IN_FLIGHT = 2;

export interface RecordBatch {
  records: SseRecord[];
  /** The store's dropped count at the time of the batch. */
  dropped: number;
  /** The store's received totals at the time of the batch. */
  received: ReceivedTotals;
}

export class RecordBatcher {
  /** The seq of the newest record already handed out. */
  private sentThrough = 0;
  private inFlight = 0;
  /** Bumped by restart and reset: acknowledgements of batches sent before then no longer count. */
  private generation = 0;
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  private timer: unknown;
  private timerPending = false;
  private disposed = false;

  constructor(
    private readonly store: RecordStore,
    /** Posts a batch; a returned promise settles when the webview has taken it (backpressure), anything else at once. */
    private readonly send: (batch: RecordBatch) => unknown,
    private readonly clock: Clock = systemClock,
    private readonly limits = { intervalMs: FLUSH_INTERVAL_MS, ...BATCH_LIMITS },
    private readonly maxInFlight = MAX_BATCHES_IN_FLIGHT,
  ) {}

  /** Keeps the record and makes sure a flush is coming. */
  add(record: SseRecord): void {
    this.store.append(record);
    this.schedule();
  }

  /**
   * Starts over from the oldest record kept, for a webview that starts from nothing: returns the first
   * batch for the caller to send in its own message; the rest follows in regular flushes.
   */
  restart(): RecordBatch {
    this.cancelTimer();
    this.sentThrough = 0;
    this.forgetInFlight();
    this.lastFlushAt = this.clock.now();
    const batch = this.take();
    this.scheduleIfMore();
    return batch;
  }

  /** The store was cleared: the next flush starts from its (new) first record. */
  reset(): void {
    this.cancelTimer();
    this.sentThrough = 0;
    this.forgetInFlight();
  }

  /** Sends nothing more: a batch still in flight that the webview takes later schedules no flush. */
  dispose(): void {
    this.cancelTimer();
    this.forgetInFlight();
    this.disposed = true;
  }

  private schedule(): void {
    if (this.disposed || this.timerPending || this.inFlight >= this.maxInFlight) {
      return; // A flush is coming, or the next acknowledgement will schedule one.
    }
    // The first record after a quiet spell goes out on the next tick (which still coalesces a
    // synchronous burst); later ones wait until a whole interval has passed since the last flush.
    const wait = Math.max(0, this.lastFlushAt + this.limits.intervalMs - this.clock.now());
    this.timerPending = true;
    this.timer = this.clock.setTimeout(() => {
      this.timerPending = false;
      this.flush();
    }, wait);
  }

  private flush(): void {
    if (this.inFlight >= this.maxInFlight) {
      return; // The next acknowledgement schedules the flush; meanwhile records gather in the store.
    }
    this.lastFlushAt = this.clock.now();
    const batch = this.take();
    if (batch.records.length > 0) {
      this.track(this.send(batch));
    }
    this.scheduleIfMore();
  }

  /** Counts a posted batch until the webview takes it (or the post fails: then it is not coming either). */
  private track(posted: unknown): void {
    if (typeof (posted as PromiseLike<unknown> | undefined)?.then !== 'function') {
      return;
    }
    const generation = this.generation;
    this.inFlight += 1;
    const settled = (): void => {
      if (generation === this.generation) {
        this.inFlight -= 1;
        this.scheduleIfMore();
      }
    };
    (posted as PromiseLike<unknown>).then(settled, settled);
  }

  private forgetInFlight(): void {
    this.generation += 1;
    this.inFlight = 0;
  }

  /** The next records within the limits, marked as sent. Records the cap pushed out before they were sent are simply gone. */
  private take(): RecordBatch {
    const candidates = this.store.since(this.sentThrough, this.limits.maxRecords);
    let chars = 0;
    let count = 0;
    // At least one record, however large, so a huge one cannot stall the stream.
    while (count < candidates.length) {
      const size = viewSize(candidates[count]);
      if (count > 0 && chars + size > this.limits.maxChars) break;
      chars += size;
      count += 1;
    }
    const records = candidates.slice(0, count);
    if (count > 0) {
      this.sentThrough = records[count - 1].seq;
    }
    return { records, dropped: this.store.dropped, received: this.store.received };
  }

  private scheduleIfMore(): void {
    if (this.store.newestSeq > this.sentThrough) {
      this.schedule();
    }
  }

  private cancelTimer(): void {
    if (this.timerPending) {
      this.clock.clearTimeout(this.timer);
      this.timerPending = false;
    }
  }
}
