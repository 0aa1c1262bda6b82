// Keyboard use of the grid, and the detail pane: pretty JSON, headers, errors, whole data of clipped events, copy and editor.

import { strict as assert } from 'node:assert';
import { withInspector, type InspectorPage } from './harness';
import { RecordMaker } from './records';

async function selectedSeq(inspector: InspectorPage): Promise<string | null> {
  return inspector.page
    .locator('.table-body [role="row"][aria-selected="true"] .col-seq')
    .textContent({ timeout: 2000 })
    .catch(() => null);
}

describe('webview keyboard and detail pane', () => {
  it('is an ARIA grid whose selection moves with Up/Down/PageUp/PageDown/Home/End; Enter opens details and Escape closes them', async () => {
    const maker = new RecordMaker();
    const records = maker.events(200);
    await withInspector({ state: { records } }, async (inspector) => {
      const grid = inspector.page.getByRole('grid');
      assert.equal(await grid.getAttribute('aria-rowcount'), '201');
      const firstRow = inspector.page.locator('.table-body [role="row"]').first();
      assert.equal(await firstRow.locator('[role="gridcell"]').count(), 7);
      assert.equal(await inspector.page.locator('.table-head [role="columnheader"]').count(), 7);

      await grid.focus();
      await inspector.page.keyboard.press('Home');
      await inspector.settle();
      assert.equal(await selectedSeq(inspector), '1');
      assert.equal(await inspector.page.locator('[aria-selected="true"]').getAttribute('aria-rowindex'), '2');
      await inspector.page.keyboard.press('ArrowDown');
      await inspector.page.keyboard.press('ArrowDown');
      await inspector.settle();
      assert.equal(await selectedSeq(inspector), '3');
      await inspector.page.keyboard.press('ArrowUp');
      await inspector.settle();
      assert.equal(await selectedSeq(inspector), '2');
      assert.equal(
        await grid.getAttribute('aria-activedescendant'),
        await inspector.page.locator('[aria-selected="true"]').getAttribute('id'),
      );

      await inspector.page.keyboard.press('PageDown');
      await inspector.settle();
      const afterPage = Number(await selectedSeq(inspector));
      assert.ok(afterPage > 10, `PageDown moves by a page (now at ${afterPage})`);
      await inspector.page.keyboard.press('PageUp');
      await inspector.settle();
      assert.equal(await selectedSeq(inspector), '2');
      await inspector.page.keyboard.press('End');
      await inspector.settle();
      assert.equal(await selectedSeq(inspector), '200', 'End selects the last row and scrolls it into view');

      await inspector.page.keyboard.press('Enter');
      const detail = inspector.page.getByRole('region', { name: 'Record details' });
      await detail.waitFor();
      assert.match((await detail.locator('.detail-title').textContent()) ?? '', /#200/);
      // With the pane open, moving the selection shows the new row.
      await inspector.page.keyboard.press('ArrowUp');
      await inspector.page.waitForFunction(() => document.querySelector('.detail-title')?.textContent?.includes('#199'));
      await inspector.page.keyboard.press('Escape');
      await detail.waitFor({ state: 'hidden' });
      assert.equal(await selectedSeq(inspector), '199', 'closing keeps the selection');
      assert.ok(await grid.evaluate((element) => element === document.activeElement), 'focus stays on the grid');
    });
  });

  it('shows JSON data pretty-printed as a foldable tree, with copy and open-in-editor', async () => {
    const maker = new RecordMaker();
    const data = JSON.stringify({ user: { name: 'Ada', langs: ['en', 'fr'] }, n: 42, ok: true, none: null });
    await withInspector({ state: { records: [maker.open(), maker.event('update', data, { id: '7' })] } }, async (inspector) => {
      await inspector.page.locator('.table-body [role="row"][aria-rowindex="3"]').click();
      const detail = inspector.page.getByRole('region', { name: 'Record details' });
      await detail.waitFor();
      const tree = detail.locator('.json-tree');
      assert.deepEqual(await tree.locator('.json-key').allTextContents(), ['user', 'name', 'langs', '0', '1', 'n', 'ok', 'none']);
      assert.deepEqual(await tree.locator('.json-string').allTextContents(), ['"Ada"', '"en"', '"fr"']);
      assert.deepEqual(await tree.locator('.json-number').allTextContents(), ['42']);
      // Folding: closing the "user" node hides its children.
      const userNode = tree.locator('details', { has: inspector.page.locator('> summary .json-key', { hasText: 'user' }) }).first();
      assert.equal(await userNode.getAttribute('open'), '');
      await userNode.locator('> summary').click();
      assert.equal(await userNode.getAttribute('open'), null);
      assert.ok(!(await tree.locator('.json-key', { hasText: 'name' }).isVisible()));
      assert.match((await detail.textContent()) ?? '', /ID7/);
      await inspector.screenshot('detail-json');

      await detail.getByRole('button', { name: 'Copy data' }).click();
      await detail.getByRole('button', { name: 'Open in editor' }).click();
      assert.deepEqual(await inspector.postedOfType('copy'), [{ type: 'copy', text: data }]);
      assert.deepEqual(await inspector.postedOfType('openInEditor'), [{ type: 'openInEditor', seq: 2 }]);
    });
  });

  it('shows the response headers and CORS verdict of an open row, and the message of an error row', async () => {
    const maker = new RecordMaker();
    const open = maker.open(
      { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-request-id': 'abc-123' },
      {
        cors: {
          origin: 'https://app.example',
          withCredentials: true,
          allowed: false,
          reason: 'Access-Control-Allow-Origin is * but credentials are on',
        },
      },
    );
    const error = maker.error('Server answered 503 Service Unavailable', { status: 503, willReconnect: false });
    await withInspector({ state: { records: [open, error] } }, async (inspector) => {
      await inspector.page.locator('.table-body [role="row"][aria-rowindex="2"]').click();
      const detail = inspector.page.getByRole('region', { name: 'Record details' });
      const rows = await detail
        .locator('table.headers tr')
        .evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent, tr.querySelector('td')?.textContent]));
      assert.deepEqual(rows, [
        ['content-type', 'text/event-stream'],
        ['cache-control', 'no-cache'],
        ['x-request-id', 'abc-123'],
      ]);
      assert.match(
        (await detail.textContent()) ?? '',
        /CORSblocked for https:\/\/app\.example with credentials on: Access-Control-Allow-Origin is \* but credentials are on/,
      );
      await detail.getByRole('button', { name: 'Copy headers' }).click();
      assert.deepEqual(await inspector.postedOfType('copy'), [
        { type: 'copy', text: 'content-type: text/event-stream\ncache-control: no-cache\nx-request-id: abc-123' },
      ]);

      await inspector.page.locator('.table-body [role="row"][aria-rowindex="3"]').click();
      const text = (await detail.textContent()) ?? '';
      assert.match(text, /MessageServer answered 503 Service Unavailable/);
      assert.match(text, /HTTP status503/);
      assert.match(text, /Will reconnectno/);
    });
  });

  it('asks for the whole data of a clipped event and shows it when the answer comes', async () => {
    const maker = new RecordMaker();
    const whole = JSON.stringify({ items: Array.from({ length: 50 }, (_, index) => ({ index })) });
    const clipped = maker.event('message', whole.slice(0, 40), { truncated: true, size: whole.length });
    await withInspector({ state: { records: [clipped] } }, async (inspector) => {
      await inspector.page.locator('.table-body [role="row"]').first().click();
      const detail = inspector.page.getByRole('region', { name: 'Record details' });
      await inspector.page.waitForFunction(() => window.__posted.some((message) => message.type === 'details'));
      assert.deepEqual(await inspector.postedOfType('details'), [{ type: 'details', seq: 1 }]);
      assert.match((await detail.textContent()) ?? '', /Loading the whole data/);
      assert.equal(await detail.getByRole('button', { name: 'Copy data' }).count(), 0, 'no copying of clipped data');

      await inspector.deliver({ type: 'detail', seq: 1, data: whole });
      await detail.locator('.json-tree').waitFor();
      assert.match((await detail.locator('.json-summary').first().textContent()) ?? '', /1 key/);
      await detail.getByRole('button', { name: 'Copy data' }).click();
      assert.deepEqual(await inspector.postedOfType('copy'), [{ type: 'copy', text: whole }]);
    });
  });

  it('limits a huge JSON tree and points to the editor for the rest', async () => {
    const data = JSON.stringify(Array.from({ length: 1200 }, (_, index) => index));
    await withInspector({ state: { records: [new RecordMaker().event('message', data)] } }, async (inspector) => {
      await inspector.page.locator('.table-body [role="row"]').first().click();
      const tree = inspector.page.getByRole('region', { name: 'Record details' }).locator('.json-tree');
      assert.equal(await tree.locator('.json-summary').first().textContent(), '[ 1200 items ]');
      assert.equal(await tree.locator('.json-leaf').count(), 500);
      assert.equal(await tree.locator('.json-more').textContent(), '… 700 more (Open in editor shows everything)');
    });
  });
});
