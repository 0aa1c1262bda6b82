// Deactivation disposes everything: open streams are cut, the mock server stops, and nothing stays running.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect, portIsFree, startMockServer, testApi, waitFor, renderedTable } from '../helpers';

suite('deactivation', () => {
  test('disposeAll cuts open streams, stops the mock server and leaves no live resources', async () => {
    const api = await testApi();
    // A stream that never ends on its own, so only the extension can be the one to close it.
    let streamClosed = false;
    const endless = http.createServer((request, response) => {
      request.socket.once('close', () => {
        streamClosed = true;
      });
      response.writeHead(200, { 'Content-Type': 'text/event-stream' });
      response.write('data: first\n\n');
    });
    await new Promise<void>((resolve) => endless.listen(0, '127.0.0.1', resolve));
    try {
      const mockUrl = await startMockServer();
      const panelId = await connect(`http://127.0.0.1:${(endless.address() as AddressInfo).port}/`);
      await waitFor(
        'the first message row',
        () => renderedTable(api, panelId),
        (table) => table.rowKeys.includes('event:message:first'),
      );
      assert.ok(api.liveResources() >= 2, `liveResources() is ${api.liveResources()} with a mock server and a stream running`);

      await api.disposeAll();
      assert.equal(api.liveResources(), 0);
      assert.equal(api.mockServerUrl(), undefined);
      assert.equal(await portIsFree(Number(new URL(mockUrl).port)), true);
      await waitFor(
        'the endless stream to be closed by the extension',
        () => streamClosed,
        (closed) => closed,
      );
    } finally {
      endless.closeAllConnections();
      await new Promise<void>((resolve) => endless.close(() => resolve()));
    }
  });
});
