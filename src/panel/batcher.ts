// Sends the webview what the store gained since the last flush, at most once per interval.
import type { SseRecord } from '../sse/record';
import type { RecordStore } from './recordStore';

/** Within the 16–50 ms the panel may use: about 30 messages a second, quick enough to feel live. */
export const FLUSH_INTERVAL_MS = 33;

/** Time and timers, injected so tests can drive them by hand. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface RecordBatch {
  records: SseRecord[];
  /** The store's dropped count at the time of the flush. */
  dropped: number;
}

export class RecordBatcher {
  /** The seq of the newest record already sent (or covered by a full state). */
  private sentThrough = 0;
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  private timer: unknown;
  private timerPending = false;

  constructor(
    private readonly store: RecordStore,
    private readonly send: (batch: RecordBatch) => void,
    private readonly clock: Clock = systemClock,
    readonly intervalMs: number = FLUSH_INTERVAL_MS,
  ) {}

  /** Keeps the record and makes sure a flush is coming. */
  add(record: SseRecord): void {
    this.store.append(record);
    if (this.timerPending) {
      return;
    }
    // The first record after a quiet spell goes out on the next tick (which still coalesces a
    // synchronous burst); later ones wait until a whole interval has passed since the last flush.
    const wait = Math.max(0, this.lastFlushAt + this.intervalMs - this.clock.now());
    this.timerPending = true;
    this.timer = this.clock.setTimeout(() => {
      this.timerPending = false;
      this.flush();
    }, wait);
  }

  /** Sends what is waiting now, e.g. so a status change never overtakes the records that caused it. */
  flushNow(): void {
    this.cancelTimer();
    this.flush();
  }

  /** Everything kept so far counts as sent: a full state carrying the store's snapshot just went out. */
  markAllSent(): void {
    this.cancelTimer();
    this.sentThrough = this.store.newestSeq;
  }

  /** The store was cleared: the next flush starts from its (new) first record. */
  reset(): void {
    this.cancelTimer();
    this.sentThrough = 0;
  }

  dispose(): void {
    this.cancelTimer();
  }

  private flush(): void {
    this.lastFlushAt = this.clock.now();
    // Records pushed out by the cap before they were sent are simply not there to send.
    const records = this.store.since(this.sentThrough);
    if (records.length === 0) {
      return;
    }
    this.sentThrough = records[records.length - 1].seq;
    this.send({ records, dropped: this.store.dropped });
  }

  private cancelTimer(): void {
    if (this.timerPending) {
      this.clock.clearTimeout(this.timer);
      this.timerPending = false;
    }
  }
}
