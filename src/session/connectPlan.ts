// Turns what the user asked for (a ConnectRequest) into engine options, or a notice saying what to fix.
import type { ConnectRequest } from '../shared/protocol';
import type { ConnectOptions } from '../engine/options';
import { HTTP_TOKEN, parseHeaderLines } from '../shared/headerLines';
import { normalizeOrigin, originProblem, streamUrlProblem } from '../shared/streamUrl';
import { nextStored, secretsOrigin, substituteMasked, type HeaderSecrets } from './originSecrets';

export interface FieldNotice {
  message: string;
  field?: 'url' | 'headers' | 'origin';
}

export type ConnectPlan =
  | {
      ok: true;
      options: ConnectOptions;
      /** The URL's origin, whose credential header values the request used. */
      secretsOrigin: string;
      /** What to store for that origin now, when it changed: the typed credential values. */
      toStore?: HeaderSecrets;
    }
  | { ok: false; notice: FieldNotice };

/** Methods fetch refuses outright. */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** What the settings add to every request of a panel. */
export interface ConnectSettings {
  /** `sseInspector.connectTimeoutSeconds` in ms; undefined when off. */
  connectTimeoutMs?: number;
}

/**
 * `stored`: the credential header values stored for the URL's origin. A masked value in the Headers box takes the
 * stored one; Send credentials adds the stored Cookie when the box has none, as a browser adds its cookies.
 */
export function planConnection(request: ConnectRequest, settings: ConnectSettings = {}, stored: HeaderSecrets = {}): ConnectPlan {
  const urlProblem = streamUrlProblem(request.url);
  const secretsFrom = secretsOrigin(request.url);
  if (urlProblem !== undefined || secretsFrom === undefined) {
    return { ok: false, notice: { message: urlProblem ?? 'Only http: and https: URLs can be streamed.', field: 'url' } };
  }
  const origin = normalizeOrigin(request.origin);
  if (origin === undefined) {
    return { ok: false, notice: { message: originProblem(request.origin), field: 'origin' } };
  }
  const method = request.method.trim().toUpperCase() || 'GET';
  if (!HTTP_TOKEN.test(method) || FORBIDDEN_METHODS.has(method)) {
    return {
      ok: false,
      notice: {
        message: `${JSON.stringify(request.method.slice(0, 40))} is not a method a stream can be requested with; use GET or POST.`,
      },
    };
  }
  if ((method === 'GET' || method === 'HEAD') && request.body !== '') {
    return { ok: false, notice: { message: `A ${method} request cannot carry a body; choose POST, or empty the body.` } };
  }
  const substituted = substituteMasked(request.headers, stored, secretsFrom);
  if (!substituted.ok) {
    return { ok: false, notice: { message: substituted.problem, field: 'headers' } };
  }
  const headers = parseHeaderLines(substituted.headers);
  if (!headers.ok) {
    return { ok: false, notice: { message: headers.problem, field: 'headers' } };
  }
  const toStore = nextStored(stored, headers.headers);
  const cookie = (toStore ?? stored).cookie;
  const options: ConnectOptions = {
    url: request.url.trim(),
    method,
    headers: headers.headers,
    withCredentials: request.withCredentials,
    closeOn: request.closeOn,
    // A request saved before the choice existed gets the engine's own default.
    reconnect: { mode: request.reconnect ?? 'auto' },
  };
  if (origin !== '') {
    options.origin = origin;
  }
  if (request.withCredentials && headers.headers.cookie === undefined && cookie !== undefined) {
    options.credentials = { cookie };
  }
  if (request.body !== '') {
    options.body = request.body;
  }
  if (request.insecureTls === true) {
    options.insecureTls = true;
  }
  if (settings.connectTimeoutMs !== undefined) {
    options.connectTimeoutMs = settings.connectTimeoutMs;
  }
  return toStore === undefined
    ? { ok: true, options, secretsOrigin: secretsFrom }
    : { ok: true, options, secretsOrigin: secretsFrom, toStore };
}
