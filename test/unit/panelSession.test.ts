// The panel session without VS Code: a fake webview channel, the real engine, loopback servers, and the races between them.
import { strict as assert } from 'node:assert';
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { MAX_QUEUED_NOTICES, type PanelSession } from '../../src/session/panelSession';
import { FakeWebview, MemoryCredentials, fakeServices, request, openSession } from './support/fakeWebview';
import { RawServer, openStream } from './support/rawServer';

/** A stream of `count` events and then `event: end`, written at once. */
async function finiteServer(count: number, prefix = 'e'): Promise<RawServer> {
  return RawServer.start((_req, res) => {
    openStream(res);
    for (let n = 1; n <= count; n++) res.write(`data: ${prefix}${n}\n\n`);
    res.end('event: end\ndata: bye\n\n');
  });
}

/** A stream that sends one event and then stays open until the test ends it; `responses` holds each response. */
async function openEndedServer(): Promise<{ server: RawServer; responses: ServerResponse[] }> {
  const responses: ServerResponse[] = [];
  const server = await RawServer.start((_req, res) => {
    openStream(res);
    res.write('data: first\n\n');
    responses.push(res);
  });
  return { server, responses };
}

describe('panel session (plain Node, real engine)', () => {
  const servers: RawServer[] = [];
  const sessions: PanelSession[] = [];
  afterEach(async () => {
    for (const session of sessions.splice(0)) session.dispose();
    await Promise.all(servers.splice(0).map((server) => server.stop()));
  });

  function start(webview: FakeWebview, url: string, services = fakeServices()): { session: PanelSession; services: typeof services } {
    const session = openSession('panel-t', webview, request(url), services);
    sessions.push(session);
    return { session, services };
  }

  it('connect before ready: nothing is posted until ready, which then brings the whole finished stream', async () => {
    const server = await finiteServer(3);
    servers.push(server);
    const webview = new FakeWebview();
    const { session, services } = start(webview, server.url);
    await session.connect(request(server.url));
    await services.connections[0].done;
    assert.deepEqual(webview.messages, [], 'posted to a webview that had not said ready');
    session.receive({ type: 'ready' });
    await webview.until((view) => view.ofType('state').length === 1);
    const [state] = webview.ofType('state');
    assert.equal(state.state.status, 'closed');
    assert.deepEqual(webview.kinds(), ['open', 'event:e1', 'event:e2', 'event:e3', 'event:bye', 'closed']);
  });

  it('ready replays the full state again to a rebuilt webview: request, status, recent URLs and every record', async () => {
    const server = await finiteServer(2);
    servers.push(server);
    const webview = new FakeWebview();
    const { session } = start(webview, server.url);
    session.receive({ type: 'ready' });
    await webview.until((view) => view.ofType('state').length === 1);
    await session.connect(request(server.url));
    await webview.until((view) => view.rows.at(-1)?.kind === 'closed');
    const live = webview.kinds();
    webview.rows = [];
    session.receive({ type: 'ready' });
    await webview.until((view) => view.ofType('state').length === 2);
    const { state } = webview.ofType('state')[1];
    assert.deepEqual(webview.kinds(), live);
    assert.deepEqual(live, ['open', 'event:e1', 'event:e2', 'event:bye', 'closed']);
    assert.equal(state.status, 'closed');
    assert.equal(state.request.url, server.url);
    assert.deepEqual(state.recentUrls, [server.url]);
    assert.equal(state.maxEvents, 1000);
  });

  it('connect while connecting: the later connect wins, and the earlier one (still reading credentials) never opens a request', async () => {
    const slow = await finiteServer(1, 'slow');
    const fast = await finiteServer(1, 'fast');
    servers.push(slow, fast);
    const credentials = new MemoryCredentials({ [new URL(slow.url).origin]: { authorization: 'Bearer t0ken' } });
    let release!: () => void;
    credentials.gate = new Promise((resolve) => {
      release = resolve;
    });
    const webview = new FakeWebview();
    const { session, services } = start(webview, slow.url, fakeServices({ credentials }));
    session.receive({ type: 'ready' });
    const first = session.connect(request(slow.url, { withCredentials: true, headers: 'Authorization: ••••••' }));
    await session.connect(request(fast.url));
    release();
    await first;
    await webview.until((view) => view.rows.at(-1)?.kind === 'closed');
    assert.equal(services.connections.length, 1);
    assert.equal(slow.requests.length, 0, 'the overtaken connect still sent a request');
    assert.deepEqual(webview.kinds(), ['open', 'event:fast1', 'event:bye', 'closed']);
    assert.equal(session.info().request.url, fast.url);
  });

  it('a new connect supersedes the old one: its socket is closed and none of its records, not even its closed record, reach the table', async () => {
    const { server: old, responses } = await openEndedServer();
    const next = await finiteServer(1, 'new');
    servers.push(old, next);
    const webview = new FakeWebview();
    const { session, services } = start(webview, old.url);
    session.receive({ type: 'ready' });
    await session.connect(request(old.url));
    await webview.until((view) => view.kinds().includes('event:first'));
    const oldSocketClosed = once(responses[0], 'close');
    await session.connect(request(next.url));
    await oldSocketClosed;
    await services.connections[0].done;
    await webview.until((view) => view.rows.at(-1)?.kind === 'closed');
    assert.deepEqual(webview.kinds(), ['open', 'event:new1', 'event:bye', 'closed']);
    const closed = webview.rows.at(-1);
    assert.equal(
      closed?.kind === 'closed' && closed.reason,
      'close-on-event',
      'the old connection\'s "closed by the user" record reached the table',
    );
  });

  it('clear during a stream empties the table, and only what arrives afterwards is shown and kept', async () => {
    const { server, responses } = await openEndedServer();
    servers.push(server);
    const webview = new FakeWebview();
    const { session } = start(webview, server.url);
    session.receive({ type: 'ready' });
    await session.connect(request(server.url));
    await webview.until((view) => view.kinds().includes('event:first'));
    const clearedBefore = webview.ofType('cleared').length;
    session.receive({ type: 'clear' });
    await webview.until((view) => view.ofType('cleared').length === clearedBefore + 1);
    responses[0].end('data: second\n\nevent: end\ndata: bye\n\n');
    await webview.until((view) => view.rows.at(-1)?.kind === 'closed');
    assert.deepEqual(webview.kinds(), ['event:second', 'event:bye', 'closed']);
    session.receive({ type: 'ready' });
    await webview.until((view) => view.ofType('state').length === 2);
    assert.deepEqual(webview.kinds(), ['event:second', 'event:bye', 'closed'], 'the store kept cleared records');
  });

  it('notices raised before ready wait for it, at most the last ten, after the state', async () => {
    const webview = new FakeWebview();
    const { session } = start(webview, 'ftp://x');
    for (let n = 1; n <= MAX_QUEUED_NOTICES + 5; n++) await session.connect(request(`ftp://host-${n}/`));
    assert.equal(webview.messages.length, 0);
    session.receive({ type: 'ready' });
    await webview.until((view) => view.ofType('state').length === 1);
    const notices = webview.ofType('notice');
    assert.equal(notices.length, MAX_QUEUED_NOTICES);
    assert.equal(webview.messages[0].type, 'state');
    assert.ok(notices.every((notice) => notice.field === 'url' && notice.level === 'error'));
    assert.equal(session.info().status, 'idle');
  });

  it('dispose mid-stream closes the socket, ends the connection and posts nothing more', async () => {
    const { server, responses } = await openEndedServer();
    servers.push(server);
    const webview = new FakeWebview();
    const { session, services } = start(webview, server.url);
    session.receive({ type: 'ready' });
    await session.connect(request(server.url));
    await webview.until((view) => view.kinds().includes('event:first'));
    const socketClosed = once(responses[0], 'close');
    const posted = webview.messages.length;
    session.dispose();
    await socketClosed;
    const closed = await services.connections[0].done;
    assert.equal(closed.reason, 'user');
    assert.equal(webview.messages.length, posted, 'a disposed session posted to its webview');
  });

  it('ignores a message the webview should not send, and says so in the log', async () => {
    const webview = new FakeWebview();
    const { session, services } = start(webview, 'http://127.0.0.1:1/');
    session.receive({ type: 'connect', request: { url: 42 } });
    session.receive({ type: 'probeReport', nonce: 'x' });
    assert.equal(services.connections.length, 0);
    assert.equal(services.logLines.filter((line) => line.startsWith('warn panel-t: ignored a message')).length, 2);
  });

  it('keeps at most maxStoreBytes of records: big events push the oldest out, and the webview is told how many were dropped', async () => {
    const big = 'x'.repeat(100 * 1024);
    const server = await RawServer.start((_req, res) => {
      openStream(res);
      for (let n = 1; n <= 40; n++) res.write(`data: ${n}:${big}\n\n`);
      res.end('event: end\ndata: bye\n\n');
    });
    servers.push(server);
    const webview = new FakeWebview();
    const { session, services } = start(webview, server.url, fakeServices({ maxStoreBytes: 1024 * 1024 }));
    await session.connect(request(server.url));
    await services.connections[0].done;
    session.receive({ type: 'ready' });
    await webview.until((view) => view.ofType('state').length === 1);
    const kept = webview.rows.length;
    assert.ok(kept > 1 && kept < 10, `${kept} records kept`);
    assert.equal(webview.dropped + kept, 43, 'open, 40 events, end and closed: each kept or counted as dropped');
    assert.equal(webview.rows.at(-1)?.kind, 'closed');
  });

  it('posts at most two record batches to a webview that has taken none, and sends the rest once it takes them', async () => {
    const { server, responses } = await openEndedServer();
    servers.push(server);
    const webview = new FakeWebview();
    const takers: Array<() => void> = [];
    const { session } = start(webview, server.url);
    session.receive({ type: 'ready' });
    await webview.until((view) => view.ofType('state').length === 1);
    webview.answer = () => new Promise<boolean>((resolve) => takers.push(() => resolve(true)));
    await session.connect(request(server.url));
    await webview.until((view) => view.ofType('records').length === 1);
    responses[0].write('data: second\n\n');
    await webview.until((view) => view.ofType('records').length === 2);
    for (let n = 3; n <= 50; n++) responses[0].write(`data: e${n}\n\n`);
    responses[0].end('event: end\ndata: bye\n\n');
    const closedStatus = webview.until((view) => view.ofType('status').some((message) => message.status === 'closed'));
    await closedStatus;
    assert.equal(webview.ofType('records').length, 2, 'posted a third batch to a webview that had taken none');
    for (const take of takers.splice(0)) take();
    await webview.until((view) => view.rows.at(-1)?.kind === 'closed');
    assert.equal(webview.ofType('records').length, 3, 'the waiting records went out in one batch');
    assert.equal(webview.rows.filter((record) => record.kind === 'event').length, 51);
  });

  it('numbers its record batches and sends what waits once the webview says it applied one; a reloaded webview gets it all', async () => {
    const { server, responses } = await openEndedServer();
    servers.push(server);
    const webview = new FakeWebview();
    const { session } = start(webview, server.url);
    webview.session = undefined; // delivered at once, but never applied: no receipts
    session.receive({ type: 'ready' });
    await webview.until((view) => view.ofType('state').length === 1);
    await session.connect(request(server.url));
    await webview.until((view) => view.ofType('records').length === 1);
    responses[0].write('data: second\n\n');
    await webview.until((view) => view.ofType('records').length === 2);
    const [first, second] = webview.ofType('records').map((message) => message.batch);
    assert.ok(first !== undefined && second === first + 1, `batches numbered in order: ${first}, ${second}`);
    for (let n = 3; n <= 20; n++) responses[0].write(`data: e${n}\n\n`);
    responses[0].end('event: end\ndata: bye\n\n');
    await webview.until((view) => view.ofType('status').some((message) => message.status === 'closed'));
    // Without this receipt the closed row would never come: the test's timeout would fail it.
    session.receive({ type: 'applied', batch: first });
    await webview.until((view) => view.rows.at(-1)?.kind === 'closed');
    assert.equal(webview.ofType('records').length, 3, 'the waiting records went out in one batch');
    assert.equal(webview.rows.filter((record) => record.kind === 'event').length, 21);

    session.receive({ type: 'ready' });
    await webview.until((view) => view.ofType('state').length === 2);
    assert.equal(webview.rows.at(-1)?.kind, 'closed', 'a reloaded webview gets everything with its state, whatever was not applied');
  });

  it('masks every credential the session used in exports, log lines and the recent URLs, though the stored one changed since', async () => {
    const server = await RawServer.start((req, res) => {
      openStream(res, { 'Set-Cookie': 'sid=server-set-cookie; HttpOnly', 'X-Api-Key': 'echoed-key' });
      res.write(`data: you sent ${req.headers.authorization} and ${req.headers['x-api-key']} to ${req.url}\n\n`);
      res.end('event: end\ndata: bye\n\n');
    });
    servers.push(server);
    const credentials = new MemoryCredentials();
    const webview = new FakeWebview();
    const services = fakeServices({ credentials });
    const url = `${server.url}/sse?access_token=url-token-123&n=1`;
    const { session } = start(webview, url, services);
    session.receive({ type: 'ready' });
    await webview.until((view) => view.ofType('state').length === 1);
    await session.connect(
      request(url, { withCredentials: true, headers: 'X-Api-Key: box-key-456\nAuthorization: Bearer used-then-changed' }),
    );
    await webview.until((view) => view.rows.at(-1)?.kind === 'closed');
    assert.match(JSON.stringify(webview.rows), /used-then-changed/, 'the server did not echo the token; the test proves nothing');
    await credentials.write(new URL(url).origin, { authorization: 'Bearer another-one' });
    session.receive({ type: 'export', format: 'ndjson' });
    await webview.until((view) => view.ofType('notice').some((notice) => notice.message.startsWith('Exported')));
    const leaks = ['used-then-changed', 'url-token-123', 'box-key-456', 'server-set-cookie', 'echoed-key'];
    for (const [where, text] of [
      ['export', services.exports[0]],
      ['log', services.logLines.join('\n')],
      ['recent URLs', services.remembered.join('\n')],
    ] as const) {
      for (const secret of leaks) assert.ok(!text.includes(secret), `${secret} in the ${where}`);
    }
    assert.match(services.exports[0], /you sent \[redacted\]/);
    assert.ok(services.logLines.some((line) => line.includes('connecting to') && line.includes('access_token=[redacted]&n=1')));
    assert.deepEqual(services.remembered, [`${server.url}/sse?access_token=[redacted]&n=1`]);
  });
});

describe('panel session: a refused connect while a stream is open', () => {
  it('leaves the open stream running and its rows arriving, with the refusal as a notice', async () => {
    const responses: ServerResponse[] = [];
    const server = await RawServer.start((_req, res) => {
      openStream(res);
      res.write('data: first\n\n');
      responses.push(res);
    });
    const webview = new FakeWebview();
    const session = openSession('panel-r', webview, request(server.url), fakeServices());
    try {
      session.receive({ type: 'ready' });
      await session.connect(request(server.url));
      await webview.until((view) => view.kinds().includes('event:first'));
      await session.connect(request('ftp://127.0.0.1/not-a-stream'));
      await webview.until((view) => view.ofType('notice').length === 1);
      assert.equal(webview.ofType('notice')[0].level, 'error');
      responses[0].write('data: second\n\n');
      await webview.until((view) => view.kinds().includes('event:second'));
      assert.deepEqual(webview.kinds(), ['open', 'event:first', 'event:second']);
      assert.equal(session.info().status, 'open');
    } finally {
      session.dispose();
      await server.stop();
    }
  });
});
