// Reads and validates the query options of the mock server's /sse stream; a bad one is named in the error.

/** How the stream answers CORS: reflect the Origin with credentials, the `*` mistake, or no headers at all. */
export type CorsMode = 'reflect' | 'star' | 'none';

/** Whose response headers to imitate: ours, the document's ASHX handler, or its ASP.NET Core controller. */
export type ServerVariant = 'default' | 'ashx' | 'core';

export interface StreamOptions {
  /** Milliseconds between messages; 0 writes them as fast as the socket takes them. */
  intervalMs: number;
  /** How many messages before the `end` event. */
  count: number;
  /** `burst` style: `data: N` bodies instead of the document's JSON messages. */
  burst: boolean;
  /** Add `id: N` lines, and resume after the request's Last-Event-ID. */
  ids: boolean;
  /** Send `retry: N` first. */
  retryMs?: number;
  /** Cut the connection after this many messages. */
  dropAfter?: number;
  cors: CorsMode;
  variant: ServerVariant;
}

export type StreamQuery = { ok: true; options: StreamOptions } | { ok: false; error: string };

/** The document's sequence has ten messages. */
export const DOCUMENT_MESSAGE_COUNT = 10;

/** setTimeout's own limit, so every accepted interval is honoured as given. */
const MAX_WHOLE = 2 ** 31 - 1;

const KNOWN = ['interval', 'count', 'ids', 'retry', 'drop', 'cors', 'variant', 'burst'] as const;
type Known = (typeof KNOWN)[number];

class BadQuery extends Error {}

function wholeNumber(name: Known, value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > MAX_WHOLE) {
    throw new BadQuery(`${name} must be a whole number from 0 to ${MAX_WHOLE}, got "${value}"`);
  }
  return Number(value);
}

function oneOf<T extends string>(name: Known, value: string, allowed: readonly T[]): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw new BadQuery(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  return found;
}

function flag(name: Known, value: string): boolean {
  // `?ids` alone turns it on, as a bare word in a URL reads naturally.
  if (value === '' || value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  throw new BadQuery(`${name} must be empty, 1, true, 0 or false, got "${value}"`);
}

function readParams(search: URLSearchParams): Map<Known, string> {
  const params = new Map<Known, string>();
  for (const [name, value] of search) {
    const known = KNOWN.find((candidate) => candidate === name);
    if (known === undefined) {
      throw new BadQuery(`unknown query parameter "${name}" (known: ${KNOWN.join(', ')})`);
    }
    if (params.has(known)) throw new BadQuery(`query parameter "${name}" is given more than once`);
    params.set(known, value);
  }
  return params;
}

function build(params: Map<Known, string>, defaultIntervalMs: number): StreamOptions {
  const number = (name: Known): number | undefined => {
    const value = params.get(name);
    return value === undefined ? undefined : wholeNumber(name, value);
  };
  const burst = number('burst');
  if (burst !== undefined) {
    // A burst is defined by its size alone; a pace or a length on top would contradict it.
    for (const name of ['interval', 'count'] as const) {
      if (params.has(name)) throw new BadQuery(`${name} cannot be combined with burst`);
    }
  }
  const ids = params.get('ids');
  const cors = params.get('cors');
  const variant = params.get('variant');
  return {
    intervalMs: burst !== undefined ? 0 : (number('interval') ?? defaultIntervalMs),
    count: burst ?? number('count') ?? DOCUMENT_MESSAGE_COUNT,
    burst: burst !== undefined,
    ids: ids === undefined ? false : flag('ids', ids),
    retryMs: number('retry'),
    dropAfter: number('drop'),
    cors: cors === undefined ? 'reflect' : oneOf('cors', cors, ['reflect', 'star', 'none']),
    variant: variant === undefined ? 'default' : oneOf('variant', variant, ['ashx', 'core']),
  };
}

/** Parses `/sse`'s query; `defaultIntervalMs` applies when `interval` is absent. */
export function parseStreamQuery(search: URLSearchParams, defaultIntervalMs: number): StreamQuery {
  try {
    return { ok: true, options: build(readParams(search), defaultIntervalMs) };
  } catch (error) {
    if (error instanceof BadQuery) return { ok: false, error: error.message };
    throw error;
  }
}
