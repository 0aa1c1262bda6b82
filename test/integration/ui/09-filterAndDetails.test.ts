// Done means, step 3 in part, as a user would in the webview: filter the table (plain and regex) and read a row's details.
import * as assert from 'node:assert/strict';
import type { SseInspectorTestApi } from '../../../src/host/testApiTypes';
import { DOCUMENT_ROWS, connect, renderedUntilClosed, testApi, useMockServer, waitFor, renderedTable } from '../helpers';
import { askRunner } from '../runnerSteps';
import type { DetailsSeen } from '../webviewUi';

/** The row key of message n ("Hello SSE n"): row n of the document's sequence, after open. */
function messageRow(n: number): string {
  return DOCUMENT_ROWS[n];
}

suite('filtering the table and reading details in the webview', () => {
  const mockUrl = useMockServer();

  /** A panel that has rendered the whole document sequence, sent without pauses. */
  async function finishedPanel(api: SseInspectorTestApi): Promise<string> {
    const panelId = await connect(`${mockUrl()}/sse?interval=0`);
    assert.deepEqual((await renderedUntilClosed(api, panelId)).rowKeys, DOCUMENT_ROWS);
    return panelId;
  }

  /** Fails, naming the rows last shown, unless the webview comes to show exactly `expected` (rowKeys and rowCount). */
  async function assertRowsBecome(api: SseInspectorTestApi, panelId: string, expected: readonly string[]): Promise<void> {
    const wanted = JSON.stringify(expected);
    const table = await waitFor(
      `the webview to show the rows ${wanted}`,
      () => renderedTable(api, panelId),
      (shown) => JSON.stringify(shown.rowKeys) === wanted,
      10_000,
    );
    assert.equal(table.rowCount, expected.length);
  }

  test('typing "Hello SSE 1" in the filter box leaves only the rows of messages 1 and 10', async () => {
    const api = await testApi();
    const panelId = await finishedPanel(api);
    await askRunner('ui-filter-1', { text: 'Hello SSE 1', regex: false });
    await assertRowsBecome(api, panelId, [messageRow(1), messageRow(10)]);
  });

  test('a pattern that matches nothing as plain text keeps messages 2, 4 and 10 with the regex switch on; an empty filter brings all rows back', async () => {
    const api = await testApi();
    const panelId = await finishedPanel(api);
    const pattern = 'SSE (2|4|10)"}$';
    await askRunner('ui-filter-2', { text: pattern, regex: false });
    await assertRowsBecome(api, panelId, []);
    assert.match((await askRunner('ui-table-note-1')) as string, /No rows match the filter/);
    await askRunner('ui-filter-3', { text: pattern, regex: true });
    await assertRowsBecome(api, panelId, [messageRow(2), messageRow(4), messageRow(10)]);
    await askRunner('ui-filter-4', { text: '', regex: true });
    await assertRowsBecome(api, panelId, DOCUMENT_ROWS);
  });

  test('clicking the row of message 3 shows its data as a JSON tree, message: "Hello SSE 3", and Escape closes the details', async () => {
    const api = await testApi();
    await finishedPanel(api);
    const details = (await askRunner('ui-open-row-1', { type: 'message', text: '"Hello SSE 3"' })) as DetailsSeen;
    assert.match(details.title, /^#4\s*message/, `the detail pane's title is ${JSON.stringify(details.title)}`);
    assert.deepEqual(details.jsonLeaves, ['message: "Hello SSE 3"']);
    assert.deepEqual(await askRunner('ui-escape-1'), { detailsOpen: false });
  });

  test('clicking the open row shows the response headers, among them content-type text/event-stream', async () => {
    const api = await testApi();
    await finishedPanel(api);
    const details = (await askRunner('ui-open-row-2', { type: 'open' })) as DetailsSeen;
    const headers = new Map(details.headers);
    assert.equal(headers.get('content-type'), 'text/event-stream', `headers shown: ${JSON.stringify(details.headers)}`);
    assert.equal(headers.get('cache-control'), 'no-cache');
    assert.deepEqual(details.jsonLeaves, []);
  });
});
