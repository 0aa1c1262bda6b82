// Parse benchmark: the engine's stream parser and the floor (TextDecoder + eventsource-parser) on the same bytes,
// in process and by CPU time, so the ratio shows the parsing layer's own cost without the network's noise.

import { createParser } from 'eventsource-parser';
import { EventStreamParser } from '../src/engine/eventStream';
import { burstChunks } from './support/burstChunks';

const EVENTS = 1_000_000;
const ROUNDS = 11;
/** Rounds run before the ones counted, so both sides are optimised by the time they are timed. */
const WARM_UP_ROUNDS = 2;

function cpuMs(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** (a) The engine's parser, with a record made per event as SseConnection makes it. */
function viaEngine(chunks: Buffer[]): number {
  let seq = 0;
  let kept = 0;
  const parser = new EventStreamParser(
    {
      event: (type, data, id, lastEventId, size) => {
        const record = { kind: 'event', seq: ++seq, t: 0, at: 0, type, data, id: id ?? null, lastEventId, size, dt: null };
        if (record.size >= 0) kept++;
      },
      comment: () => undefined,
      retry: () => undefined,
      ignored: () => undefined,
      tooLarge: () => undefined,
    },
    8 * 1024 * 1024,
    '',
  );
  parser.begin();
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return kept;
}

/** (b) The floor: a streaming TextDecoder and eventsource-parser, counting events. */
function viaFloor(chunks: Buffer[]): number {
  let events = 0;
  const parser = createParser({
    onEvent: () => {
      events++;
    },
  });
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  for (const chunk of chunks) parser.feed(decoder.decode(chunk, { stream: true }));
  return events;
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[sorted.length >> 1];
}

export function run(): Promise<void> {
  console.log(`${EVENTS.toLocaleString('en')} events in process, ${ROUNDS - WARM_UP_ROUNDS} counted rounds of a then b, CPU time`);
  for (const ids of [false, true]) {
    const chunks = burstChunks(EVENTS, ids);
    const a: number[] = [];
    const b: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const counts = [0, 0];
      const aMs = cpuMs(() => (counts[0] = viaEngine(chunks)));
      const bMs = cpuMs(() => (counts[1] = viaFloor(chunks)));
      if (counts[0] !== EVENTS || counts[1] !== EVENTS) throw new Error(`event counts ${counts.join(', ')}`);
      if (round >= WARM_UP_ROUNDS) {
        a.push(aMs);
        b.push(bMs);
      }
    }
    const ratios = a.map((aMs, i) => b[i] / aMs);
    const ns = (ms: number) => `${((ms / EVENTS) * 1e6).toFixed(0)} ns/event`;
    console.log(
      `${ids ? '`id: N` + `data: N`' : '`data: N`'}: (a) engine ${ns(median(a))}, (b) floor ${ns(median(b))}; ` +
        `a/b = ${(median(b) / median(a)).toFixed(2)} (per-round median ${median(ratios).toFixed(2)}, range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`,
    );
  }
  return Promise.resolve();
}
