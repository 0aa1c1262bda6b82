// Hands the extension's messages to the view in order, a large batch of records a slice at a time across several tasks,
// so one 10,000-record message never holds the webview's thread (and its frames) for one long task.

import { unpackRecords } from '../src/shared/packedRecords';
import type { ExtensionToWebview, ReceivedTotals } from '../src/shared/protocol';
import type { SseRecord } from '../src/shared/record';

export interface FeederLimits {
  /** Records applied in one step: the table model, timeline and stats catch up after each. */
  sliceRecords: number;
  /** Steps in one task stop once this much time has gone (the first step always runs), leaving room for a frame. */
  budgetMs: number;
  /** Never more in one task, however fast the machine: a batch larger than this always spans several tasks. */
  maxRecordsPerTask: number;
  /**
   * Records delivered but not yet applied. Past this, a task keeps applying beyond its budget. The extension sends at
   * most two batches ahead of the receipts (`applied`), so only a state's records or a stray batch come near it.
   */
  maxBacklog: number;
}

export const FEEDER_LIMITS: FeederLimits = { sliceRecords: 500, budgetMs: 8, maxRecordsPerTask: 5_000, maxBacklog: 40_000 };

export interface FeederHost {
  /** Applies one message (records come a slice at a time). */
  apply(message: ViewMessage): void;
  /** The extension's batch `batch` is wholly applied (also when applying it failed): the extension may send more. */
  applied(batch: number): void;
  /** True while delivered records wait to be applied: the view is still catching up. */
  busyChanged(busy: boolean): void;
  /** Runs `step` in a later task; not an animation frame, which a hidden webview may never get. */
  later(step: () => void): void;
  now(): number;
}

/** Records for the view to append: a slice of a batch (or of a state's records), unpacked. */
export interface RecordsSlice {
  type: 'records';
  records: SseRecord[];
  /** The batch's totals: they describe the session when the batch left the extension. */
  dropped: number;
  received?: ReceivedTotals;
}

/** What the view applies: the extension's messages, with the records of a batch unpacked and sliced. */
export type ViewMessage = Exclude<ExtensionToWebview, { type: 'records' }> | RecordsSlice;

/** A batch waiting in the queue, unpacked; `batch` is the extension's number, absent for a state's records. */
type QueuedRecords = RecordsSlice & { batch?: number };
type Queued = Exclude<ExtensionToWebview, { type: 'records' }> | QueuedRecords;

export class BatchFeeder {
  private readonly queue: Queued[] = [];
  /** How many records of the queue's first (records) message are already applied. */
  private offset = 0;
  private backlog = 0;
  private scheduled = false;

  constructor(
    private readonly host: FeederHost,
    private readonly limits: FeederLimits = FEEDER_LIMITS,
  ) {}

  /** Takes a delivered message. With nothing waiting, as much as fits is applied at once, in this task. */
  push(message: ExtensionToWebview): void {
    if (message.type === 'state') {
      // A state starts the view over: its records are sliced like a batch's, after the state itself.
      const { records, ...rest } = message.state;
      this.enqueue({ type: 'state', state: { ...rest, records: [] } });
      if (records.length > 0) this.enqueue({ type: 'records', records, dropped: rest.dropped, received: rest.received });
    } else if (message.type === 'records') {
      // Unpacked whole, in the task that delivered it (about 0.4 ms for 10,000 events), then applied in slices.
      this.enqueue({ ...message, records: unpackRecords(message.records) });
    } else {
      this.enqueue(message);
    }
    if (!this.scheduled) this.run();
  }

  private enqueue(message: Queued): void {
    this.queue.push(message);
    if (message.type === 'records') this.backlog += message.records.length;
  }

  private run(): void {
    try {
      this.drain();
    } finally {
      // Even after a message the view failed on, what follows it is still applied.
      const busy = this.queue.length > 0;
      if (busy !== this.scheduled) this.host.busyChanged(busy);
      this.scheduled = busy;
      if (busy) this.host.later(() => this.run());
    }
  }

  private drain(): void {
    const started = this.host.now();
    let applied = 0;
    while (this.queue.length > 0) {
      const overBudget = applied >= this.limits.maxRecordsPerTask || (applied > 0 && this.host.now() - started >= this.limits.budgetMs);
      if (overBudget && this.backlog <= this.limits.maxBacklog) return;
      applied += this.step();
    }
  }

  /** Applies the next message, or the next slice of a records message; returns how many records it applied. */
  private step(): number {
    const message = this.queue[0];
    if (message.type !== 'records') {
      this.queue.shift();
      this.host.apply(message);
      return 0;
    }
    const slice = this.slice(message);
    const last = this.queue[0] !== message;
    try {
      this.host.apply(slice);
    } finally {
      // The receipt goes even when the view failed on the slice, or the extension would wait for it for ever.
      if (last && message.batch !== undefined) this.host.applied(message.batch);
    }
    return slice.records.length;
  }

  /**
   * The next records of `message`, as a message of its own. Each slice carries the batch's dropped and received
   * totals: they describe the session when the batch left the extension, whatever part of it is shown yet.
   */
  private slice(message: QueuedRecords): RecordsSlice {
    const { records } = message;
    const end = Math.min(records.length, this.offset + this.limits.sliceRecords);
    const part: SseRecord[] = this.offset === 0 && end === records.length ? records : records.slice(this.offset, end);
    this.backlog -= end - this.offset;
    if (end === records.length) {
      this.queue.shift();
      this.offset = 0;
    } else {
      this.offset = end;
    }
    return { type: 'records', records: part, dropped: message.dropped, received: message.received };
  }
}
