// The filter box (plain text and regex), the type chips, and their memory across a reload.

import { strict as assert } from 'node:assert';
import { withInspector } from './harness';
import { panelState, RecordMaker } from './records';

function records() {
  const maker = new RecordMaker();
  return [
    maker.open(),
    maker.event('message', '{"user":"Ada","n":1}', { id: 'a-1' }),
    maker.event('message', '{"user":"Grace","n":2}', { id: 'a-2' }),
    maker.event('progress', 'fifty percent', { id: 'p-9' }),
    maker.error('upstream timed out'),
    maker.event('end', 'bye'),
    maker.closed(),
  ];
}

describe('webview filter and chips', () => {
  it('filters on plain text over type, id and data, case-insensitively', async () => {
    await withInspector({ state: { records: records() } }, async (inspector) => {
      const filter = inspector.page.getByRole('textbox', { name: 'Filter' });
      await filter.fill('grace');
      assert.deepEqual((await inspector.renderedTable()).rowKeys, ['event:message:{"user":"Grace","n":2}']);
      await filter.fill('PROGRESS');
      assert.deepEqual((await inspector.renderedTable()).rowKeys, ['event:progress:fifty percent']);
      await filter.fill('a-1');
      assert.deepEqual((await inspector.renderedTable()).rowKeys, ['event:message:{"user":"Ada","n":1}']);
      await filter.fill('timed out');
      assert.deepEqual((await inspector.renderedTable()).rowKeys, ['error']);
      await filter.fill('.*');
      assert.equal((await inspector.renderedTable()).rowCount, 0, 'without the regex switch, .* is plain text');
      await inspector.settle();
      assert.equal(await inspector.page.locator('.table-empty').textContent(), 'No rows match the filter or the chips.');
      await filter.fill('');
      assert.equal((await inspector.renderedTable()).rowCount, 7);
    });
  });

  it('filters with a regular expression when the .* switch is on', async () => {
    await withInspector({ state: { records: records() } }, async (inspector) => {
      await inspector.page.getByRole('button', { name: 'Use regular expression' }).click();
      await inspector.page.getByRole('textbox', { name: 'Filter' }).fill('"n":\\d\\}$|^p-');
      assert.deepEqual((await inspector.renderedTable()).rowKeys, [
        'event:message:{"user":"Ada","n":1}',
        'event:message:{"user":"Grace","n":2}',
        'event:progress:fifty percent',
      ]);
    });
  });

  it('says an invalid regex is invalid, keeps every row and recovers when it is fixed', async () => {
    await withInspector({ state: { records: records() } }, async (inspector) => {
      await inspector.page.getByRole('button', { name: 'Use regular expression' }).click();
      const filter = inspector.page.getByRole('textbox', { name: 'Filter' });
      await filter.fill('(unclosed');
      assert.equal((await inspector.renderedTable()).rowCount, 7);
      const note = inspector.page.locator('#filter-note');
      assert.ok(await note.isVisible());
      assert.match((await note.textContent()) ?? '', /^Invalid regular expression: .*unclosed/);
      assert.equal(await filter.getAttribute('aria-invalid'), 'true');
      await inspector.screenshot('filter-invalid-regex');
      await filter.fill('(Ada|Grace)');
      assert.equal((await inspector.renderedTable()).rowCount, 2);
      assert.ok(!(await note.isVisible()));
      assert.equal(await filter.getAttribute('aria-invalid'), null);
    });
  });

  it('shows a chip per seen type and hides that type while its chip is off', async () => {
    await withInspector({ state: { records: records() } }, async (inspector) => {
      await inspector.settle();
      const chips = inspector.page.locator('.chips button');
      assert.deepEqual(await chips.allTextContents(), ['message', 'progress', 'end', 'error', 'open', 'closed']);
      await inspector.page.locator('.chips button', { hasText: 'message' }).click();
      await inspector.page.locator('.chips button', { hasText: 'closed' }).click();
      assert.deepEqual(
        (await inspector.renderedTable()).rowKeys,
        ['open', 'event:progress:fifty percent', 'error', 'event:end:bye'],
        'open and closed have chips of their own: hiding closed keeps open',
      );
      await inspector.page.locator('.chips button', { hasText: 'open' }).click();
      assert.deepEqual((await inspector.renderedTable()).rowKeys, ['event:progress:fifty percent', 'error', 'event:end:bye']);
      assert.equal(await inspector.page.locator('.chips button', { hasText: 'message' }).getAttribute('aria-pressed'), 'false');
      await inspector.page.locator('.chips button', { hasText: 'message' }).click();
      assert.equal((await inspector.renderedTable()).rowCount, 5);
      // A type that arrives later gets its chip too.
      await inspector.deliver({ type: 'records', records: [new RecordMaker(100).event('late', 'x')], dropped: 0 });
      await inspector.settle();
      assert.deepEqual(await chips.allTextContents(), ['message', 'progress', 'end', 'late', 'error', 'open', 'closed']);
    });
  });

  it('applies the filter to records that arrive later', async () => {
    await withInspector({ state: { records: records() } }, async (inspector) => {
      await inspector.page.getByRole('textbox', { name: 'Filter' }).fill('grace');
      const maker = new RecordMaker();
      await inspector.deliver({
        type: 'records',
        records: [maker.event('message', 'Grace again'), maker.event('message', 'Ada again')],
        dropped: 0,
      });
      assert.deepEqual((await inspector.renderedTable()).rowKeys, ['event:message:{"user":"Grace","n":2}', 'event:message:Grace again']);
    });
  });

  it('remembers filter text, regex switch, chips and the comments toggle across a reload', async () => {
    await withInspector({ state: { records: records() } }, async (inspector) => {
      await inspector.page.getByRole('button', { name: 'Use regular expression' }).click();
      await inspector.page.getByRole('textbox', { name: 'Filter' }).fill('^(message|end)$');
      await inspector.page.getByRole('button', { name: 'Comments & retry' }).click();
      await inspector.settle();
      await inspector.page.locator('.chips button', { hasText: 'end' }).click();
      assert.deepEqual((await inspector.renderedTable()).rowKeys, [
        'event:message:{"user":"Ada","n":1}',
        'event:message:{"user":"Grace","n":2}',
      ]);

      await inspector.page.reload();
      await inspector.page.waitForFunction(() => window.__posted.some((message) => message.type === 'ready'));
      await inspector.deliver({ type: 'state', state: panelState({ records: records() }) });
      assert.deepEqual((await inspector.renderedTable()).rowKeys, [
        'event:message:{"user":"Ada","n":1}',
        'event:message:{"user":"Grace","n":2}',
      ]);
      assert.equal(await inspector.page.getByRole('textbox', { name: 'Filter' }).inputValue(), '^(message|end)$');
      assert.equal(await inspector.page.getByRole('button', { name: 'Use regular expression' }).getAttribute('aria-pressed'), 'true');
      assert.equal(await inspector.page.getByRole('button', { name: 'Comments & retry' }).getAttribute('aria-pressed'), 'true');
    });
  });
});
