// The webview's receipts for record batches: a batch counts as taken when the webview has applied it, not when the
// message was delivered; an undelivered batch or a reloaded webview never blocks the batcher.

import { strict as assert } from 'node:assert';
import { AppliedBatches } from '../../src/session/appliedBatches';

/** Lets every settled promise's callbacks run (a turn of the event loop, not a timer standing in for an event). */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function watched(wait: PromiseLike<void> | undefined): { done: boolean } {
  assert.ok(wait, 'a posted batch is waited for');
  const state = { done: false };
  wait.then(() => {
    state.done = true;
  });
  return state;
}

describe('applied batches (the webview receipts)', () => {
  it('numbers batches from 1 and keeps a delivered batch waiting until it, or a later one, is applied', async () => {
    const receipts = new AppliedBatches();
    const one = receipts.next();
    const two = receipts.next();
    const three = receipts.next();
    assert.deepEqual([one, two, three], [1, 2, 3]);
    const waits = [one, two, three].map((batch) => watched(receipts.wait(batch, Promise.resolve(true))));
    await settle();
    assert.deepEqual(
      waits.map((wait) => wait.done),
      [false, false, false],
      'delivered is not applied',
    );
    receipts.applied(2);
    await settle();
    assert.deepEqual(
      waits.map((wait) => wait.done),
      [true, true, false],
      'a receipt covers its batch and every earlier one',
    );
    receipts.applied(3);
    await settle();
    assert.equal(waits[2].done, true);
  });

  it('ends the wait at once for a batch that was not delivered (the post answered false or failed)', async () => {
    const receipts = new AppliedBatches();
    const refused = watched(receipts.wait(receipts.next(), Promise.resolve(false)));
    const failed = watched(receipts.wait(receipts.next(), Promise.reject(new Error('webview disposed'))));
    await settle();
    assert.deepEqual([refused.done, failed.done], [true, true]);
  });

  it('waits for nothing when nothing was posted, and forgets every wait for a new webview', async () => {
    const receipts = new AppliedBatches();
    assert.equal(receipts.wait(receipts.next(), undefined), undefined);
    const pending = watched(receipts.wait(receipts.next(), Promise.resolve(true)));
    await settle();
    assert.equal(pending.done, false);
    receipts.forgetAll();
    await settle();
    assert.equal(pending.done, true);
  });
});
