// What the user means, in the panel session (plain Node, real engine, loopback servers): connect while open,
// a stopped mock server ending its panels, filtered export with Open, Clear, and the keyboard commands.
import { strict as assert } from 'node:assert';
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { PanelSession } from '../../src/session/panelSession';
import { pickRows } from '../../src/session/sessionExport';
import type { ClosedRecord } from '../../src/shared/record';
import { eventRecord, seqs } from './panelFixtures';
import { FakeWebview, fakeServices, request, openSession } from './support/fakeWebview';
import { RawServer, openStream } from './support/rawServer';

/** One event, then open until the test ends it; `responses` holds each response. */
async function openEndedServer(first = 'first'): Promise<{ server: RawServer; responses: ServerResponse[] }> {
  const responses: ServerResponse[] = [];
  const server = await RawServer.start((_req, res) => {
    openStream(res);
    res.write(`data: ${first}\n\n`);
    responses.push(res);
  });
  return { server, responses };
}

async function finiteServer(count: number): Promise<RawServer> {
  return RawServer.start((_req, res) => {
    openStream(res);
    for (let n = 1; n <= count; n++) res.write(`data: e${n}\n\n`);
    res.end('event: end\ndata: bye\n\n');
  });
}

describe('panel session: what the user means', () => {
  const servers: RawServer[] = [];
  const sessions: PanelSession[] = [];
  afterEach(async () => {
    for (const session of sessions.splice(0)) session.dispose();
    await Promise.all(servers.splice(0).map((server) => server.stop()));
  });

  function start(url: string, services = fakeServices()) {
    const webview = new FakeWebview();
    const session = openSession('panel-t', webview, request(url), services);
    sessions.push(session);
    session.receive({ type: 'ready' });
    return { session, services, webview };
  }

  it('Connect while a stream is open starts the new request at once, closes the old one with a reason and says so in a banner', async () => {
    const { server: old, responses } = await openEndedServer('old');
    const { server: next } = await openEndedServer('new');
    servers.push(old, next);
    const { session, services, webview } = start(old.url);
    await session.connect(request(old.url));
    await webview.until((view) => view.kinds().includes('event:old'));
    const oldSocketClosed = once(responses[0], 'close');
    await session.connect(request(next.url));
    await oldSocketClosed;
    const oldClosed: ClosedRecord = await services.connections[0].done;
    assert.equal(oldClosed.reason, 'user');
    assert.equal(oldClosed.message, 'Closed: a new connection was started in this panel');
    await webview.until((view) => view.kinds().includes('event:new'));
    assert.deepEqual(webview.kinds(), ['open', 'event:new'], 'the old rows were not cleared for the new session');
    const notices = webview.ofType('notice').map((notice) => notice.message);
    assert.deepEqual(notices, [
      `New session. The previous stream (${old.url}, 1 events) was closed and its rows cleared (sseInspector.keptSessions keeps no earlier session).`,
    ]);
    assert.equal(session.info().status, 'open');
    assert.equal(next.requests.length, 1);
  });

  it('endIfConnectedTo ends only a connection to that origin, with the given words, and it does not reconnect', async () => {
    const { server } = await openEndedServer();
    servers.push(server);
    const { session, services, webview } = start(server.url);
    await session.connect(request(server.url));
    await webview.until((view) => view.kinds().includes('event:first'));
    assert.equal(session.endIfConnectedTo('http://127.0.0.1:1', 'other'), false, 'ended a connection to another origin');
    assert.equal(session.endIfConnectedTo(new URL(server.url).origin, 'Closed: the mock server was stopped'), true);
    await services.connections[0].done;
    await webview.until((view) => view.rows.at(-1)?.kind === 'closed');
    const closed = webview.rows.at(-1) as ClosedRecord;
    assert.deepEqual([closed.reason, closed.message], ['user', 'Closed: the mock server was stopped']);
    assert.equal(session.info().status, 'closed');
    assert.equal(server.requests.length, 1, 'it reconnected after being ended');
    assert.equal(session.endIfConnectedTo(new URL(server.url).origin, 'again'), false, 'a closed panel has nothing to end');
  });

  it('exports only the rows the filter shows, names the file, offers Open, and Open opens that file', async () => {
    const server = await finiteServer(4);
    servers.push(server);
    const { session, services, webview } = start(server.url);
    await session.connect(request(server.url));
    await webview.until((view) => view.rows.at(-1)?.kind === 'closed');
    session.receive({ type: 'openExported' });
    session.receive({
      type: 'export',
      format: 'ndjson',
      rows: [
        [2, 3],
        [5, 5],
      ],
    });
    await webview.until((view) => view.ofType('notice').length === 1);
    const exported = services.exports[0]
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { seq: number; data?: string });
    assert.deepEqual(
      exported.map((record) => [record.seq, record.data]),
      [
        [2, 'e1'],
        [3, 'e2'],
        [5, 'e4'],
      ],
    );
    const [notice] = webview.ofType('notice');
    assert.equal(notice.message, 'Exported 3 filtered records to /tmp/export-1.ndjson.');
    assert.equal(notice.action, 'openExport');
    assert.deepEqual(services.opened, [], 'Open before any export opened something');
    session.receive({ type: 'openExported' });
    session.receive({ type: 'export', format: 'json' });
    await webview.until((view) => view.ofType('notice').length === 2);
    assert.equal(webview.ofType('notice')[1].message, 'Exported 7 records to /tmp/export-2.ndjson.');
    assert.equal((JSON.parse(services.exports[1]) as unknown[]).length, 7);
    await new Promise<void>((resolve) => setImmediate(resolve));
    assert.deepEqual(services.opened, ['/tmp/export-1.ndjson']);
  });

  it('a filtered export that matches no kept record writes no file and says why', async () => {
    const server = await finiteServer(1);
    servers.push(server);
    const { session, services, webview } = start(server.url);
    await session.connect(request(server.url));
    await webview.until((view) => view.rows.at(-1)?.kind === 'closed');
    session.receive({ type: 'export', format: 'ndjson', rows: [[90, 99]] });
    await webview.until((view) => view.ofType('notice').length === 1);
    assert.equal(webview.ofType('notice')[0].message, 'No kept record matches the filter: nothing to export.');
    assert.equal(webview.ofType('notice')[0].action, undefined);
    assert.deepEqual(services.exports, []);
  });

  it('Clear says it was the user, so the webview keeps the diagnostics of a connection that stays open', async () => {
    const { server, responses } = await openEndedServer();
    servers.push(server);
    const { session, webview } = start(server.url);
    await session.connect(request(server.url));
    await webview.until((view) => view.kinds().includes('event:first'));
    assert.deepEqual(
      webview.ofType('cleared').map((message) => message.by),
      [undefined],
      'a new session is not a clear by the user',
    );
    session.clear();
    assert.deepEqual(webview.ofType('cleared').at(-1), { type: 'cleared', by: 'user' });
    responses[0].write('data: after\n\n');
    await webview.until((view) => view.kinds().includes('event:after'));
    assert.equal(session.info().status, 'open', 'Clear ended the connection');
  });

  it('the keyboard commands: Connect asks the webview for its form, Disconnect ends the stream, Rename reaches the webview', async () => {
    const { server } = await openEndedServer();
    servers.push(server);
    const { session, services, webview } = start(server.url);
    session.connectFromForm();
    assert.deepEqual(webview.messages.at(-1), { type: 'run', action: 'connect' });
    session.named('Orders');
    assert.deepEqual(webview.messages.at(-1), { type: 'panelName', name: 'Orders' });
    session.disconnect();
    assert.equal(webview.ofType('notice').at(-1)?.message, 'Not connected.');
    await session.connect(request(server.url));
    await webview.until((view) => view.kinds().includes('event:first'));
    session.disconnect();
    const closed = await services.connections[0].done;
    assert.equal(closed.reason, 'user');
  });

  it('pickRows keeps the records whose seq is in a range, in order, and all of them without ranges', () => {
    const records = [1, 2, 3, 5, 8, 9].map((seq) => eventRecord(seq));
    assert.deepEqual(
      seqs(
        pickRows(records, [
          [2, 5],
          [9, 12],
        ]),
      ),
      [2, 3, 5, 9],
    );
    assert.deepEqual(seqs(pickRows(records, [[4, 4]])), []);
    assert.deepEqual(seqs(pickRows(records, [])), []);
    assert.deepEqual(seqs(pickRows(records, undefined)), [1, 2, 3, 5, 8, 9]);
  });
});
