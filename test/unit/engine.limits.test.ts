import { strict as assert } from 'node:assert';
import { once as eventOnce } from 'node:events';
import type { ServerResponse } from 'node:http';
import { RawServer, openStream, writePieces } from './support/rawServer';
import { collect, eventsOf, kinds } from './support/records';
import { parseChunks, splitAt } from './support/parse';
import type { ClosedRecord, ErrorRecord, SseRecord } from '../../src/shared/record';

const MiB = 1024 * 1024;

async function serve(write: (res: ServerResponse) => void, maxEventBytes?: number): Promise<SseRecord[]> {
  const server = await RawServer.start((_req, res) => {
    openStream(res);
    write(res);
  });
  try {
    return await collect({ url: `${server.url}/sse`, maxEventBytes, retryMs: 5, reconnect: { mode: 'never' } });
  } finally {
    await server.stop();
  }
}

function assertTooLarge(records: SseRecord[], limitWords: string): void {
  const error = records.at(-2) as ErrorRecord;
  assert.equal(error.kind, 'error');
  assert.equal(error.message, `Event larger than the ${limitWords} limit (maxEventBytes): the connection was closed`);
  assert.equal(error.willReconnect, false);
  assert.equal((records.at(-1) as ClosedRecord).reason, 'failed');
}

/**
 * Writes `data:` lines that never end the event, `lineCount` lines at most, until the client goes away;
 * resolves with how many bytes it managed to write.
 */
function endlessEvent(res: ServerResponse, lineCount: number): Promise<number> {
  const line = `data: ${'x'.repeat(1000)}\n`;
  let written = 0;
  return new Promise((resolve) => {
    res.on('close', () => resolve(written));
    const pump = (): void => {
      while (written < lineCount * line.length && !res.destroyed) {
        written += line.length;
        if (!res.write(line)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  });
}

describe('engine: the event size limit', () => {
  it('fails the connection on an event over maxEventBytes, keeping the events before it', async () => {
    const records = await serve((res) => res.end(`data: small\n\ndata: ${'x'.repeat(150)}\n\ndata: later\n\n`), 100);
    assert.deepEqual(kinds(records), ['open', 'event', 'error', 'closed']);
    assert.equal(eventsOf(records)[0].data, 'small');
    assertTooLarge(records, '100 bytes');
  });

  it('accepts an event of exactly maxEventBytes, however its bytes are split', async () => {
    const event = Buffer.from(`data: ${'x'.repeat(100)}\n\n`);
    for (let cut = 1; cut < event.length; cut++) {
      const parsed = parseChunks(splitAt(event, cut), 100);
      assert.equal(parsed.tooLarge, false, `cut at ${cut}`);
      assert.equal(parsed.events[0].size, 100);
    }
    const records = await serve((res) => void writePieces(res, splitAt(event, 10, 30, 60, 90, 104), 5), 100);
    assert.equal(eventsOf(records)[0].size, 100);
  });

  it('counts the limit in UTF-8 bytes: 40 check marks (120 bytes, 40 characters) exceed 100 bytes', () => {
    assert.equal(parseChunks([Buffer.from(`data: ${'✓'.repeat(40)}\n\n`)], 100).tooLarge, true);
    assert.equal(parseChunks([Buffer.from(`data: ${'✓'.repeat(33)}\n\n`)], 100).tooLarge, false);
  });

  it('counts the LFs that join data lines', () => {
    assert.equal(parseChunks([Buffer.from(`data: ${'x'.repeat(50)}\ndata: ${'x'.repeat(50)}\n\n`)], 100).tooLarge, true);
    assert.equal(parseChunks([Buffer.from(`data: ${'x'.repeat(50)}\ndata: ${'x'.repeat(49)}\n\n`)], 100).tooLarge, false);
  });

  it('stops an event that never ends: fails and closes the socket long before the server is done (memory bounded)', async () => {
    let sent: Promise<number> = Promise.resolve(0);
    const lineCount = 64 * 1024;
    const records = await serve((res) => {
      sent = endlessEvent(res, lineCount);
    }, 64 * 1024);
    assertTooLarge(records, '64 KiB');
    assert.ok((await sent) < lineCount * 1007, 'the client hung up before the whole 64 MB were written');
  });

  it('stops a single endless line without any line end', async () => {
    let closed: Promise<unknown> = Promise.resolve();
    const records = await serve((res) => {
      closed = eventOnce(res, 'close');
      const piece = 'x'.repeat(16 * 1024);
      res.write('data: ');
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(piece)), 1);
    }, 32 * 1024);
    assertTooLarge(records, '32 KiB');
    await closed;
  });

  it('with the default 8 MiB limit, fails cleanly on a 9 MiB event', async () => {
    const records = await serve((res) => res.end(`data: ${'x'.repeat(9 * MiB)}\n\n`));
    assertTooLarge(records, '8 MiB');
  });

  it('with the default limit, delivers a 7 MiB event whole', async () => {
    const records = await serve((res) => res.end(`data: ${'y'.repeat(7 * MiB)}\n\nevent: end\ndata: {}\n\n`));
    const [big] = eventsOf(records);
    assert.equal(big.size, 7 * MiB);
    assert.equal(big.data.length, 7 * MiB);
  });
});
