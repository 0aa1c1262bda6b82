import { strict as assert } from 'node:assert';
import { RawServer, closedPort, openStream, utf8Header } from './support/rawServer';
import { collect, connect, eventSummary, kinds } from './support/records';
import { ManualClock } from './support/manualClock';
import type { ClosedRecord, ErrorRecord, OpenRecord, ReconnectRecord } from '../../src/shared/record';
import { noContent, ofKind, sessionOver } from './support/sessions';

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
