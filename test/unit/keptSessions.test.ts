// Kept sessions (issue 10 §3), in the panel session with the real engine and loopback servers: each Connect starts a
// session, the last few are kept within a count and a byte limit, the user shows an earlier one again while the live
// one goes on, and compares two in the timeline.
import { strict as assert } from 'node:assert';
import type { ServerResponse } from 'node:http';
import type { PanelSession } from '../../src/session/panelSession';
import type { SessionServices } from '../../src/session/sessionPorts';
import { BUCKETS } from '../../src/shared/timing/timelineBuckets';
import { FakeWebview, fakeServices, request, openSession } from './support/fakeWebview';
import { RawServer, openStream } from './support/rawServer';

/** Each request gets `count` events named after the path, then stays open (kept in `open`) until the test ends. */
async function namedServer(count: number): Promise<{ server: RawServer; open: ServerResponse[] }> {
  const open: ServerResponse[] = [];
  const server = await RawServer.start((req, res) => {
    openStream(res);
    for (let n = 1; n <= count; n++) res.write(`data: ${req.url?.slice(1)}-${n}\n\n`);
    open.push(res);
  });
  return { server, open };
}

describe('kept sessions: each Connect starts a session, the last few are kept to show again and compare', () => {
  const servers: RawServer[] = [];
  const sessions: PanelSession[] = [];
  afterEach(async () => {
    for (const session of sessions.splice(0)) session.dispose();
    await Promise.all(servers.splice(0).map((server) => server.stop()));
  });

  async function panel(count: number, overrides: Partial<SessionServices> = {}) {
    const { server, open } = await namedServer(count);
    servers.push(server);
    const webview = new FakeWebview();
    const session = openSession('panel-k', webview, request(`${server.url}/a`), fakeServices({ keptSessions: 3, ...overrides }));
    sessions.push(session);
    session.receive({ type: 'ready' });
    const connect = async (path: string): Promise<void> => {
      await session.connect(request(`${server.url}/${path}`));
      await webview.until((view) => view.kinds().includes(`event:${path}-${count}`));
    };
    const lastList = () => webview.ofType('sessions').at(-1)!.list;
    return { server, open, webview, session, connect, lastList };
  }

  it('lists the live session and the earlier ones, oldest first, numbered from 1, with where each connected', async () => {
    const { connect, lastList } = await panel(2);
    await connect('a');
    await connect('b');
    const list = lastList();
    assert.deepEqual(
      list.sessions.map((s) => [s.number, s.place, s.live, s.events]),
      [
        [1, '/a', false, 2],
        [2, '/b', true, 0],
      ],
      'the live session is counted as of when the list was sent (at its start: 0)',
    );
    assert.equal(list.shown, 2, 'a new session is shown at once');
    assert.deepEqual(
      list.sessions.map((s) => s.streaming),
      [false, true],
      'only the live session can be streaming, while its connection is open',
    );
    assert.equal(list.compared, null);
  });

  it("shows an earlier session's rows again while the live one goes on, and the live rows come back after", async () => {
    const { open, webview, session, connect } = await panel(2);
    await connect('a');
    await connect('b');
    session.receive({ type: 'showSession', session: 1 });
    await webview.until((view) => view.kinds().includes('event:a-2'));
    assert.deepEqual(webview.kinds(), ['open', 'event:a-1', 'event:a-2', 'closed'], "session 1's rows, ending in its closed record");
    assert.equal(session.info().status, 'open', 'showing an earlier session does not touch the live connection');
    // The live stream goes on while session 1 is shown: its records are kept, not drawn. Its `end` event closes it
    // (closeOn), and the status goes out whatever the table shows: the records before it have arrived.
    open.at(-1)!.write('data: b-late\n\nevent: end\ndata: x\n\n');
    await webview.until((view) => view.ofType('status').at(-1)?.status === 'closed');
    session.receive({ type: 'showSession', session: 2 });
    await webview.until((view) => view.kinds().includes('closed'));
    assert.deepEqual(webview.kinds(), ['open', 'event:b-1', 'event:b-2', 'event:b-late', 'event:x', 'closed']);
    // And session 1 holds only its own records: nothing live went into the session that was shown.
    session.receive({ type: 'showSession', session: 1 });
    await webview.until((view) => view.kinds().includes('event:a-1'));
    assert.deepEqual(webview.kinds(), ['open', 'event:a-1', 'event:a-2', 'closed'], 'a live record went into the earlier session shown');
  });

  it('answers details, the raw view and export from the session shown', async () => {
    const { webview, session, connect, services } = await (async () => {
      const services = fakeServices({ keptSessions: 3 });
      const made = await panel(1, services);
      return { ...made, services };
    })();
    await connect('a');
    await connect('b');
    session.receive({ type: 'showSession', session: 1 });
    await webview.until((view) => view.kinds().includes('event:a-1'));
    const seq = webview.rows.find((row) => row.kind === 'event')!.seq;
    session.receive({ type: 'details', seq });
    await webview.until((view) => view.ofType('detail').length > 0);
    assert.equal(webview.ofType('detail')[0].data, 'a-1');
    session.receive({ type: 'raw', connection: 1 });
    await webview.until((view) => view.ofType('raw').length > 0);
    assert.match(Buffer.from(webview.ofType('raw')[0].snapshot.bytes, 'base64').toString('latin1'), /data: a-1/);
    session.receive({ type: 'export', format: 'ndjson' });
    await webview.until(() => services.exports.length > 0);
    assert.match(services.exports[0], /"data":"a-1"/);
    assert.doesNotMatch(services.exports[0], /b-1/);
  });

  it('keeps at most keptSessions (the live one included) and says how many were let go', async () => {
    const { webview, session, connect, lastList } = await panel(1);
    for (const path of ['a', 'b', 'c', 'd']) await connect(path);
    const list = lastList();
    assert.deepEqual(
      list.sessions.map((s) => s.place),
      ['/b', '/c', '/d'],
    );
    assert.equal(list.forgotten, 1);
    session.receive({ type: 'showSession', session: 1 });
    await webview.until((view) => view.ofType('notice').some((notice) => notice.message === 'Session 1 is no longer kept.'));
  });

  it('lets earlier sessions go beyond the byte limit too, so kept sessions never hold more than maxStoreBytes', async () => {
    // Each session's records alone are under the limit; with the raw bytes kept per session (1 MiB), two are not.
    const { connect, lastList } = await panel(1, { maxStoreBytes: 1.5 * 1024 * 1024 });
    for (const path of ['a', 'b', 'c']) await connect(path);
    const list = lastList();
    assert.deepEqual(
      list.sessions.map((s) => s.place),
      ['/b', '/c'],
    );
    assert.equal(list.forgotten, 1);
  });

  it('with keptSessions 1, a new Connect clears the rows and says so', async () => {
    const { webview, connect, lastList } = await panel(1, { keptSessions: 1 });
    await connect('a');
    await connect('b');
    assert.deepEqual(
      lastList().sessions.map((s) => s.place),
      ['/b'],
    );
    assert.match(webview.ofType('notice').at(-1)!.message, /rows cleared \(sseInspector\.keptSessions keeps no earlier session\)/);
  });

  it("compares: sends the other session's timeline buckets, then none when asked, and refuses the one shown", async () => {
    const { webview, session, connect, lastList } = await panel(3);
    await connect('a');
    await connect('b');
    session.receive({ type: 'compareSession', session: 1 });
    await webview.until((view) => view.ofType('compare').length > 0);
    const track = webview.ofType('compare').at(-1)!.track!;
    assert.deepEqual([track.number, track.place, track.streaming, track.buckets.events], [1, '/a', false, 3]);
    assert.equal(track.buckets.counts.length, BUCKETS);
    assert.equal(
      track.buckets.counts.reduce((a, b) => a + b, 0),
      3,
      'every event of session 1 is in a bucket',
    );
    assert.ok(
      track.buckets.flags.some((flags) => flags !== 0),
      'its open and closed marks are in the buckets',
    );
    assert.equal(lastList().compared, 1);
    session.receive({ type: 'compareSession', session: 2 });
    await webview.until((view) =>
      view.ofType('notice').some((notice) => /Session 2 cannot be compared: it is the one shown/.test(notice.message)),
    );
    assert.equal(webview.ofType('compare').at(-1)!.track, null);
    session.receive({ type: 'compareSession', session: 1 });
    session.receive({ type: 'compareSession', session: null });
    await webview.until((view) => view.ofType('compare').length === 4);
    assert.equal(webview.ofType('compare').at(-1)!.track, null);
    assert.equal(lastList().compared, null);
  });

  it('showing the compared session stops comparing it (a session is not compared with itself)', async () => {
    const { webview, session, connect, lastList } = await panel(1);
    await connect('a');
    await connect('b');
    session.receive({ type: 'compareSession', session: 1 });
    session.receive({ type: 'showSession', session: 1 });
    await webview.until((view) => view.kinds().includes('event:a-1'));
    assert.equal(webview.ofType('compare').at(-1)!.track, null);
    assert.deepEqual([lastList().shown, lastList().compared], [1, null]);
  });
});
