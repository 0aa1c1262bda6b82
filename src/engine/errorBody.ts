// Reads the start of an error response's body as text, for the error record: the server's own explanation.

import type { Readable } from 'node:stream';

/** At most this much of an error body is kept. */
export const ERROR_BODY_BYTES = 64 * 1024;
/** A server may send an error's headers and hold the body open; the record cannot wait for it forever. */
const ERROR_BODY_WAIT_MS = 3000;

export interface ErrorBody {
  text: string;
  /** More followed, or the body had not ended when the wait was over. */
  truncated: boolean;
}

/** Reads up to ERROR_BODY_BYTES, then destroys the body. A failed read keeps what had arrived. */
export async function readErrorBody(body: Readable): Promise<ErrorBody> {
  const parts: Buffer[] = [];
  let size = 0;
  let ended = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ERROR_BODY_WAIT_MS);
  });
  const reading = (async () => {
    try {
      for await (const part of body) {
        parts.push(part as Buffer);
        size += (part as Buffer).length;
        if (size > ERROR_BODY_BYTES) return;
      }
      ended = true;
    } catch {
      // What arrived before the failure is still the server's words.
    }
  })();
  await Promise.race([reading, waited]);
  clearTimeout(timer);
  body.on('error', () => undefined);
  body.destroy();
  const whole = Buffer.concat(parts);
  return { text: whole.subarray(0, ERROR_BODY_BYTES).toString('utf8'), truncated: !ended || whole.length > ERROR_BODY_BYTES };
}
