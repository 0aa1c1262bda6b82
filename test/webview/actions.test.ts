// Doing what the user means in the webview: filter count, highlights and keys; export scope; banner actions; Connect while open; Clear.

import { strict as assert } from 'node:assert';
import { withInspector } from './harness';
import { RecordMaker } from './records';

function records() {
  const maker = new RecordMaker();
  return [
    maker.open(),
    maker.event('message', '{"user":"Ada","n":1}', { id: 'a-1' }),
    maker.event('message', '{"user":"Grace","n":2}', { id: 'a-2' }),
    maker.event('progress', 'fifty percent grace', { id: 'p-9' }),
    maker.event('message', '<img src=x onerror="window.__pwned=1">grace', { id: 'x-1' }),
    maker.closed(),
  ];
}

/** The marked texts in the rows' cells, top to bottom. */
const MARKS = `[...document.querySelectorAll('.table-body [role="row"]')]
  .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
  .flatMap((row) => [...row.querySelectorAll('mark.match')].map((mark) => mark.textContent))`;

describe('webview: filter count, highlights and keys', () => {
  it('shows how many rows match, marks each match in the cells as text, and never turns event data into markup', async () => {
    await withInspector({ state: { records: records() } }, async (inspector) => {
      const page = inspector.page;
      const count = page.locator('.match-count');
      assert.ok(!(await count.isVisible()), 'a count with no filter text');
      await page.getByRole('textbox', { name: 'Filter' }).fill('GRACE');
      assert.equal((await inspector.renderedTable()).rowCount, 3);
      assert.equal(await count.textContent(), '3 of 6');
      assert.deepEqual(await page.evaluate(MARKS), ['Grace', 'grace', 'grace'], 'matches keep their own case');
      await page.getByRole('textbox', { name: 'Filter' }).fill('img');
      // Read once the table has drawn the new filter (the count follows on the same frame).
      assert.equal((await inspector.renderedTable()).rowCount, 1);
      assert.equal(await count.textContent(), '1 of 6');
      assert.deepEqual(await page.evaluate(MARKS), ['img']);
      assert.equal(await page.locator('.table-body img').count(), 0, 'event data became an element');
      assert.equal(await page.evaluate('window.__pwned'), undefined);
      await inspector.screenshot('filter-highlight');
    });
  });

  it('marks what a regex matches, in the type and id cells too, and marks nothing for an invalid one', async () => {
    await withInspector({ state: { records: records() } }, async (inspector) => {
      const page = inspector.page;
      await page.getByRole('button', { name: 'Use regular expression' }).click();
      await page.getByRole('textbox', { name: 'Filter' }).fill('^p\\w+|p-\\d');
      assert.equal((await inspector.renderedTable()).rowCount, 1);
      assert.deepEqual(await page.evaluate(MARKS), ['progress', 'p-9']);
      assert.equal(await page.locator('.match-count').textContent(), '1 of 6');
      await page.getByRole('textbox', { name: 'Filter' }).fill('(unclosed');
      assert.equal((await inspector.renderedTable()).rowCount, 6);
      assert.deepEqual(await page.evaluate(MARKS), []);
    });
  });

  it('Ctrl+F (Cmd+F) puts the cursor in the filter box, and Escape there clears the filter', async () => {
    await withInspector({ state: { records: records() } }, async (inspector) => {
      const page = inspector.page;
      const filter = page.getByRole('textbox', { name: 'Filter' });
      await filter.fill('ada');
      await page.getByRole('grid').focus();
      await page.keyboard.press('Control+f');
      assert.equal(await page.evaluate('document.activeElement?.getAttribute("aria-label")'), 'Filter');
      await page.getByRole('grid').focus();
      await page.keyboard.press('Meta+f');
      assert.equal(await page.evaluate('document.activeElement?.getAttribute("aria-label")'), 'Filter');
      assert.equal((await inspector.renderedTable()).rowCount, 1);
      await page.keyboard.press('Escape');
      assert.equal(await filter.inputValue(), '');
      assert.equal((await inspector.renderedTable()).rowCount, 6);
      assert.ok(!(await page.locator('.match-count').isVisible()));
      assert.deepEqual(await page.evaluate(MARKS), []);
    });
  });
});

describe('webview: export scope, banners, Connect while open, Clear', () => {
  it('exports all rows, or only the filtered ones as seq ranges, as the user chooses', async () => {
    await withInspector({ state: { records: records() } }, async (inspector) => {
      const page = inspector.page;
      await page.getByRole('textbox', { name: 'Filter' }).fill('grace');
      await page.getByRole('button', { name: 'NDJSON' }).click();
      await page.getByRole('combobox', { name: 'Rows to export' }).selectOption('filtered');
      await page.getByRole('button', { name: 'JSON', exact: true }).click();
      assert.deepEqual(await inspector.postedOfType('export'), [
        { type: 'export', format: 'ndjson' },
        {
          type: 'export',
          format: 'json',
          rows: [[3, 5]],
        },
      ]);
      await page.getByRole('textbox', { name: 'Filter' }).fill('a-');
      await page.getByRole('button', { name: 'NDJSON' }).click();
      assert.deepEqual((await inspector.postedOfType('export')).at(-1), { type: 'export', format: 'ndjson', rows: [[2, 3]] });
    });
  });

  it('a finished export banner offers Open (posting openExported) and goes away on the next connect', async () => {
    await withInspector({}, async (inspector) => {
      const page = inspector.page;
      await inspector.deliver({
        type: 'notice',
        level: 'info',
        message: 'Exported 3 filtered records to /w/x.ndjson.',
        action: 'openExport',
      });
      const banner = page.locator('.banner');
      assert.equal(await banner.locator('.banner-text').textContent(), 'Exported 3 filtered records to /w/x.ndjson.');
      await banner.getByRole('button', { name: 'Open' }).click();
      assert.deepEqual(await inspector.postedOfType('openExported'), [{ type: 'openExported' }]);
      await inspector.deliver({ type: 'notice', level: 'info', message: 'Not connected.' });
      assert.equal(await banner.getByRole('button', { name: 'Open' }).count(), 0, 'a plain notice kept the old action');
      await page.getByRole('button', { name: 'Connect', exact: true }).click();
      assert.equal((await inspector.postedOfType('connect')).length, 1);
      assert.ok(!(await banner.isVisible()), 'the banner outlived the next connect');
    });
  });

  it('Connect while a stream is open posts the new request, and the Connect command does the same from the keyboard', async () => {
    await withInspector({ state: { status: 'open' } }, async (inspector) => {
      const page = inspector.page;
      await page.getByRole('combobox', { name: 'Stream URL' }).fill('http://127.0.0.1:1/sse?b=2');
      await page.getByRole('combobox', { name: 'Stream URL' }).press('Enter');
      await inspector.deliver({ type: 'run', action: 'connect' });
      await page.waitForFunction(() => window.__posted.filter((message) => message.type === 'connect').length === 2);
      const urls = (await inspector.postedOfType('connect')).map((message) => message.request.url);
      assert.deepEqual(urls, ['http://127.0.0.1:1/sse?b=2', 'http://127.0.0.1:1/sse?b=2']);
    });
  });

  it('Clear keeps the diagnostics of a connection still open; a new session drops them', async () => {
    const maker = new RecordMaker();
    await withInspector({ state: { status: 'open', records: [maker.open(), maker.event('message', 'x')] } }, async (inspector) => {
      const strip = inspector.page.locator('.diagnostics');
      await inspector.settle();
      assert.ok(await strip.isVisible());
      await inspector.deliver({ type: 'cleared', by: 'user' });
      await inspector.settle();
      assert.equal((await inspector.renderedTable()).rowCount, 0);
      assert.ok(await strip.isVisible(), 'Clear hid the diagnostics of the open connection');
      await inspector.deliver({ type: 'cleared' }, { type: 'status', status: 'connecting' });
      await inspector.settle();
      assert.ok(!(await strip.isVisible()), 'a new session kept the old diagnostics');
    });
  });

  it('keeps the name the user gave the panel in its saved state, for the tab after a reload', async () => {
    await withInspector({}, async (inspector) => {
      await inspector.deliver({ type: 'panelName', name: 'Orders feed' });
      await inspector.page.waitForFunction(() => (sessionStorage.getItem('vscodeState') ?? '').includes('Orders feed'));
      const saved = (await inspector.page.evaluate(() => JSON.parse(sessionStorage.getItem('vscodeState') ?? '{}'))) as {
        panelName?: string;
      };
      assert.equal(saved.panelName, 'Orders feed');
    });
  });
});
