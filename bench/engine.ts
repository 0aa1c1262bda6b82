// Engine benchmark: the mock server's 1,000,000-event burst (recorded, then replayed as bytes) through SseConnection,
// through plain fetch + TextDecoder + eventsource-parser, and through the npm eventsource package, in the same run.

import { createParser } from 'eventsource-parser';
import { EventSource } from 'eventsource';
import { SseConnection } from '../src/engine/connection';
import { startMockChild } from './support/mockChild';
import { drainBurst } from './support/serverCeiling';

const EVENTS = 1_000_000;
const WARM_UP_EVENTS = 100_000;
/**
 * The rounds run the three clients in each of their six orders twice: a rotation (abc, bca, cab) would put (a)
 * before (b) in two rounds of three, and (c) just before (a) in two of three, so an order effect would lean one way.
 */
const ORDERS = [
  [0, 1, 2],
  [1, 2, 0],
  [2, 0, 1],
  [0, 2, 1],
  [1, 0, 2],
  [2, 1, 0],
];
const ROUNDS = 2 * ORDERS.length;
/** Memory is sampled in a separate, untimed engine run, every this many events. */
const SAMPLE_EVERY_EVENTS = 50_000;
const MiB = 1024 * 1024;

interface Run {
  /** Events received, the closing `end` event included. */
  events: number;
  /** Wall-clock time from connecting to the last event. */
  ms: number;
  /** CPU time this process spent meanwhile (all its threads; the server runs in another process). */
  cpuMs: number;
}

/** Starts timing; the returned function ends it and makes the Run. */
function stopwatch(): (events: number) => Run {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return (events) => {
    const used = process.cpuUsage(cpu);
    return { events, ms: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
  };
}

interface MemorySample {
  /** Share of the burst received when sampled, 0..1. */
  progress: number;
  heapUsed: number;
  rss: number;
}

const rate = (run: Run): number => (run.events / run.ms) * 1000;
const cpuRate = (run: Run): number => (run.events / run.cpuMs) * 1000;

/** (a) The engine, exactly as the panel and the CLI use it; closes on the `end` event. */
async function viaEngine(url: string): Promise<Run> {
  let events = 0;
  const finished = stopwatch();
  const connection = new SseConnection({ url, reconnect: { mode: 'never' } }, (record) => {
    if (record.kind === 'event') events++;
  });
  const closed = await connection.done;
  if (closed.reason !== 'close-on-event') throw new Error(`engine closed with ${closed.reason}: ${closed.message}`);
  return finished(events);
}

/** The engine again, untimed, sampling heap and RSS as the events arrive. */
async function engineMemory(url: string): Promise<MemorySample[]> {
  const samples: MemorySample[] = [];
  let events = 0;
  const sample = (): void => {
    const { heapUsed, rss } = process.memoryUsage();
    samples.push({ progress: events / EVENTS, heapUsed, rss });
  };
  sample();
  const connection = new SseConnection({ url, reconnect: { mode: 'never' } }, (record) => {
    if (record.kind === 'event' && ++events % SAMPLE_EVERY_EVENTS === 0) sample();
  });
  await connection.done;
  return samples;
}

/** (b) The floor: fetch, a streaming TextDecoder and eventsource-parser, counting events and nothing else. */
async function viaParser(url: string): Promise<Run> {
  let events = 0;
  const finished = stopwatch();
  const parser = createParser({
    onEvent: () => {
      events++;
    },
  });
  const response = await fetch(url, { headers: { accept: 'text/event-stream' } });
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  if (response.body === null) throw new Error('no body');
  const reader = response.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    parser.feed(decoder.decode(chunk.value, { stream: true }));
  }
  return finished(events);
}

/** (c) The npm eventsource package, listening as the document's client does. */
function viaEventSource(url: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    let events = 0;
    const finished = stopwatch();
    const source = new EventSource(url);
    source.onmessage = () => {
      events++;
    };
    source.addEventListener('end', () => {
      events++;
      source.close();
      resolve(finished(events));
    });
    source.onerror = (error) => {
      source.close();
      reject(new Error(`eventsource failed after ${events} events: ${error.message ?? 'error'}`));
    };
  });
}

/** The middle value; with an even count, the mean of the two middle ones (the upper one alone would flatter). */
function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
const perSecond = (value: number): string => `${(value / 1e6).toFixed(2)} M/s`;
const mib = (bytes: number): string => `${(bytes / MiB).toFixed(1)} MiB`;

function memoryReport(samples: MemorySample[]): string[] {
  const quarter = (q: number) => samples.filter((s) => s.progress > q / 4 && s.progress <= (q + 1) / 4);
  const peak = (list: MemorySample[], key: 'heapUsed' | 'rss') => mib(Math.max(...list.map((s) => s[key])));
  const [start] = samples;
  return [
    `engine memory, sampled every ${SAMPLE_EVERY_EVENTS.toLocaleString('en')} events of a separate untimed burst:`,
    `| | before | peak in 1st quarter | 2nd | 3rd | 4th |`,
    `|---|---:|---:|---:|---:|---:|`,
    ...(['heapUsed', 'rss'] as const).map(
      (key) =>
        `| ${key === 'rss' ? 'RSS' : 'heap used'} | ${mib(start[key])} | ${[0, 1, 2, 3].map((q) => peak(quarter(q), key)).join(' | ')} |`,
    ),
  ];
}

interface Client {
  name: string;
  go(url: string): Promise<Run>;
}

const CLIENTS: Client[] = [
  { name: '(a) SseConnection (engine)', go: viaEngine },
  { name: '(b) fetch + TextDecoder + eventsource-parser', go: viaParser },
  { name: '(c) npm eventsource 4', go: viaEventSource },
];

/** Runs every client ROUNDS times on `url`, in every order alike, and prints the rates and ratios. */
async function compare(title: string, url: string): Promise<void> {
  // No client's wall-clock rate can pass the rate at which the source writes: where the clients reach it, their
  // ratio by wall clock shows the source, and only the CPU-time ratio still tells them apart. So every round ends
  // with a burst read by a client that parses nothing (after all three, so their order is untouched).
  const ceiling: number[] = [];
  const runs: Run[][] = CLIENTS.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < CLIENTS.length; k++) {
      const i = ORDERS[round % ORDERS.length][k];
      const result = await CLIENTS[i].go(url);
      if (result.events !== EVENTS + 1) throw new Error(`${CLIENTS[i].name} received ${result.events} events, expected ${EVENTS + 1}`);
      runs[i].push(result);
    }
    ceiling.push(((EVENTS + 1) / (await drainBurst(url))) * 1000);
  }
  const wall = runs.map((list) => list.map(rate));
  const cpu = runs.map((list) => list.map(cpuRate));
  console.log(`\n${title}, ${ROUNDS} rounds`);
  console.log('| client | events/s (median) | min | max | events per CPU-second (median) |');
  console.log('|---|---:|---:|---:|---:|');
  CLIENTS.forEach((client, i) => {
    const [low, high] = [Math.min(...wall[i]), Math.max(...wall[i])];
    console.log(
      `| ${client.name} | **${perSecond(median(wall[i]))}** | ${perSecond(low)} | ${perSecond(high)} | ${perSecond(median(cpu[i]))} |`,
    );
  });
  // Each round runs the clients back to back, so a round's own ratio suffers least from a busy machine.
  const paired = (x: number, y: number) => median(wall[x].map((value, round) => value / wall[y][round]));
  const byCpu = (x: number, y: number) => median(cpu[x]) / median(cpu[y]);
  const ratio = (x: number, y: number) =>
    `${(median(wall[x]) / median(wall[y])).toFixed(2)} (per-round median ${paired(x, y).toFixed(2)}, by CPU time ${byCpu(x, y).toFixed(2)})`;
  console.log(
    `the source alone (a raw socket that discards the bytes, after each round): ` +
      `**${perSecond(median(ceiling))}** (${perSecond(Math.min(...ceiling))}–${perSecond(Math.max(...ceiling))})`,
  );
  console.log(`a/b = ${ratio(0, 1)}, target >= 1.0 (issue 7)`);
  const position = (client: number, round: number) => ORDERS[round % ORDERS.length].indexOf(client);
  // An order effect shows as a gap between the rounds where (a) ran before (b) and those where it ran after.
  const byOrder = (aFirst: boolean) =>
    median(
      wall[0]
        .map((value, round) => ({ ratio: value / wall[1][round], round }))
        .filter((entry) => position(0, entry.round) < position(1, entry.round) === aFirst)
        .map((entry) => entry.ratio),
    ).toFixed(2);
  console.log(`a/b per-round median, (a) run before (b): ${byOrder(true)}; (b) before (a): ${byOrder(false)}`);
  console.log(`a/c = ${ratio(0, 2)}, target > 1`);
}

/** How fast the mock server itself delivers a burst to a reader that parses nothing: the median of a few bursts. */
async function mockServerAlone(url: string): Promise<string> {
  const rates: number[] = [];
  for (let n = 0; n < 5; n++) rates.push(((EVENTS + 1) / (await drainBurst(url))) * 1000);
  return perSecond(median(rates));
}

export async function run(): Promise<void> {
  const burst = `/sse?burst=${EVENTS}`;
  const paths = [burst, `${burst}&ids=1`, `/sse?burst=${WARM_UP_EVENTS}&ids=1`];
  // The clients read the mock server's bursts replayed as recorded bytes: formatting a million events takes the mock
  // server about as long as the engine takes to read them, so by wall clock it would time the server, not the clients.
  const recorded = await startMockChild('recordedBurstProcess.ts', paths);
  const mock = await startMockChild();
  try {
    const [plain, ids, warmUp] = paths.map((path) => `${recorded.url}${path}`);
    for (const client of CLIENTS) await client.go(warmUp);
    console.log(
      `${EVENTS.toLocaleString('en')}-event bursts of the mock server, recorded once and replayed by a child process over loopback ` +
        `(the mock server itself writes them at ${await mockServerAlone(`${mock.url}${burst}`)} plain, ` +
        `${await mockServerAlone(`${mock.url}${burst}&ids=1`)} with ids)`,
    );
    await compare('`burst=1000000` (`data: N`)', plain);
    await compare('`burst=1000000&ids=1` (`id: N` + `data: N`)', ids);
    console.log('');
    for (const line of memoryReport(await engineMemory(plain))) console.log(line);
  } finally {
    await Promise.all([recorded.stop(), mock.stop()]);
  }
}
