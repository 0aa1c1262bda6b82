// Connect to Stream on the mock's /sse: the webview renders open, ten messages, end and closed, from one request.
import * as assert from 'node:assert/strict';
import { DOCUMENT_ROWS, connect, renderedUntilClosed, testApi, useMockServer, waitFor, renderedTable } from '../helpers';

suite('connect to the mock stream', () => {
  const mockUrl = useMockServer();

  test('the webview renders open, ten messages, end and closed, and the mock sees exactly one request', async () => {
    const api = await testApi();
    const before = api.mockRequests().length;
    const panelId = await connect(`${mockUrl()}/sse?interval=50`);
    const table = await renderedUntilClosed(api, panelId);
    assert.deepEqual(table.rowKeys, DOCUMENT_ROWS);
    assert.equal(table.rowCount, DOCUMENT_ROWS.length);
    assert.ok(table.renderedRows > 0 && table.renderedRows <= table.rowCount, `renderedRows ${table.renderedRows}`);
    const requests = api.mockRequests().slice(before);
    assert.deepEqual(
      requests.map((request) => request.url),
      ['/sse?interval=50'],
    );
    assert.equal(api.panels().find((panel) => panel.id === panelId)?.status, 'closed');
  });

  test('with the document pace (one message a second) the rows arrive one by one and nothing reconnects', async () => {
    const api = await testApi();
    const before = api.mockRequests().length;
    const panelId = await connect(`${mockUrl()}/sse`);
    // Seen mid-stream, the table holds a prefix of the sequence: rows arrive as they are sent, not at the end.
    const partial = await waitFor(
      'a partly rendered stream (open and two messages, not yet closed)',
      () => renderedTable(api, panelId),
      (rendered) => rendered.rowKeys.length >= 3 && rendered.rowKeys.at(-1) !== 'closed',
    );
    assert.deepEqual(partial.rowKeys, DOCUMENT_ROWS.slice(0, partial.rowKeys.length));
    const table = await renderedUntilClosed(api, panelId, 40_000);
    assert.deepEqual(table.rowKeys, DOCUMENT_ROWS);
    assert.equal(api.mockRequests().slice(before).length, 1);
  });
});
