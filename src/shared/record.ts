// The one record type that flows end to end: engine → store → webview → export → CLI.

/** Why a connection ended for good. */
export type CloseReason =
  | 'user' // aborted by the user (Disconnect, Ctrl-C, panel closed)
  | 'close-on-event' // an event named like the close-on option arrived, or whose data equals close-on-data
  | 'ended' // the server ended a stream that is not reconnected (a POST, or reconnect "never"): the normal end
  | 'no-content' // the server answered 204: the documented "stop reconnecting"
  | 'failed' // the connection failed: wrong status or Content-Type, bad URL, event too large
  | 'reconnect-limit' // the reconnect cap was reached, or reconnecting was turned off
  | 'max-events' // the CLI's --max-events was reached
  | 'timeout'; // the CLI's --timeout was reached

/** The CORS decision a browser would make for `new EventSource(url, { withCredentials })` from `origin`. */
export interface CorsVerdict {
  origin: string;
  withCredentials: boolean;
  allowed: boolean;
  /** Why, in words a user understands (e.g. "Access-Control-Allow-Origin is * but credentials are on"). */
  reason: string;
}

/**
 * The request as the engine sent it for one connection (the last hop when redirects were followed), with every
 * credential masked before the record exists: records reach exports, the CLI's --json and logs.
 */
export interface SentRequest {
  method: string;
  /** The URL requested at this hop; credential-like query values masked. */
  url: string;
  /** The headers as sent, names lower-case; credential values masked, each value clipped (see engine/sentRequest.ts). */
  headers: Record<string, string>;
  /** How many headers were left out to keep the record small (see engine/sentRequest.ts); absent when none. */
  headersOmitted?: number;
  /** UTF-8 byte size of the body; 0 when none was sent. */
  bodyBytes: number;
  /** The start of the body as text (at most 1 KiB); absent when none was sent. */
  bodyStart?: string;
  /** The Origin header, when one was sent. */
  origin?: string;
  /** The Last-Event-ID header as text, when one was sent (a reconnect after an id, or a resume the user asked for). */
  lastEventId?: string;
}

interface RecordBase {
  /** Position in this session's record stream, from 1. */
  seq: number;
  /** Milliseconds since the session began (the user's connect). */
  t: number;
  /** Wall-clock time, epoch milliseconds. */
  at: number;
}

export interface OpenRecord extends RecordBase {
  kind: 'open';
  /** 1 for the first connection, 2 for the first reconnect, … */
  connection: number;
  status: number;
  /** The final URL, after redirects. */
  url: string;
  /** Response headers, names lower-case. */
  headers: Record<string, string>;
  /** Milliseconds from sending the request to receiving the response headers. */
  ttfbMs: number;
  /** Present only when a page origin was given. */
  cors?: CorsVerdict;
  /** The request this connection sent. */
  request?: SentRequest;
}

export interface EventRecord extends RecordBase {
  kind: 'event';
  /** The event type: `message` unless the block had an `event:` field. */
  type: string;
  data: string;
  /** The block's own `id:` value; null when the block had none (then `lastEventId` still carries the last one). */
  id: string | null;
  /** The persistent last event ID after this block (what a reconnect would send). */
  lastEventId: string;
  /** UTF-8 byte size of `data`. */
  size: number;
  /** Milliseconds since the previous event of this session; null for the first. */
  dt: number | null;
  /** Set only on copies sent to a view: `data` was cut short; the store keeps it whole. */
  truncated?: true;
}

export interface CommentRecord extends RecordBase {
  kind: 'comment';
  /** The comment text, without the leading colon. */
  text: string;
}

/**
 * A complete line the spec ignores: an unknown field name, a line without a colon (read as a field name with
 * no value), or a `retry` value that is not all digits.
 */
export interface IgnoredRecord extends RecordBase {
  kind: 'ignored';
  /** The line, without its line end; only its first 1024 characters when it is longer. */
  line: string;
  /** Why the spec ignores it, in words a user understands. */
  reason: string;
  /** Set only when `line` was cut short: the whole line's UTF-8 byte size. */
  lineBytes?: number;
}

export interface RetryRecord extends RecordBase {
  kind: 'retry';
  /** The new reconnection time in milliseconds. */
  ms: number;
}

export interface ErrorRecord extends RecordBase {
  kind: 'error';
  /** What went wrong, in words a user understands. */
  message: string;
  /** The HTTP status, when the server answered. */
  status?: number;
  /** For a wrong status or Content-Type: the response headers, names lower-case. */
  headers?: Record<string, string>;
  /** For a wrong status or Content-Type: the start of the body as UTF-8 text (at most 64 KiB). */
  body?: string;
  /** The body went on beyond `body`. */
  bodyTruncated?: true;
  /** The request of the connection that failed; absent when none was sent (e.g. the URL was refused up front). */
  request?: SentRequest;
  willReconnect: boolean;
}

export interface ReconnectRecord extends RecordBase {
  kind: 'reconnect';
  /** 1 for the first reconnect attempt. */
  attempt: number;
  delayMs: number;
  /** The Last-Event-ID header this attempt sends; empty when none. */
  lastEventId: string;
}

export interface ClosedRecord extends RecordBase {
  kind: 'closed';
  reason: CloseReason;
  /** Extra words, e.g. the close-on event's name or the failure. */
  message?: string;
}

export type SseRecord =
  OpenRecord | EventRecord | CommentRecord | IgnoredRecord | RetryRecord | ErrorRecord | ReconnectRecord | ClosedRecord;

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
