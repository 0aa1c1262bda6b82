// Writes timed steps to a response on the mock's clock: pauses, backpressure, drops, stalls and optional gzip.
import type * as http from 'node:http';
import { once } from 'node:events';
import * as zlib from 'node:zlib';
import type { Clock } from '../engine/clock';

/** One write: wait `delayMs`, write `text`, then cut the connection (`drop`) or stop writing but stay open (`stall`). */
export interface PlayStep {
  delayMs: number;
  text: string | Uint8Array;
  drop?: true;
  stall?: true;
}

/** Waits `ms` on the clock; rejects (and clears the timer, so nothing keeps the process alive) on abort. */
export function wait(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clock.clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = clock.setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Compresses each write on its own flush, so the client can decode every write as it arrives. */
function gzipWriter(res: http.ServerResponse): (text: string | Uint8Array) => Promise<void> {
  const gzip = zlib.createGzip();
  gzip.on('data', (chunk: Buffer) => res.write(chunk));
  gzip.on('error', () => res.destroy());
  return (text) =>
    new Promise((resolve) => {
      gzip.write(text);
      gzip.flush(zlib.constants.Z_SYNC_FLUSH, () => resolve());
    });
}

/** Writes the steps, waiting out each delay and the socket's backpressure, until done or the client leaves. */
export async function play(
  res: http.ServerResponse,
  steps: Iterable<PlayStep>,
  clock: Clock,
  signal: AbortSignal,
  gzip = false,
): Promise<void> {
  const compress = gzip ? gzipWriter(res) : undefined;
  for (const step of steps) {
    if (step.delayMs > 0) await wait(clock, step.delayMs, signal);
    // The socket can die between writes before 'close' is emitted; writing then would raise an error.
    if (res.destroyed) return;
    if (compress) await compress(step.text);
    if (step.stall) return; // Open and silent until the client leaves or the server stops.
    if (step.drop) {
      // Flush what was written, then go away without the chunked terminator: the client sees a network error.
      const socket = res.socket;
      res.write(compress ? '' : step.text, () => socket?.destroy());
      return;
    }
    if (!compress && !res.write(step.text)) await once(res, 'drain', { signal });
  }
  res.end();
}
