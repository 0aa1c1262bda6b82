// The buffering verdict on real loopback streams: raw node:net servers write exact bytes with the pacing each
// case needs, the engine reads them, and the records' arrival times alone decide.

import { strict as assert } from 'node:assert';
import type net from 'node:net';
import zlib from 'node:zlib';
import type { SseRecord } from '../../src/shared/record';
import { StreamTiming, type BufferingVerdict } from '../../src/shared/timing/streamTiming';
import { verdictText } from '../../src/shared/timing/timingText';
import { connect, type Session } from './support/records';
import { ScriptedServer, streamHead } from './support/scriptedServer';

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const EVENTS = 8;
/** Time between one event's arrival at the client and the server writing the next: far above the 1 ms of a run. */
const PACE_MS = 20;
/** Quiet time before a burst: far above the 50 ms a burst needs before it. */
const SILENCE_MS = 400;
/** The wait before late headers: above the 300 ms from which headers count as late. */
const LATE_MS = 600;

const eventBlock = (n: number) => `data: {"n":${n}}\n\n`;
const burstBody = (count: number) => Array.from({ length: count }, (_, n) => eventBlock(n)).join('') + 'event: end\ndata: {}\n\n';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** Connects once (no reconnect) to a server running `script`, and judges the session's records. */
async function judge(
  script: (socket: net.Socket, session: () => Session) => Promise<void>,
): Promise<{ verdict: BufferingVerdict; records: SseRecord[] }> {
  let session: Session | undefined;
  server = await ScriptedServer.start((socket) => script(socket, () => session as Session));
  session = connect({ url: server.url, reconnect: { mode: 'never' } });
  await session.connection.done;
  const timing = new StreamTiming();
  for (const record of session.records) timing.add(record);
  return { verdict: timing.verdict(), records: session.records };
}

/** Writes each event only once the client has received the one before, then waits PACE_MS: one event per read. */
function pacedScript(
  head: string,
  encode: (text: string) => Promise<Buffer | string> = async (text) => text,
): (socket: net.Socket, session: () => Session) => Promise<void> {
  return async (socket, session) => {
    socket.write(head);
    for (let n = 0; n < EVENTS; n++) {
      socket.write(await encode(eventBlock(n)));
      await session().next((record) => record.kind === 'event' && record.data === `{"n":${n}}`);
      await pause(PACE_MS);
    }
    socket.end(await encode('event: end\ndata: {}\n\n'));
  };
}

describe('buffering verdict on loopback streams', function () {
  this.timeout(20_000);

  it('a paced stream: "no buffering seen"', async () => {
    const { verdict } = await judge(pacedScript(streamHead()));
    assert.equal(verdict.kind, 'paced');
    assert.equal(verdictText(verdict).text, 'No buffering seen');
  });

  it('nginx in the Server header with paced events: no nginx warning', async () => {
    const { verdict } = await judge(pacedScript(streamHead({ Server: 'nginx/1.25.3' })));
    assert.equal(verdict.kind, 'paced');
    const words = verdictText(verdict);
    assert.equal(words.level, 'ok');
    assert.doesNotMatch(words.text, /nginx/);
    // The header is mentioned only as not having held anything back.
    assert.match(words.detail, /Server: nginx\/1\.25\.3 did not hold them back/);
  });

  it('gzip flushed after every event, paced: "no buffering seen" (compression alone is no evidence)', async () => {
    const gzip = zlib.createGzip();
    const encode = (text: string) =>
      new Promise<Buffer>((resolve) => {
        const parts: Buffer[] = [];
        const onData = (part: Buffer) => parts.push(part);
        gzip.on('data', onData);
        gzip.write(text);
        gzip.flush(zlib.constants.Z_SYNC_FLUSH, () => {
          gzip.off('data', onData);
          resolve(Buffer.concat(parts));
        });
      });
    const { verdict, records } = await judge(pacedScript(streamHead({ 'Content-Encoding': 'gzip' }), encode));
    assert.equal(records.filter((record) => record.kind === 'event').length, EVENTS + 1);
    assert.equal(verdict.kind, 'paced');
    assert.doesNotMatch(verdictText(verdict).text, /gzip/);
  });

  it('a gzip body that arrives as one burst after a silence: bunched, and gzip named as the likely cause', async () => {
    const { verdict } = await judge(async (socket, session) => {
      socket.write(streamHead({ 'Content-Encoding': 'gzip' }));
      await session().next((record) => record.kind === 'open');
      await pause(SILENCE_MS);
      socket.end(zlib.gzipSync(burstBody(20)));
    });
    assert.equal(verdict.kind, 'bunched');
    assert.ok(verdict.kind === 'bunched');
    assert.equal(verdict.bursts, 1);
    assert.equal(verdict.burstEvents, 21);
    assert.ok((verdict.largest?.silenceMs ?? 0) >= SILENCE_MS, 'the silence before the burst is measured from the request');
    assert.equal(verdict.lateHeaders, undefined, 'the headers came at once');
    assert.deepEqual(
      verdict.causes.map((cause) => cause.name),
      ['gzip'],
    );
    const words = verdictText(verdict);
    assert.equal(words.level, 'warn');
    assert.equal(words.text, 'Events arrive in bursts: likely gzip');
    assert.match(words.detail, /Content-Encoding: gzip: The compressor holds events/);
  });

  it('late headers that come together with the first events: bunched, with the late headers as evidence', async () => {
    const { verdict, records } = await judge(async (socket) => {
      await pause(LATE_MS);
      socket.end(streamHead() + burstBody(10));
    });
    const open = records.find((record) => record.kind === 'open');
    assert.ok(open?.kind === 'open' && open.ttfbMs >= LATE_MS);
    assert.ok(verdict.kind === 'bunched', verdict.kind);
    assert.equal(verdict.lateHeaders?.events, 11);
    assert.equal(verdict.lateHeaders?.ttfbMs, open.ttfbMs);
    assert.deepEqual(verdict.causes, []);
    const words = verdictText(verdict);
    assert.equal(words.text, 'Events arrive in bursts: no header names a cause');
    assert.match(words.detail, /the response headers came only after \d+(\.\d+)? (ms|s), together with the first 11 events/);
  });
});
