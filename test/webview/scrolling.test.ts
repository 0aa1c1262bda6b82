// Following new rows, pausing when the user scrolls up, the "N new" jump, Pause/Resume, and virtualization at 100,000 rows.

import { strict as assert } from 'node:assert';
import { withInspector, type InspectorPage } from './harness';
import { RecordMaker } from './records';

/** Where the table is scrolled, and which record numbers are on screen (inside the grid's box, below the header). */
async function viewport(inspector: InspectorPage): Promise<{ atBottom: boolean; scrollTop: number; visibleSeqs: number[] }> {
  return inspector.page.evaluate(() => {
    const grid = document.querySelector<HTMLElement>('[role="grid"]');
    if (!grid) throw new Error('no grid');
    const box = grid.getBoundingClientRect();
    const headerBottom = grid.querySelector('.table-head')?.getBoundingClientRect().bottom ?? box.top;
    const visibleSeqs = [...grid.querySelectorAll<HTMLElement>('.table-body [role="row"]')]
      .filter((row) => {
        const rect = row.getBoundingClientRect();
        return rect.top >= headerBottom - 1 && rect.bottom <= box.bottom + 1;
      })
      .map((row) => Number(row.querySelector('.col-seq')?.textContent))
      .sort((a, b) => a - b);
    return { atBottom: grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 2, scrollTop: grid.scrollTop, visibleSeqs };
  });
}

async function deliverInBatches(
  inspector: InspectorPage,
  records: ReturnType<RecordMaker['events']>,
  batchSize: number,
  dropped = () => 0,
): Promise<void> {
  for (let start = 0; start < records.length; start += batchSize) {
    await inspector.deliver({ type: 'records', records: records.slice(start, start + batchSize), dropped: dropped() });
  }
}

describe('webview scrolling', () => {
  it('follows new rows to the bottom as they arrive', async () => {
    const maker = new RecordMaker();
    await withInspector({}, async (inspector) => {
      await deliverInBatches(inspector, maker.events(500), 50);
      await inspector.settle();
      const view = await viewport(inspector);
      assert.ok(view.atBottom, 'scrolled to the bottom');
      assert.equal(view.visibleSeqs.at(-1), 500, 'the newest row is on screen');
      await inspector.deliver({ type: 'records', records: maker.events(40), dropped: 0 });
      await inspector.settle();
      assert.equal((await viewport(inspector)).visibleSeqs.at(-1), 540);
    });
  });

  it('stops following as soon as the user scrolls up, counts new rows, and "N new" jumps back and follows again', async () => {
    const maker = new RecordMaker();
    await withInspector({}, async (inspector) => {
      await deliverInBatches(inspector, maker.events(500), 100);
      await inspector.settle();
      const grid = inspector.page.getByRole('grid');
      const box = await grid.boundingBox();
      assert.ok(box);
      await inspector.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await inspector.page.mouse.wheel(0, -600);
      await inspector.page.waitForFunction(() => {
        const element = document.querySelector<HTMLElement>('[role="grid"]');
        return element !== null && element.scrollTop + element.clientHeight < element.scrollHeight - 100;
      });
      const before = await viewport(inspector);
      assert.ok(!before.atBottom);

      await inspector.deliver({ type: 'records', records: maker.events(75), dropped: 0 });
      await inspector.settle();
      const after = await viewport(inspector);
      assert.equal(after.scrollTop, before.scrollTop, 'the view stays where the user put it');
      assert.deepEqual(after.visibleSeqs, before.visibleSeqs);
      const newRows = inspector.page.locator('button.new-rows');
      assert.equal(await newRows.textContent(), '75 new');
      await inspector.screenshot('new-rows-button');

      await newRows.click();
      await inspector.settle();
      const back = await viewport(inspector);
      assert.ok(back.atBottom);
      assert.equal(back.visibleSeqs.at(-1), 575);
      assert.ok(!(await newRows.isVisible()), 'the button goes once the user is back');

      await inspector.deliver({ type: 'records', records: maker.events(10), dropped: 0 });
      await inspector.settle();
      assert.equal((await viewport(inspector)).visibleSeqs.at(-1), 585, 'following again');
    });
  });

  it('stops following when the scrollbar moves the view up, and follows again when it is back at the bottom', async () => {
    const maker = new RecordMaker();
    await withInspector({}, async (inspector) => {
      await deliverInBatches(inspector, maker.events(300), 100);
      await inspector.settle();
      await inspector.page.evaluate(() => {
        const grid = document.querySelector<HTMLElement>('[role="grid"]');
        if (grid) grid.scrollTop = 0;
      });
      await inspector.settle();
      await inspector.deliver({ type: 'records', records: maker.events(5), dropped: 0 });
      await inspector.settle();
      assert.equal((await viewport(inspector)).visibleSeqs[0], 1);
      assert.equal(await inspector.page.locator('button.new-rows').textContent(), '5 new');
      await inspector.page.evaluate(() => {
        const grid = document.querySelector<HTMLElement>('[role="grid"]');
        if (grid) grid.scrollTop = grid.scrollHeight;
      });
      await inspector.settle();
      await inspector.deliver({ type: 'records', records: maker.events(5), dropped: 0 });
      await inspector.settle();
      assert.equal((await viewport(inspector)).visibleSeqs.at(-1), 310);
    });
  });

  it('keeps following when the table grows taller and the browser pulls the view up to its new bottom', async () => {
    const maker = new RecordMaker();
    await withInspector({ viewport: { width: 1100, height: 500 } }, async (inspector) => {
      await deliverInBatches(inspector, maker.events(300), 100);
      await inspector.settle();
      assert.ok((await viewport(inspector)).atBottom);
      // As when a strip above the table loses a line: the grid gets taller, so its scroll range shrinks under it.
      await inspector.page.setViewportSize({ width: 1100, height: 700 });
      await inspector.settle();
      await inspector.deliver({ type: 'records', records: maker.events(5), dropped: 0 });
      await inspector.settle();
      const view = await viewport(inspector);
      assert.ok(view.atBottom, 'still at the bottom');
      assert.equal(view.visibleSeqs.at(-1), 305, 'the new rows are shown');
      assert.ok(!(await inspector.page.locator('button.new-rows').isVisible()), 'no "N new" button: nothing was scrolled away');
    });
  });

  it('Pause stops adding rows while events are still received and counted; Resume shows them', async () => {
    const maker = new RecordMaker();
    await withInspector({}, async (inspector) => {
      await inspector.deliver({ type: 'records', records: maker.events(10), dropped: 0 });
      await inspector.page.getByRole('button', { name: 'Pause' }).click();
      await inspector.deliver({ type: 'records', records: maker.events(20), dropped: 0 });
      await inspector.settle();
      const grid = inspector.page.getByRole('grid');
      assert.equal(await grid.getAttribute('aria-rowcount'), '11', '10 rows and the header');
      assert.equal((await viewport(inspector)).visibleSeqs.at(-1), 10);
      const stats = inspector.page.locator('.stats');
      assert.match((await stats.textContent()) ?? '', /^30 events/);
      assert.match((await stats.textContent()) ?? '', /Paused/);

      await inspector.page.getByRole('button', { name: 'Resume' }).click();
      await inspector.settle();
      assert.equal(await grid.getAttribute('aria-rowcount'), '31');
      assert.equal((await viewport(inspector)).visibleSeqs.at(-1), 30);
      assert.doesNotMatch((await stats.textContent()) ?? '', /Paused/);
    });
  });

  it('keeps fewer than 200 row elements in the DOM with 100,000 events loaded, and drops the oldest beyond the cap', async () => {
    const maker = new RecordMaker();
    await withInspector({ state: { maxEvents: 100_000 } }, async (inspector) => {
      await deliverInBatches(inspector, maker.events(100_000), 2_000);
      const report = await inspector.renderedTable();
      assert.equal(report.rowCount, 100_000);
      assert.equal(report.rowKeys.at(-1), 'event:message:{"n":99999}');
      assert.ok(report.renderedRows < 200, `${report.renderedRows} rendered rows`);
      assert.ok((await inspector.rowElementCount()) < 200);
      assert.equal(await inspector.page.getByRole('grid').getAttribute('aria-rowcount'), '100001');
      const bottom = await viewport(inspector);
      assert.ok(bottom.atBottom);
      assert.equal(bottom.visibleSeqs.at(-1), 100_000);
      await inspector.screenshot('table-100k');

      // Jump to the middle: the rows there are drawn, and still only a window of them.
      await inspector.page.evaluate(() => {
        const grid = document.querySelector<HTMLElement>('[role="grid"]');
        if (grid) grid.scrollTop = grid.scrollHeight / 2;
      });
      await inspector.settle();
      const middle = await viewport(inspector);
      assert.ok(middle.visibleSeqs.length > 5);
      assert.ok(
        middle.visibleSeqs.every((seq) => seq > 45_000 && seq < 55_000),
        `middle rows ${middle.visibleSeqs[0]}…`,
      );
      assert.ok((await inspector.rowElementCount()) < 200);

      // 10,000 more in one message push the oldest 10,000 out, as the extension's store does.
      await inspector.deliver({ type: 'records', records: maker.events(10_000), dropped: 10_000 });
      await inspector.scrollToTop();
      const capped = await inspector.renderedTable();
      assert.equal(capped.rowCount, 100_000);
      assert.equal(capped.firstRow, 0);
      assert.equal(capped.rowKeys[0], 'event:message:{"n":10000}');
      assert.ok(capped.renderedRows < 200);
      await inspector.settle();
      assert.match((await inspector.page.locator('.stats').textContent()) ?? '', /10,000 older records dropped \(cap 100,000\)/);
    });
  });
});
