// How fast the mock server delivers a burst to a client that parses nothing: the ceiling every client's rate sits under.

import net from 'node:net';

/** The burst's last bytes: the `end` event, then the chunked body's terminator. */
const END_EVENT = 'event: end';
const LAST_CHUNK = '\r\n0\r\n\r\n';

/** Reads `url` over a raw socket, discarding the bytes, and resolves with the wall-clock milliseconds until the end. */
export function drainBurst(url: string): Promise<number> {
  const target = new URL(url);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(target.port), target.hostname, () => {
      socket.write(`GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\nAccept: text/event-stream\r\n\r\n`);
    });
    // Only the last bytes are kept: the end can straddle two reads.
    let tail = '';
    socket.on('data', (bytes: Buffer) => {
      tail = (tail + bytes.toString('latin1', Math.max(0, bytes.length - 64))).slice(-128);
      if (tail.endsWith(LAST_CHUNK) && tail.includes(END_EVENT)) {
        const ms = performance.now() - started;
        socket.destroy();
        resolve(ms);
      }
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`the mock server closed the burst before its end: ${JSON.stringify(tail)}`)));
  });
}
