// Connection benchmark: the whole SseConnection (records, dt, close checks) against the floor on the same bytes, in
// process and by CPU time, without the network or the mock server, which cap the `engine` benchmark's wall clock.

import { createParser } from 'eventsource-parser';
import { Readable } from 'node:stream';
import { SseConnection } from '../src/engine/connection';
import { Transport, type Exchange } from '../src/engine/transport';
import { burstChunks } from './support/burstChunks';

const EVENTS = 1_000_000;
const ROUNDS = 12;
/** Rounds run before the ones counted, so both sides are optimised by the time they are timed. */
const WARM_UP_ROUNDS = 2;

/** Every connection's one exchange answers 200 with these chunks as its body, as undici would hand them over. */
function serve(chunks: Buffer[]): void {
  Transport.prototype.exchange = (): Promise<Exchange> =>
    Promise.resolve({
      answer: {
        status: 200,
        url: 'http://127.0.0.1/sse',
        redirected: false,
        headers: { 'content-type': 'text/event-stream' },
        body: Readable.from(chunks, { objectMode: false }),
      },
      sent: { method: 'GET', url: 'http://127.0.0.1/sse', headers: {}, body: undefined },
    });
}

/** (a) The engine, exactly as the panel and the CLI use it; closes on the `end` event. */
async function viaEngine(): Promise<number> {
  let events = 0;
  const connection = new SseConnection({ url: 'http://127.0.0.1/sse', reconnect: { mode: 'never' } }, (record) => {
    if (record.kind === 'event') events++;
  });
  const closed = await connection.done;
  if (closed.reason !== 'close-on-event') throw new Error(`engine closed with ${closed.reason}: ${closed.message}`);
  return events;
}

/** (b) The floor: a streaming TextDecoder and eventsource-parser, counting events, reading the same kind of stream. */
async function viaFloor(chunks: Buffer[]): Promise<number> {
  let events = 0;
  const parser = createParser({
    onEvent: () => {
      events++;
    },
  });
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  for await (const chunk of Readable.from(chunks, { objectMode: false })) parser.feed(decoder.decode(chunk as Buffer, { stream: true }));
  return events;
}

async function cpuMs(work: () => Promise<number>): Promise<number> {
  const start = process.cpuUsage();
  const events = await work();
  const used = process.cpuUsage(start);
  if (events !== EVENTS + 1) throw new Error(`${events} events, expected ${EVENTS + 1}`);
  return (used.user + used.system) / 1000;
}

/** The middle value; with an even count, the mean of the two middle ones. */
function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export async function run(): Promise<void> {
  const exchange = Transport.prototype.exchange;
  console.log(`${EVENTS.toLocaleString('en')} events in process, ${ROUNDS} counted rounds, a and b first in turn, CPU time`);
  try {
    for (const ids of [false, true]) {
      const chunks = burstChunks(EVENTS, ids, 'event: end\ndata: {}\n\n');
      serve(chunks);
      const a: number[] = [];
      const b: number[] = [];
      for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
        const aFirst = round % 2 === 0;
        const first = await cpuMs(aFirst ? viaEngine : () => viaFloor(chunks));
        const second = await cpuMs(aFirst ? () => viaFloor(chunks) : viaEngine);
        if (round < WARM_UP_ROUNDS) continue;
        a.push(aFirst ? first : second);
        b.push(aFirst ? second : first);
      }
      const ratios = a.map((aMs, i) => b[i] / aMs);
      const ns = (ms: number) => `${((ms / EVENTS) * 1e6).toFixed(1)} ns/event`;
      console.log(
        `${ids ? '`id: N` + `data: N`' : '`data: N`'}: (a) SseConnection ${ns(median(a))}, (b) floor ${ns(median(b))}; ` +
          `a/b = ${(median(b) / median(a)).toFixed(2)} (per-round median ${median(ratios).toFixed(2)}, range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`,
      );
    }
  } finally {
    Transport.prototype.exchange = exchange;
  }
}
