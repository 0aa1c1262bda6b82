// Smoke test of the extension as installed from the packaged .vsix: it activates without test hooks, serves the mock and renders a stream.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DOCUMENT_ROWS, connect, extension, portIsFree, startMockServer, tableShowing, waitFor, wholeTable } from '../helpers';

suite('installed .vsix', () => {
  test('the extension is loaded from its installed folder in the extensions directory', () => {
    assert.match(extension().extensionPath, /sse-inspector\.sse-inspector-\d+\.\d+\.\d+/);
  });

  test('an installed copy runs in production mode and hands out no test API', async () => {
    assert.equal(await extension().activate(), undefined);
  });

  test('starting the mock and connecting renders open, ten messages, end and closed in the webview', async () => {
    const mockUrl = await startMockServer();
    const url = `${mockUrl}/sse?interval=20`;
    await connect(url);
    const table = await waitFor(
      'the panel to render a closed row',
      async () => wholeTable(await tableShowing(url)),
      (shown) => shown.rowKeys.at(-1) === 'closed',
    );
    assert.deepEqual(table.rowKeys, DOCUMENT_ROWS);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('sseInspector.stopMockServer');
    assert.equal(await portIsFree(Number(new URL(mockUrl).port)), true, 'the mock server still listens after Stop Mock Server');
  });
});
