// Closing a session: by the user, by an AbortSignal, on the close-on event, and from inside the record handler.
import { strict as assert } from 'node:assert';
import { once as eventOnce } from 'node:events';
import { RawServer, openStream } from './support/rawServer';
import { collect, connect, eventSummary, kinds } from './support/records';
import { SseConnection } from '../../src/engine/connection';
import { ManualClock } from './support/manualClock';
import type { ClosedRecord, OpenRecord, SseRecord } from '../../src/shared/record';
import { noContent, ofKind, sessionOver } from './support/sessions';

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
