// Memory under hostile streams (issue 8 items 1 and 2), in plain Node with the real engine and the panel's store:
// a 7 MB `id:` line followed by small events, and 2,500 events of 1 MB into a store with the default caps.
// Run with --expose-gc for exact heap figures: `node --expose-gc --import tsx bench/run.ts memory`.

import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { SseConnection } from '../src/engine/connection';
import { RecordStore } from '../src/session/recordStore';
import type { SseRecord } from '../src/shared/record';

const MiB = 1024 * 1024;
const DEFAULT_MAX_EVENTS = 100_000;
const DEFAULT_MAX_STORE_BYTES = 256 * MiB;

function heapMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / MiB;
}

/** A raw server that writes `head` and then `count` copies of `event`, then closes. */
async function rawServer(head: string, event: string, count: number): Promise<{ url: string; server: Server }> {
  const server = createServer((socket) => {
    socket.once('data', () => {
      socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n');
      socket.write(head);
      let sent = 0;
      const more = (): void => {
        while (sent < count) {
          sent += 1;
          if (!socket.write(event)) return void socket.once('drain', more);
        }
        socket.end();
      };
      more();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

/** Streams from `url` into a store with the panel's default caps; returns what it kept and the heap after. */
async function intoStore(
  url: string,
): Promise<{ records: number; events: number; longestString: number; heapAfter: number; storeMiB: number }> {
  const store = new RecordStore(DEFAULT_MAX_EVENTS, DEFAULT_MAX_STORE_BYTES);
  let longest = 0;
  const closed = new SseConnection({ url, reconnect: { mode: 'never' }, closeOn: '' }, (record: SseRecord) => {
    for (const value of Object.values(record)) if (typeof value === 'string') longest = Math.max(longest, value.length);
    store.append(record);
  }).done;
  await closed;
  return {
    records: store.size,
    events: store.received.events,
    longestString: longest,
    heapAfter: heapMiB(),
    storeMiB: store.byteSize / MiB,
  };
}

export async function run(): Promise<void> {
  if (!(globalThis as { gc?: () => void }).gc) console.log('(without --expose-gc: heap figures include garbage)');
  console.log(`heap at start: ${heapMiB().toFixed(1)} MiB`);

  const idAttack = await rawServer(`id: ${'x'.repeat(7 * 1000 * 1000)}\n\n`, 'data: tiny\n\n', 100);
  const id = await intoStore(idAttack.url);
  idAttack.server.close();
  console.log(
    `item 1, a 7 MB id then 100 events: ${id.records} records kept, longest string ${id.longestString} characters, ` +
      `heap after ${id.heapAfter.toFixed(1)} MiB`,
  );

  const big = await rawServer('', `data: ${'y'.repeat(MiB)}\n\n`, 2_500);
  const store = await intoStore(big.url);
  big.server.close();
  console.log(
    `item 2, 2,500 events of 1 MiB, default caps (100,000 records, 256 MiB): ${store.events} received, ` +
      `${store.records} kept (${store.storeMiB.toFixed(0)} MiB by the store's count), heap after ${store.heapAfter.toFixed(1)} MiB`,
  );
}
