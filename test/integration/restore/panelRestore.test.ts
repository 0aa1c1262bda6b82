// A panel open when the window reloads comes back: run twice by the runner, before and after it reloads the workbench.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ConnectRequest } from '../../../src/shared/protocol';
import { DOCUMENT_ROWS, connect, renderedUntilClosed, startMockServer, testApi, waitFor, renderedTable } from '../helpers';
import { askRunner, runNotePath } from '../runnerSteps';

/** Where the first extension host leaves the panel's request, for the one after the reload. */
const REQUEST_BEFORE_RELOAD = 'request-before-reload';
/** Set only in the panel's own request: the defaults a panel starts from have no page origin. */
const PAGE_ORIGIN = 'http://app.example.test';

suite('panels after a window reload', () => {
  test('an inspector panel open when the window reloads comes back with its own request, the URL field filled, and the rows it had', async () => {
    const api = await testApi();
    const note = runNotePath(REQUEST_BEFORE_RELOAD);
    if (!existsSync(note)) {
      const panelId = await connect({ url: `${await startMockServer()}/sse?interval=0`, origin: PAGE_ORIGIN });
      assert.deepEqual((await renderedUntilClosed(api, panelId)).rowKeys, DOCUMENT_ROWS);
      const request = api.panels().find((panel) => panel.id === panelId)?.request;
      assert.ok(request, 'the panel closed before the reload');
      writeFileSync(note, JSON.stringify(request));
      // The reload ends this extension host; the test goes on in the next one, below.
      await askRunner('workbench-reload-1', { savedInEditors: PAGE_ORIGIN });
      assert.fail('the extension host outlived the window reload');
    }
    const before = JSON.parse(readFileSync(note, 'utf8')) as ConnectRequest;
    const restored = await waitFor(
      'VS Code to restore the inspector panel',
      () => api.panels(),
      (panels) => panels.length > 0,
    );
    assert.equal(restored.length, 1, `${restored.length} panels came back`);
    assert.deepEqual(restored[0].request, before);
    assert.equal(restored[0].status, 'idle', 'the restored panel reconnected on its own');
    assert.deepEqual((await renderedTable(api, restored[0].id)).rowKeys, DOCUMENT_ROWS, 'the rows received before the reload');
    assert.equal(await askRunner('ui-url-field-1'), before.url);
    assert.match(
      (await askRunner('ui-banner-1')) as string,
      new RegExp(`These ${DOCUMENT_ROWS.length} records were received before the window reloaded; the stream was not reconnected`),
    );
  });
});
