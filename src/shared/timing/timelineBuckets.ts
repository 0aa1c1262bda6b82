// The timeline's aggregates: event counts and lifecycle marks per time bucket, fixed in size whatever the stream's length.
// Shared: the webview buckets the session it shows; the host buckets an earlier session to compare with it.

import type { SseRecord } from '../record';

/**
 * Buckets kept. Twice the widest drawing (4,096 columns), so every column of a projection holds at least one
 * bucket's midpoint and the drawn rate never combs (see `project`).
 */
export const BUCKETS = 8192;
/** The first bucket width: 8,192 × 0.25 ms covers 2 s before the first doubling. */
const FIRST_WIDTH_MS = 0.25;

/** Lifecycle marks, as bits of a bucket's (and a column's) flags. */
export const MARK_OPEN = 1;
export const MARK_RECONNECT = 2;
export const MARK_ERROR = 4;
export const MARK_CLOSED = 8;

/** The lifecycle mark a record makes, or 0: events are counted, not marked; comments, retries and ignored lines are neither. */
export function markOf(record: SseRecord): number {
  switch (record.kind) {
    case 'open':
      return MARK_OPEN;
    case 'reconnect':
      return MARK_RECONNECT;
    case 'error':
      return MARK_ERROR;
    case 'closed':
      return MARK_CLOSED;
    default:
      return 0;
  }
}

/** Buckets as plain data, to post to the webview: BUCKETS counts and flags at the given width. */
export interface BucketsSnapshot {
  widthMs: number;
  endT: number;
  events: number;
  counts: number[];
  flags: number[];
}

/** What a drawing needs per column; arrays are reused between frames. */
export interface Projection {
  columns: number;
  /** Events whose bucket midpoint falls in the column. */
  counts: Float64Array;
  /** Columns per rate bar: a bar one pixel wide would read one event as a spike. */
  binColumns: number;
  /**
   * Events per second in each bar of `binColumns` columns: its events over the time its buckets cover, so an uneven
   * number of buckets per column does not comb the bars.
   */
  rates: Float64Array;
  /** MARK_* bits of the column's buckets. */
  flags: Uint8Array;
  peakRate: number;
  /** Milliseconds of buckets in each column (scratch space for `project`). */
  covered: Float64Array;
}

/**
 * Counts per bucket of `width` ms from the session's start (t = 0). When a record lands past the last bucket the
 * width doubles and neighbouring buckets merge, so memory stays BUCKETS entries and adding stays O(1) amortized.
 * Records the view later drops stay counted: the timeline draws the whole session's rate, and marks where the kept
 * rows begin.
 */
export class TimelineBuckets {
  private readonly counts = new Float64Array(BUCKETS);
  private readonly flags = new Uint8Array(BUCKETS);
  private width = FIRST_WIDTH_MS;
  private lastT = 0;
  private total = 0;

  /** Time of the latest record, ms since the session began. */
  get endT(): number {
    return this.lastT;
  }

  get events(): number {
    return this.total;
  }

  get bucketWidthMs(): number {
    return this.width;
  }

  /** Buckets made from a snapshot; one that is not BUCKETS long or not finite is taken as empty (it came over a channel). */
  static from(snapshot: BucketsSnapshot): TimelineBuckets {
    const buckets = new TimelineBuckets();
    const { widthMs, endT, events, counts, flags } = snapshot;
    const usable =
      counts.length === BUCKETS &&
      flags.length === BUCKETS &&
      widthMs > 0 &&
      Number.isFinite(widthMs) &&
      endT >= 0 &&
      Number.isFinite(endT);
    if (!usable) return buckets;
    buckets.counts.set(counts);
    buckets.flags.set(flags);
    buckets.width = widthMs;
    buckets.lastT = endT;
    buckets.total = events;
    return buckets;
  }

  /** Buckets every record of a session, as the webview does live. */
  static ofRecords(records: Iterable<SseRecord>): TimelineBuckets {
    const buckets = new TimelineBuckets();
    for (const record of records) {
      if (record.kind === 'event') buckets.addEvent(record.t);
      else if (markOf(record) !== 0) buckets.addMark(record.t, markOf(record));
    }
    return buckets;
  }

  snapshot(): BucketsSnapshot {
    return { widthMs: this.width, endT: this.lastT, events: this.total, counts: [...this.counts], flags: [...this.flags] };
  }

  reset(): void {
    this.counts.fill(0);
    this.flags.fill(0);
    this.width = FIRST_WIDTH_MS;
    this.lastT = 0;
    this.total = 0;
  }

  addEvent(t: number): void {
    this.counts[this.bucketOf(t)]++;
    this.total++;
  }

  addMark(t: number, mark: number): void {
    this.flags[this.bucketOf(t)] |= mark;
  }

  /** Projects the buckets onto `columns` equal columns spanning [0, spanMs), rates per `binColumns`: O(BUCKETS + columns). */
  project(columns: number, spanMs: number, binColumns: number, into?: Projection): Projection {
    const out = into && into.columns === columns && into.binColumns === binColumns ? into : emptyProjection(columns, binColumns);
    out.counts.fill(0);
    out.rates.fill(0);
    out.flags.fill(0);
    out.covered.fill(0);
    const covered = out.covered;
    const perColumn = columns / spanMs;
    // Only buckets up to the span's end: past it there is nothing, and a live span ends in silence, not in buckets.
    // The bucket holding t = spanMs too: the latest record often falls exactly at the span's end.
    const last = Math.min(BUCKETS, Math.floor(spanMs / this.width) + 1);
    for (let bucket = 0; bucket < last; bucket++) {
      const column = Math.min(columns - 1, Math.floor((bucket + 0.5) * this.width * perColumn));
      out.counts[column] += this.counts[bucket];
      out.flags[column] |= this.flags[bucket];
      covered[column] += this.width;
    }
    let peak = 0;
    for (let bin = 0; bin < out.rates.length; bin++) {
      let events = 0;
      let ms = 0;
      for (let column = bin * binColumns; column < Math.min(columns, (bin + 1) * binColumns); column++) {
        events += out.counts[column];
        // A column past the buckets' reach (a live axis running on into silence) covers its own width.
        ms += covered[column] > 0 ? covered[column] : spanMs / columns;
      }
      const rate = (events * 1000) / ms;
      out.rates[bin] = rate;
      if (rate > peak) peak = rate;
    }
    out.peakRate = peak;
    return out;
  }

  private bucketOf(t: number): number {
    const time = Math.max(0, t);
    if (time > this.lastT) this.lastT = time;
    while (time >= this.width * BUCKETS) this.double();
    return Math.floor(time / this.width);
  }

  /** Halves the resolution: bucket i takes buckets 2i and 2i+1. */
  private double(): void {
    for (let bucket = 0; bucket < BUCKETS / 2; bucket++) {
      this.counts[bucket] = this.counts[2 * bucket] + this.counts[2 * bucket + 1];
      this.flags[bucket] = this.flags[2 * bucket] | this.flags[2 * bucket + 1];
    }
    this.counts.fill(0, BUCKETS / 2);
    this.flags.fill(0, BUCKETS / 2);
    this.width *= 2;
  }
}

function emptyProjection(columns: number, binColumns: number): Projection {
  const bins = Math.ceil(columns / binColumns);
  return {
    columns,
    binColumns,
    counts: new Float64Array(columns),
    rates: new Float64Array(bins),
    flags: new Uint8Array(columns),
    peakRate: 0,
    covered: new Float64Array(columns),
  };
}
