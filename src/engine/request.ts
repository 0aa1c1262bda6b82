// Checks the caller's request options once, and builds each attempt's request (method, headers, body) from them.

import { errorText } from './errorText';
import type { ConnectOptions } from './options';
import { isEventSourceLike } from './reconnectPolicy';
import { normalizeOrigin, originProblem, streamUrlProblem } from '../shared/streamUrl';
import { credentialValues, maskSecrets } from '../shared/redact';
import { visibleLine } from '../shared/visibleText';

/** What one attempt sends; header names lower-case. */
export interface Attempt {
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export interface RequestPlan {
  /** The original URL: every reconnect goes here, whatever redirects the last attempt followed. */
  url: string;
  /** The serialized page origin, when one was given. */
  origin: string | undefined;
  /** True for what a browser's EventSource could send: GET without a body. Its end is not the session's end. */
  eventSourceLike: boolean;
  /**
   * One attempt. A reconnect sends `lastEventId` as Last-Event-ID when non-empty and never otherwise; only the
   * first request may carry a Last-Event-ID the user typed (to resume from it). A problem is an id the HTTP
   * client cannot send.
   */
  attempt(lastEventId: string, reconnect: boolean): Attempt | { problem: string };
}

export type PlanResult = { plan: RequestPlan } | { problem: string };

/** The header names the engine itself sets from the credentials option. */
const COOKIE = 'cookie';
const AUTHORIZATION = 'authorization';
/** What the HTTP client (undici, like Node's http) refuses in a header value: control characters other than tab. */
const UNSENDABLE = /[^\t\x20-\x7e\x80-\xff]/;

function baseHeaders(options: ConnectOptions, origin: string | undefined): Headers {
  const headers = new Headers({ accept: 'text/event-stream', 'cache-control': 'no-cache' });
  // The user's own headers override the defaults: they are what the user typed.
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  if (options.withCredentials) {
    const { cookie, authorization } = options.credentials ?? {};
    if (cookie) headers.set(COOKIE, cookie);
    if (authorization) headers.set(AUTHORIZATION, authorization);
  }
  if (origin !== undefined) headers.set('origin', origin);
  return headers;
}

function lastEventIdProblem(id: string): string {
  return (
    `The last event ID "${visibleLine(id)}" contains a control character, which the HTTP client cannot send ` +
    'as Last-Event-ID (Chromium sends it as is). Every reconnect would fail the same way, so the session ends here'
  );
}

/** Validates URL, origin, method, headers and body; a problem is a sentence for the user. */
export function planRequest(options: ConnectOptions): PlanResult {
  const urlProblem = streamUrlProblem(options.url);
  if (urlProblem !== undefined) return { problem: urlProblem };
  const url = new URL(options.url.trim());
  const normalized = normalizeOrigin(options.origin ?? '');
  if (normalized === undefined) return { problem: originProblem(options.origin ?? '') };
  const origin = normalized === '' ? undefined : normalized;
  const method = options.method?.trim() || 'GET';
  const body = options.body;
  let headers: Headers;
  try {
    headers = baseHeaders(options, origin);
    // The Request constructor applies fetch's own rules (method names, header values, body with GET, …).
    new Request(url, { method, headers, body });
  } catch (error) {
    // fetch's messages quote a refused header value; a credential must never reach a record, a log or the terminal.
    const secrets = credentialValues({ ...options.headers, ...sentCredentials(options) });
    return { problem: `The request cannot be sent: ${maskSecrets(errorText(error), secrets)}` };
  }
  const fixed: Record<string, string> = {};
  for (const [name, value] of headers) {
    // The value is not quoted: it may be a secret.
    if (UNSENDABLE.test(value)) return { problem: `The request cannot be sent: the ${name} header contains a control character` };
    fixed[name] = value;
  }
  return {
    plan: {
      url: url.href,
      origin,
      eventSourceLike: isEventSourceLike(method, body),
      attempt(lastEventId, reconnect) {
        const attemptHeaders = { ...fixed };
        // Header values are bytes: send the id's UTF-8 bytes, one Latin-1 character per byte.
        if (lastEventId !== '') attemptHeaders['last-event-id'] = Buffer.from(lastEventId, 'utf8').toString('latin1');
        else if (reconnect) delete attemptHeaders['last-event-id'];
        if (UNSENDABLE.test(attemptHeaders['last-event-id'] ?? '')) return { problem: lastEventIdProblem(lastEventId) };
        return { method, headers: attemptHeaders, body };
      },
    },
  };
}

/** The credential headers the engine adds from the credentials option (see baseHeaders). */
function sentCredentials(options: ConnectOptions): Record<string, string | undefined> {
  return options.withCredentials ? { [COOKIE]: options.credentials?.cookie, [AUTHORIZATION]: options.credentials?.authorization } : {};
}
