// The ready/state handshake, the rows the table draws and the dropped-records line.

import { strict as assert } from 'node:assert';
import { withInspector } from './harness';
import { RecordMaker } from './records';

describe('webview handshake and rows', () => {
  it('posts ready first, before anything else and before it has any state', async () => {
    await withInspector({ state: null }, async (inspector) => {
      const posted = await inspector.posted();
      assert.deepEqual(posted, [{ type: 'ready' }]);
    });
  });

  it('draws the records of the state that answers ready', async () => {
    const maker = new RecordMaker();
    const records = [maker.open(), maker.event('message', 'hello'), maker.event('end', 'bye')];
    await withInspector({ state: { records } }, async (inspector) => {
      const report = await inspector.renderedTable();
      assert.deepEqual(report.rowKeys, ['open', 'event:message:hello', 'event:end:bye']);
      assert.equal(report.rowCount, 3);
      assert.equal(report.renderedRows, 3);
      assert.equal(await inspector.rowElementCount(), 3);
    });
  });

  it('draws the filtered rows oldest first, event data on one line (JSON compacted, line breaks as ⏎)', async () => {
    const maker = new RecordMaker();
    const spaced = '{ "a" :  1 }';
    await withInspector({}, async (inspector) => {
      await inspector.deliver({
        type: 'records',
        records: [
          maker.open(),
          maker.comment('keep-alive'),
          maker.event('message', spaced),
          maker.retry(1000),
          maker.event('tick', 'x\ny'),
          maker.error('boom'),
          maker.reconnect(),
          maker.closed(),
        ],
        dropped: 0,
      });
      const report = await inspector.renderedTable();
      assert.deepEqual(report.rowKeys, ['open', 'event:message:{"a":1}', 'event:tick:x⏎y', 'error', 'reconnect', 'closed']);
      assert.equal(report.rowCount, 6);
      assert.equal(report.renderedRows, 6);
      assert.ok((await inspector.visibleData()).includes('{"a":1}'));
    });
  });

  it('keeps at most maxEvents records, dropping the oldest, and says how many were dropped', async () => {
    const maker = new RecordMaker();
    const first = maker.events(60);
    const second = maker.events(90);
    await withInspector({ state: { maxEvents: 100 } }, async (inspector) => {
      await inspector.deliver({ type: 'records', records: first, dropped: 0 }, { type: 'records', records: second, dropped: 50 });
      const bottom = await inspector.renderedTable();
      assert.equal(bottom.rowCount, 100);
      assert.equal(bottom.rowKeys.at(-1), `event:message:${second[89].data}`);
      // 150 records through a cap of 100: the first batch's first 50 are gone.
      await inspector.scrollToTop();
      const top = await inspector.renderedTable();
      assert.equal(top.firstRow, 0);
      assert.equal(top.rowKeys[0], `event:message:${first[50].data}`);
      await inspector.settle();
      const stats = await inspector.page.locator('.stats').textContent();
      assert.match(stats ?? '', /50 older records dropped \(cap 100\)/);
    });
  });
});
