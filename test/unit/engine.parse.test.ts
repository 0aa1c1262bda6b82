import { strict as assert } from 'node:assert';
import { RawServer, openStream, writePieces } from './support/rawServer';
import { collect, eventSummary, eventsOf, once } from './support/records';
import { parseChunks, parseText, splitAt } from './support/parse';
import type { SseRecord } from '../../src/shared/record';

/** The document's stream, byte for byte: ten messages, then `end`. */
const DOCUMENT = Array.from({ length: 10 }, (_, i) => `data: {"message": "Hello SSE ${i + 1}"}\n\n`).join('') + 'event: end\ndata: {}\n\n';

const DOCUMENT_EVENTS = [
  ...Array.from({ length: 10 }, (_, i) => ({ type: 'message', data: `{"message": "Hello SSE ${i + 1}"}`, lastEventId: '' })),
  { type: 'end', data: '{}', lastEventId: '' },
];

/** Serves `pieces` once (each its own TCP write) on a fresh loopback server and returns the records. */
async function overTheWire(pieces: Array<string | Uint8Array>): Promise<SseRecord[]> {
  const server = await RawServer.start((_req, res) => {
    openStream(res);
    void writePieces(res, pieces);
  });
  try {
    return await collect(once(`${server.url}/sse`));
  } finally {
    await server.stop();
  }
}

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('engine: parsing the event stream', () => {
  it("delivers the document's ten messages and the end event, in order, over the wire", async () => {
    assert.deepEqual(eventSummary(await overTheWire([DOCUMENT])), DOCUMENT_EVENTS);
  });

  it('gives the same events for the document split at every byte offset (parser, exact chunks)', () => {
    const whole = bytes(DOCUMENT);
    assert.deepEqual(
      parseChunks([whole]).events.map(({ size: _size, ...rest }) => rest),
      DOCUMENT_EVENTS,
    );
    for (let cut = 1; cut < whole.length; cut++) {
      assert.deepEqual(parseChunks(splitAt(whole, cut)).events, parseChunks([whole]).events, `cut at byte ${cut}`);
    }
  });

  it('gives the same events for the document split at every byte offset (over the wire)', async () => {
    const whole = bytes(DOCUMENT);
    const server = await RawServer.start((_req, res, seen) => {
      openStream(res);
      const cut = Number(new URL(seen.path, 'http://x').searchParams.get('cut'));
      void writePieces(res, splitAt(whole, cut), 5);
    });
    try {
      const cuts = Array.from({ length: whole.length - 1 }, (_, i) => i + 1);
      // A few at a time: each stream takes one pause between its two halves.
      for (let i = 0; i < cuts.length; i += 16) {
        const batch = cuts.slice(i, i + 16);
        const results = await Promise.all(batch.map((cut) => collect(once(`${server.url}/sse?cut=${cut}`))));
        results.forEach((records, j) => assert.deepEqual(eventSummary(records), DOCUMENT_EVENTS, `cut at byte ${batch[j]}`));
      }
    } finally {
      await server.stop();
    }
  });

  it('gives the same events, ids and sizes for a stream of every tricky case cut at every pair of offsets', () => {
    const tricky = bytes(
      '\uFEFF: comment\r\nid: ✓1\r\ndata: ünï\r\n\r\nid: 2\n\nid\rdata: a\rdata:b\r\revent: x\ndata: 😀 z\n\n' +
        'id: n\0ul\ndata: c\r\n\niddata: d\n\nretry: 42\ndata: e\r\n\r\nid: 9\n\ndata: cut',
    );
    const expected = parseChunks([tricky]);
    assert.deepEqual(expected.events, [
      { type: 'message', data: 'ünï', id: '✓1', lastEventId: '✓1', size: 5 },
      { type: 'message', data: 'a\nb', id: '', lastEventId: '', size: 3 },
      { type: 'x', data: '😀 z', lastEventId: '', size: 6 },
      { type: 'message', data: 'c', lastEventId: '', size: 1 },
      { type: 'message', data: 'e', lastEventId: '', size: 1 },
    ]);
    assert.deepEqual(expected.comments, ['comment']);
    assert.deepEqual(expected.retries, [42]);
    assert.equal(expected.lastEventId, '9');
    for (let a = 1; a < tricky.length; a++) {
      for (let b = a; b < tricky.length; b++) {
        const parsed = parseChunks(splitAt(tricky, a, b));
        assert.deepEqual(parsed, expected, `cut at bytes ${a} and ${b}`);
      }
    }
  });

  it('strips one leading BOM, even when its bytes arrive split', async () => {
    const stream = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes('data: a\n\n')]);
    assert.deepEqual(eventSummary(await overTheWire([stream.subarray(0, 1), stream.subarray(1, 2), stream.subarray(2)])), [
      { type: 'message', data: 'a', lastEventId: '' },
    ]);
  });

  it('treats a second BOM as data: it becomes part of the first field name, which is then unknown', async () => {
    const records = await overTheWire(['\uFEFF\uFEFFdata: a\n\ndata: b\n\n']);
    assert.deepEqual(eventSummary(records), [{ type: 'message', data: 'b', lastEventId: '' }]);
  });

  it('keeps the characters "ï»¿" at the start of the stream (a BOM is one U+FEFF, not those three)', () => {
    assert.deepEqual(
      parseText('ï»¿data: a\n\ndata: b\n\n').events.map((e) => e.data),
      ['b'],
    );
    assert.deepEqual(
      parseText('data: ï»¿a\n\n').events.map((e) => e.data),
      ['ï»¿a'],
    );
  });

  it('accepts CRLF, LF and lone CR line ends mixed freely', async () => {
    const records = await overTheWire(['data: a\r\ndata: b\rdata: c\n\r\nevent: x\rdata: d\r\rdata: e\n\n']);
    assert.deepEqual(eventSummary(records), [
      { type: 'message', data: 'a\nb\nc', lastEventId: '' },
      { type: 'x', data: 'd', lastEventId: '' },
      { type: 'message', data: 'e', lastEventId: '' },
    ]);
  });

  it('reads a CRLF split across two chunks as one line end, not two', async () => {
    const records = await overTheWire(['data: a\r', '\ndata: b\r', '\n\r', '\n']);
    assert.deepEqual(eventSummary(records), [{ type: 'message', data: 'a\nb', lastEventId: '' }]);
  });

  it('ends the last block on a CR that is the very last byte of the stream', async () => {
    const records = await overTheWire(['data: a\r', '\r']);
    assert.deepEqual(eventSummary(records), [{ type: 'message', data: 'a', lastEventId: '' }]);
  });

  it('keeps multibyte characters whose bytes are split across chunks', async () => {
    const text = bytes('data: ü✓😀\n\n');
    // Cut inside ü (2 bytes), inside ✓ (3 bytes) and inside 😀 (4 bytes).
    const records = await overTheWire(splitAt(text, 7, 9, 12));
    assert.deepEqual(
      eventsOf(records).map(({ data, size }) => ({ data, size })),
      [{ data: 'ü✓😀', size: 9 }],
    );
  });

  it('reports comments without the colon and one leading space', async () => {
    const records = await overTheWire([': hello\n:\n:  two spaces\n:no space\ndata: x\n\n']);
    const comments = records.flatMap((record) => (record.kind === 'comment' ? [record.text] : []));
    assert.deepEqual(comments, ['hello', '', ' two spaces', 'no space']);
  });

  it('removes one leading space from a value, never a tab, and joins data lines with LF', () => {
    assert.deepEqual(parseText('data:no space\ndata:  two\ndata:\ttab\n\n').events[0].data, 'no space\n two\n\ttab');
  });

  it('removes exactly one trailing LF from the data', () => {
    assert.deepEqual(parseText('data: a\ndata:\n\n').events[0].data, 'a\n');
  });

  it('reads a line without a colon as a field with an empty value ("data" alone dispatches empty data)', () => {
    assert.deepEqual(
      parseText('data\n\n').events.map((e) => e.data),
      [''],
    );
  });

  it('dispatches nothing for a block without data', () => {
    assert.deepEqual(parseText('event: x\n\n\n\nid: 3\n\nretry: 5\n\n').events, []);
  });

  it('matches field names case-sensitively and ignores unknown fields', () => {
    const parsed = parseText('Data: a\nDATA: b\nfoo: bar\ndata: c\n\nEvent: x\ndata: d\n\n');
    assert.deepEqual(
      parsed.events.map((e) => [e.type, e.data]),
      [
        ['message', 'c'],
        ['message', 'd'],
      ],
    );
  });

  it('uses the event type for one event only, "message" by default and for an empty event field', () => {
    const parsed = parseText('event: a\ndata: 1\n\ndata: 2\n\nevent:\ndata: 3\n\nevent: Up\ndata: 4\n\n');
    assert.deepEqual(
      parsed.events.map((e) => e.type),
      ['a', 'message', 'message', 'Up'],
    );
  });

  it('reads retry only when all ASCII digits: 03000 is 3000, 1000x, empty, -1, 1.5 and " 100" are ignored', async () => {
    const records = await overTheWire([
      'retry: 03000\nretry: 1000x\nretry:\nretry\nretry: -1\nretry: 1.5\nretry:  100\nretry: ٣\ndata: a\n\n',
    ]);
    assert.deepEqual(
      records.flatMap((r) => (r.kind === 'retry' ? [r.ms] : [])),
      [3000],
    );
  });

  it('ignores an id containing NUL, keeping the previous last event ID', async () => {
    const records = await overTheWire(['id: 1\ndata: a\n\nid: x\0y\ndata: b\n\n']);
    assert.deepEqual(eventSummary(records), [
      { type: 'message', data: 'a', id: '1', lastEventId: '1' },
      { type: 'message', data: 'b', lastEventId: '1' },
    ]);
  });

  it('carries the persistent last event ID on events without their own id', async () => {
    const records = await overTheWire(['id: 1\ndata: a\n\ndata: b\n\nid: 2\ndata: c\n\ndata: d\n\n']);
    assert.deepEqual(
      eventSummary(records).map((e) => e.lastEventId),
      ['1', '1', '2', '2'],
    );
  });

  it('commits the id of an id-only block (no data), so the next event carries it', async () => {
    const records = await overTheWire(['id: 1\ndata: a\n\nid: 7\n\n', 'data: b\n\n']);
    assert.deepEqual(eventSummary(records), [
      { type: 'message', data: 'a', id: '1', lastEventId: '1' },
      { type: 'message', data: 'b', lastEventId: '7' },
    ]);
  });

  it('lets an empty id (with or without a colon) reset the last event ID', () => {
    const parsed = parseText('id: 1\ndata: a\n\nid\ndata: b\n\nid: 2\n\nid:\n\ndata: c\n\n');
    assert.deepEqual(
      parsed.events.map((e) => e.lastEventId),
      ['1', '', ''],
    );
  });

  it('does not take "idx:" or " id:" for an id field', () => {
    const parsed = parseText('idx: 1\n\n id: 2\n\nidid: 3\ndata: a\n\n');
    assert.deepEqual(
      parsed.events.map((e) => e.lastEventId),
      [''],
    );
    assert.equal(parsed.lastEventId, '');
  });

  it('discards an unterminated last block and does not commit its id', async () => {
    const records = await overTheWire(['id: 1\ndata: a\n\nid: 2\ndata: b\n']);
    assert.deepEqual(eventSummary(records), [{ type: 'message', data: 'a', id: '1', lastEventId: '1' }]);
    assert.equal(parseText('id: 1\ndata: a\n\nid: 2\ndata: b\n').lastEventId, '1');
  });

  it('commits an id-only block at the end of the stream only when its blank line arrived', () => {
    assert.equal(parseText('data: a\n\nid: 5\n\n').lastEventId, '5');
    assert.equal(parseText('data: a\n\nid: 5\r\r').lastEventId, '5');
    assert.equal(parseText('data: a\n\nid: 5\n').lastEventId, '');
    assert.equal(parseText('data: a\n\nid: 5\nid: 6').lastEventId, '');
    assert.equal(parseText('id: 5\n\nid: 6\ndata: x').lastEventId, '5');
  });
});
