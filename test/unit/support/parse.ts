// Feeds exact byte chunks to the engine's stream parser (no network), for tests that need precise splits.

import { EventStreamParser } from '../../../src/engine/eventStream';

export interface Parsed {
  events: Array<{ type: string; data: string; id?: string; lastEventId: string; size: number }>;
  comments: string[];
  retries: number[];
  /** The lines the spec ignores, as reported (clipped, with the whole line's size when clipped). */
  ignored: Array<{ line: string; reason: string; lineBytes?: number }>;
  tooLarge: boolean;
  /** Which limit stopped the stream, if one did. */
  limit?: 'event' | 'id';
  /** The last event ID after the stream ended: what a reconnect would send. */
  lastEventId: string;
}

export function parseChunks(chunks: Uint8Array[], maxEventBytes = 8 * 1024 * 1024, lastEventId = ''): Parsed {
  const parsed: Parsed = { events: [], comments: [], retries: [], ignored: [], tooLarge: false, lastEventId };
  const parser = new EventStreamParser(
    {
      event: (type, data, id, last, size) =>
        parsed.events.push(id === undefined ? { type, data, lastEventId: last, size } : { type, data, id, lastEventId: last, size }),
      comment: (text) => parsed.comments.push(text),
      retry: (ms) => parsed.retries.push(ms),
      ignored: (line, reason, lineBytes) => parsed.ignored.push(lineBytes === undefined ? { line, reason } : { line, reason, lineBytes }),
      tooLarge: (what) => {
        parsed.tooLarge = true;
        parsed.limit = what;
      },
    },
    maxEventBytes,
    lastEventId,
  );
  parser.begin();
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  parsed.lastEventId = parser.lastEventId;
  return parsed;
}

/** The whole stream as one chunk. */
export function parseText(text: string, maxEventBytes?: number): Parsed {
  return parseChunks([Buffer.from(text, 'utf8')], maxEventBytes);
}

/** `bytes` cut at the given offsets. */
export function splitAt(bytes: Uint8Array, ...offsets: number[]): Uint8Array[] {
  const cuts = [0, ...offsets, bytes.length];
  return cuts.slice(1).map((end, i) => bytes.subarray(cuts[i], end));
}
