// Panels own their connections: closing one aborts its stream, and two panels stream side by side without mixing rows.
import * as assert from 'node:assert/strict';
import { connect, messageRows, renderedUntilClosed, testApi, useMockServer, waitFor, renderedTable } from '../helpers';

suite('panels', () => {
  const mockUrl = useMockServer();

  test('closing a panel aborts its connection: the mock server sees the socket close', async () => {
    const api = await testApi();
    const before = api.mockRequests().length;
    const panelId = await connect(`${mockUrl()}/sse`);
    await waitFor(
      'the first message row',
      () => renderedTable(api, panelId),
      (table) => table.rowKeys.length >= 2,
    );
    const [request] = api.mockRequests().slice(before);
    assert.ok(request, 'the mock saw no request');
    assert.equal(request.closedAt, undefined, 'the stream closed before the panel did');
    api.closePanel(panelId);
    await waitFor(
      'the mock to see the socket close',
      () => api.mockRequests()[before].closedAt,
      (closedAt) => closedAt !== undefined,
    );
    assert.equal(
      api.panels().some((panel) => panel.id === panelId),
      false,
    );
  });

  test('two panels stream at the same time and each renders only its own rows', async () => {
    const api = await testApi();
    const before = api.mockRequests().length;
    const [first, second] = await Promise.all([
      connect(`${mockUrl()}/sse?interval=100&count=10`),
      connect(`${mockUrl()}/sse?interval=80&count=15`),
    ]);
    // Wait on the extension's side first, then read what each webview rendered (the hidden one is retained and answers too).
    await waitFor(
      'both streams to close',
      () => api.panels().filter((panel) => [first, second].includes(panel.id)),
      (infos) => infos.length === 2 && infos.every((info) => info.status === 'closed'),
    );
    const firstTable = await renderedUntilClosed(api, first);
    const secondTable = await renderedUntilClosed(api, second);
    assert.deepEqual(firstTable.rowKeys, ['open', ...messageRows(10), 'event:end:{}', 'closed']);
    assert.deepEqual(secondTable.rowKeys, ['open', ...messageRows(15), 'event:end:{}', 'closed']);
    const [a, b] = api.mockRequests().slice(before);
    assert.ok(a.closedAt !== undefined && b.closedAt !== undefined);
    assert.ok(a.startedAt < b.closedAt! && b.startedAt < a.closedAt!, 'the two streams did not overlap in time');
  });
});
