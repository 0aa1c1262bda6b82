// The webview's batch feeder: order kept, large batches sliced across tasks within their limits, a state's records
// after the state, the backlog bounded, a failing message not stopping the rest, and a receipt for each batch applied.

import { strict as assert } from 'node:assert';
import { BatchFeeder, type FeederLimits, type ViewMessage } from '../../media/batchFeeder';
import type { ExtensionToWebview } from '../../src/shared/protocol';
import { packRecords } from '../../src/shared/packedRecords';
import type { SseRecord } from '../../src/shared/record';

function events(from: number, count: number): SseRecord[] {
  return Array.from({ length: count }, (_, index) => ({
    seq: from + index,
    t: from + index,
    at: 1_000 + from + index,
    kind: 'event' as const,
    type: 'message',
    data: String(from + index),
    id: null,
    lastEventId: '',
    size: 1,
    dt: null,
  }));
}

/** A host whose clock moves only when told to, and whose later tasks run only when `runTask` is called. */
class FakeHost {
  readonly handled: ViewMessage[] = [];
  /** The batch numbers the feeder reported wholly applied, in order. */
  readonly receipts: number[] = [];
  readonly busy: boolean[] = [];
  readonly tasks: Array<() => void> = [];
  clock = 0;
  /** Milliseconds each applied slice takes. */
  costPerApply = 0;
  failOn: ExtensionToWebview['type'] | undefined;

  apply(message: ViewMessage): void {
    this.clock += this.costPerApply;
    this.handled.push(message);
    if (message.type === this.failOn) throw new Error(`the view failed on ${message.type}`);
  }
  applied(batch: number): void {
    this.receipts.push(batch);
  }
  busyChanged(busy: boolean): void {
    this.busy.push(busy);
  }
  later(step: () => void): void {
    this.tasks.push(step);
  }
  now(): number {
    return this.clock;
  }
  runTask(): void {
    const task = this.tasks.shift();
    assert.ok(task, 'a task was scheduled');
    task();
  }
  seqs(): number[] {
    return this.handled.flatMap((message) => (message.type === 'records' ? message.records.map((record) => record.seq) : []));
  }
  kinds(): string[] {
    return this.handled.map((message) => (message.type === 'records' ? `records ${message.records.length}` : message.type));
  }
}

const LIMITS: FeederLimits = { sliceRecords: 500, budgetMs: 8, maxRecordsPerTask: 1_000, maxBacklog: 10_000 };

describe('batch feeder', () => {
  it('applies a small batch at once, in the task that delivered it', () => {
    const host = new FakeHost();
    new BatchFeeder(host, LIMITS).push({ type: 'records', records: packRecords(events(1, 300)), dropped: 0, batch: 1 });
    assert.deepEqual(host.kinds(), ['records 300']);
    assert.deepEqual(host.busy, []);
    assert.equal(host.tasks.length, 0);
  });

  it('spreads a batch over later tasks of at most maxRecordsPerTask, with every slice carrying the batch totals', () => {
    const host = new FakeHost();
    const received = { events: 2_600, bytes: 9 };
    new BatchFeeder(host, LIMITS).push({ type: 'records', records: packRecords(events(1, 2_600)), dropped: 7, received, batch: 2 });
    assert.deepEqual(host.kinds(), ['records 500', 'records 500']);
    assert.deepEqual(host.busy, [true]);
    host.runTask();
    assert.deepEqual(host.kinds().slice(2), ['records 500', 'records 500']);
    host.runTask();
    assert.deepEqual(host.kinds().slice(4), ['records 500', 'records 100']);
    assert.deepEqual(host.busy, [true, false]);
    assert.equal(host.tasks.length, 0);
    assert.deepEqual(
      host.seqs(),
      events(1, 2_600).map((record) => record.seq),
    );
    for (const message of host.handled) assert.deepEqual(message.type === 'records' && [message.dropped, message.received], [7, received]);
  });

  it('ends a task once its time budget is spent', () => {
    const host = new FakeHost();
    host.costPerApply = 5;
    new BatchFeeder(host, { ...LIMITS, maxRecordsPerTask: 100_000 }).push({
      type: 'records',
      records: packRecords(events(1, 2_000)),
      dropped: 0,
      batch: 3,
    });
    // 5 ms after the first slice, 10 ms after the second: past the 8 ms budget.
    assert.equal(host.handled.length, 2);
    host.costPerApply = 9;
    host.runTask();
    assert.equal(host.handled.length, 3, 'one slice over the budget ends the task');
  });

  it('keeps the order of every message: what comes during a batch waits for it', () => {
    const host = new FakeHost();
    const feeder = new BatchFeeder(host, LIMITS);
    feeder.push({ type: 'records', records: packRecords(events(1, 1_500)), dropped: 0, batch: 4 });
    feeder.push({ type: 'status', status: 'closed' });
    feeder.push({ type: 'cleared' });
    feeder.push({ type: 'records', records: packRecords(events(1_501, 3)), dropped: 0, batch: 5 });
    assert.deepEqual(host.kinds(), ['records 500', 'records 500']);
    host.runTask();
    assert.deepEqual(host.kinds(), ['records 500', 'records 500', 'records 500', 'status', 'cleared', 'records 3']);
    assert.deepEqual(host.busy, [true, false]);
  });

  it('applies a state first, then its records as batches', () => {
    const host = new FakeHost();
    const records = events(1, 1_200);
    const state = {
      request: {} as never,
      recentUrls: [],
      status: 'open' as const,
      records,
      dropped: 3,
      maxEvents: 10,
      received: { events: 1_203, bytes: 5 },
    };
    new BatchFeeder(host, LIMITS).push({ type: 'state', state });
    host.runTask();
    assert.deepEqual(host.kinds(), ['state', 'records 500', 'records 500', 'records 200']);
    const first = host.handled[0];
    assert.ok(first.type === 'state');
    assert.deepEqual(first.state, { ...state, records: [] });
    assert.deepEqual(
      host.seqs(),
      records.map((record) => record.seq),
    );
    assert.ok(
      host.handled.slice(1).every((message) => message.type === 'records' && message.dropped === 3 && message.received === state.received),
    );
  });

  it('keeps applying past its limits while more than maxBacklog records wait', () => {
    const host = new FakeHost();
    const feeder = new BatchFeeder(host, { ...LIMITS, maxBacklog: 2_000 });
    feeder.push({ type: 'records', records: packRecords(events(1, 1_000)), dropped: 0, batch: 6 });
    // Delivered while nothing waits: within its limits.
    assert.equal(host.seqs().length, 1_000);
    feeder.push({ type: 'records', records: packRecords(events(1_001, 1_500)), dropped: 0, batch: 7 });
    assert.equal(host.seqs().length, 2_000);
    // 500 wait; now 3,000 more arrive before the next task: 3,500 waiting, over the bound.
    feeder.push({ type: 'records', records: packRecords(events(2_501, 3_000)), dropped: 0, batch: 8 });
    assert.equal(host.seqs().length, 2_000, 'a task is already scheduled: delivery itself applies nothing');
    host.runTask();
    assert.equal(host.seqs().length, 3_500, 'its own 1,000, then 500 more to bring the waiting records down to the bound');
  });

  it('goes on with the next messages after the view failed on one', () => {
    const host = new FakeHost();
    host.failOn = 'status';
    const feeder = new BatchFeeder(host, LIMITS);
    feeder.push({ type: 'records', records: packRecords(events(1, 1_200)), dropped: 0, batch: 9 });
    feeder.push({ type: 'status', status: 'open' });
    feeder.push({ type: 'records', records: packRecords(events(1_201, 2)), dropped: 0, batch: 10 });
    assert.throws(() => host.runTask(), /failed on status/);
    assert.equal(host.tasks.length, 1, 'the rest is scheduled even so');
    host.runTask();
    assert.deepEqual(
      host.seqs(),
      events(1, 1_202).map((record) => record.seq),
    );
    assert.deepEqual(host.busy, [true, false]);
  });

  it("reports each numbered batch applied once its last slice is in, in order, and none for a state's records", () => {
    const host = new FakeHost();
    const feeder = new BatchFeeder(host, LIMITS);
    const state = { request: {} as never, recentUrls: [], status: 'open' as const, records: events(1, 600), dropped: 0, maxEvents: 10 };
    feeder.push({ type: 'state', state });
    feeder.push({ type: 'records', records: packRecords(events(601, 2_000)), dropped: 0, batch: 7 });
    feeder.push({ type: 'records', records: packRecords(events(2_601, 10)), dropped: 0, batch: 8 });
    assert.deepEqual(host.kinds(), ['state', 'records 500', 'records 100', 'records 500', 'records 500']);
    assert.deepEqual(host.receipts, [], 'half of batch 7 is applied: no receipt yet');
    host.runTask();
    assert.deepEqual(host.receipts, [7], 'the rest of batch 7 fills the next task');
    host.runTask();
    assert.deepEqual(host.receipts, [7, 8]);
    assert.equal(host.seqs().length, 2_610);
  });

  it('still reports a batch applied when the view failed on its last slice', () => {
    const host = new FakeHost();
    host.failOn = 'records';
    assert.throws(
      () => new BatchFeeder(host, LIMITS).push({ type: 'records', records: packRecords(events(1, 10)), dropped: 0, batch: 3 }),
      /failed/,
    );
    assert.deepEqual(host.receipts, [3], 'without it the extension would hold back every later batch');
  });
});
