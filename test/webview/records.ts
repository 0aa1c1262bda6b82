// Builds records and panel states the way the engine and the extension would, for feeding the webview in tests.

import type { PanelState } from '../../src/shared/protocol';
import type {
  CloseReason,
  ClosedRecord,
  CommentRecord,
  ErrorRecord,
  EventRecord,
  IgnoredRecord,
  OpenRecord,
  ReconnectRecord,
  RetryRecord,
} from '../../src/shared/record';

/** Headers of a well-behaved SSE response. */
export const GOOD_HEADERS: Record<string, string> = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
};

/** Makes one session's records in order: seq counts up, t advances by `stepMs` unless told otherwise, dt follows the events. */
export class RecordMaker {
  private seq = 0;
  private t = 0;
  private lastEventT: number | undefined;

  constructor(
    private readonly stepMs = 100,
    // Whole seconds, so wall-clock times of whole-second steps end in .000.
    private readonly sessionStart = Math.floor(Date.now() / 1000) * 1000,
  ) {}

  open(headers: Record<string, string> = GOOD_HEADERS, extra: Partial<OpenRecord> = {}): OpenRecord {
    return { ...this.base(), kind: 'open', connection: 1, status: 200, url: 'http://127.0.0.1:3000/sse', headers, ttfbMs: 12, ...extra };
  }

  event(type: string, data: string, options: { id?: string; afterMs?: number; truncated?: boolean; size?: number } = {}): EventRecord {
    const base = this.base(options.afterMs);
    const dt = this.lastEventT === undefined ? null : base.t - this.lastEventT;
    this.lastEventT = base.t;
    const record: EventRecord = {
      ...base,
      kind: 'event',
      type,
      data,
      id: options.id ?? null,
      lastEventId: options.id ?? '',
      size: options.size ?? Buffer.byteLength(data, 'utf8'),
      dt,
    };
    if (options.id !== undefined) record.id = options.id;
    if (options.truncated) record.truncated = true;
    return record;
  }

  /** `count` message events with data `{"n":<i>}`, 1 ms apart. */
  events(count: number, dataOf: (index: number) => string = (index) => JSON.stringify({ n: index })): EventRecord[] {
    return Array.from({ length: count }, (_, index) => this.event('message', dataOf(index), { afterMs: 1 }));
  }

  /** `extra` adds what a refused response carries: headers, body, the request sent. */
  error(
    message: string,
    options: { status?: number; willReconnect?: boolean } = {},
    extra: Pick<ErrorRecord, 'headers' | 'body' | 'bodyTruncated' | 'request'> = {},
  ): ErrorRecord {
    const record: ErrorRecord = { ...this.base(), kind: 'error', message, willReconnect: options.willReconnect ?? true, ...extra };
    if (options.status !== undefined) record.status = options.status;
    return record;
  }

  reconnect(attempt = 1, lastEventId = ''): ReconnectRecord {
    return { ...this.base(), kind: 'reconnect', attempt, delayMs: 3000, lastEventId };
  }

  closed(reason: CloseReason = 'close-on-event', message = 'Closed on the "end" event'): ClosedRecord {
    return { ...this.base(), kind: 'closed', reason, message };
  }

  comment(text: string): CommentRecord {
    return { ...this.base(), kind: 'comment', text };
  }

  ignored(line: string, reason: string): IgnoredRecord {
    return { ...this.base(), kind: 'ignored', line, reason };
  }

  retry(ms: number): RetryRecord {
    return { ...this.base(), kind: 'retry', ms };
  }

  private base(stepMs = this.stepMs): { seq: number; t: number; at: number } {
    this.seq++;
    this.t += stepMs;
    return { seq: this.seq, t: this.t, at: this.sessionStart + this.t };
  }
}

export function panelState(partial: Partial<PanelState> = {}): PanelState {
  return {
    request: { url: 'http://127.0.0.1:3000/sse', withCredentials: false, origin: '', method: 'GET', headers: '', body: '', closeOn: 'end' },
    recentUrls: ['http://127.0.0.1:3000/sse'],
    status: 'open',
    records: [],
    dropped: 0,
    maxEvents: 100_000,
    ...partial,
  };
}
