// Checks the caller's request options once, and builds each attempt's fetch request from them.

import { errorText } from './errorText';
import type { ConnectOptions } from './options';
import { normalizeOrigin, originProblem, streamUrlProblem } from '../shared/streamUrl';

export interface RequestPlan {
  /** The original URL: every reconnect goes here, whatever redirects the last attempt followed. */
  url: string;
  /** The serialized page origin, when one was given. */
  origin: string | undefined;
  /**
   * The init for one attempt. A reconnect sends `lastEventId` as Last-Event-ID when non-empty and never
   * otherwise; only the first request may carry a Last-Event-ID the user typed (to resume from it).
   */
  init(lastEventId: string, reconnect: boolean, signal: AbortSignal): RequestInit;
}

export type PlanResult = { plan: RequestPlan } | { problem: string };

/** The header names the engine itself sets from the credentials option. */
const COOKIE = 'cookie';
const AUTHORIZATION = 'authorization';

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
    return { problem: `The request cannot be sent: ${withoutCredentials(errorText(error), options)}` };
  }
  const href = url.href;
  return {
    plan: {
      url: href,
      origin,
      init(lastEventId, reconnect, signal) {
        const attemptHeaders = new Headers(headers);
        // Header values are bytes: send the id's UTF-8 bytes, one Latin-1 character per byte.
        if (lastEventId !== '') attemptHeaders.set('last-event-id', Buffer.from(lastEventId, 'utf8').toString('latin1'));
        else if (reconnect) attemptHeaders.delete('last-event-id');
        return { method, headers: attemptHeaders, body, signal, redirect: 'follow' };
      },
    },
  };
}

/** fetch's messages quote a refused header value; a credential must never reach a record, a log or the terminal. */
function withoutCredentials(text: string, options: ConnectOptions): string {
  let safe = text;
  for (const secret of [options.credentials?.cookie, options.credentials?.authorization]) {
    if (secret) safe = safe.split(secret).join('[credential]');
  }
  return safe;
}
