import { strict as assert } from 'node:assert';
import { useSocketServer } from './support/socketServer';
import { connect, eventSummary, once } from './support/records';
import { parseChunks, splitAt } from './support/parse';
import type { CommentRecord, EventRecord } from '../../src/shared/record';

describe('engine: a CR line end is read when it arrives', () => {
  const server = useSocketServer();

  it('dispatches "data: a\\r\\r" while the server holds the socket open, with no further bytes', async () => {
    const session = connect(once(server().url));
    const socket = await server().accepted();
    socket.write('data: a\r\r');
    // Waits on the record itself: before the fix the CR waited for the next bytes, which never come.
    const event = (await session.next((record) => record.kind === 'event')) as EventRecord;
    assert.equal(event.data, 'a');
    session.connection.close();
    await session.connection.done;
  });

  it('reads a CRLF split across two reads as one line end: no empty line, so no early dispatch', async () => {
    const session = connect(once(server().url));
    const socket = await server().accepted();
    socket.write(': first half\rdata: a\r');
    // The comment's CR ended its line on arrival, so the client has read this chunk before the LF comes.
    assert.equal(((await session.next((record) => record.kind === 'comment')) as CommentRecord).text, 'first half');
    socket.write('\ndata: b\n\n');
    const event = (await session.next((record) => record.kind === 'event')) as EventRecord;
    assert.equal(event.data, 'a\nb');
    session.connection.close();
    await session.connection.done;
    assert.deepEqual(eventSummary(session.records), [{ type: 'message', data: 'a\nb', lastEventId: '' }]);
  });
});

describe('engine: CRLF streams split anywhere (parser, exact chunks)', () => {
  const stream = Buffer.from('id: 1\r\ndata: a\r\n\r\n: c\r\ndata: b\r\ndata: c\r\n\r\nretry: 5\r\n\r\n', 'utf8');
  const whole = parseChunks([stream]);

  it('gives exactly the unsplit events, comments and retries at every single cut', () => {
    assert.deepEqual(
      whole.events.map((e) => e.data),
      ['a', 'b\nc'],
    );
    for (let cut = 1; cut < stream.length; cut++) {
      assert.deepEqual(parseChunks(splitAt(stream, cut)), whole, `cut at byte ${cut}`);
    }
  });

  it('gives exactly the unsplit result at every pair of cuts', () => {
    for (let first = 1; first < stream.length; first++) {
      for (let second = first + 1; second < stream.length; second++) {
        assert.deepEqual(parseChunks(splitAt(stream, first, second)), whole, `cuts at bytes ${first} and ${second}`);
      }
    }
  });
});
