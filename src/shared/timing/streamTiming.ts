// The stream's timing, from the records' arrival times, in fixed memory: time to first event, gaps, bursts and
// the buffering verdict they support. Fed every record as it comes (panel and CLI alike); O(1) per record.

import type { OpenRecord, SseRecord } from '../record';
import { BUNCH_MS, BURST_MIN_EVENTS, BurstTracker, type BurstFigures } from './burstTracker';
import { bufferingCauses, type BufferingCause } from './bufferingCauses';
import { GapHistogram, type DecadeBucket, type GapFigures } from './gapHistogram';
import { LongestGaps, type LongGap } from './longestGaps';

/** Below this many events a verdict would be a guess. */
export const MIN_JUDGED_EVENTS = 5;
/** The stream is called bunched when at least this share of its events came in bursts. */
const BUNCHED_SHARE = 0.5;
/**
 * Headers later than this after the request are late for a stream, which should answer at once. The time
 * includes connecting (DNS, TCP, TLS: three round trips to a far server), hence well above a round trip.
 */
export const LATE_HEADERS_MS = 300;
/** First events "together with" late headers: within a quarter of the wait for the headers (one read apart). */
const TOGETHER_SHARE = 0.25;

export interface FirstEvent {
  seq: number;
  /** From sending the request (of the connection that delivered it) to the event. */
  fromRequestMs: number;
  /** From the response headers to the event. */
  fromOpenMs: number;
}

/** Headers that came late and brought the first burst with them. */
export interface LateHeaders {
  ttfbMs: number;
  /** Events of the burst that followed the headers at once. */
  events: number;
}

export type BufferingVerdict =
  | { kind: 'too-few'; events: number }
  | { kind: 'paced'; events: number; medianGapMs: number; headers: Record<string, string> }
  | ({ kind: 'bunched'; events: number; lateHeaders?: LateHeaders; causes: BufferingCause[] } & BurstFigures);

export interface TimingSummary {
  events: number;
  firstEvent?: FirstEvent;
  gaps?: GapFigures;
  longest: LongGap[];
  histogram: DecadeBucket[];
  verdict: BufferingVerdict;
}

interface ConnectionClock {
  /** Undefined only for events seen without their open record. */
  open: OpenRecord | undefined;
  /** When the request went out, on the records' clock. */
  requestT: number;
  /** The previous event of this connection (seq 0: none yet); numbers, not an object, so no allocation per event. */
  lastT: number;
  lastSeq: number;
  /** Candidate late headers: the seq of the connection's first event and the wait for the headers. */
  late?: { firstSeq: number; ttfbMs: number };
}

export class StreamTiming {
  private events = 0;
  private connection: ConnectionClock | undefined;
  /** Stands for the connection of events with no open record before them (the view was cleared mid-stream). */
  private orphan: ConnectionClock | undefined;
  private firstEvent: FirstEvent | undefined;
  private gaps = new GapHistogram();
  private longest = new LongestGaps();
  private bursts = new BurstTracker();
  private lateHeaders: LateHeaders | undefined;
  private headers: Record<string, string> = {};

  add(record: SseRecord): void {
    if (record.kind === 'open') {
      this.bursts.endRun();
      this.connection = { open: record, requestT: record.t - record.ttfbMs, lastT: 0, lastSeq: 0 };
      this.headers = record.headers;
      return;
    }
    if (record.kind === 'event') this.addEvent(record.t, record.seq);
  }

  private addEvent(t: number, seq: number): void {
    this.events++;
    const clock = this.connection ?? (this.orphan ??= { open: undefined, requestT: t, lastT: 0, lastSeq: 0 });
    if (clock.lastSeq !== 0) {
      const gap = t - clock.lastT;
      this.gaps.add(gap);
      this.longest.add(gap, clock.lastSeq, seq);
      this.bursts.add(gap, seq);
    } else if (clock.open !== undefined) {
      this.firstOfConnection(clock, clock.open, t, seq);
    }
    clock.lastT = t;
    clock.lastSeq = seq;
    if (clock.late !== undefined) this.noteLateHeaders(clock.late);
  }

  private firstOfConnection(connection: ConnectionClock, open: OpenRecord, t: number, seq: number): void {
    const fromOpenMs = t - open.t;
    this.firstEvent ??= { seq, fromRequestMs: t - connection.requestT, fromOpenMs };
    const ttfbMs = open.ttfbMs;
    const lateAndTogether = ttfbMs >= LATE_HEADERS_MS && fromOpenMs <= Math.max(BUNCH_MS, ttfbMs * TOGETHER_SHARE);
    if (lateAndTogether) connection.late = { firstSeq: seq, ttfbMs };
    // Headers held back with the first events are part of their silence; headers that came on their own are not
    // (the time to them is mostly connecting, which says nothing about buffering).
    this.bursts.add(lateAndTogether ? t - connection.requestT : fromOpenMs, seq);
  }

  /** Late headers count as evidence once the events that came with them make a burst. */
  private noteLateHeaders(late: { firstSeq: number; ttfbMs: number }): void {
    const events = this.bursts.runFrom(late.firstSeq);
    if (events >= BURST_MIN_EVENTS) this.lateHeaders = { ttfbMs: late.ttfbMs, events };
  }

  verdict(): BufferingVerdict {
    const figures = this.bursts.figures();
    const bunched = figures.burstEvents >= BURST_MIN_EVENTS && figures.burstEvents >= this.events * BUNCHED_SHARE;
    if (this.events < MIN_JUDGED_EVENTS && !bunched) return { kind: 'too-few', events: this.events };
    if (!bunched) return { kind: 'paced', events: this.events, medianGapMs: this.gaps.quantile(0.5), headers: this.headers };
    return {
      kind: 'bunched',
      events: this.events,
      ...figures,
      ...(this.lateHeaders === undefined ? {} : { lateHeaders: this.lateHeaders }),
      causes: bufferingCauses(this.headers),
    };
  }

  summary(): TimingSummary {
    const gaps = this.gaps.figures();
    return {
      events: this.events,
      ...(this.firstEvent === undefined ? {} : { firstEvent: { ...this.firstEvent } }),
      ...(gaps === undefined ? {} : { gaps }),
      longest: this.longest.list(),
      histogram: this.gaps.histogram(),
      verdict: this.verdict(),
    };
  }
}
