// Credential headers in the panel session: typed values sent and stored per origin, masked lines sending the stored value of
// their origin only, Send credentials' stored Cookie, and the Reconnect choice; real loopback servers, real engine.
import { strict as assert } from 'node:assert';
import type { PanelSession } from '../../src/session/panelSession';
import type { ConnectRequest } from '../../src/shared/protocol';
import { MASKED, redactRequest } from '../../src/shared/redact';
import { FakeWebview, MemoryCredentials, fakeServices, request, openSession } from './support/fakeWebview';
import { RawServer, openStream } from './support/rawServer';

/** Echoes the credential headers it got in one event, then ends with `event: end`. */
function echoServer(): Promise<RawServer> {
  return RawServer.start((req, res) => {
    openStream(res);
    res.write(`data: got ${req.headers.authorization ?? '-'} / ${req.headers.cookie ?? '-'}\n\n`);
    res.end('event: end\ndata: bye\n\n');
  });
}

describe('panel session credential headers (per origin) and reconnect choice', () => {
  const servers: RawServer[] = [];
  const sessions: PanelSession[] = [];
  afterEach(async () => {
    for (const session of sessions.splice(0)) session.dispose();
    await Promise.all(servers.splice(0).map((server) => server.stop()));
  });

  async function server(): Promise<RawServer> {
    const started = await echoServer();
    servers.push(started);
    return started;
  }

  /** A ready session; a new one over the same credentials is what a window reload gives. */
  async function panel(
    credentials: MemoryCredentials,
  ): Promise<{ session: PanelSession; webview: FakeWebview; services: ReturnType<typeof fakeServices> }> {
    const webview = new FakeWebview();
    const services = fakeServices({ credentials });
    const session = openSession('panel-s', webview, request(''), services);
    sessions.push(session);
    session.receive({ type: 'ready' });
    await webview.until((view) => view.ofType('state').length === 1);
    return { session, webview, services };
  }

  async function connectAndFinish(session: PanelSession, webview: FakeWebview, connect: ConnectRequest): Promise<void> {
    const closedBefore = webview.ofType('status').filter((message) => message.status === 'closed').length;
    session.receive({ type: 'connect', request: connect });
    await webview.until((view) => view.ofType('status').filter((message) => message.status === 'closed').length > closedBefore);
    // The status goes out at once; the closed row follows with its batch.
    await webview.until((view) => view.rows.at(-1)?.kind === 'closed');
  }

  it('sends a typed Authorization as typed, stores it for the URL origin, and keeps it out of the export and every saved copy of the request', async () => {
    const target = await server();
    const credentials = new MemoryCredentials();
    const { session, webview, services } = await panel(credentials);
    const typed = request(`${target.url}/sse`, { headers: 'X-Trace: 7\nAuthorization: Bearer typed-secret-1' });
    await connectAndFinish(session, webview, typed);
    assert.equal(target.requests[0].headers.authorization, 'Bearer typed-secret-1');
    assert.match(JSON.stringify(webview.rows), /got Bearer typed-secret-1/, 'the server did not echo it; the export check proves nothing');
    assert.deepEqual(credentials.peek(target.url), { authorization: 'Bearer typed-secret-1' });
    const masked = `X-Trace: 7\nAuthorization: ${MASKED}`;
    assert.deepEqual(webview.ofType('headersStored'), [{ type: 'headersStored', masked }]);
    assert.equal(session.info().request.headers, masked);
    assert.equal(redactRequest(typed).headers, masked, 'the webview saves the request with its secret masked');
    session.receive({ type: 'ready' });
    await webview.until((view) => view.ofType('state').length === 2);
    session.receive({ type: 'export', format: 'json' });
    await webview.until((view) => view.ofType('notice').some((notice) => notice.message.startsWith('Exported')));
    for (const [where, text] of [
      ['export', services.exports[0]],
      ['request sent on ready', JSON.stringify(webview.ofType('state')[1].state.request)],
      ['log', services.logLines.join('\n')],
    ] as const) {
      assert.ok(!text.includes('typed-secret-1'), `the token is in the ${where}`);
    }
  });

  it('after a reload, a masked line sends the value stored for its origin, and another origin does not get it', async () => {
    const first = await server();
    const other = await server();
    const credentials = new MemoryCredentials();
    const before = await panel(credentials);
    await connectAndFinish(before.session, before.webview, request(`${first.url}/sse`, { headers: 'Authorization: Bearer origin-a' }));
    const { session, webview } = await panel(credentials);
    await connectAndFinish(session, webview, request(`${first.url}/sse`, { headers: `Authorization: ${MASKED}` }));
    assert.equal(first.requests[1].headers.authorization, 'Bearer origin-a');
    session.receive({ type: 'connect', request: request(`${other.url}/sse`, { headers: `Authorization: ${MASKED}` }) });
    await webview.until((view) => view.ofType('notice').length === 1);
    assert.deepEqual(webview.ofType('notice')[0], {
      type: 'notice',
      level: 'error',
      field: 'headers',
      message: `Header line 1: no Authorization value is stored for ${other.url} (${MASKED} stands for a stored one); type the value.`,
    });
    assert.equal(other.requests.length, 0, 'a request went to the other origin');
    assert.equal(credentials.peek(other.url), undefined);
  });

  it('Send credentials adds the Cookie stored for the origin when the box has none; off, no Cookie is sent', async () => {
    const target = await server();
    const credentials = new MemoryCredentials();
    const { session, webview } = await panel(credentials);
    await connectAndFinish(session, webview, request(`${target.url}/sse`, { headers: 'Cookie: sid=jar-1' }));
    await connectAndFinish(session, webview, request(`${target.url}/sse`, { withCredentials: true }));
    await connectAndFinish(session, webview, request(`${target.url}/sse`, { withCredentials: false }));
    assert.deepEqual(
      target.requests.map((seen) => seen.headers.cookie),
      ['sid=jar-1', 'sid=jar-1', undefined],
    );
  });

  it('Show stored values answers with the values of the URL origin only, and Forget removes them', async () => {
    const target = await server();
    const other = await server();
    const credentials = new MemoryCredentials({ [target.url]: { authorization: 'Bearer shown-1' } });
    const { session, webview } = await panel(credentials);
    session.receive({ type: 'revealSecrets', url: `${target.url}/sse` });
    session.receive({ type: 'revealSecrets', url: `${other.url}/sse` });
    await webview.until((view) => view.ofType('secrets').length === 2);
    assert.deepEqual(webview.ofType('secrets'), [
      { type: 'secrets', url: `${target.url}/sse`, values: { authorization: 'Bearer shown-1' } },
      { type: 'secrets', url: `${other.url}/sse`, values: {} },
    ]);
    session.receive({ type: 'forgetSecrets', url: `${target.url}/sse` });
    await webview.until((view) => view.ofType('notice').length === 1);
    assert.equal(webview.ofType('notice')[0].message, `Forgot the header values stored for ${target.url}.`);
    assert.equal(credentials.peek(target.url), undefined);
  });

  it('a request with a problem stores nothing and keeps the typed value as typed', async () => {
    const target = await server();
    const credentials = new MemoryCredentials();
    const { session, webview } = await panel(credentials);
    const refused = request(`${target.url}/sse`, { headers: 'Authorization: Bearer kept-1', body: 'x' });
    session.receive({ type: 'connect', request: refused });
    await webview.until((view) => view.ofType('notice').length === 1);
    assert.match(webview.ofType('notice')[0].message, /A GET request cannot carry a body/);
    assert.equal(credentials.writes.length, 0);
    assert.deepEqual(webview.ofType('headersStored'), []);
    assert.equal(session.info().request.headers, 'Authorization: Bearer kept-1');
  });

  it('Reconnect never sends a GET once, its end the normal end; always sends a POST again', async () => {
    const ending = await RawServer.start((_req, res) => {
      openStream(res);
      res.end('retry: 0\ndata: only\n\n');
    });
    servers.push(ending);
    const { session, webview, services } = await panel(new MemoryCredentials());
    await connectAndFinish(session, webview, request(`${ending.url}/sse`, { closeOn: '', reconnect: 'never' }));
    const closed = webview.rows.at(-1);
    assert.equal(closed?.kind === 'closed' && closed.reason, 'ended');
    assert.equal(ending.requests.length, 1);
    session.receive({
      type: 'connect',
      request: request(`${ending.url}/sse`, { method: 'POST', body: '{}', closeOn: '', reconnect: 'always' }),
    });
    await ending.requestCount(3);
    assert.deepEqual(
      ending.requests.slice(1).map((seen) => seen.method),
      ['POST', 'POST'],
    );
    session.receive({ type: 'disconnect' });
    await services.connections.at(-1)?.done;
  });
});
