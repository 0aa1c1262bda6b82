import { strict as assert } from 'node:assert';
import { once as eventOnce } from 'node:events';
import type { ServerResponse } from 'node:http';
import { RawServer, closedPort, openStream, utf8Header } from './support/rawServer';
import { collect, connect, eventSummary, kinds } from './support/records';
import { SseConnection } from '../../src/engine/connection';
import { ManualClock } from './support/manualClock';
import type { ClosedRecord, ErrorRecord, OpenRecord, ReconnectRecord, SseRecord } from '../../src/shared/record';

function ofKind<K extends SseRecord['kind']>(records: SseRecord[], kind: K): Array<Extract<SseRecord, { kind: K }>> {
  return records.filter((record): record is Extract<SseRecord, { kind: K }> => record.kind === kind);
}

function noContent(res: ServerResponse): void {
  res.writeHead(204);
  res.end();
}

/** Serves `bodies[i]` as the i-th connection's whole stream, then 204 to stop the session. */
async function sessionOver(bodies: string[], retryMs = 5): Promise<{ records: SseRecord[]; server: RawServer }> {
  const server = await RawServer.start((_req, res, _seen, index) => {
    if (index >= bodies.length) return noContent(res);
    openStream(res);
    res.end(bodies[index]);
  });
  try {
    return { records: await collect({ url: `${server.url}/sse`, retryMs, closeOn: '' }), server };
  } finally {
    await server.stop();
  }
}

describe('engine: reconnecting', () => {
  it('after the server ends the stream: error "The server ended the stream" (will reconnect), then reconnect, then a new open', async () => {
    const { records } = await sessionOver(['data: a\n\n', 'data: b\n\n']);
    assert.deepEqual(kinds(records), ['open', 'event', 'error', 'reconnect', 'open', 'event', 'error', 'reconnect', 'closed']);
    const error = records[2] as ErrorRecord;
    assert.equal(error.message, 'The server ended the stream');
    assert.equal(error.willReconnect, true);
    assert.equal(error.status, undefined);
    assert.deepEqual(records[3], { ...(records[3] as ReconnectRecord), attempt: 1, delayMs: 5, lastEventId: '' });
    assert.deepEqual(
      ofKind(records, 'open').map((open) => open.connection),
      [1, 2],
    );
    assert.equal((records[8] as ClosedRecord).reason, 'no-content');
  });

  it('sends no Last-Event-ID on the first request and the last event ID on the reconnect', async () => {
    const { server } = await sessionOver(['id: 41\ndata: a\n\nid: 42\ndata: b\n\n']);
    assert.equal(server.requests[0].headers['last-event-id'], undefined);
    assert.equal(server.requests[1].headers['last-event-id'], '42');
  });

  it('sends a non-ASCII last event ID as UTF-8 bytes, which the server reads back exactly', async () => {
    const { records, server } = await sessionOver(['id: ünï-✓\ndata: a\n\n']);
    assert.equal(utf8Header(server.requests[1].headers['last-event-id']), 'ünï-✓');
    assert.equal(ofKind(records, 'reconnect')[0].lastEventId, 'ünï-✓');
  });

  it('lets an id-only block at the end of a stream change the next Last-Event-ID', async () => {
    const { records, server } = await sessionOver(['id: 1\ndata: a\n\nid: 2\n\n']);
    assert.equal(server.requests[1].headers['last-event-id'], '2');
    assert.equal(ofKind(records, 'reconnect')[0].lastEventId, '2');
  });

  it('does not commit the id of an unterminated last block: the reconnect sends the previous one', async () => {
    const { server } = await sessionOver(['id: 1\ndata: a\n\nid: 2\ndata: b\n']);
    assert.equal(server.requests[1].headers['last-event-id'], '1');
  });

  it('keeps the last event ID across connections, and an empty id stops sending the header', async () => {
    const { records, server } = await sessionOver(['id: 7\ndata: a\n\n', 'data: b\n\n', 'id\ndata: c\n\n']);
    assert.deepEqual(
      eventSummary(records).map((e) => e.lastEventId),
      ['7', '7', ''],
    );
    assert.deepEqual(
      server.requests.map((request) => request.headers['last-event-id']),
      [undefined, '7', '7', undefined],
    );
  });

  it('waits the reconnection time a retry field sets, and reports it as the delay', async () => {
    const clock = new ManualClock();
    const server = await RawServer.start((_req, res, _seen, index) => {
      if (index >= 2) return noContent(res);
      openStream(res);
      res.end(['retry: 300\ndata: a\n\n', 'data: b\n\n'][index]);
    });
    try {
      const session = connect({ url: `${server.url}/sse`, retryMs: 5, closeOn: '', clock });
      const reconnect = (await session.next((record) => record.kind === 'reconnect')) as ReconnectRecord;
      assert.equal(ofKind(session.records, 'retry')[0].ms, 300);
      assert.equal(reconnect.delayMs, 300);
      // The wait is one timer on the session's clock: 1 ms short of the delay, it has not fired.
      assert.equal(clock.pendingTimers, 1);
      clock.advance(299);
      assert.equal(clock.pendingTimers, 1);
      assert.equal(server.requests.length, 1);
      clock.advance(1);
      assert.equal(clock.pendingTimers, 0);
      await server.requestCount(2);
      const open = (await session.next((record) => record.kind === 'open' && record.connection === 2)) as OpenRecord;
      assert.equal(open.t, 300, 'timestamps come from the same clock');
      await session.next((record) => record.kind === 'reconnect', session.records.indexOf(open));
      clock.advance(300);
      await session.connection.done;
      assert.equal(server.requests.length, 3);
    } finally {
      await server.stop();
    }
  });

  it('reports a refused connection in plain words, reconnects, and gives up after maxAttempts', async () => {
    const port = await closedPort();
    const records = await collect({ url: `http://127.0.0.1:${port}/sse`, retryMs: 5, reconnect: { maxAttempts: 2, backoffFactor: 1 } });
    assert.deepEqual(kinds(records), ['error', 'reconnect', 'error', 'reconnect', 'error', 'closed']);
    const errors = ofKind(records, 'error');
    for (const error of errors)
      assert.equal(error.message, `Connection refused (ECONNREFUSED) at 127.0.0.1:${port}: is the server running?`);
    assert.deepEqual(
      errors.map((error) => error.willReconnect),
      [true, true, false],
    );
    assert.deepEqual(
      ofKind(records, 'reconnect').map((r) => r.attempt),
      [1, 2],
    );
    const closed = records[5] as ClosedRecord;
    assert.equal(closed.reason, 'reconnect-limit');
    assert.match(closed.message ?? '', /gave up after 2 reconnect attempts/);
  });

  it('backs off on consecutive failures, up to maxDelayMs', async () => {
    const port = await closedPort();
    const records = await collect({
      url: `http://127.0.0.1:${port}/sse`,
      retryMs: 4,
      reconnect: { maxAttempts: 5, backoffFactor: 2, maxDelayMs: 20 },
    });
    assert.deepEqual(
      ofKind(records, 'reconnect').map((r) => r.delayMs),
      [4, 8, 16, 20, 20],
    );
  });

  it('starts counting attempts again after a successful open', async () => {
    const server = await RawServer.start((req, res, _seen, index) => {
      if (index === 1) return req.socket.destroy();
      if (index >= 3) return noContent(res);
      openStream(res);
      res.end('data: x\n\n');
    });
    try {
      const records = await collect({ url: `${server.url}/sse`, retryMs: 2, closeOn: '', reconnect: { backoffFactor: 3 } });
      assert.deepEqual(
        ofKind(records, 'reconnect').map((r) => [r.attempt, r.delayMs]),
        [
          [1, 2],
          [2, 6],
          [1, 2],
        ],
      );
    } finally {
      await server.stop();
    }
  });

  it('with reconnecting turned off (never), the server ending the stream is the normal end: closed ended, one request', async () => {
    const server = await RawServer.start((_req, res) => {
      openStream(res);
      res.end('data: a\n\n');
    });
    try {
      const records = await collect({ url: `${server.url}/sse`, closeOn: '', reconnect: { mode: 'never' } });
      assert.deepEqual(kinds(records), ['open', 'event', 'closed']);
      assert.equal((records[2] as ClosedRecord).reason, 'ended');
      assert.match((records[2] as ClosedRecord).message ?? '', /The server ended the stream/);
      assert.equal(server.requests.length, 1);
    } finally {
      await server.stop();
    }
  });

  it('when the server drops the connection mid-event: keeps the events before, drops the partial one, reconnects', async () => {
    let dropped: (() => void) | undefined;
    const server = await RawServer.start((req, res, _seen, index) => {
      if (index > 0) return noContent(res);
      openStream(res);
      res.write('data: a\n\ndata: part');
      dropped = () => req.socket.destroy();
    });
    try {
      const session = connect({ url: `${server.url}/sse`, retryMs: 5 });
      // The client has read the chunk once its event is out; then the server hangs up mid-event.
      await session.next((record) => record.kind === 'event');
      dropped?.();
      await session.connection.done;
      const records = session.records;
      assert.deepEqual(kinds(records), ['open', 'event', 'error', 'reconnect', 'closed']);
      assert.deepEqual(eventSummary(records), [{ type: 'message', data: 'a', lastEventId: '' }]);
      const error = records[2] as ErrorRecord;
      assert.match(error.message, /^The stream was cut off: /);
      assert.equal(error.willReconnect, true);
    } finally {
      await server.stop();
    }
  });
});

describe('engine: closing', () => {
  it('close() during the stream emits closed "user" and closes the socket at once', async () => {
    let requestClosed: Promise<unknown> = Promise.resolve();
    const server = await RawServer.start((_req, res) => {
      requestClosed = eventOnce(res, 'close');
      openStream(res);
      res.write('data: a\n\n');
    });
    try {
      const session = connect({ url: `${server.url}/sse` });
      await session.next((record) => record.kind === 'event');
      session.connection.close();
      const closed = await session.connection.done;
      assert.equal(closed.reason, 'user');
      assert.deepEqual(kinds(session.records), ['open', 'event', 'closed']);
      assert.equal(session.records[2], closed, 'done resolves with the closed record onRecord got');
      await requestClosed;
    } finally {
      await server.stop();
    }
  });

  it('close() before the response headers arrive aborts the request', async () => {
    let requestClosed: Promise<unknown> = Promise.resolve();
    const server = await RawServer.start((_req, res) => {
      requestClosed = eventOnce(res, 'close');
    });
    try {
      const session = connect({ url: `${server.url}/sse` });
      await server.requestCount(1);
      session.connection.close();
      assert.deepEqual(kinds(session.records), ['closed']);
      await requestClosed;
    } finally {
      await server.stop();
    }
  });

  it('close() during the reconnect wait cancels the reconnect', async () => {
    const server = await RawServer.start((_req, res) => {
      openStream(res);
      res.end('data: a\n\n');
    });
    try {
      const clock = new ManualClock();
      const session = connect({ url: `${server.url}/sse`, retryMs: 100, closeOn: '', clock });
      await session.next((record) => record.kind === 'reconnect');
      assert.equal(clock.pendingTimers, 1, 'the reconnect wait');
      session.connection.close();
      await session.connection.done;
      assert.equal(clock.pendingTimers, 0, 'the wait was cancelled');
      clock.advance(1000);
      await new Promise(setImmediate);
      assert.equal(server.requests.length, 1, 'no request after close');
      assert.deepEqual(kinds(session.records), ['open', 'event', 'error', 'reconnect', 'closed']);
    } finally {
      await server.stop();
    }
  });

  it('is idempotent: a second close() changes nothing, and the reason given first stays', async () => {
    const session = connect({ url: 'http://127.0.0.1:9/sse' });
    session.connection.close('timeout');
    session.connection.close('user');
    const closed = await session.connection.done;
    assert.equal(closed.reason, 'timeout');
    assert.deepEqual(kinds(session.records), ['closed']);
  });

  it('closes with reason "user" when the AbortSignal aborts', async () => {
    const server = await RawServer.start((_req, res) => {
      openStream(res);
      res.write('data: a\n\n');
    });
    try {
      const abort = new AbortController();
      const session = connect({ url: `${server.url}/sse`, signal: abort.signal });
      await session.next((record) => record.kind === 'event');
      abort.abort();
      assert.equal((await session.connection.done).reason, 'user');
      assert.deepEqual(kinds(session.records), ['open', 'event', 'closed']);
    } finally {
      await server.stop();
    }
  });

  it('never sends a request when the AbortSignal is already aborted', async () => {
    const server = await RawServer.start((_req, res) => noContent(res));
    try {
      const records = await collect({ url: `${server.url}/sse`, signal: AbortSignal.abort() });
      assert.deepEqual(kinds(records), ['closed']);
      assert.equal((records[0] as ClosedRecord).reason, 'user');
      assert.equal(server.requests.length, 0);
    } finally {
      await server.stop();
    }
  });

  it('closes on the "end" event by default, dropping what follows it in the same chunk, and closes the socket', async () => {
    let requestClosed: Promise<unknown> = Promise.resolve();
    const server = await RawServer.start((_req, res) => {
      requestClosed = eventOnce(res, 'close');
      openStream(res);
      res.write('data: a\n\nevent: end\ndata: {}\n\ndata: after\n\n');
    });
    try {
      const records = await collect({ url: `${server.url}/sse` });
      assert.deepEqual(kinds(records), ['open', 'event', 'event', 'closed']);
      const closed = records[3] as ClosedRecord;
      assert.equal(closed.reason, 'close-on-event');
      assert.match(closed.message ?? '', /"end"/);
      await requestClosed;
    } finally {
      await server.stop();
    }
  });

  it('closes on a custom close-on event name, and never closes on an event when it is empty', async () => {
    const body = 'event: end\ndata: 1\n\nevent: done\ndata: 2\n\n';
    const server = await RawServer.start((_req, res) => {
      openStream(res);
      res.end(body);
    });
    try {
      const custom = await collect({ url: `${server.url}/sse`, closeOn: 'done' });
      assert.deepEqual(
        eventSummary(custom).map((e) => e.type),
        ['end', 'done'],
      );
      assert.equal((custom.at(-1) as ClosedRecord).reason, 'close-on-event');
      const never = await collect({ url: `${server.url}/sse`, closeOn: '', reconnect: { mode: 'never' } });
      assert.deepEqual(kinds(never), ['open', 'event', 'event', 'closed']);
      assert.equal((never.at(-1) as ClosedRecord).reason, 'ended');
    } finally {
      await server.stop();
    }
  });

  it('numbers connections across reconnects in the open records', async () => {
    const { records } = await sessionOver(['data: a\n\n', 'data: b\n\n', 'data: c\n\n']);
    assert.deepEqual(
      ofKind(records, 'open').map((open: OpenRecord) => open.connection),
      [1, 2, 3],
    );
  });
});

describe('engine: closing from inside the record handler', () => {
  for (const kind of ['open', 'event', 'error', 'reconnect'] as const) {
    it(`stops at once when the handler closes on the ${kind} record: closed is the last record`, async () => {
      const server = await RawServer.start((_req, res) => {
        openStream(res);
        res.end('data: a\n\ndata: b\n\n');
      });
      try {
        const records: SseRecord[] = [];
        const clock = new ManualClock();
        const connection: SseConnection = new SseConnection({ url: `${server.url}/sse`, retryMs: 50, closeOn: '', clock }, (record) => {
          records.push(record);
          if (record.kind === kind) connection.close('max-events');
        });
        const closed = await connection.done;
        assert.equal(closed.reason, 'max-events');
        assert.equal(records.at(-1), closed);
        assert.equal(records.filter((record) => record.kind === kind).length, 1);
        // A reconnect needs the wait's timer: none is left, and running the clock on starts nothing.
        assert.equal(clock.pendingTimers, 0);
        clock.advance(1000);
        await new Promise(setImmediate);
        assert.equal(records.at(-1), closed, 'nothing after closed');
        assert.equal(server.requests.length, 1, 'no reconnect');
      } finally {
        await server.stop();
      }
    });
  }
});
