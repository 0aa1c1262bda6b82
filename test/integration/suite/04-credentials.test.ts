// Typed credential headers are sent and stored per origin; Send credentials adds the stored Cookie and flips the CORS verdict.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MockRequestInfo } from '../../../src/mock/requestLog';
import type { PanelInfo, SseInspectorTestApi } from '../../../src/host/testApiTypes';
import { closeAllPanels, connect, renderedUntilClosed, startMockServer, testApi, waitFor } from '../helpers';
import { redactedHeaderValue } from '../../../src/mock/requestLog';

const COOKIE = 'session=integration-cookie';
const AUTHORIZATION = 'Bearer integration-token';
const PAGE_ORIGIN = 'http://app.example.test';

/** Connects, waits for the stream to finish, and returns the one request the mock saw plus the panel's final state. */
async function connectAndFinish(
  api: SseInspectorTestApi,
  url: string,
  withCredentials: boolean,
  headers = '',
): Promise<{ request: MockRequestInfo; panel: PanelInfo }> {
  const before = api.mockRequests().length;
  const panelId = await connect({ url, withCredentials, origin: PAGE_ORIGIN, headers });
  await renderedUntilClosed(api, panelId);
  const requests = api.mockRequests().slice(before);
  assert.equal(requests.length, 1, `expected one request, the mock saw ${requests.map((r) => r.url).join(', ')}`);
  const panel = await waitFor(
    'the panel info',
    () => api.panels().find((info) => info.id === panelId),
    (info) => info !== undefined,
  );
  return { request: requests[0], panel: panel! };
}

suite('credentials and CORS', () => {
  let mockUrl: string;
  suiteSetup(async () => {
    mockUrl = await startMockServer();
  });
  teardown(async () => closeAllPanels(await testApi()));
  suiteTeardown(async () => {
    await (await testApi()).forgetStoredHeaders(mockUrl);
    await vscode.commands.executeCommand('sseInspector.stopMockServer');
  });

  test('a typed Cookie and Authorization reach the server as typed, are stored for the origin, and a masked line sends the stored value', async () => {
    const api = await testApi();
    const typed = await connectAndFinish(api, `${mockUrl}/sse?interval=0`, false, `Cookie: ${COOKIE}\nAuthorization: ${AUTHORIZATION}`);
    assert.equal(typed.request.headers.cookie, redactedHeaderValue(COOKIE));
    assert.equal(typed.request.headers.authorization, redactedHeaderValue(AUTHORIZATION));
    assert.deepEqual(await api.storedHeaderNames(mockUrl), ['authorization', 'cookie']);
    assert.equal(
      typed.panel.request.headers,
      'Cookie: ••••••\nAuthorization: ••••••',
      'the panel keeps the request with its secrets masked',
    );
    const masked = await connectAndFinish(api, `${mockUrl}/sse?interval=0`, false, 'Authorization: ••••••');
    assert.equal(masked.request.headers.authorization, redactedHeaderValue(AUTHORIZATION));
    assert.equal(masked.request.headers.cookie, undefined);
  });

  test('with Send credentials on, the Cookie stored for the origin is added; off, it is not', async () => {
    const api = await testApi();
    const on = await connectAndFinish(api, `${mockUrl}/sse?interval=0`, true);
    assert.equal(on.request.headers.cookie, redactedHeaderValue(COOKIE));
    assert.equal(on.request.headers.authorization, undefined);
    const off = await connectAndFinish(api, `${mockUrl}/sse?interval=0`, false);
    assert.equal(off.request.headers.cookie, undefined);
  });

  test('an Access-Control-Allow-Origin of * passes CORS without credentials and fails it with them', async () => {
    const api = await testApi();
    const without = await connectAndFinish(api, `${mockUrl}/sse?interval=0&cors=star`, false);
    const withCredentials = await connectAndFinish(api, `${mockUrl}/sse?interval=0&cors=star`, true);
    assert.equal(without.panel.corsAllowed, true);
    assert.equal(withCredentials.panel.corsAllowed, false);
  });

  test('an origin reflected with Allow-Credentials passes CORS with credentials', async () => {
    const { panel } = await connectAndFinish(await testApi(), `${mockUrl}/sse?interval=0&cors=reflect`, true);
    assert.equal(panel.corsAllowed, true);
  });
});
