import { strict as assert } from 'node:assert';
import { FLUSH_INTERVAL_MS, RecordBatcher, type RecordBatch } from '../../src/panel/batcher';
import { RecordStore } from '../../src/panel/recordStore';
import { eventRecord, ManualClock, range, seqs } from './panelFixtures';

interface Sent extends RecordBatch {
  at: number;
}

function setup(capacity = 100_000) {
  const clock = new ManualClock();
  const store = new RecordStore(capacity);
  const sent: Sent[] = [];
  const batcher = new RecordBatcher(store, (batch) => sent.push({ ...batch, at: clock.now() }), clock);
  return { clock, store, sent, batcher };
}

function allSentSeqs(sent: readonly Sent[]): number[] {
  return sent.flatMap((batch) => seqs(batch.records));
}

describe('panel batcher', () => {
  it('uses an interval within the 16–50 ms the panel may use', () => {
    assert.ok(FLUSH_INTERVAL_MS >= 16 && FLUSH_INTERVAL_MS <= 50, `interval ${FLUSH_INTERVAL_MS}`);
  });

  it('coalesces a burst added in one tick into a single message', () => {
    const { clock, sent, batcher } = setup();
    for (let seq = 1; seq <= 5000; seq += 1) batcher.add(eventRecord(seq));
    assert.equal(sent.length, 0, 'nothing is sent synchronously');
    clock.advance(0);
    assert.equal(sent.length, 1);
    assert.deepEqual(allSentSeqs(sent), range(1, 5000));
    assert.equal(sent[0].dropped, 0);
  });

  it('sends the first record after a quiet spell on the next tick', () => {
    const { clock, sent, batcher } = setup();
    batcher.add(eventRecord(1));
    clock.advance(0);
    clock.advance(500);
    batcher.add(eventRecord(2));
    clock.advance(0);
    assert.deepEqual(
      sent.map((batch) => [batch.at, seqs(batch.records)]),
      [
        [0, [1]],
        [500, [2]],
      ],
    );
  });

  it('never flushes more often than once per interval under a steady stream, and delivers every record once, in order', () => {
    const { clock, sent, batcher } = setup();
    for (let seq = 1; seq <= 2000; seq += 1) {
      batcher.add(eventRecord(seq));
      clock.advance(1); // one record per millisecond for two seconds
    }
    clock.advance(FLUSH_INTERVAL_MS);
    const gaps = sent.slice(1).map((batch, index) => batch.at - sent[index].at);
    assert.ok(gaps.every((gap) => gap >= FLUSH_INTERVAL_MS), `gaps ${gaps.join(',')}`);
    // About one message per interval, not one per record.
    assert.ok(sent.length <= Math.ceil(2000 / FLUSH_INTERVAL_MS) + 2, `${sent.length} messages`);
    assert.deepEqual(allSentSeqs(sent), range(1, 2000));
  });

  it('sends only what the store still holds when more than the cap arrive between flushes, with the dropped count', () => {
    const { clock, sent, batcher } = setup(100);
    for (let seq = 1; seq <= 250; seq += 1) batcher.add(eventRecord(seq));
    clock.advance(0);
    assert.equal(sent.length, 1);
    assert.deepEqual(allSentSeqs(sent), range(151, 250));
    assert.equal(sent[0].dropped, 150);
  });

  it('carries the current dropped count on every message once the cap is reached', () => {
    const { clock, sent, batcher } = setup(100);
    for (let seq = 1; seq <= 100; seq += 1) batcher.add(eventRecord(seq));
    clock.advance(FLUSH_INTERVAL_MS);
    for (let seq = 101; seq <= 130; seq += 1) batcher.add(eventRecord(seq));
    clock.advance(FLUSH_INTERVAL_MS);
    assert.deepEqual(
      sent.map((batch) => batch.dropped),
      [0, 30],
    );
    assert.deepEqual(allSentSeqs(sent), range(1, 130));
  });

  it('flushNow sends what waits at once and leaves no timer behind', () => {
    const { clock, sent, batcher } = setup();
    batcher.add(eventRecord(1));
    batcher.add(eventRecord(2));
    batcher.flushNow();
    assert.deepEqual(allSentSeqs(sent), [1, 2]);
    assert.equal(clock.pendingTimers, 0);
    clock.advance(100);
    assert.equal(sent.length, 1, 'nothing is sent twice');
  });

  it('after markAllSent (a full state went out) sends only records added later', () => {
    const { clock, sent, batcher } = setup();
    batcher.add(eventRecord(1));
    batcher.add(eventRecord(2));
    batcher.markAllSent();
    batcher.add(eventRecord(3));
    clock.advance(100);
    assert.deepEqual(allSentSeqs(sent), [3]);
  });

  it('after a clear and reset sends the new session from its first record, though its seqs start again at 1', () => {
    const { clock, store, sent, batcher } = setup();
    for (let seq = 1; seq <= 5; seq += 1) batcher.add(eventRecord(seq));
    clock.advance(0);
    store.clear();
    batcher.reset();
    batcher.add(eventRecord(1, 'new session'));
    clock.advance(100);
    assert.deepEqual(
      sent.map((batch) => seqs(batch.records)),
      [range(1, 5), [1]],
    );
    assert.deepEqual(sent[1].records[0], eventRecord(1, 'new session'));
  });

  it('dispose cancels a pending flush', () => {
    const { clock, sent, batcher } = setup();
    batcher.add(eventRecord(1));
    batcher.dispose();
    clock.advance(100);
    assert.equal(sent.length, 0);
    assert.equal(clock.pendingTimers, 0);
  });
});
