// What a caller can ask of the connection engine.

import type { Clock } from './clock';

export interface Credentials {
  /** A Cookie header value, e.g. "session=abc". */
  cookie?: string;
  /** An Authorization header value, e.g. "Bearer xyz". */
  authorization?: string;
}

/**
 * When to reconnect. `auto`: as EventSource for a GET without a body (reconnect after an error or the end of the
 * body); for any other request the end of the body is the session's normal end, and nothing is sent twice.
 * `always`: reconnect every request, POST included. `never`: one request; its end is the normal end.
 */
export type ReconnectMode = 'auto' | 'always' | 'never';

export interface ReconnectPolicy {
  /** Default auto. */
  mode?: ReconnectMode;
  /** Give up after this many consecutive failed attempts; undefined = never give up. */
  maxAttempts?: number;
  /** Multiply the delay by this after each consecutive failure (1 = no backoff). Default 2. */
  backoffFactor?: number;
  /** Upper bound for the delay in milliseconds. Default 30000. */
  maxDelayMs?: number;
}

export interface ConnectOptions {
  url: string;
  /** Default GET. Many LLM APIs stream from a POST. */
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** As EventSource's withCredentials: send the configured credentials, and judge CORS accordingly. */
  withCredentials?: boolean;
  /** Sent only when withCredentials is on. */
  credentials?: Credentials;
  /** A page origin: sent as the Origin header, and the open record carries a CORS verdict for it. */
  origin?: string;
  reconnect?: ReconnectPolicy;
  /** Initial reconnection time in ms, until a `retry` field changes it. Default 3000. */
  retryMs?: number;
  /** Close for good when an event of this type arrives. Default "end"; "" means never. */
  closeOn?: string;
  /** Close for good when an event's data equals this, e.g. "[DONE]". Default none. */
  closeOnData?: string;
  /** Fail an attempt that has no response headers after this many ms (connecting included). Default none. */
  connectTimeoutMs?: number;
  /** Trust any TLS certificate for this session only (e.g. a development server's self-signed one). Default false. */
  insecureTls?: boolean;
  /** Largest event (data bytes) accepted before the connection fails. Default 8 MiB. */
  maxEventBytes?: number;
  signal?: AbortSignal;
  /**
   * Called with each body chunk as it arrives (and its `t`, the time its records get), before its records; the
   * bytes are only lent for the call. A consumer that cannot keep up (a stalled stdout) returns a promise: the
   * next chunk is not read until it settles, so the server is held back instead of memory filling up.
   */
  onChunk?: (bytes: Uint8Array, t: number) => Promise<void> | undefined;
  /** Time for record timestamps and reconnect waits. Default the system clock; tests pass a hand-driven one. */
  clock?: Clock;
}

export const DEFAULT_CLOSE_ON = 'end';
export const DEFAULT_MAX_EVENT_BYTES = 8 * 1024 * 1024;
export const DEFAULT_RETRY_MS = 3000;
/**
 * Longest `id` accepted, in UTF-8 bytes; a longer one fails the connection. Real ids (counters, UUIDs, cursors)
 * are far shorter, and a reconnect sends the id as a header, where servers commonly stop at 8 KiB in all.
 */
export const MAX_ID_BYTES = 4096;

/** Why a connection stopped on an event or id over its limit (`maxEventBytes`, or MAX_ID_BYTES). */
export function tooLargeMessage(what: 'event' | 'id', maxEventBytes: number): string {
  return what === 'id'
    ? `An id longer than the ${limitText(MAX_ID_BYTES)} limit for ids: the connection was closed`
    : `Event larger than the ${limitText(maxEventBytes)} limit (maxEventBytes): the connection was closed`;
}

/** A byte limit as set: "8 MiB", "4 KiB", or "1000 bytes". */
function limitText(bytes: number): string {
  const MiB = 1024 * 1024;
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
