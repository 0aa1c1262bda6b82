// Smoke test of the extension as installed from the packaged .vsix: it activates, serves the mock and renders a stream.
import * as assert from 'node:assert/strict';
import { DOCUMENT_ROWS, connect, extension, renderedUntilClosed, startMockServer, testApi } from '../helpers';

suite('installed .vsix', () => {
  test('the extension is loaded from its installed folder in the extensions directory', () => {
    assert.match(extension().extensionPath, /sse-inspector\.sse-inspector-\d+\.\d+\.\d+/);
  });

  test('starting the mock and connecting renders open, ten messages, end and closed in the webview', async () => {
    const mockUrl = await startMockServer();
    const api = await testApi();
    const panelId = await connect(`${mockUrl}/sse?interval=20`);
    const table = await renderedUntilClosed(api, panelId);
    assert.deepEqual(table.rowKeys, DOCUMENT_ROWS);
    await api.disposeAll();
    assert.equal(api.liveResources(), 0);
  });
});
