// Done means, step 1 and 2 as a new user would: Start Mock Server, press Connect in its notification, watch the stream.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DOCUMENT_ROWS, closeAllPanels, renderedUntilClosed, startMockServer, testApi, waitFor } from '../helpers';
import { askRunner } from '../runnerSteps';

/** The document's pace is one message a second: ten of them, so the stream takes about eleven seconds. */
const DOCUMENT_STREAM_DEADLINE_MS = 60_000;

suite('connecting from the mock server notification', () => {
  suiteSetup(() => vscode.commands.executeCommand('sseInspector.stopMockServer'));
  teardown(async () => closeAllPanels(await testApi()));
  suiteTeardown(() => vscode.commands.executeCommand('sseInspector.stopMockServer'));

  test("clicking Connect in Start Mock Server's notification opens a panel on <url>/sse that renders open, ten messages, end and closed from one request", async () => {
    const api = await testApi();
    const panelsBefore = new Set(api.panels().map((panel) => panel.id));
    const mockUrl = await startMockServer();
    await askRunner('workbench-notification-action-1', { message: `SSE mock server running at ${mockUrl}.`, action: 'Connect' });
    const opened = await waitFor(
      'a panel opened by the notification',
      () => api.panels().filter((panel) => !panelsBefore.has(panel.id)),
      (panels) => panels.length > 0,
    );
    assert.equal(opened.length, 1, `the notification opened ${opened.length} panels`);
    assert.equal(opened[0].request.url, `${mockUrl}/sse`);
    const table = await renderedUntilClosed(api, opened[0].id, DOCUMENT_STREAM_DEADLINE_MS);
    assert.deepEqual(table.rowKeys, DOCUMENT_ROWS);
    assert.deepEqual(
      api.mockRequests().map((request) => request.url),
      ['/sse'],
      'the mock saw other requests than the one stream',
    );
    assert.equal(api.panels().find((panel) => panel.id === opened[0].id)?.status, 'closed');
  });
});
