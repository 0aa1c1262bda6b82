// Turns what the user asked for (a ConnectRequest) into engine options, or a notice saying what to fix.
import type { ConnectRequest } from '../shared/protocol';
import type { ConnectOptions } from '../engine/options';
import { HTTP_TOKEN, parseHeaderLines } from '../shared/headerLines';
import { normalizeOrigin, originProblem, streamUrlProblem } from '../shared/streamUrl';

export interface FieldNotice {
  message: string;
  field?: 'url' | 'headers' | 'origin';
}

export type ConnectPlan = { ok: true; options: ConnectOptions } | { ok: false; notice: FieldNotice };

/** Methods fetch refuses outright. */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** What the settings add to every request of a panel. */
export interface ConnectSettings {
  /** `sseInspector.connectTimeoutSeconds` in ms; undefined when off. */
  connectTimeoutMs?: number;
}

/** Credentials are not part of the plan: the caller adds them from SecretStorage. */
export function planConnection(request: ConnectRequest, settings: ConnectSettings = {}): ConnectPlan {
  const urlProblem = streamUrlProblem(request.url);
  if (urlProblem !== undefined) {
    return { ok: false, notice: { message: urlProblem, field: 'url' } };
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
  const headers = parseHeaderLines(request.headers);
  if (!headers.ok) {
    return { ok: false, notice: { message: headers.problem, field: 'headers' } };
  }
  const options: ConnectOptions = {
    url: request.url.trim(),
    method,
    headers: headers.headers,
    withCredentials: request.withCredentials,
    closeOn: request.closeOn,
  };
  if (origin !== '') {
    options.origin = origin;
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
  return { ok: true, options };
}
