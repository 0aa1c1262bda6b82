// The panel's own form, driven in the webview by the runner (code-server launcher only) as a user would: URL, Connect, Disconnect.
import * as assert from 'node:assert/strict';
import {
  DOCUMENT_ROWS,
  connect,
  renderedUntilClosed,
  testApi,
  useMockServer,
  waitFor,
  renderedTable,
  tableShowing,
  wholeTable,
} from '../helpers';
import { askRunner } from '../runnerSteps';

suite('the panel form in the webview', () => {
  const mockUrl = useMockServer();

  /** Opens a panel without connecting and waits until its webview has loaded. */
  async function openEmptyPanel(): Promise<string> {
    const panelId = await connect({});
    await renderedTable(await testApi(), panelId);
    return panelId;
  }

  test('typing the mock URL into the panel and pressing Connect renders open, ten messages, end and closed', async () => {
    const api = await testApi();
    const before = api.mockRequests().length;
    const panelId = await openEmptyPanel();
    await askRunner('ui-connect-1', { url: `${mockUrl()}/sse?interval=20` });
    const table = await renderedUntilClosed(api, panelId);
    assert.deepEqual(table.rowKeys, DOCUMENT_ROWS);
    assert.deepEqual(
      api
        .mockRequests()
        .slice(before)
        .map((request) => request.url),
      ['/sse?interval=20'],
    );
  });

  test('an ftp: URL typed into the field gets a message next to it and opens no connection', async () => {
    const api = await testApi();
    const before = api.mockRequests().length;
    const resources = api.liveResources();
    const panelId = await openEmptyPanel();
    const message = await askRunner('ui-refused-url-1', { url: 'ftp://example.com/feed' });
    assert.equal(typeof message, 'string');
    assert.match(message as string, /http:/, `the message next to the URL field was ${JSON.stringify(message)}`);
    assert.equal(api.panels().find((panel) => panel.id === panelId)?.status, 'idle');
    assert.equal(api.liveResources(), resources);
    assert.equal(api.mockRequests().length, before);
    // The webview refused the URL itself, so the panel's request is unchanged: the table is found by the URL shown.
    assert.deepEqual(wholeTable(await tableShowing('ftp://example.com/feed')).rowKeys, []);
  });

  test('pressing Disconnect closes the connection: the mock server sees the socket close and the table ends with closed', async () => {
    const api = await testApi();
    const before = api.mockRequests().length;
    const panelId = await openEmptyPanel();
    await askRunner('ui-connect-2', { url: `${mockUrl()}/sse` });
    await waitFor(
      'the first message row',
      () => renderedTable(api, panelId),
      (table) => table.rowKeys.length >= 2,
    );
    await askRunner('ui-disconnect-1');
    await waitFor(
      'the mock to see the socket close',
      () => api.mockRequests()[before]?.closedAt,
      (closedAt) => closedAt !== undefined,
    );
    const table = await renderedUntilClosed(api, panelId);
    assert.ok(table.rowKeys.length < DOCUMENT_ROWS.length, 'the whole stream arrived; Disconnect did not cut it');
    assert.equal(api.mockRequests().length, before + 1, 'something reconnected after Disconnect');
  });
});
