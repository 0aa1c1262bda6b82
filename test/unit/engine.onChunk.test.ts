import { strict as assert } from 'node:assert';
import { SseConnection } from '../../src/engine/connection';
import { openStream, RawServer, writePieces } from './support/rawServer';

describe('engine onChunk (how a slow consumer holds reading back, and counts bytes)', () => {
  it('sees every chunk before its records, with its byte size, and the next chunk waits for its promise', async () => {
    const pieces = ['data: one\n\n', 'data: twö\n\n', 'event: end\ndata: {}\n\n'];
    let written: Promise<void> | undefined;
    const server = await RawServer.start((_req, res) => {
      openStream(res);
      written = writePieces(res, pieces, 20);
    });
    try {
      const log: string[] = [];
      let bytes = 0;
      let release: (() => void) | undefined;
      const connection = new SseConnection(
        {
          url: server.url,
          reconnect: { mode: 'never' },
          onChunk: (chunk) => {
            const size = chunk.byteLength;
            bytes += size;
            log.push(`chunk ${size}`);
            // Hold reading after the first chunk until the test lets go.
            if (release !== undefined) return undefined;
            return new Promise<void>((resolve) => (release = resolve));
          },
        },
        (record) => log.push(record.kind === 'event' ? `event ${record.data}` : record.kind),
      );
      while (release === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
      // The server sends the rest and ends the response; held, the engine reads none of it.
      await written;
      for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(log, ['open', 'chunk 11', 'event one'], 'nothing is read while the promise is pending');
      release();
      await connection.done;
      assert.equal(bytes, Buffer.byteLength(pieces.join('')), 'every byte of the body is counted, the last chunk (closing on end) too');
      assert.deepEqual(
        log.filter((entry) => entry.startsWith('event')),
        ['event one', 'event twö', 'event {}'],
      );
    } finally {
      await server.stop();
    }
  });
});
