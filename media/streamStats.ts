// Counts for the stats line: events, events per second over a sliding window, bytes, elapsed time, reconnects, timing.

import type { ReceivedTotals } from '../src/shared/protocol';
import type { SseRecord } from '../src/shared/record';
import { StreamTiming } from '../src/shared/timing/streamTiming';

/** The events-per-second window; long enough to smooth bursts, short enough to fall to 0 soon after a stall. */
const RATE_WINDOW_MS = 5000;

export class StreamStats {
  events = 0;
  bytes = 0;
  reconnects = 0;
  /** Time to first event, gaps and the buffering verdict; fixed memory however many rows arrive. */
  timing = new StreamTiming();
  /** Wall-clock time the session began (a record's `at - t`), once any record arrived. */
  private sessionStart: number | undefined;
  private lastAt = 0;
  /** Event counts per wall-clock second, oldest first, pruned to the window. */
  private buckets: { second: number; count: number }[] = [];

  add(record: SseRecord): void {
    this.sessionStart ??= record.at - record.t;
    this.timing.add(record);
    this.lastAt = Math.max(this.lastAt, record.at);
    if (record.kind === 'reconnect') this.reconnects++;
    if (record.kind !== 'event') return;
    this.events++;
    this.bytes += record.size;
    const second = Math.floor(record.at / 1000);
    const last = this.buckets[this.buckets.length - 1];
    if (last?.second === second) last.count++;
    else this.buckets.push({ second, count: 1 });
    if (this.buckets.length > 2 * (RATE_WINDOW_MS / 1000)) this.prune(record.at);
  }

  /**
   * The session's own totals, every event received whatever the caps dropped before it reached the webview: they
   * replace what this view counted, which is only what arrived.
   */
  setReceived(received: ReceivedTotals): void {
    this.events = received.events;
    this.bytes = received.bytes;
  }

  /** Events per second over the last RATE_WINDOW_MS (or the session so far, when younger). */
  rate(now: number): number {
    this.prune(now);
    if (this.sessionStart === undefined) return 0;
    const windowMs = Math.min(RATE_WINDOW_MS, Math.max(1000, now - this.sessionStart));
    const count = this.buckets.reduce((sum, bucket) => sum + bucket.count, 0);
    return count / (windowMs / 1000);
  }

  /** Time since the session began: up to now while the stream is live, else up to the last record. */
  elapsed(now: number, live: boolean): number {
    if (this.sessionStart === undefined) return 0;
    return Math.max(0, (live ? now : this.lastAt) - this.sessionStart);
  }

  reset(): void {
    this.events = 0;
    this.bytes = 0;
    this.reconnects = 0;
    this.timing = new StreamTiming();
    this.sessionStart = undefined;
    this.lastAt = 0;
    this.buckets = [];
  }

  private prune(now: number): void {
    const oldest = Math.floor((now - RATE_WINDOW_MS) / 1000);
    let drop = 0;
    while (drop < this.buckets.length && this.buckets[drop].second <= oldest) drop++;
    if (drop > 0) this.buckets.splice(0, drop);
  }
}
