// The timeline's bucketed counts: fixed memory however long the stream, every event counted once, marks and events
// in the column their time falls in, and a steady stream drawn as a flat rate at every panel width.
import * as assert from 'node:assert/strict';
import { BUCKETS, MARK_ERROR, MARK_RECONNECT, TimelineBuckets } from '../../src/shared/timing/timelineBuckets';

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let index = 0; index < values.length; index++) total += values[index];
  return total;
}

describe('timeline buckets', () => {
  it('draws a record that falls exactly at the span end (the latest record sets the span), at the last column', () => {
    const buckets = new TimelineBuckets();
    buckets.addEvent(1000);
    buckets.addEvent(6000);
    buckets.addMark(6000, MARK_ERROR);
    const projection = buckets.project(500, buckets.endT, 6);
    assert.equal(sum(projection.counts), 2, 'the event at the span end was left out');
    assert.equal(projection.counts[499], 1);
    assert.equal(projection.flags[499], MARK_ERROR);
  });

  it('a snapshot rebuilds the same buckets, and a malformed one is taken as empty', () => {
    const buckets = new TimelineBuckets();
    for (let t = 0; t < 5000; t += 7) buckets.addEvent(t);
    buckets.addMark(2500, MARK_RECONNECT);
    const copy = TimelineBuckets.from(buckets.snapshot());
    assert.deepEqual(copy.project(300, 5000, 6), buckets.project(300, 5000, 6));
    assert.equal(copy.events, buckets.events);
    const bad = TimelineBuckets.from({ ...buckets.snapshot(), counts: [1, 2, 3] });
    assert.equal(bad.events, 0);
    assert.equal(TimelineBuckets.from({ ...buckets.snapshot(), widthMs: Number.NaN }).events, 0);
  });

  it('counts each of 1,000,000 events over an hour exactly once, in BUCKETS buckets whose width doubled to fit', () => {
    const buckets = new TimelineBuckets();
    const hour = 3_600_000;
    for (let n = 0; n < 1_000_000; n++) buckets.addEvent((n * hour) / 1_000_000);
    assert.equal(buckets.events, 1_000_000);
    assert.ok(buckets.bucketWidthMs * BUCKETS > hour && buckets.bucketWidthMs * BUCKETS <= 2 * hour, `width ${buckets.bucketWidthMs} ms`);
    const projection = buckets.project(1000, hour, 6);
    assert.equal(sum(projection.counts), 1_000_000);
  });

  it('puts an event, a reconnect and an error in the column their time falls in, after the buckets merged', () => {
    const buckets = new TimelineBuckets();
    buckets.addEvent(1234);
    buckets.addMark(40_000, MARK_RECONNECT);
    buckets.addMark(70_500, MARK_ERROR);
    buckets.addEvent(99_999);
    const columns = 1000;
    const projection = buckets.project(columns, 100_000, 6);
    const painted = [...projection.counts.keys()].filter((column) => projection.counts[column] > 0);
    assert.deepEqual(painted, [12, 999]);
    const marked = [...projection.flags.keys()].filter((column) => projection.flags[column] !== 0);
    assert.deepEqual(marked, [400, 705]);
    assert.equal(projection.flags[400], MARK_RECONNECT);
    assert.equal(projection.flags[705], MARK_ERROR);
  });

  for (const width of [350, 1100, 2560, 4096]) {
    it(`draws a steady 2,000 events/s as a flat rate (every bar within 1 %) ${width} columns wide`, () => {
      const buckets = new TimelineBuckets();
      const spanMs = 50_000;
      for (let n = 0; n < 100_000; n++) buckets.addEvent(n * 0.5);
      const projection = buckets.project(width, spanMs, 6);
      // The last bar may hold part of a bucket past the last event; the rest must not comb.
      const bars = [...projection.rates].slice(0, -1);
      const off = bars.filter((rate) => Math.abs(rate - 2000) > 20);
      assert.deepEqual(off.slice(0, 5), [], `${off.length} of ${bars.length} bars are off the 2,000/s rate`);
    });
  }

  it('draws the silence after the last event on a live axis as a zero rate, not as the last bucket stretched', () => {
    const buckets = new TimelineBuckets();
    for (let n = 0; n < 1000; n++) buckets.addEvent(n);
    const projection = buckets.project(600, 60_000, 6);
    assert.equal(sum(projection.counts), 1000);
    assert.ok(projection.rates[0] > 900, `the first bar is ${projection.rates[0]}/s`);
    assert.ok([...projection.rates].slice(2).every((rate) => rate === 0));
  });

  it('starts again from nothing after reset', () => {
    const buckets = new TimelineBuckets();
    for (let n = 0; n < 5000; n++) buckets.addEvent(n * 10);
    buckets.reset();
    buckets.addEvent(5);
    assert.equal(buckets.events, 1);
    assert.equal(buckets.endT, 5);
    assert.equal(sum(buckets.project(100, 1000, 6).counts), 1);
  });
});
