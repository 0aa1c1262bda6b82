import { strict as assert } from 'node:assert';
import { RawServer, openStream } from './support/rawServer';
import { collect, kinds } from './support/records';
import type { ConnectOptions } from '../../src/engine/options';
import { DIED_YOUNG_FLOOR_MS, reconnectDelay } from '../../src/engine/reconnectDelay';
import type { ClosedRecord, ErrorRecord, ReconnectRecord, SseRecord } from '../../src/shared/record';
import { tableRow } from '../../src/cli/table';

const closedOf = (records: SseRecord[]) => records.at(-1) as ClosedRecord;

/** One session against a server that answers the same stream body, ended by the server, then 204 to a second request. */
async function session(body: string, options: Omit<ConnectOptions, 'url'>) {
  const server = await RawServer.start((_req, res, _seen, index) => {
    if (index > 0) return void res.writeHead(204).end();
    openStream(res);
    res.end(body);
  });
  try {
    const records = await collect({ url: `${server.url}/sse`, retryMs: 5, closeOn: '', ...options });
    return { records, requests: server.requests.length };
  } finally {
    await server.stop();
  }
}

describe("engine: a request's end is its end (reconnect auto / always / never)", () => {
  it('auto: a POST whose body ends is closed "ended" after exactly one request, with no error', async () => {
    const { records, requests } = await session('data: Hel\n\ndata: lo\n\n', { method: 'POST', body: '{"stream":true}' });
    assert.deepEqual(kinds(records), ['open', 'event', 'event', 'closed']);
    assert.equal(closedOf(records).reason, 'ended');
    assert.equal(requests, 1, 'the POST is never sent twice');
  });

  it('auto: any method other than GET, even without a body, is not sent twice', async () => {
    const { records, requests } = await session('data: x\n\n', { method: 'PUT' });
    assert.equal(closedOf(records).reason, 'ended');
    assert.equal(requests, 1);
  });

  it('always: a POST is reconnected like a GET, up to the limit', async () => {
    const { records, requests } = await session('data: x\n\n', { method: 'POST', body: '{}', reconnect: { mode: 'always' } });
    assert.equal(requests, 2);
    assert.equal(closedOf(records).reason, 'no-content');
  });

  it('auto: a GET still reconnects after the end of its body, as EventSource does', async () => {
    const { requests, records } = await session('data: x\n\n', {});
    assert.equal(requests, 2);
    assert.equal(records.filter((r) => r.kind === 'reconnect').length, 1);
  });

  it('never: a stream cut mid-way (not ended) is still a failure: reconnect-limit', async () => {
    const server = await RawServer.start((req, res) => {
      openStream(res);
      res.write('data: x\n\n', () => req.socket.destroy());
    });
    try {
      const records = await collect({ url: `${server.url}/sse`, closeOn: '', reconnect: { mode: 'never' } });
      assert.deepEqual(kinds(records), ['open', 'event', 'error', 'closed']);
      assert.equal(closedOf(records).reason, 'reconnect-limit');
      assert.match(closedOf(records).message ?? '', /reconnecting is turned off/);
    } finally {
      await server.stop();
    }
  });

  it('closeOnData: the event whose data is exactly "[DONE]" closes the session (close-on-event), after one request', async () => {
    const { records, requests } = await session('data: a\n\ndata: [DONE]\n\ndata: after\n\n', { closeOnData: '[DONE]' });
    assert.deepEqual(kinds(records), ['open', 'event', 'event', 'closed']);
    assert.equal(closedOf(records).reason, 'close-on-event');
    assert.match(closedOf(records).message ?? '', /\[DONE\]/);
    assert.equal(requests, 1);
  });
});

describe('engine: a reconnect storm is held back', () => {
  it('counts a connection that opened but delivered no event as a failure, so maxAttempts stops retry: 0 + instant close', async () => {
    const server = await RawServer.start((_req, res) => {
      openStream(res);
      res.end('retry: 0\n\n');
    });
    try {
      const records = await collect({ url: `${server.url}/sse`, reconnect: { maxAttempts: 3, maxDelayMs: 20 } });
      assert.equal(closedOf(records).reason, 'reconnect-limit');
      assert.equal(server.requests.length, 4, 'the first request and three reconnects');
      const delays = records.filter((r): r is ReconnectRecord => r.kind === 'reconnect').map((r) => [r.attempt, r.delayMs]);
      // The first waits the server's 0 ms as a browser would; the floor (capped by maxDelayMs here) holds the rest.
      assert.deepEqual(delays, [
        [1, 0],
        [2, 20],
        [3, 20],
      ]);
    } finally {
      await server.stop();
    }
  });

  it('keeps a floor under the delay once connections keep dying young, and backs off from retry: 0', () => {
    assert.equal(reconnectDelay(0, 1, undefined, true), 0);
    assert.equal(reconnectDelay(0, 2, undefined, true), DIED_YOUNG_FLOOR_MS);
    assert.equal(reconnectDelay(0, 12, undefined, true), 2048);
    assert.equal(reconnectDelay(0, 3, undefined, false), 4, 'a refused connection after retry: 0 still backs off');
    assert.equal(reconnectDelay(5000, 2, undefined, true), 10000);
  });
});

describe('engine: error responses are shown whole', () => {
  async function refused(status: number, headers: Record<string, string>, body: string | Buffer, hold = false) {
    const server = await RawServer.start((_req, res) => {
      res.writeHead(status, headers);
      if (hold) res.write(body);
      else res.end(body);
    });
    try {
      const records = await collect({ url: `${server.url}/v1/chat`, method: 'POST', body: '{}' });
      assert.deepEqual(kinds(records), ['error', 'closed']);
      return { error: records[0] as ErrorRecord, requests: server.requests.length };
    } finally {
      await server.stop();
    }
  }

  it("a 401 keeps its JSON body and its WWW-Authenticate header, and the table row shows the body's first line", async () => {
    const json = '{"error":{"message":"Incorrect API key provided: sk-…","type":"invalid_request_error"}}';
    const { error, requests } = await refused(
      401,
      { 'content-type': 'application/json', 'www-authenticate': 'Bearer realm="api"' },
      `${json}\n`,
    );
    assert.equal(error.status, 401);
    assert.equal(error.body, `${json}\n`);
    assert.equal(error.bodyTruncated, undefined);
    assert.equal(error.headers?.['www-authenticate'], 'Bearer realm="api"');
    assert.equal(requests, 1);
    const row = tableRow(error, { width: 400, color: false });
    assert.match(row, /401 Unauthorized.*the server said: \{"error":\{"message":"Incorrect API key provided/);
  });

  it('a wrong Content-Type keeps the body too (an HTML login page)', async () => {
    const { error } = await refused(200, { 'content-type': 'text/html' }, '<!doctype html>\n<title>Sign in</title>');
    assert.match(error.message, /"text\/html"/);
    assert.equal(error.body, '<!doctype html>\n<title>Sign in</title>');
  });

  it('keeps at most 64 KiB of a large body and says it was cut', async () => {
    const { error } = await refused(500, { 'content-type': 'text/plain' }, Buffer.alloc(200 * 1024, 'x'));
    assert.equal(error.body?.length, 64 * 1024);
    assert.equal(error.bodyTruncated, true);
  });

  it('a body that never ends still gives the record, with what arrived (marked cut)', async () => {
    const { error } = await refused(503, { 'content-type': 'text/plain' }, 'overloaded, try later', true);
    assert.equal(error.body, 'overloaded, try later');
    assert.equal(error.bodyTruncated, true);
  });

  it('takes the body of a gzip error response decoded', async () => {
    const { gzipSync } = await import('node:zlib');
    const { error } = await refused(
      400,
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      gzipSync('{"error":"bad model"}'),
    );
    assert.equal(error.body, '{"error":"bad model"}');
  });
});
