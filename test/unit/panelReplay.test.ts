// The panel's Replay in mock server and Save as scenario buttons, through the session's message path (plain Node,
// real engine and mock server), and the mock serving a replay added while it runs.
import { strict as assert } from 'node:assert';
import { MockServer } from '../../src/mock/mockServer';
import type { Scenario } from '../../src/mock/scenario/types';
import { parseScenario } from '../../src/mock/scenario/validate';
import type { PanelSession } from '../../src/session/panelSession';
import { FakeWebview, fakeServices, request, openSession } from './support/fakeWebview';
import { collect, eventSummary } from './support/records';

const threeEvents: Scenario = {
  attempts: [
    {
      // A short reconnection time: the 204 comes without the default 3 s wait.
      steps: [{ retry: 10 }, { id: '1', data: 'one' }, { id: '2', event: 'note', data: 'two' }, { id: '3', data: 'three' }],
    },
    { status: 204 },
  ],
};

describe('Replay in mock server and Save as scenario from a panel session', () => {
  let mock: MockServer;
  const sessions: PanelSession[] = [];
  // A fresh server per test: a scenario's attempt count lives as long as its server.
  beforeEach(async () => {
    mock = await MockServer.start({ scenarios: [{ path: '/three', source: 'three.sse.json', scenario: threeEvents }] });
  });
  afterEach(async () => {
    for (const session of sessions.splice(0)) session.dispose();
    await mock.stop();
  });

  /** A ready session that has played /three to its end. */
  async function finishedSession(services = fakeServices()) {
    const webview = new FakeWebview();
    const url = `${mock.url}/three`;
    const session = openSession('panel-r', webview, request(url), services);
    sessions.push(session);
    session.receive({ type: 'ready' });
    await session.connect(request(url, { closeOn: '' }));
    await services.connections[0]!.done;
    return { session, webview, services };
  }

  const notices = (webview: FakeWebview) => webview.ofType('notice').map((notice) => `${notice.level}: ${notice.message}`);

  it('replay hands the host the recorded connections and a GET for the new panel, and says where it plays', async () => {
    const { session, webview, services } = await finishedSession();
    session.receive({ type: 'replay' });
    await webview.until((view) => view.ofType('notice').length === 1);
    assert.deepEqual(notices(webview), ['info: Replaying this session at http://127.0.0.1:1/replay/1 in a new panel.']);
    const [replay] = services.replays;
    assert.deepEqual(
      replay!.scenario.attempts.map((a) => [a.status, a.steps?.filter((s) => 'data' in s)]),
      [
        [
          200,
          [
            { id: '1', data: 'one' },
            { event: 'note', id: '2', data: 'two' },
            { id: '3', data: 'three' },
          ],
        ],
        [204, undefined],
      ],
    );
    assert.equal(replay!.request.url, 'http://127.0.0.1:1/replay/1');
    assert.equal(replay!.request.method, 'GET');
  });

  it('save as scenario hands the host a valid file and its name, then says where it went and where the mock serves it', async () => {
    const { session, webview, services } = await finishedSession();
    session.receive({ type: 'saveScenario' });
    await webview.until((view) => view.ofType('notice').length === 1);
    const [file] = services.scenarioFiles;
    assert.match(file!.fileName, /^sse-recording-[\dT-]+\.sse\.json$/);
    assert.ok(parseScenario(new TextEncoder().encode(file!.text), file!.fileName).ok);
    assert.deepEqual(notices(webview), [
      `info: Saved the session as /workspace/${file!.fileName}. SSE: Start Mock Server serves it at /${file!.fileName.replace('.sse.json', '')} (restart a running one to pick it up).`,
    ]);
  });

  it('with nothing recorded, says so and asks the host for nothing', async () => {
    const services = fakeServices();
    const webview = new FakeWebview();
    const session = openSession('panel-e', webview, request(`${mock.url}/three`), services);
    sessions.push(session);
    session.receive({ type: 'ready' });
    session.receive({ type: 'replay' });
    session.receive({ type: 'saveScenario' });
    await webview.until((view) => view.ofType('notice').length === 2);
    assert.deepEqual(notices(webview), [
      'info: Nothing to replay. There are no records yet: connect first.',
      'info: Cannot save a scenario. There are no records yet: connect first.',
    ]);
    assert.deepEqual([services.replays.length, services.scenarioFiles.length], [0, 0]);
  });

  it("shows the host's reason (no workspace, mock not started) as an error", async () => {
    const services = fakeServices({
      replayInMock: async () => ({ ok: false, problem: 'the mock server did not start.' }),
      saveScenario: async () => ({ ok: false, problem: 'no folder is open' }),
    });
    const { session, webview } = await finishedSession(services);
    session.receive({ type: 'replay' });
    session.receive({ type: 'saveScenario' });
    await webview.until((view) => view.ofType('notice').length === 2);
    assert.deepEqual(notices(webview), ['error: Could not replay the session: the mock server did not start.', 'error: no folder is open']);
  });

  it('says nothing when the save dialog was cancelled', async () => {
    const cancelled = await finishedSession(fakeServices({ saveScenario: async () => ({ ok: false }) }));
    cancelled.session.receive({ type: 'saveScenario' });
    cancelled.session.receive({ type: 'clear' });
    await cancelled.webview.until((view) => view.messages.at(-1)?.type === 'cleared');
    assert.deepEqual(notices(cancelled.webview), []);
  });
});

describe('the mock serving a scenario added while it runs', () => {
  it('serves it at its path and lists it on GET /, refuses a taken path, and 404s it once removed', async () => {
    const mock = await MockServer.start();
    try {
      mock.serveScenario({ path: '/replay/1', source: 'replay', scenario: threeEvents });
      assert.throws(() => mock.serveScenario({ path: '/sse', source: 'replay', scenario: threeEvents }), /path \/sse is already served/);
      assert.throws(() => mock.serveScenario({ path: '/replay/1', source: 'again', scenario: threeEvents }), /already served/);
      const index = (await (await fetch(`${mock.url}/`)).json()) as { streams: Array<{ path: string; source: string }> };
      assert.ok(index.streams.some((s) => s.path === '/replay/1' && s.source === 'replay'));
      const records = await collect({ url: `${mock.url}/replay/1`, closeOn: '' });
      assert.deepEqual(
        eventSummary(records).map((e) => e.data),
        ['one', 'two', 'three'],
      );
      mock.removeScenario('/replay/1');
      assert.equal((await fetch(`${mock.url}/replay/1`)).status, 404);
    } finally {
      await mock.stop();
    }
  });
});
