// A large batch of records reaches the table in slices across several tasks and frames, in order, and the messages
// after it wait for it (media/batchFeeder.ts).

import { strict as assert } from 'node:assert';
import { withInspector, type InspectorPage } from './harness';
import { RecordMaker } from './records';

/**
 * Records, from a `message` listener added after the webview's own (so it runs in the same task, just after), whether
 * the root was still busy; and, every animation frame until `window.__stopWatching`, the grid's row count and the
 * busy flag as drawn.
 */
const WATCH = `(() => {
  window.__afterMessage = [];
  window.__receiptsAfterMessage = [];
  window.__frames = [];
  window.__stopWatching = false;
  const busy = () => document.querySelector('[aria-busy="true"]') !== null;
  window.addEventListener('message', () => {
    window.__afterMessage.push(busy());
    window.__receiptsAfterMessage.push(window.__posted.filter((message) => message.type === 'applied').length);
  });
  const tick = () => {
    const grid = document.querySelector('[role="grid"][aria-label="Records"]');
    window.__frames.push({ busy: busy(), rows: Number(grid.getAttribute('aria-rowcount')) - 1 });
    if (!window.__stopWatching) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

interface Watched {
  afterMessage: boolean[];
  /** How many `applied` receipts the webview had posted when each message's task ended. */
  receiptsAfterMessage: number[];
  frames: Array<{ busy: boolean; rows: number }>;
}

async function stopWatching(inspector: InspectorPage): Promise<Watched> {
  await inspector.settle();
  return (await inspector.page.evaluate(
    '(() => { window.__stopWatching = true; return { afterMessage: window.__afterMessage, receiptsAfterMessage: window.__receiptsAfterMessage, frames: window.__frames }; })()',
  )) as Watched;
}

describe('webview feeding large batches', () => {
  it('applies a 30,000-record message across several tasks and frames, drawing the rows as they come, and ends with all of them in order', async () => {
    const maker = new RecordMaker();
    const records = [maker.open(), ...maker.events(30_000)];
    await withInspector({ state: { maxEvents: 200_000, status: 'open' } }, async (inspector) => {
      await inspector.page.evaluate(WATCH);
      await inspector.deliver({ type: 'records', records, dropped: 0, received: { events: 30_000, bytes: 1 }, batch: 9 });
      const watched = await stopWatching(inspector);

      assert.deepEqual(watched.afterMessage, [true], 'the task that took the message left part of it for later tasks');
      assert.deepEqual(watched.receiptsAfterMessage, [0], 'no receipt while the batch is only partly applied');
      assert.deepEqual(await inspector.postedOfType('applied'), [{ type: 'applied', batch: 9 }], 'one receipt once all of it is in');
      const partial = watched.frames.filter((frame) => frame.busy);
      assert.ok(
        partial.some((frame) => frame.rows > 0 && frame.rows < records.length),
        `a frame was drawn with only part of the batch in the table: ${JSON.stringify(watched.frames)}`,
      );
      const counts = watched.frames.map((frame) => frame.rows);
      assert.deepEqual(
        counts,
        [...counts].sort((a, b) => a - b),
        'rows only ever grow while the batch is applied',
      );
      assert.equal(counts.at(-1), records.length);

      const bottom = await inspector.renderedTable();
      assert.equal(bottom.rowCount, records.length);
      assert.equal(bottom.rowKeys.at(-1), 'event:message:{"n":29999}');
      await inspector.scrollToTop();
      const top = await inspector.renderedTable();
      assert.deepEqual(top.rowKeys.slice(0, 3), ['open', 'event:message:{"n":0}', 'event:message:{"n":1}']);
    });
  });

  it('applies what is delivered during a large batch after it: later rows follow it, and a clear empties all of it', async () => {
    const maker = new RecordMaker();
    const big = maker.events(20_000);
    const after = maker.events(3, (index) => `after ${index}`);
    await withInspector({ state: { maxEvents: 200_000, status: 'open' } }, async (inspector) => {
      await inspector.page.evaluate(WATCH);
      await inspector.deliver(
        { type: 'records', records: big, dropped: 0, batch: 4 },
        { type: 'records', records: after, dropped: 0, batch: 5 },
      );
      const watched = await stopWatching(inspector);
      assert.deepEqual(
        (await inspector.postedOfType('applied')).map((message) => message.batch),
        [4, 5],
        'a receipt for each batch, in order',
      );
      assert.deepEqual(watched.afterMessage, [true, true], 'the second message arrived while the first was still being applied');
      const table = await inspector.renderedTable();
      assert.equal(table.rowCount, 20_003);
      assert.deepEqual(table.rowKeys.slice(-4), [
        'event:message:{"n":19999}',
        'event:message:after 0',
        'event:message:after 1',
        'event:message:after 2',
      ]);

      await inspector.deliver(
        { type: 'records', records: maker.events(20_000), dropped: 0 },
        { type: 'cleared' },
        { type: 'records', records: after, dropped: 0 },
      );
      const cleared = await inspector.renderedTable();
      assert.equal(cleared.rowCount, 3, 'the clear came after the whole batch, and the rows after it stay');
      assert.deepEqual(cleared.rowKeys, ['event:message:after 0', 'event:message:after 1', 'event:message:after 2']);
    });
  });
});
