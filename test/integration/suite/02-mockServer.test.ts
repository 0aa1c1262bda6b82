// Start Mock Server serves the document's sequence and shows its URL in the status bar; Stop frees the port.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { portIsFree, startMockServer, testApi } from '../helpers';

/** The document's stream, byte for byte: ten JSON messages, then the custom end event. */
const DOCUMENT_BODY =
  Array.from({ length: 10 }, (_, index) => `data: {"message": "Hello SSE ${index + 1}"}\n\n`).join('') + 'event: end\ndata: {}\n\n';

suite('mock server commands', () => {
  suiteTeardown(() => vscode.commands.executeCommand('sseInspector.stopMockServer'));

  test('Start Mock Server returns a loopback URL whose /sse serves the document sequence byte for byte', async () => {
    const url = await startMockServer();
    const response = await fetch(`${url}/sse?interval=20`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
    assert.equal(await response.text(), DOCUMENT_BODY);
  });

  test('while the mock runs, the status bar shows its address and clicking it runs Connect to Stream', async () => {
    const api = await testApi();
    const url = api.mockServerUrl();
    assert.ok(url, 'mockServerUrl() is undefined while the mock runs');
    const item = api.mockStatusBar();
    assert.ok(item, 'no status bar item while the mock runs');
    assert.equal(item.visible, true);
    const { host } = new URL(url);
    assert.ok(item.text.includes(host), `status bar text ${JSON.stringify(item.text)} does not show ${host}`);
    assert.equal(item.command, 'sseInspector.connect');
  });

  test('Stop Mock Server frees the port: connections are refused and the port can be bound again', async () => {
    const api = await testApi();
    const url = api.mockServerUrl();
    assert.ok(url);
    await vscode.commands.executeCommand('sseInspector.stopMockServer');
    assert.equal(api.mockServerUrl(), undefined);
    assert.notEqual(api.mockStatusBar()?.visible, true, 'the status bar item is still visible after stopping');
    await assert.rejects(
      fetch(`${url}/sse`),
      (error: Error) => (error.cause as NodeJS.ErrnoException | undefined)?.code === 'ECONNREFUSED',
    );
    assert.equal(await portIsFree(Number(new URL(url).port)), true);
  });
});
