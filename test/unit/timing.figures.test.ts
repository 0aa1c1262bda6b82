// The timing figures from records' arrival times: time to first event, gap statistics, longest gaps, histogram,
// and the verdict's thresholds, fed records with exact times (no clock involved).

import { strict as assert } from 'node:assert';
import { GapHistogram } from '../../src/shared/timing/gapHistogram';
import { LONGEST_KEPT } from '../../src/shared/timing/longestGaps';
import { StreamTiming } from '../../src/shared/timing/streamTiming';
import { decadeLabel, firstEventText, gapsText, longestText, timingLine, verdictText } from '../../src/shared/timing/timingText';
import type { OpenRecord, SseRecord } from '../../src/shared/record';

/** Records of one session with the times given; seq counts up. */
class Feed {
  private seq = 0;
  constructor(readonly timing = new StreamTiming()) {}
  open(t: number, ttfbMs: number, headers: Record<string, string> = {}): this {
    const record: OpenRecord = { kind: 'open', seq: ++this.seq, t, at: t, connection: 1, status: 200, url: 'http://x/', headers, ttfbMs };
    this.timing.add(record);
    return this;
  }
  events(...times: number[]): this {
    for (const t of times) {
      const record: SseRecord = {
        kind: 'event',
        seq: ++this.seq,
        t,
        at: t,
        type: 'message',
        data: '',
        id: null,
        lastEventId: '',
        size: 0,
        dt: null,
      };
      this.timing.add(record);
    }
    return this;
  }
}

const paced = (from: number, count: number, step: number) => Array.from({ length: count }, (_, i) => from + i * step);

describe('stream timing figures', () => {
  it('time to first event counts from the request and from the headers', () => {
    const summary = new Feed().open(30, 20).events(130, 140).timing.summary();
    assert.deepEqual(summary.firstEvent, { seq: 2, fromRequestMs: 120, fromOpenMs: 100 });
    assert.equal(firstEventText(summary), 'first event 120 ms after the request (100 ms after the headers)');
  });

  it('gaps: median, p95 and max within 3 % of the exact values, from 1,000 gaps', () => {
    const feed = new Feed().open(0, 1);
    let t = 10;
    feed.events(t);
    // Gaps 1..1000 ms: exact median 500, p95 950, max 1000.
    for (let gap = 1; gap <= 1000; gap++) feed.events((t += gap));
    const gaps = feed.timing.summary().gaps;
    assert.ok(gaps);
    assert.equal(gaps.count, 1000);
    assert.equal(gaps.maxMs, 1000);
    assert.ok(Math.abs(gaps.medianMs - 500) / 500 < 0.03, String(gaps.medianMs));
    assert.ok(Math.abs(gaps.p95Ms - 950) / 950 < 0.03, String(gaps.p95Ms));
  });

  it('zero gaps (events from one chunk) give a median of 0, and a quantile never leaves the range seen', () => {
    const histogram = new GapHistogram();
    for (let i = 0; i < 10; i++) histogram.add(0);
    histogram.add(7);
    assert.equal(histogram.quantile(0.5), 0);
    assert.equal(histogram.quantile(1), 7);
    const one = new GapHistogram();
    one.add(3.3);
    assert.equal(one.quantile(0.5), 3.3);
  });

  it(`keeps the ${LONGEST_KEPT} longest gaps, longest first, with the record numbers around each`, () => {
    const feed = new Feed().open(0, 1).events(10, 20, 520, 530, 2530, 2540, 2541, 2600, 2700, 2800, 2900);
    const longest = feed.timing.summary().longest;
    assert.equal(longest.length, LONGEST_KEPT);
    assert.deepEqual(longest.slice(0, 2), [
      { ms: 2000, afterSeq: 5, beforeSeq: 6 },
      { ms: 500, afterSeq: 3, beforeSeq: 4 },
    ]);
    assert.equal(longestText(feed.timing.summary(), 2), 'longest 2.00 s (#5→#6), 500 ms (#3→#4)');
  });

  it('counts gaps per decade for the histogram', () => {
    const feed = new Feed().open(0, 1).events(0, 0, 0.5, 5.5, 55.5, 555.5, 5555.5, 55555.5);
    const histogram = feed.timing.summary().histogram;
    assert.deepEqual(
      histogram.map((bucket) => [decadeLabel(bucket), bucket.count]),
      [
        ['<1 ms', 2],
        ['1–10 ms', 1],
        ['10–100 ms', 1],
        ['0.1–1 s', 1],
        ['1–10 s', 1],
        ['≥10 s', 1],
      ],
    );
  });

  it('a million events: the summary still holds five longest gaps and six histogram buckets', () => {
    const feed = new Feed().open(0, 1);
    for (let i = 0; i < 1_000_000; i++) feed.events(i * 2);
    const summary = feed.timing.summary();
    assert.equal(summary.events, 1_000_000);
    assert.equal(summary.longest.length, LONGEST_KEPT);
    assert.equal(summary.gaps?.count, 999_999);
    assert.equal(summary.histogram.length, 6);
  });

  it('gaps never span a reconnect: the next connection starts from its own request', () => {
    const feed = new Feed().open(0, 5).events(10, 20).open(5000, 10).events(5020, 5030);
    const summary = feed.timing.summary();
    assert.equal(summary.gaps?.count, 2);
    assert.equal(summary.gaps?.maxMs, 10);
    // The session's first event is the figure shown.
    assert.equal(summary.firstEvent?.seq, 2);
  });

  it('says nothing conclusive below five events, "no buffering seen" for paced events, bursts when they bunch', () => {
    const few = new Feed().open(0, 2).events(10, 20, 30, 40);
    assert.equal(few.timing.verdict().kind, 'too-few');
    assert.equal(verdictText(few.timing.verdict()).level, 'info');
    few.events(50);
    assert.equal(few.timing.verdict().kind, 'paced');
    assert.equal(verdictText(few.timing.verdict()).text, 'No buffering seen');

    // Five events within a millisecond after a silence of 1 s: one burst.
    const burst = new Feed().open(0, 2, { 'content-encoding': 'gzip' }).events(...paced(1100, 5, 0.1));
    const verdict = burst.timing.verdict();
    assert.equal(verdict.kind, 'bunched');
    assert.ok(verdict.kind === 'bunched' && verdict.bursts === 1 && verdict.burstEvents === 5 && verdict.largest?.silenceMs === 1100);
    assert.equal(verdictText(verdict).text, 'Events arrive in bursts: likely gzip');
  });

  it('a run after a short pause, or a short run after a long one, is no burst', () => {
    // 40 ms pause (< 50 ms silence) then 10 events at once; then 3 events at once after 2 s.
    const feed = new Feed().open(0, 1).events(5, ...paced(45, 10, 0), ...paced(2045, 3, 0));
    assert.equal(feed.timing.verdict().kind, 'paced');
  });

  it('the wait for headers is silence only when the headers were late and brought the first events with them', () => {
    // A far server: 250 ms to connect and answer, then a snapshot of 6 events right after the headers.
    const far = new Feed().open(250, 250).events(...paced(250.5, 6, 0));
    assert.equal(far.timing.verdict().kind, 'paced');
    // Headers after 1 s, with the events in the same read: the whole second is the silence before the burst.
    const held = new Feed()
      .open(1000, 1000)
      .events(...paced(1002, 6, 0))
      .timing.verdict();
    assert.ok(held.kind === 'bunched' && held.largest?.silenceMs === 1002);
    assert.deepEqual(held.lateHeaders, { ttfbMs: 1000, events: 6 });
  });

  it('bursts must carry half the events: one snapshot burst among many paced events is not bunching', () => {
    const feed = new Feed().open(0, 1).events(...paced(200, 6, 0), ...paced(300, 20, 30));
    assert.equal(feed.timing.verdict().kind, 'paced');
  });

  it('the closing line has first event, gaps, longest gaps and the verdict', () => {
    const line = timingLine(
      new Feed()
        .open(0, 10)
        .events(...paced(50, 6, 20))
        .timing.summary(),
    );
    assert.equal(
      line,
      'timing: first event 60 ms after the request (50 ms after the headers) · 5 gaps: median 20 ms, p95 20 ms, max 20 ms · ' +
        'longest 20 ms (#2→#3), 20 ms (#3→#4), 20 ms (#4→#5) · No buffering seen',
    );
    assert.equal(gapsText(new StreamTiming().summary()), undefined);
    assert.equal(timingLine(new StreamTiming().summary()), 'timing: no events · Buffering: too few events to judge (0)');
  });
});
