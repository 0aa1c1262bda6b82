import { strict as assert } from 'node:assert';
import { BATCH_LIMITS, FLUSH_INTERVAL_MS, RecordBatcher, type RecordBatch } from '../../src/session/batcher';
import { RecordStore } from '../../src/session/recordStore';
import { eventRecord, ManualClock, range, seqs } from './panelFixtures';

interface Sent extends RecordBatch {
  at: number;
}

function setup(capacity = 100_000, limits = BATCH_LIMITS) {
  const clock = new ManualClock();
  const store = new RecordStore(capacity);
  const sent: Sent[] = [];
  const batcher = new RecordBatcher(store, (batch) => sent.push({ ...batch, at: clock.now() }), clock, {
    intervalMs: FLUSH_INTERVAL_MS,
    ...limits,
  });
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
    assert.ok(
      gaps.every((gap) => gap >= FLUSH_INTERVAL_MS),
      `gaps ${gaps.join(',')}`,
    );
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

  it('bounds each message by record count, and sends the rest one interval at a time, in order', () => {
    const { clock, sent, batcher } = setup(100_000, { maxRecords: 100, maxChars: Number.POSITIVE_INFINITY });
    for (let seq = 1; seq <= 250; seq += 1) batcher.add(eventRecord(seq));
    clock.advance(0);
    assert.deepEqual(
      sent.map((batch) => batch.records.length),
      [100],
    );
    clock.advance(FLUSH_INTERVAL_MS * 2);
    assert.deepEqual(
      sent.map((batch) => [batch.at, batch.records.length]),
      [
        [0, 100],
        [FLUSH_INTERVAL_MS, 100],
        [FLUSH_INTERVAL_MS * 2, 50],
      ],
    );
    assert.deepEqual(allSentSeqs(sent), range(1, 250));
  });

  it('bounds each message by size, yet sends a single record larger than the bound on its own', () => {
    const { clock, sent, batcher } = setup(100_000, { maxRecords: 10_000, maxChars: 5_000 });
    batcher.add(eventRecord(1, 'a'.repeat(2_000)));
    batcher.add(eventRecord(2, 'b'.repeat(2_000)));
    batcher.add(eventRecord(3, 'c'.repeat(20_000)));
    batcher.add(eventRecord(4, 'd'));
    clock.advance(FLUSH_INTERVAL_MS * 3);
    assert.deepEqual(
      sent.map((batch) => seqs(batch.records)),
      [[1, 2], [3], [4]],
    );
  });

  it('keeps a 100,000 record burst within the message bound', () => {
    const { clock, sent, batcher } = setup();
    for (let seq = 1; seq <= 100_000; seq += 1) batcher.add(eventRecord(seq, `{"message": "Hello SSE ${seq}"}`));
    clock.advance(FLUSH_INTERVAL_MS * 100);
    assert.ok(sent.every((batch) => batch.records.length <= BATCH_LIMITS.maxRecords));
    assert.ok(sent.length >= 100_000 / BATCH_LIMITS.maxRecords, `${sent.length} messages`);
    assert.deepEqual(allSentSeqs(sent), range(1, 100_000));
  });

  it('restart hands out the first batch from the oldest kept record, and the rest follows in flushes', () => {
    const { clock, sent, batcher } = setup(100_000, { maxRecords: 100, maxChars: Number.POSITIVE_INFINITY });
    for (let seq = 1; seq <= 150; seq += 1) batcher.add(eventRecord(seq));
    clock.advance(FLUSH_INTERVAL_MS * 2);
    sent.length = 0; // a webview that saw these is gone; a new one starts from nothing
    const first = batcher.restart();
    assert.deepEqual(seqs(first.records), range(1, 100));
    clock.advance(FLUSH_INTERVAL_MS);
    assert.deepEqual(allSentSeqs(sent), range(101, 150));
  });

  it('restart on a store past its cap starts at the oldest kept record and reports the dropped count', () => {
    const { batcher } = setup(10);
    for (let seq = 1; seq <= 25; seq += 1) batcher.add(eventRecord(seq));
    const first = batcher.restart();
    assert.deepEqual(seqs(first.records), range(16, 25));
    assert.equal(first.dropped, 15);
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

  it('backpressure: with two batches not yet taken it posts no more; what arrives meanwhile goes out in one batch once one is taken', async () => {
    const clock = new ManualClock();
    const store = new RecordStore(100_000);
    const sent: RecordBatch[] = [];
    const takers: Array<() => void> = [];
    const batcher = new RecordBatcher(
      store,
      (batch) => {
        sent.push(batch);
        return new Promise<void>((resolve) => takers.push(resolve));
      },
      clock,
      undefined,
      2,
    );
    for (let seq = 1; seq <= 3; seq += 1) {
      batcher.add(eventRecord(seq));
      clock.advance(FLUSH_INTERVAL_MS);
    }
    assert.deepEqual(
      sent.map((batch) => seqs(batch.records)),
      [[1], [2]],
      'a third batch went to a webview that had taken none',
    );
    for (let seq = 4; seq <= 1000; seq += 1) batcher.add(eventRecord(seq));
    clock.advance(10 * FLUSH_INTERVAL_MS);
    assert.equal(sent.length, 2);
    assert.equal(clock.pendingTimers, 0, 'a blocked batcher keeps polling with timers');
    takers[0]();
    await Promise.resolve();
    clock.advance(FLUSH_INTERVAL_MS);
    assert.deepEqual(
      sent.map((batch) => seqs(batch.records)),
      [[1], [2], range(3, 1000)],
    );
    assert.equal(sent.length, 3);
  });

  it('backpressure: a restart (a webview that starts over) forgets the batches the old one never took', async () => {
    const clock = new ManualClock();
    const store = new RecordStore(100_000);
    const sent: RecordBatch[] = [];
    const batcher = new RecordBatcher(
      store,
      (batch) => {
        sent.push(batch);
        return new Promise<void>(() => {}); // never taken: that webview is gone
      },
      clock,
      { intervalMs: FLUSH_INTERVAL_MS, maxRecords: 1, maxChars: BATCH_LIMITS.maxChars },
      2,
    );
    for (let seq = 1; seq <= 5; seq += 1) batcher.add(eventRecord(seq));
    clock.advance(10 * FLUSH_INTERVAL_MS);
    assert.equal(sent.length, 2);
    const first = batcher.restart();
    assert.deepEqual(seqs(first.records), [1]);
    clock.advance(10 * FLUSH_INTERVAL_MS);
    assert.deepEqual(
      sent.slice(2).map((batch) => seqs(batch.records)),
      [[2], [3]],
    );
  });
});
