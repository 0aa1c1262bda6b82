import { strict as assert } from 'node:assert';
import { useSocketServer } from './support/socketServer';
import { connect, eventSummary, kinds, once } from './support/records';
import { parseChunks, parseText, splitAt } from './support/parse';
import type { IgnoredRecord } from '../../src/shared/record';

describe('engine: lines the spec ignores become ignored records', () => {
  const server = useSocketServer();

  it('"data:line one\\nline two\\n\\n" gives the event "line one" and an ignored record for "line two"', async () => {
    const session = connect(once(server().url));
    const socket = await server().accepted();
    socket.write('data:line one\nline two\n\n');
    await session.next((record) => record.kind === 'event');
    session.connection.close();
    await session.connection.done;
    assert.deepEqual(kinds(session.records), ['open', 'ignored', 'event', 'closed']);
    assert.deepEqual(eventSummary(session.records), [{ type: 'message', data: 'line one', lastEventId: '' }]);
    const ignored = session.records[1] as IgnoredRecord;
    assert.equal(ignored.line, 'line two');
    assert.match(ignored.reason, /no colon/);
    assert.equal(ignored.lineBytes, undefined);
    assert.equal(ignored.seq, 2);
  });

  it('names an unknown field, and a retry value that is not digits', () => {
    const parsed = parseText('date: 2024\nDATA: x\nretry: 5s\ndata: kept\n\n');
    assert.deepEqual(
      parsed.events.map((e) => e.data),
      ['kept'],
    );
    assert.deepEqual(parsed.retries, []);
    assert.deepEqual(
      parsed.ignored.map(({ line }) => line),
      ['date: 2024', 'DATA: x', 'retry: 5s'],
    );
    assert.match(parsed.ignored[0].reason, /unknown field name "date"/);
    assert.match(parsed.ignored[1].reason, /unknown field name "DATA"/);
    assert.match(parsed.ignored[2].reason, /retry value/);
  });

  it('reports nothing for what the spec uses: fields, comments, blank lines', () => {
    assert.deepEqual(parseText(': c\nid: 1\nevent: e\nretry: 10\ndata\ndata: d\n\n\n').ignored, []);
  });

  it("clips a long ignored line to 1024 characters and gives the whole line's byte size", () => {
    const line = 'é'.repeat(3000);
    const [ignored] = parseText(`${line}\ndata: a\n\n`).ignored;
    assert.equal(ignored.line, 'é'.repeat(1024));
    assert.equal(ignored.lineBytes, 6000);
  });

  it('never cuts a character in two when clipping', () => {
    const [ignored] = parseText(`${'a'.repeat(1023)}😀😀\n\n`).ignored;
    assert.equal(ignored.line, 'a'.repeat(1023));
  });

  it('makes no ignored record after the stream stopped on a size limit', async () => {
    const session = connect(once(server().url, { maxEventBytes: 10 }));
    const socket = await server().accepted();
    socket.write(`data: ${'x'.repeat(50)}\n\nnonsense\n\n`);
    await session.connection.done;
    assert.deepEqual(kinds(session.records), ['open', 'error', 'closed']);
  });

  it('reports the same ignored lines however the stream is cut (the parser skips some split lines unread)', () => {
    const stream = Buffer.from('line two\nda\nx: 1\ndatum\n:c\nretry: x\nré: ✓\r\nzz\rdata: a\n\nevent\ndata: b\n\n', 'utf8');
    const whole = parseChunks([stream]);
    assert.deepEqual(
      whole.ignored.map(({ line }) => line),
      ['line two', 'da', 'x: 1', 'datum', 'retry: x', 'ré: ✓', 'zz'],
    );
    for (let first = 1; first < stream.length; first++) {
      for (let second = first; second < stream.length; second++) {
        assert.deepEqual(parseChunks(splitAt(stream, first, second)), whole, `cuts at bytes ${first} and ${second}`);
      }
    }
  });

  it('keeps only the start of a long skipped line, however many chunks it spans, and its byte size', () => {
    const pieces = [
      Buffer.from('data: a\n\nx'),
      ...Array.from({ length: 100 }, () => Buffer.from('é'.repeat(500))),
      Buffer.from('\ndata: b\n\n'),
    ];
    const parsed = parseChunks(pieces);
    assert.deepEqual(
      parsed.events.map((e) => e.data),
      ['a', 'b'],
    );
    assert.equal(parsed.ignored.length, 1);
    assert.equal(parsed.ignored[0].line, `x${'é'.repeat(1023)}`);
    assert.equal(parsed.ignored[0].lineBytes, 1 + 100 * 500 * 2);
    assert.match(parsed.ignored[0].reason, /no colon in the first 1024 characters/);
  });
});
