// What the mock server writes on /sse, and when: the document's sequence as timed steps, pure and testable.
import type { StreamOptions } from './query';

/** One write: wait `delayMs`, write `text`, then cut the connection if `drop`. */
export interface Step {
  delayMs: number;
  text: string;
  drop?: true;
}

/** The document's closing event; its client closes the EventSource on it. */
export const END_BLOCK = 'event: end\ndata: {}\n\n';

/** Writes without a pause between them are joined up to about this many characters, for throughput. */
const CHUNK_CHARS = 64 * 1024;

/** The Nth message, byte for byte as the document's .NET servers write it (plus an `id:` line on request). */
export function messageBlock(n: number, options: Pick<StreamOptions, 'burst' | 'ids'>): string {
  const id = options.ids ? `id: ${n}\n` : '';
  const data = options.burst ? String(n) : `{"message": "Hello SSE ${n}"}`;
  return `${id}data: ${data}\n\n`;
}

/** The message number to start from: after the client's Last-Event-ID when ids are on and it names one of ours. */
export function firstMessage(options: Pick<StreamOptions, 'ids' | 'count'>, lastEventId: string | undefined): number {
  if (!options.ids || lastEventId === undefined || !/^\d+$/.test(lastEventId)) return 1;
  return Math.min(Number(lastEventId), options.count) + 1;
}

/** The whole response body as steps: retry first, the messages one interval apart, `end` one interval after the last. */
export function* streamSteps(options: StreamOptions, lastEventId: string | undefined): Generator<Step> {
  let text = options.retryMs === undefined ? '' : `retry: ${options.retryMs}\n\n`;
  let wait = 0;
  let messages = 0;
  // Text written so far must go out before the interval that separates it from the next block.
  const pause = (): Step | undefined => {
    if (messages === 0 || options.intervalMs === 0) return undefined;
    const step = { delayMs: wait, text };
    text = '';
    wait = options.intervalMs;
    return step;
  };

  if (options.dropAfter === 0) {
    yield { delayMs: 0, text, drop: true };
    return;
  }
  for (let n = firstMessage(options, lastEventId); n <= options.count; n += 1) {
    const due = pause();
    if (due) yield due;
    text += messageBlock(n, options);
    messages += 1;
    if (messages === options.dropAfter) {
      yield { delayMs: wait, text, drop: true };
      return;
    }
    if (text.length >= CHUNK_CHARS) {
      yield { delayMs: wait, text };
      text = '';
      wait = 0;
    }
  }
  const due = pause();
  if (due) yield due;
  yield { delayMs: wait, text: text + END_BLOCK };
}
