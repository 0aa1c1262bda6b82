// The scenario file format: what each connection attempt to a scripted stream gets, and how its bytes travel.

/** One body step; exactly one kind per object (an event is any object with `data`). */
export type BodyStep =
  | { event?: string; data: string; id?: string }
  | { retry: number }
  | { comment: string }
  | { wait: number }
  | { raw: string }
  | { drop: true }
  | { stall: true };

export type LineEnding = 'lf' | 'crlf' | 'cr';

/** How the bytes travel; set per scenario, overridden field by field per attempt. */
export interface Transport {
  /** Line ending of the generated lines (event, retry, comment); `raw` steps are written as given. */
  lineEnding?: LineEnding;
  /** Start the body with a UTF-8 byte order mark. */
  bom?: boolean;
  /** Write each step in pieces of this many bytes (1 = a byte at a time, splitting multibyte characters). */
  chunkBytes?: number;
  /** Pause this long between pieces: a slow trickle. */
  trickleMs?: number;
  /** Proxy-like buffering: hold everything, flushing only every N ms. */
  bufferMs?: number;
  /** Compress the body (Content-Encoding: gzip), flushed at each write. */
  gzip?: boolean;
}

export interface Attempt {
  status?: number;
  headers?: Record<string, string>;
  steps?: BodyStep[];
  /** Skip events up to and including the one whose id is the request's Last-Event-ID. */
  resume?: boolean;
  transport?: Transport;
}

export interface Scenario {
  $schema?: string;
  description?: string;
  /** Where the mock serves it, e.g. `/flaky`. */
  path?: string;
  transport?: Transport;
  /** Attempt N gets attempts[N]; attempts past the end get the last one again. */
  attempts: Attempt[];
}

/** Files bigger than this are refused before parsing. */
export const MAX_SCENARIO_BYTES = 1024 * 1024;
export const MAX_ATTEMPTS = 1000;
export const MAX_STEPS = 10000;
/** Longest wait, trickle or buffer: setTimeout's own limit. */
export const MAX_MS = 2 ** 31 - 1;

export const STEP_KINDS = ['data', 'retry', 'comment', 'wait', 'raw', 'drop', 'stall'] as const;
export const LINE_ENDINGS: readonly LineEnding[] = ['lf', 'crlf', 'cr'];
export const TRANSPORT_KEYS = ['lineEnding', 'bom', 'chunkBytes', 'trickleMs', 'bufferMs', 'gzip'] as const;
export const ATTEMPT_KEYS = ['status', 'headers', 'steps', 'resume', 'transport'] as const;
export const SCENARIO_KEYS = ['$schema', 'description', 'path', 'transport', 'attempts'] as const;
