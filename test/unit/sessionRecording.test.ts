// A panel's records as a recording: Save as scenario's file (valid, editable, credential-free, served back the same)
// and Replay in mock server's scenario and request, over loopback with the real engine and mock server.
import { strict as assert } from 'node:assert';
import { MockServer } from '../../src/mock/mockServer';
import { BUILT_IN_SCENARIOS } from '../../src/mock/scenario/builtIn';
import type { Scenario } from '../../src/mock/scenario/types';
import { parseScenario } from '../../src/mock/scenario/validate';
import { MAX_REPLAY_CHARS, replayRequest, replayScenario, scenarioFileName, scenarioFileText, servedAt } from '../../src/session/recording';
import { scenarioText } from '../../src/session/scenarioText';
import type { ConnectRequest } from '../../src/shared/protocol';
import type { SseRecord } from '../../src/shared/record';
import { eventRecord, openRecord } from './panelFixtures';
import { request } from './support/fakeWebview';
import { collect, eventSummary } from './support/records';

/** The scripted stream from its second attempt: three events, a drop mid-event, a resume, then 204. */
const scripted: Scenario = {
  attempts: [
    {
      headers: { 'X-Trace': 'abc' },
      steps: [
        { retry: 5 },
        { comment: 'hello' },
        { id: '1', data: 'one' },
        { wait: 30 },
        { id: '2', event: 'note', data: 'two\nlines' },
        { id: '3', data: 'three' },
        { raw: 'id: 4\ndata: fo' },
        { drop: true },
      ],
    },
    {
      resume: true,
      steps: [
        { id: '3', data: 'three' },
        { id: '4', data: 'four' },
      ],
    },
    { status: 204 },
  ],
};

const NOW = new Date('2025-01-31T12:30:05.123Z');

async function withMock<T>(scenarios: Array<[string, Scenario]>, run: (server: MockServer) => Promise<T>): Promise<T> {
  const server = await MockServer.start({ scenarios: scenarios.map(([path, scenario]) => ({ path, scenario, source: path })) });
  try {
    return await run(server);
  } finally {
    await server.stop();
  }
}

const follow = (url: string) => ({ url, closeOn: '', reconnect: { mode: 'auto' as const, maxAttempts: 5 } });

/** What a replay must keep: each connection's status and own headers, then its events and comments, in order. */
function shape(records: readonly SseRecord[]): unknown[] {
  return records.flatMap((r): unknown[] => {
    if (r.kind === 'open') return [['open', r.connection, r.status, r.headers['x-trace']]];
    if (r.kind === 'event') return [['event', r.type, r.data, r.id, r.lastEventId]];
    if (r.kind === 'comment') return [['comment', r.text]];
    if (r.kind === 'retry') return [['retry', r.ms]];
    if (r.kind === 'reconnect') return [['reconnect', r.lastEventId]];
    if (r.kind === 'closed') return [['closed', r.reason]];
    return [];
  });
}

describe('a panel session saved as a scenario, and replayed', () => {
  it('Save as scenario writes a file the validator accepts and that, served by the mock, gives the same records and boundaries', async () => {
    await withMock([['/original', scripted]], async (original) => {
      const recorded = await collect(follow(`${original.url}/original`));
      const text = scenarioFileText(recorded, [], request(`${original.url}/original`), NOW);
      assert.ok(text.ok, text.ok ? '' : text.problem);
      const parsed = parseScenario(new TextEncoder().encode(text.value), 'saved.sse.json');
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
      // Connection boundaries from the reconnect, status and headers from the open rows, and the stop after them.
      const attempts = parsed.scenario.attempts;
      assert.deepEqual(
        attempts.map((a) => [a.status, a.headers?.['x-trace'], a.steps?.some((s) => 'drop' in s) ?? false]),
        [
          [200, 'abc', true],
          [200, undefined, false],
          [204, undefined, false],
        ],
      );
      assert.match(parsed.scenario.description ?? '', /^Recorded from http:\/\/127\.0\.0\.1:\d+\/original on 2025-01-31T12:30:05\.123Z$/);

      await withMock([['/saved', parsed.scenario]], async (mock) => {
        const served = await collect(follow(`${mock.url}/saved`));
        assert.deepEqual(shape(served), shape(recorded));
        assert.deepEqual(eventSummary(served), eventSummary(recorded));
        // The resume request carried the last whole event's id, as the original's did.
        assert.equal(mock.requests[1]!.headers['last-event-id'], '3');
      });
    });
  });

  it('keeps the recorded pauses as waits, rounded to whole milliseconds', () => {
    const records: SseRecord[] = [
      { ...openRecord(1, { 'content-type': 'text/event-stream' }), t: 10 },
      eventRecord(2, 'a', { t: 12.4 }),
      eventRecord(3, 'b', { t: 262.6 }),
    ];
    const text = scenarioFileText(records, [], request('http://127.0.0.1:1/sse'), NOW);
    assert.ok(text.ok);
    const steps = (JSON.parse(text.value) as Scenario).attempts[0]!.steps;
    assert.deepEqual(steps, [{ wait: 2 }, { data: 'a' }, { wait: 250 }, { data: 'b' }]);
  });

  it('writes one step per line, and the text parses back to the very scenario (built-ins with transport and headers too)', () => {
    for (const { scenario } of [...BUILT_IN_SCENARIOS, { scenario: scripted }]) {
      const text = scenarioText(scenario);
      assert.deepEqual(JSON.parse(text), scenario);
    }
    const lines = scenarioText(scripted).split('\n');
    assert.ok(lines.includes('        { "id": "2", "event": "note", "data": "two\\nlines" },'), lines.join('\n'));
    assert.ok(lines.includes('    { "status": 204 }'), lines.join('\n'));
  });

  it('puts no credential in the file: no credential header, no value the session sent, no token in the URL', () => {
    const secret = 'tok-SECRET-1234';
    const records: SseRecord[] = [
      {
        ...openRecord(1, { 'content-type': 'text/event-stream', 'set-cookie': 'sid=abc', 'x-echo': `Bearer ${secret}` }),
        url: `http://127.0.0.1:1/sse?access_token=${secret}`,
      },
      eventRecord(2, `you sent ${secret}`),
    ];
    const text = scenarioFileText(records, [secret], request('http://127.0.0.1:1/sse'), NOW);
    assert.ok(text.ok);
    assert.ok(!text.value.includes(secret), text.value);
    assert.ok(!/set-cookie/i.test(text.value), text.value);
    const replay = replayScenario(records, [secret], request('http://127.0.0.1:1/sse'));
    assert.ok(replay.ok);
    assert.ok(!JSON.stringify(replay.value).includes(secret));
  });

  it('says why when there is nothing to save or replay: no records, or no response at all', () => {
    const none = scenarioFileText([], [], request('http://127.0.0.1:1/sse'), NOW);
    assert.deepEqual(none, { ok: false, problem: 'There are no records yet: connect first.' });
    const refused: SseRecord[] = [
      { kind: 'error', seq: 1, t: 1, at: 1, message: 'Connection refused', willReconnect: false },
      { kind: 'closed', seq: 2, t: 2, at: 2, reason: 'failed' },
    ];
    const replay = replayScenario(refused, [], request('http://127.0.0.1:1/sse'));
    assert.ok(!replay.ok);
    assert.match(replay.problem, /No response was recorded/);
  });

  it('refuses a session too large for a scenario file, naming the limit and pointing to NDJSON replay', () => {
    const big = 'x'.repeat(600 * 1024);
    const records: SseRecord[] = [openRecord(1, {}), eventRecord(2, big), eventRecord(3, big)];
    const text = scenarioFileText(records, [], request('http://127.0.0.1:1/sse'), NOW);
    assert.ok(!text.ok);
    assert.match(text.problem, /too large \(\d+ bytes; the limit is 1048576\).*mock --replay/);
  });

  it('refuses a replay whose event data is over the cap the mock keeps, pointing to NDJSON replay', () => {
    const big = 'x'.repeat(MAX_REPLAY_CHARS / 2 + 1);
    const records: SseRecord[] = [openRecord(1, {}), eventRecord(2, big), eventRecord(3, big)];
    const replay = replayScenario(records, [], request('http://127.0.0.1:1/sse'));
    assert.ok(!replay.ok);
    assert.match(replay.problem, /over the 16 Mi a replay keeps.*mock --replay FILE/);
    assert.ok(replayScenario(records.slice(0, 2), [], request('http://127.0.0.1:1/sse')).ok, 'half of it is served');
  });

  it('a replay of a 503 is served as the 503 with its body, then 204', async () => {
    const records: SseRecord[] = [
      {
        kind: 'error',
        seq: 1,
        t: 3,
        at: 3,
        message: 'The server answered 503',
        status: 503,
        headers: { 'content-type': 'text/plain', 'retry-after': '5' },
        body: 'busy',
        willReconnect: false,
      },
      { kind: 'closed', seq: 2, t: 4, at: 4, reason: 'failed' },
    ];
    const replay = replayScenario(records, [], request('http://127.0.0.1:1/sse'));
    assert.ok(replay.ok);
    assert.deepEqual(replay.value.attempts, [
      { status: 503, headers: { 'content-type': 'text/plain', 'retry-after': '5' }, steps: [{ raw: 'busy' }] },
      { status: 204 },
    ]);
  });

  it('the replay panel sends a plain GET that ends as the original did: a request sent once is not sent again', () => {
    const base: ConnectRequest = request('https://api.example/v1', {
      method: 'POST',
      headers: 'Authorization: Bearer k',
      body: '{}',
      origin: 'https://app.example',
      withCredentials: true,
      closeOn: '',
    });
    const url = 'http://127.0.0.1:9/replay/1';
    assert.deepEqual(replayRequest(base, url), {
      url,
      withCredentials: false,
      origin: '',
      method: 'GET',
      headers: '',
      body: '',
      closeOn: '',
      reconnect: 'never',
    });
    assert.equal(replayRequest({ ...base, method: 'GET', body: '' }, url).reconnect, 'auto');
    assert.equal(replayRequest({ ...base, reconnect: 'always' }, url).reconnect, 'always');
    assert.equal(replayRequest({ ...base, method: 'GET', body: '', reconnect: 'never' }, url).reconnect, 'never');
  });

  it('offers a file name the default glob matches, and says where Start Mock Server serves it', () => {
    assert.equal(scenarioFileName(NOW), 'sse-recording-2025-01-31T12-30-05.sse.json');
    assert.equal(servedAt('/w/sse-recording-2025-01-31T12-30-05.sse.json'), '/sse-recording-2025-01-31T12-30-05');
    assert.match(servedAt('/w/flaky.json'), /^\/flaky \(name it \*\.sse\.json/);
  });
});
