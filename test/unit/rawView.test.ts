// The Raw view's data: what a session keeps of a connection's bytes (bounded), and how those bytes read as lines.
import { strict as assert } from 'node:assert';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { PanelSession } from '../../src/session/panelSession';
import { RawCapture } from '../../src/session/rawCapture';
import { readRawLines, type RawLine, type RawSnapshot } from '../../src/shared/rawBytes';
import { FakeWebview, fakeServices, request, openSession } from './support/fakeWebview';

const bytes = (text: string): Uint8Array => Buffer.from(text, 'latin1');
const decode = (snapshot: RawSnapshot): Buffer => Buffer.from(snapshot.bytes, 'base64');

/** A line as a compact string: its kind, then its pieces. */
function show(line: RawLine): string {
  const pieces = line.pieces.map((piece) => {
    switch (piece.kind) {
      case 'text':
        return JSON.stringify(piece.text);
      case 'eol':
        return piece.eol;
      case 'bom':
        return piece.stripped ? 'BOM(stripped)' : 'BOM';
      case 'control':
        return `ctl${piece.code}`;
      case 'invalid':
        return `bad[${piece.hex}]${piece.incomplete ? '…' : ''}`;
      case 'chunk':
        return `#${piece.index + 1}@${piece.t}${piece.inside ? '(inside)' : ''}`;
    }
  });
  return `${line.kind}${line.unterminated ? '(unended)' : ''}: ${pieces.join(' ')}`;
}

describe('raw bytes read as lines (the Raw view)', () => {
  it('makes line ends, the stripped BOM, a second BOM, control characters and invalid UTF-8 visible, and classifies each line', () => {
    const input = bytes('\xEF\xBB\xBFdata: a\r\n\xEF\xBB\xBFdata: b\rid: 1\x1b\nretry: 1s\n\xFFx: \xE2\x82\n');
    const lines = readRawLines(input, [0], [5], true).map(show);
    assert.deepEqual(lines, [
      'field: #1@5 BOM(stripped) "data: a" CRLF',
      'ignored: BOM "data: b" CR',
      'field: "id: 1" ctl27 LF',
      'ignored: "retry: 1s" LF',
      'ignored: bad[FF] "x: " bad[E2 82] LF',
    ]);
  });

  it("says why the spec ignores a line, in the engine's words", () => {
    const lines = readRawLines(bytes('bogus\nretry: x\nev: 1\nid: a\0b\n'), [0], [0], true);
    assert.deepEqual(
      lines.map((line) => line.reason),
      [
        'no colon: the whole line reads as a field name, and there is no such field',
        'retry value is not a number of milliseconds (ASCII digits only)',
        'unknown field name "ev"',
        'an id containing NUL is ignored',
      ],
    );
  });

  it('marks a chunk that began inside a character or a CRLF just after it, and keeps a split CRLF one line end', () => {
    const input = bytes('data: caf\xC3\xA9\r\n\r\n');
    // Chunks: "data: caf\xC3" | "\xA9\r" | "\n\r\n"
    const lines = readRawLines(input, [0, 10, 12], [0, 7, 9], true).map(show);
    assert.deepEqual(lines, ['field: #1@0 "data: café" #2@7(inside) CRLF #3@9(inside)', 'blank: CRLF']);
  });

  it('reads a capture that starts mid-stream: its first line is cut, a leading BOM is not the stripped one, and an unended last line says so', () => {
    const lines = readRawLines(bytes('\xEF\xBB\xBFta: x\ndata: y'), [0], [0], false).map(show);
    assert.deepEqual(lines, ['partial: #1@0 BOM "ta: x" LF', 'field(unended): "data: y"']);
  });

  it('marks bytes that end inside a character as incomplete, not as invalid', () => {
    const [line] = readRawLines(bytes('data: \xF0\x9F'), [0], [0], true);
    assert.equal(show(line), 'field(unended): #1@0 "data: " bad[F0 9F]…');
  });
});

describe('raw capture (bounded bytes per session)', () => {
  it('keeps each connection apart, with its chunks and their times', () => {
    const capture = new RawCapture();
    capture.add(bytes('before any open'), 1);
    capture.startConnection(1);
    capture.add(bytes('data: 1\n'), 10);
    capture.add(bytes('\n'), 12);
    capture.startConnection(2);
    capture.add(bytes('data: 2\n\n'), 30);
    const first = capture.snapshot(1);
    const second = capture.snapshot(2);
    assert.ok(first && second);
    assert.equal(decode(first).toString(), 'data: 1\n\n');
    assert.deepEqual([first.starts, first.times, first.droppedBytes, first.connections], [[0, 8], [10, 12], 0, 2]);
    assert.equal(decode(second).toString(), 'data: 2\n\n');
    assert.deepEqual([second.starts, second.times], [[0], [30]]);
    assert.equal(capture.snapshot(3), undefined, 'a connection that never opened has no bytes');
  });

  it('keeps only the last bytes under its byte cap and says how many of the connection it dropped, cutting the oldest kept chunk', () => {
    const capture = new RawCapture(16, 100);
    capture.startConnection(1);
    capture.add(bytes('0123456789'), 1);
    capture.add(bytes('abcdefghij'), 2);
    capture.add(bytes('KLMNO'), 3);
    const snapshot = capture.snapshot(1);
    assert.ok(snapshot);
    assert.equal(decode(snapshot).toString(), '9abcdefghijKLMNO');
    assert.deepEqual([snapshot.starts, snapshot.times, snapshot.droppedBytes], [[0, 1, 11], [1, 2, 3], 9]);
  });

  it('keeps the tail of a chunk larger than the whole cap', () => {
    const capture = new RawCapture(8, 100);
    capture.startConnection(1);
    capture.add(bytes('abcdefghijklmnopqrstuvwxyz'), 4);
    const snapshot = capture.snapshot(1);
    assert.ok(snapshot);
    assert.equal(decode(snapshot).toString(), 'stuvwxyz');
    assert.deepEqual([snapshot.starts, snapshot.droppedBytes], [[0], 18]);
  });

  it('bounds the chunk starts too: a byte-at-a-time server keeps only the bytes whose chunks are still marked', () => {
    const capture = new RawCapture(1024, 4);
    capture.startConnection(1);
    for (const char of 'abcdefgh') capture.add(bytes(char), 1);
    const snapshot = capture.snapshot(1);
    assert.ok(snapshot);
    assert.equal(decode(snapshot).toString(), 'efgh');
    assert.deepEqual([snapshot.starts, snapshot.droppedBytes], [[0, 1, 2, 3], 4]);
  });
});

describe('raw view through a panel session (real engine, raw node:net server)', () => {
  let server: net.Server | undefined;
  let session: PanelSession | undefined;
  afterEach(async () => {
    session?.dispose();
    if (server) await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
  });

  it('answers a raw request with the exact bytes of a CRLF stream, chunk by chunk as they arrived', async () => {
    // Each piece is written once the panel has the record that only its bytes complete, so each is its own chunk.
    const pieces = [
      '\xEF\xBB\xBFdata: one\r\n\r\n',
      ': ping\r\ndata: caf\xC3',
      '\xA9\r\n\r\n: mid\r',
      '\nbogus line\r\nretry: x\r\ndata: two\r\n\r\n',
    ].map(bytes);
    const webview = new FakeWebview();
    let socket: net.Socket | undefined;
    server = net.createServer((client) => {
      socket = client;
      client.once('data', () => client.write('HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n\r\n'));
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    session = openSession('panel-raw', webview, request(url), fakeServices());
    session.receive({ type: 'ready' });
    await session.connect({ ...request(url), reconnect: 'never' });
    await webview.until((view) => view.rows.some((row) => row.kind === 'open'));
    const shown = [
      (rows: string[]) => rows.includes('event:one'),
      (rows: string[]) => rows.includes('comment'),
      (rows: string[]) => rows.filter((row) => row === 'comment').length === 2,
    ];
    for (const [index, piece] of pieces.entries()) {
      socket?.write(piece);
      if (index < shown.length) await webview.until((view) => shown[index](view.kinds()));
    }
    socket?.end();
    await webview.until((view) => view.rows.at(-1)?.kind === 'closed');
    session.receive({ type: 'raw', connection: 1 });
    await webview.until((view) => view.ofType('raw').length === 1);
    const [{ snapshot }] = webview.ofType('raw');
    assert.deepEqual(decode(snapshot), Buffer.concat(pieces), 'the bytes as sent');
    assert.equal(snapshot.starts.length, 4, 'one chunk per write');
    const lines = readRawLines(decode(snapshot), snapshot.starts, snapshot.times, snapshot.droppedBytes === 0);
    assert.deepEqual(
      lines.map(
        (line) =>
          `${line.kind} ${line.pieces
            .filter((piece) => piece.kind !== 'chunk')
            .map((piece) => (piece.kind === 'text' ? piece.text : piece.kind === 'eol' ? piece.eol : piece.kind))
            .join('|')}`,
      ),
      [
        'field bom|data: one|CRLF',
        'blank CRLF',
        'comment : ping|CRLF',
        'field data: café|CRLF',
        'blank CRLF',
        'comment : mid|CRLF',
        'ignored bogus line|CRLF',
        'ignored retry: x|CRLF',
        'field data: two|CRLF',
        'blank CRLF',
      ],
    );
    const inside = lines.flatMap((line) => line.pieces).filter((piece) => piece.kind === 'chunk' && piece.inside);
    assert.equal(inside.length, 2, 'the chunks that began inside "é" and inside a CRLF are marked so');
  });

  it('says a connection that never opened has no bytes', async () => {
    const webview = new FakeWebview();
    session = openSession('panel-raw', webview, request('http://127.0.0.1:9/'), fakeServices());
    session.receive({ type: 'ready' });
    session.receive({ type: 'raw', connection: 3 });
    await webview.until((view) => view.ofType('notice').length === 1);
    assert.match(webview.ofType('notice')[0].message, /Connection 3 has not opened/);
  });
});
