import { strict as assert } from 'node:assert';
import { RawServer, openStream, writePieces } from './support/rawServer';
import { collect, connect, eventsOf, once } from './support/records';
import { SocketServer } from './support/socketServer';
import { ManualClock } from './support/manualClock';
import type { EventRecord } from '../../src/shared/record';
import { parseChunks } from './support/parse';

const bytes = (...parts: Array<string | number[]>): Buffer =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

describe('engine: the records', () => {
  it('numbers every record of a session from 1 without gaps, in time order, stamped with the wall clock', async () => {
    const server = await RawServer.start((_req, res, _seen, index) => {
      if (index > 0) {
        res.writeHead(204);
        return void res.end();
      }
      openStream(res);
      void writePieces(res, [': hi\n\nretry: 5\ndata: a\n\n', 'data: b\n\n', 'id: 1\ndata: c\n\n'], 20);
    });
    try {
      const before = Date.now();
      const records = await collect({ url: `${server.url}/sse`, retryMs: 5 });
      const after = Date.now();
      assert.deepEqual(
        records.map((record) => record.seq),
        records.map((_, i) => i + 1),
      );
      assert.deepEqual(
        records.map((record) => record.kind),
        ['open', 'comment', 'retry', 'event', 'event', 'event', 'error', 'reconnect', 'closed'],
      );
      for (let i = 1; i < records.length; i++) {
        assert.ok(records[i].t >= records[i - 1].t, `t never goes back (record ${i + 1})`);
        assert.ok(records[i].at >= records[i - 1].at, `at never goes back (record ${i + 1})`);
      }
      assert.ok(records[0].at >= before && records.at(-1)!.at <= after);
    } finally {
      await server.stop();
    }
  });

  it('takes t and dt from the clock it is given (ConnectOptions.clock)', async () => {
    const server = await SocketServer.start();
    try {
      const clock = new ManualClock();
      clock.advance(1000);
      const session = connect({ ...once(server.url), clock });
      const socket = await server.accepted();
      socket.write('data: a\n\n');
      const first = (await session.next((record) => record.kind === 'event')) as EventRecord;
      clock.advance(250.5);
      socket.write('data: b\n\n');
      const second = (await session.next((record) => record.kind === 'event' && record.data === 'b')) as EventRecord;
      assert.deepEqual([first.t, first.dt, second.t, second.dt], [0, null, 250.5, 250.5]);
      session.connection.close();
      assert.equal((await session.connection.done).t, 250.5);
    } finally {
      await server.stop();
    }
  });

  it('gives dt 0 to events that share a chunk or a clock reading, and null to the first even at t 0', async () => {
    const server = await SocketServer.start();
    try {
      const clock = new ManualClock();
      const session = connect({ ...once(server.url), clock });
      const socket = await server.accepted();
      socket.write('data: a\n\ndata: b\n\n');
      await session.next((record) => record.kind === 'event' && record.data === 'b');
      clock.advance(12.25);
      socket.write('data: c\n\n');
      await session.next((record) => record.kind === 'event' && record.data === 'c');
      socket.write('data: d\n\n');
      await session.next((record) => record.kind === 'event' && record.data === 'd');
      session.connection.close();
      await session.connection.done;
      const events = eventsOf(session.records);
      assert.deepEqual(
        events.map((event) => [event.data, event.t, event.dt]),
        [
          ['a', 0, null],
          ['b', 0, 0],
          ['c', 12.25, 12.25],
          ['d', 12.25, 0],
        ],
      );
    } finally {
      await server.stop();
    }
  });

  it('gives each event dt: null for the first, then the time since the previous event', async () => {
    const server = await RawServer.start((_req, res) => {
      openStream(res);
      void writePieces(res, ['data: a\n\n', 'data: b\n\n', 'event: end\ndata: {}\n\n'], 60);
    });
    try {
      const events = eventsOf(await collect({ url: `${server.url}/sse` }));
      assert.equal(events[0].dt, null);
      for (let i = 1; i < events.length; i++) {
        assert.equal(events[i].dt, Math.round((events[i].t - events[i - 1].t) * 1000) / 1000);
      }
    } finally {
      await server.stop();
    }
  });

  it('gives each event its own id only when its block had one', () => {
    const [withId, withoutId] = parseChunks([bytes('id: 3\ndata: a\n\ndata: b\n\n')]).events;
    assert.equal(withId.id, '3');
    assert.equal('id' in withoutId, false);
  });

  it("measures an event's size in UTF-8 bytes, whatever ASCII and non-ASCII chunks it spans", () => {
    const sizes = (...chunks: Buffer[]) => parseChunks(chunks).events.map((event) => event.size);
    assert.deepEqual(sizes(bytes('data: abc\n\ndata: ü✓😀\n\n')), [3, 9]);
    assert.deepEqual(sizes(bytes('data: ü'), bytes('abc\n\n')), [5]);
    assert.deepEqual(sizes(bytes('data: ü'), bytes('ab'), bytes('c\n\n')), [5]);
    assert.deepEqual(sizes(bytes('data: ü\n\ndata: a'), bytes('bc\n\n')), [2, 3]);
    assert.deepEqual(sizes(bytes('data: x\n\ndata: ', [0xe2, 0x9c]), bytes([0x93], 'abc\n\n')), [1, 6]);
    assert.deepEqual(sizes(bytes('data: ', [0xe2, 0x9c]), bytes([0x93], '\n\ndata: abc\n\n'), bytes('data: d\n\n')), [3, 3, 1]);
    // A stray byte that is not UTF-8 becomes U+FFFD, which is 3 bytes in UTF-8.
    assert.deepEqual(sizes(bytes('data: a', [0x80], '\n\n')), [4]);
  });

  it('reports a comment, a retry and an event over the wire with their fields', async () => {
    const server = await RawServer.start((_req, res) => {
      openStream(res);
      res.end(': note\nretry: 1500\nevent: tick\nid: 9\ndata: hello\n\nevent: end\ndata: {}\n\n');
    });
    try {
      const records = await collect({ url: `${server.url}/sse` });
      const [open, comment, retry, event] = records;
      assert.equal(open.kind, 'open');
      assert.deepEqual(comment, { kind: 'comment', seq: 2, t: comment.t, at: comment.at, text: 'note' });
      assert.deepEqual(retry, { kind: 'retry', seq: 3, t: retry.t, at: retry.at, ms: 1500 });
      assert.deepEqual(event, {
        kind: 'event',
        seq: 4,
        t: event.t,
        at: event.at,
        type: 'tick',
        data: 'hello',
        id: '9',
        lastEventId: '9',
        size: 5,
        dt: null,
      });
    } finally {
      await server.stop();
    }
  });
});
