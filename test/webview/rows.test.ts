// Every record kind gets its row, badge and columns; comment and retry rows wait for their toggle.

import { strict as assert } from 'node:assert';
import { withInspector } from './harness';
import { RecordMaker } from './records';

describe('webview rows', () => {
  it('renders open, message, custom, error, reconnect and closed rows with their badges', async () => {
    const maker = new RecordMaker(1000);
    const records = [
      maker.open(),
      maker.event('message', '{"user": "ada",\n "n": 1}', { id: '1' }),
      maker.event('progress', 'half way', { id: '2' }),
      maker.error('The connection was reset', { willReconnect: true }),
      maker.reconnect(1, '2'),
      maker.open(),
      maker.event('end', 'done', { afterMs: 2500 }),
      maker.closed('close-on-event', 'Closed on the "end" event'),
    ];
    await withInspector({ state: { records } }, async (inspector) => {
      await inspector.settle();
      const rows = await inspector.page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.table-body [role="row"]')]
          .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
          .map((row) => ({
            seq: row.querySelector('.col-seq')?.textContent,
            t: row.querySelector('.col-t')?.textContent,
            wall: row.querySelector<HTMLElement>('.col-t')?.title,
            dt: row.querySelector('.col-dt')?.textContent,
            gap: row.querySelector('.col-dt')?.classList.contains('gap'),
            badge: row.querySelector('.badge')?.className,
            type: row.querySelector('.badge')?.textContent,
            id: row.querySelector('.col-id')?.textContent,
            data: row.querySelector('.col-data')?.textContent,
            size: row.querySelector('.col-size')?.textContent,
          })),
      );
      assert.deepEqual(
        rows.map((row) => [row.type, row.badge]),
        [
          ['open', 'badge badge-lifecycle'],
          ['message', 'badge badge-message'],
          ['progress', 'badge badge-custom'],
          ['error', 'badge badge-error'],
          ['reconnect', 'badge badge-lifecycle'],
          ['open', 'badge badge-lifecycle'],
          ['end', 'badge badge-custom'],
          ['closed', 'badge badge-lifecycle'],
        ],
      );
      assert.deepEqual(rows[1], {
        seq: '2',
        t: '2.000 s',
        wall: rows[1].wall,
        dt: '',
        gap: false,
        badge: 'badge badge-message',
        type: 'message',
        id: '1',
        data: '{"user":"ada","n":1}',
        size: '24 B',
      });
      assert.match(rows[1].wall ?? '', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.000$/);
      assert.equal(rows[2].dt, '1.000 s');
      assert.equal(rows[2].gap, false);
      assert.equal(rows[6].dt, '5.500 s', 'Δ is measured from the previous event');
      assert.equal(rows[6].gap, true, 'a gap of 2 s or more is highlighted');
      assert.match(rows[3].data ?? '', /The connection was reset · will reconnect/);
      assert.match(rows[4].data ?? '', /attempt 1 after 3000 ms · Last-Event-ID: 2/);
      assert.equal(rows[7].data, 'Closed on the "end" event', "the engine's message, not the reason said twice");
      assert.match(rows[0].data ?? '', /HTTP 200 · text\/event-stream/);
      await inspector.screenshot('rows-dark');
    });
  });

  it('shows comment and retry rows only after the "Comments & retry" toggle', async () => {
    const maker = new RecordMaker();
    const records = [maker.open(), maker.comment(' keep-alive'), maker.retry(5000), maker.event('message', 'a')];
    await withInspector({ state: { records } }, async (inspector) => {
      assert.deepEqual((await inspector.renderedTable()).rowKeys, ['open', 'event:message:a']);
      await inspector.page.getByRole('button', { name: 'Comments & retry' }).click();
      assert.deepEqual((await inspector.renderedTable()).rowKeys, ['open', 'comment', 'retry', 'event:message:a']);
      await inspector.settle();
      const data = await inspector.visibleData();
      assert.deepEqual(data.slice(1, 3), ['keep-alive', 'reconnection time set to 5000 ms']);
      await inspector.page.getByRole('button', { name: 'Comments & retry' }).click();
      assert.deepEqual((await inspector.renderedTable()).rowKeys, ['open', 'event:message:a']);
    });
  });

  it('shows a line the spec ignored only with the "Comments & retry" toggle, with the line and why', async () => {
    const maker = new RecordMaker();
    const records = [
      maker.open(),
      maker.event('message', 'line one'),
      maker.ignored('line two', 'no colon: the whole line reads as a field name, and there is no such field'),
    ];
    await withInspector({ state: { records } }, async (inspector) => {
      assert.deepEqual((await inspector.renderedTable()).rowKeys, ['open', 'event:message:line one']);
      await inspector.page.getByRole('button', { name: 'Comments & retry' }).click();
      assert.deepEqual((await inspector.renderedTable()).rowKeys, ['open', 'event:message:line one', 'ignored']);
      await inspector.settle();
      const data = await inspector.visibleData();
      assert.equal(data[2], 'line two · ignored: no colon: the whole line reads as a field name, and there is no such field');
    });
  });

  it('marks a clipped event in its row and shows the compacted, cut data', async () => {
    const maker = new RecordMaker();
    const long = 'x'.repeat(1000);
    const records = [maker.event('message', long, { truncated: true, size: 5_000_000 }), maker.event('message', 'short')];
    await withInspector({ state: { records } }, async (inspector) => {
      await inspector.settle();
      const rows = inspector.page.locator('.table-body [role="row"]');
      const clipped = await rows.evaluateAll((elements) =>
        elements.map((row) => !(row.querySelector<HTMLElement>('.clipped')?.hidden ?? true)),
      );
      assert.deepEqual(clipped.sort(), [false, true]);
      const data = await inspector.visibleData();
      assert.ok(data.includes(`${'x'.repeat(300)}…`), 'row data is cut to 300 characters');
      assert.ok((await rows.allTextContents()).some((text) => text.includes('4.8 MB')));
    });
  });

  it('counts events, bytes and reconnects in the stats line, with elapsed time up to the last record once closed', async () => {
    const maker = new RecordMaker();
    const records = [
      maker.open(),
      maker.event('message', 'abc'),
      maker.event('message', 'hello'),
      maker.reconnect(),
      maker.open(),
      maker.event('end', '{"a":1}'),
      maker.closed(),
    ];
    await withInspector({ state: { records, status: 'closed' } }, async (inspector) => {
      await inspector.settle();
      // The counts have their own span; the timing figures follow them in the same line.
      assert.match(
        (await inspector.page.locator('.stats .stats-counts').textContent()) ?? '',
        /^3 events · \d+\.\d\/s · 15 B · 0\.7 s · 1 reconnect$/,
      );
    });
  });

  it('counts every event and byte the session received, not only the rows kept, when the extension sends its totals', async () => {
    const maker = new RecordMaker();
    const records = [maker.open(), maker.event('message', 'abc')];
    await withInspector({ state: { records, dropped: 999_998, received: { events: 1_000_000, bytes: 5_888_890 } } }, async (inspector) => {
      await inspector.deliver({
        type: 'records',
        records: [maker.event('message', 'hello')],
        dropped: 999_999,
        received: { events: 1_000_001, bytes: 5_888_895 },
      });
      await inspector.settle();
      assert.match((await inspector.page.locator('.stats').textContent()) ?? '', /^1,000,001 events · .* · 5\.6 MB · /);
    });
  });

  it('lets the user drag a column wider and remembers the width across a reload', async () => {
    await withInspector(
      { state: { records: [new RecordMaker().event('message', 'a', { id: 'some-long-id-value' })] } },
      async (inspector) => {
        const header = inspector.page.locator('.table-head .col-id');
        const before = (await header.boundingBox())?.width ?? 0;
        const handle = await header.locator('.resizer').boundingBox();
        assert.ok(handle);
        await inspector.page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
        await inspector.page.mouse.down();
        await inspector.page.mouse.move(handle.x + handle.width / 2 + 60, handle.y + handle.height / 2, { steps: 5 });
        await inspector.page.mouse.up();
        const after = (await header.boundingBox())?.width ?? 0;
        assert.equal(Math.round(after - before), 60);
        const cell = await inspector.page.locator('.table-body .col-id').first().boundingBox();
        assert.equal(Math.round(cell?.width ?? 0), Math.round(after), 'rows follow the header');

        await inspector.page.reload();
        await inspector.page.waitForFunction(() => window.__posted.some((message) => message.type === 'ready'));
        assert.equal(Math.round((await header.boundingBox())?.width ?? 0), Math.round(after));
      },
    );
  });
});
