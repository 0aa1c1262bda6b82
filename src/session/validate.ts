// Checks every message the webview posts (untrusted input) before the extension acts on it.
import type { ConnectRequest, WebviewToExtension } from '../shared/protocol';

export type Validation = { ok: true; message: WebviewToExtension } | { ok: false; problem: string };

/** Generous bounds: far above honest use, low enough that a runaway webview cannot flood the host. */
export const LIMITS = {
  url: 8 * 1024,
  origin: 2 * 1024,
  method: 32,
  headers: 64 * 1024,
  body: 4 * 1024 * 1024,
  closeOn: 1024,
  /** Copying a whole event: the engine's default size cap is 8 MiB. */
  copy: 16 * 1024 * 1024,
  /** A filtered export's rows; at worst every other row of the largest table (sseInspector.maxEvents' maximum). */
  seqRanges: 5_000_000,
} as const;

/** A check for one field: undefined when fine, else what is wrong (never the value: it may be a secret). */
type Check = (value: unknown) => string | undefined;

/** Exactly one check per field of each message type, so the compiler flags a protocol change left unchecked. */
type Shape<T> = { [K in Exclude<keyof T, 'type'>]-?: Check };
type MessageShapes = { [T in WebviewToExtension['type']]: Shape<Extract<WebviewToExtension, { type: T }>> };

const text =
  (max: number): Check =>
  (value) => {
    if (typeof value !== 'string') {
      return `must be a string, not ${describe(value)}`;
    }
    return value.length > max ? `is longer than ${max} characters` : undefined;
  };

const flag: Check = (value) => (typeof value === 'boolean' ? undefined : `must be true or false, not ${describe(value)}`);

/** A field a request saved by an earlier version may lack. */
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined ? undefined : check(value);

const count: Check = (value) =>
  Number.isSafeInteger(value) && (value as number) >= 0 ? undefined : `must be a whole number >= 0, not ${describe(value)}`;

const oneOf =
  (...allowed: string[]): Check =>
  (value) =>
    typeof value === 'string' && allowed.includes(value) ? undefined : `must be one of ${allowed.join(', ')}`;

/** Ascending, non-overlapping [from, to] pairs of seq numbers, as many as a table could show. */
const seqRanges: Check = (value) => {
  if (!Array.isArray(value)) return `must be an array, not ${describe(value)}`;
  if (value.length > LIMITS.seqRanges) return `has more than ${LIMITS.seqRanges} ranges`;
  let last = -1;
  for (const pair of value as unknown[]) {
    if (!Array.isArray(pair) || pair.length !== 2 || count(pair[0]) !== undefined || count(pair[1]) !== undefined) {
      return 'must hold [from, to] pairs of whole numbers';
    }
    const [from, to] = pair as [number, number];
    if (from > to || from <= last) return 'must hold ascending, non-overlapping ranges';
    last = to;
  }
  return undefined;
};

const object =
  <T>(shape: Shape<T>): Check =>
  (value) =>
    shapeProblem(value, shape as Record<string, Check>);

const connectRequestShape: Shape<ConnectRequest> = {
  url: text(LIMITS.url),
  withCredentials: flag,
  origin: text(LIMITS.origin),
  method: text(LIMITS.method),
  headers: text(LIMITS.headers),
  body: text(LIMITS.body),
  closeOn: text(LIMITS.closeOn),
  insecureTls: optional(flag),
  reconnect: optional(oneOf('auto', 'always', 'never')),
};

const messageShapes: MessageShapes = {
  ready: {},
  applied: { batch: count },
  connect: { request: object(connectRequestShape) },
  disconnect: {},
  clear: {},
  replay: {},
  saveScenario: {},
  export: { format: oneOf('ndjson', 'json'), rows: optional(seqRanges) },
  openExported: {},
  details: { seq: count },
  openInEditor: { seq: count },
  copy: { text: text(LIMITS.copy) },
  raw: { connection: count },
  revealSecrets: { url: text(LIMITS.url) },
  forgetSecrets: { url: text(LIMITS.url) },
  showSession: { session: count },
  compareSession: { session: (value) => (value === null ? undefined : count(value)) },
};

export function validateWebviewMessage(value: unknown): Validation {
  if (!isPlainObject(value)) {
    return { ok: false, problem: `a message must be an object, not ${describe(value)}` };
  }
  const type = value.type;
  if (typeof type !== 'string' || !Object.hasOwn(messageShapes, type)) {
    return { ok: false, problem: 'the message has no known "type"' };
  }
  const problem = shapeProblem(value, {
    type: () => undefined,
    ...(messageShapes[type as WebviewToExtension['type']] as Record<string, Check>),
  });
  if (problem !== undefined) {
    return { ok: false, problem: `${type}: ${problem}` };
  }
  return { ok: true, message: value as WebviewToExtension };
}

/** A whole ConnectRequest, checked as the `connect` message's request is. */
export function connectRequestProblem(value: unknown): string | undefined {
  return shapeProblem(value, connectRequestShape);
}

/** Some fields of a ConnectRequest (e.g. a command's argument): each one present must be right. */
export function partialConnectRequestProblem(value: unknown): string | undefined {
  if (!isPlainObject(value)) {
    return `must be an object, not ${describe(value)}`;
  }
  const present = Object.entries(connectRequestShape).filter(([key]) => Object.hasOwn(value, key));
  return shapeProblem(value, Object.fromEntries(present));
}

/** Every field in `shape` present and right, and no other field. */
function shapeProblem(value: unknown, shape: Record<string, Check>): string | undefined {
  if (!isPlainObject(value)) {
    return `must be an object, not ${describe(value)}`;
  }
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(shape, key)) {
      return `has an unexpected field ${JSON.stringify(key.slice(0, 40))}`;
    }
  }
  for (const [key, check] of Object.entries(shape)) {
    if (!Object.hasOwn(value, key)) {
      if (check(undefined) === undefined) continue;
      return `${key} is missing`;
    }
    const problem = check(value[key]);
    if (problem !== undefined) {
      return `${key} ${problem}`;
    }
  }
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The kind of a value, never its content. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? 'a string' : typeof value;
}
