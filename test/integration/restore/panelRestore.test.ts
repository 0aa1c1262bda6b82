// A panel open when the window reloads comes back: run twice by the runner, before and after it reloads the workbench.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ConnectRequest } from '../../../src/shared/protocol';
import { DOCUMENT_ROWS, connect, messageRows, renderedUntilClosed, startMockServer, testApi, waitFor, renderedTable } from '../helpers';
import { askRunner, runNotePath } from '../runnerSteps';
import type { SessionPick } from '../sessionsUi';

/** Where the first extension host leaves the panel's request, for the one after the reload. */
const REQUEST_BEFORE_RELOAD = 'request-before-reload';
/** Set only in the panel's own request: the defaults a panel starts from have no page origin. */
const PAGE_ORIGIN = 'http://app.example.test';
/** The second session's rows: two messages, then the end event. */
const SECOND_ROWS = ['open', ...messageRows(2), 'event:end:{}', 'closed'];

suite('panels after a window reload', () => {
  test('an inspector panel open when the window reloads comes back with its own request, the URL field filled, the rows it had, and its earlier session', async () => {
    const api = await testApi();
    const note = runNotePath(REQUEST_BEFORE_RELOAD);
    if (!existsSync(note)) {
      const mock = await startMockServer();
      const panelId = await connect({ url: `${mock}/sse?interval=0`, origin: PAGE_ORIGIN });
      assert.deepEqual((await renderedUntilClosed(api, panelId)).rowKeys, DOCUMENT_ROWS);
      // A second Connect: the first session is kept, and both should come back.
      await askRunner('ui-connect-1401', { url: `${mock}/sse?interval=0&count=2` });
      assert.deepEqual((await renderedUntilClosed(api, panelId)).rowKeys, SECOND_ROWS);
      const request = api.panels().find((panel) => panel.id === panelId)?.request;
      assert.ok(request, 'the panel closed before the reload');
      writeFileSync(note, JSON.stringify(request));
      // The reload ends this extension host; the test goes on in the next one, below.
      // The workbench saves its editors every few seconds: reload once they hold the second request, not the first.
      await askRunner('workbench-reload-1', { savedInEditors: 'interval=0&count=2' });
      assert.fail('the extension host outlived the window reload');
    }
    const before = JSON.parse(readFileSync(note, 'utf8')) as ConnectRequest;
    const restored = await waitFor(
      'VS Code to restore the inspector panel',
      () => api.panels(),
      (panels) => panels.length > 0,
    );
    assert.equal(restored.length, 1, `${restored.length} panels came back`);
    // An unticked "insecure TLS" may be saved as false or left out: the same request.
    const normalized = (request: ConnectRequest) => ({ ...request, insecureTls: request.insecureTls === true });
    assert.deepEqual(normalized(restored[0].request), normalized(before));
    assert.equal(restored[0].status, 'idle', 'the restored panel reconnected on its own');
    assert.deepEqual((await renderedTable(api, restored[0].id)).rowKeys, SECOND_ROWS, 'the live session’s rows received before the reload');
    assert.equal(await askRunner('ui-url-field-1'), before.url);
    assert.match(
      (await askRunner('ui-banner-1')) as string,
      new RegExp(
        `These ${SECOND_ROWS.length} records were received before the window reloaded, and 1 earlier session with them; the stream was not reconnected`,
      ),
    );
    const picked = (await askRunner('ui-session-1', { which: 'shown', value: '1' })) as SessionPick;
    assert.equal(picked.options.length, 2, `the sessions offered after the reload: ${JSON.stringify(picked.options)}`);
    assert.match(picked.options[0], /^1 · \/sse\?interval=0 · \d\d:\d\d:\d\d · 11 events$/);
    const first = await waitFor(
      'the first session’s rows to come back',
      () => renderedTable(api, restored[0].id),
      (table) => JSON.stringify(table.rowKeys) === JSON.stringify(DOCUMENT_ROWS),
    );
    assert.deepEqual(first.rowKeys, DOCUMENT_ROWS);
    await askRunner('window-screenshot-1401', { name: 'reload-earlier-session' });
  });
});
