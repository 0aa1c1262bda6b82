// Issue 10 §2 in the real host, driven as a user would: Connect while a stream is open, filtered export with Open,
// the panel commands from the palette and the keyboard, tab titles and Rename, and Stop Mock Server ending its panels.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SseInspectorTestApi } from '../../../src/host/testApiTypes';
import { DOCUMENT_ROWS, connect, messageRows, renderedTable, renderedUntilClosed, testApi, useMockServer, waitFor } from '../helpers';
import { askRunner } from '../runnerSteps';
import type { PaletteSeen } from '../actionsUi';

function tabLabels(): string[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label));
}

async function statusBecomes(api: SseInspectorTestApi, panelId: string, status: string): Promise<void> {
  await waitFor(
    `panel ${panelId} to be ${status}`,
    () => api.panels().find((panel) => panel.id === panelId)?.status,
    (seen) => seen === status,
  );
}

suite('doing what the user means', () => {
  const mockUrl = useMockServer();
  let exportFolder: string;
  suiteSetup(() => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('the integration workbench opened no workspace folder');
    exportFolder = mkdtempSync(join(folder.uri.fsPath, 'exports-intent-'));
  });
  suiteTeardown(() => rmSync(exportFolder, { recursive: true, force: true }));

  test('Connect while a stream is open starts the new request at once in a new session; the tab shows path and query, then the name given', async () => {
    const api = await testApi();
    const slow = `${mockUrl()}/sse?interval=300&count=100`;
    const panelId = await connect(slow);
    await statusBecomes(api, panelId, 'open');
    // The webview has drawn the stream (so the runner finds it) before the user types in it.
    await waitFor(
      'the first rows',
      () => renderedTable(api, panelId),
      (shown) => shown.rowKeys[0] === 'open',
    );
    const before = api.mockRequests().length;
    const quick = `${mockUrl()}/sse?interval=0&count=3`;
    await askRunner('ui-connect-1201', { url: quick });
    const table = await renderedUntilClosed(api, panelId);
    assert.deepEqual(table.rowKeys, ['open', ...messageRows(3), 'event:end:{}', 'closed'], 'the old stream’s rows are still in the table');
    assert.deepEqual(
      api
        .mockRequests()
        .slice(before)
        .map((request) => request.url),
      ['/sse?interval=0&count=3'],
    );
    await waitFor(
      'the old stream’s socket to close',
      () => api.mockRequests().filter((request) => request.url === '/sse?interval=300&count=100'),
      (requests) => requests.length === 1 && requests[0].closedAt !== undefined,
    );
    assert.match((await askRunner('ui-banner-1201')) as string, /^New session\. The previous stream \(.*interval=300.*\) was closed/);
    assert.equal(api.liveResources(), 1, 'the old stream is still connected (only the mock server should be live)');
    assert.ok(tabLabels().includes('SSE: /sse?interval=0&count=3'), `the tabs are ${JSON.stringify(tabLabels())}`);

    const seen = (await askRunner('ui-palette-1201', { title: 'SSE: Rename Inspector Panel', input: 'Orders feed' })) as PaletteSeen;
    assert.equal(seen.label, 'SSE: Rename Inspector Panel');
    await waitFor('the tab to show the name given', tabLabels, (labels) => labels.includes('Orders feed'));
  });

  test('filtered export: the user picks Filtered rows, the file holds only them, the banner names it, Open opens it, and the next connect clears the banner', async () => {
    const api = await testApi();
    const url = `${mockUrl()}/sse?interval=0`;
    const panelId = await connect(url);
    assert.deepEqual((await renderedUntilClosed(api, panelId)).rowKeys, DOCUMENT_ROWS);
    await askRunner('ui-filter-1201', { text: 'Hello SSE 1', regex: false });
    await waitFor(
      'the filter to leave two rows',
      () => renderedTable(api, panelId),
      (shown) => shown.rowCount === 2,
    );
    await askRunner('ui-export-scope-1201', { scope: 'filtered' });
    const target = join(exportFolder, 'filtered.ndjson');
    await askRunner('ui-export-ndjson-1201');
    await askRunner('workbench-save-dialog-1201', { path: target });
    assert.equal(await askRunner('ui-banner-1202'), `Exported 2 filtered records to ${target}.`);
    const lines = readFileSync(target, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { kind: string; data?: string });
    assert.deepEqual(
      lines.map((line) => line.data),
      ['{"message": "Hello SSE 1"}', '{"message": "Hello SSE 10"}'],
    );
    await askRunner('ui-banner-open-1201');
    await waitFor(
      'the exported file to open in an editor',
      () => vscode.window.visibleTextEditors.map((editor) => editor.document.uri.fsPath),
      (paths) => paths.includes(target),
    );
    api.revealPanel(panelId);
    const requestsBefore = api.mockRequests().length;
    await askRunner('ui-connect-1202', { url });
    // The filter still hides the closed row: the panel's status says the new stream ended.
    await waitFor(
      'the new request',
      () => api.mockRequests().length,
      (count) => count === requestsBefore + 1,
    );
    await statusBecomes(api, panelId, 'closed');
    assert.equal(await askRunner('ui-banner-shown-1201'), false, 'the export banner outlived the next connect');
  });

  test('the palette lists Clear and Connect with their keys; Ctrl+L clears the table and Ctrl+Enter connects again, from the panel', async () => {
    const api = await testApi();
    const panelId = await connect(`${mockUrl()}/sse?interval=0`);
    assert.deepEqual((await renderedUntilClosed(api, panelId)).rowKeys, DOCUMENT_ROWS);
    const clear = (await askRunner('ui-palette-1202', { title: 'SSE: Clear (Inspector Panel)' })) as PaletteSeen;
    assert.equal(clear.keybinding, 'Ctrl+L');
    await waitFor(
      'Clear from the palette to empty the table',
      () => renderedTable(api, panelId),
      (shown) => shown.rowCount === 0,
    );
    await askRunner('ui-press-1201', { keys: 'Control+Enter' });
    assert.deepEqual((await renderedUntilClosed(api, panelId)).rowKeys, DOCUMENT_ROWS);
    await askRunner('ui-press-1202', { keys: 'Control+l' });
    await waitFor(
      'Ctrl+L to empty the table',
      () => renderedTable(api, panelId),
      (shown) => shown.rowCount === 0,
    );
    const connectSeen = (await askRunner('ui-palette-1203', { title: 'SSE: Connect (Inspector Panel)' })) as PaletteSeen;
    assert.equal(connectSeen.keybinding, 'Ctrl+Enter');
    assert.deepEqual((await renderedUntilClosed(api, panelId)).rowKeys, DOCUMENT_ROWS);
  });

  // Last: it stops the suite's mock server (the suite's teardown then finds it stopped).
  test('Stop Mock Server from the palette ends the panels connected to it, each with a closed row saying why, and none reconnects', async () => {
    const api = await testApi();
    const first = await connect(`${mockUrl()}/sse?interval=500&count=100`);
    const second = await connect(`${mockUrl()}/sse?interval=500&count=100&ids`);
    await statusBecomes(api, first, 'open');
    await statusBecomes(api, second, 'open');
    await waitFor(
      'the second panel to draw its rows',
      () => renderedTable(api, second),
      (shown) => shown.rowKeys[0] === 'open',
    );
    await askRunner('ui-palette-1204', { title: 'SSE: Stop Mock Server' });
    await statusBecomes(api, first, 'closed');
    await statusBecomes(api, second, 'closed');
    assert.equal(api.mockServerUrl(), undefined);
    assert.equal(api.liveResources(), 0, 'a panel kept its connection (or reconnected) after the mock server stopped');
    api.revealPanel(second);
    await renderedUntilClosed(api, second);
    assert.deepEqual(await askRunner('ui-row-data-1201', { type: 'closed' }), [
      'Closed: the mock server was stopped (SSE: Stop Mock Server)',
    ]);
    assert.deepEqual(
      api.panels().map((panel) => panel.status),
      ['closed', 'closed'],
    );
  });
});
