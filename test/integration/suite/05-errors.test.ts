// Bad input and failing servers: a clear refusal for a bad URL, reconnects for a refused port, none for a wrong Content-Type.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeAllPanels, connect, renderedUntilClosed, testApi, unusedPort, waitFor, renderedTable } from '../helpers';

suite('errors', () => {
  teardown(async () => closeAllPanels(await testApi()));

  test('an ftp: URL opens no connection, leaves the panel idle with no rows, and the extension keeps working', async () => {
    const api = await testApi();
    const resourcesBefore = api.liveResources();
    const panelId = await connect('ftp://x');
    const table = await renderedTable(api, panelId);
    assert.deepEqual(table.rowKeys, []);
    assert.equal(api.panels().find((panel) => panel.id === panelId)?.status, 'idle');
    assert.equal(api.liveResources(), resourcesBefore);
    // Still responsive: a second command is served.
    assert.equal(typeof (await connect('http://127.0.0.1:1/never-used')), 'string');
  });

  test('a refused port renders an error row followed by reconnect rows', async () => {
    const api = await testApi();
    const port = await unusedPort();
    const panelId = await connect(`http://127.0.0.1:${port}/sse`);
    const table = await waitFor(
      'an error row and then a reconnect row',
      () => renderedTable(api, panelId),
      (rendered) => rendered.rowKeys.includes('reconnect'),
    );
    assert.equal(table.rowKeys[0], 'error');
    assert.ok(table.rowKeys.indexOf('reconnect') > 0);
    assert.ok(
      table.rowKeys.every((key) => key === 'error' || key === 'reconnect'),
      `unexpected rows ${table.rowKeys.join(', ')}`,
    );
  });

  test('a 200 answer with Content-Type text/html fails with error and closed rows and is not retried', async () => {
    const api = await testApi();
    let requests = 0;
    const server = http.createServer((_request, response) => {
      requests += 1;
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><title>not a stream</title>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const panelId = await connect(`http://127.0.0.1:${port}/events`);
      const table = await renderedUntilClosed(api, panelId);
      assert.deepEqual(table.rowKeys, ['error', 'closed']);
      assert.equal(api.panels().find((panel) => panel.id === panelId)?.status, 'closed');
      assert.equal(requests, 1);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
