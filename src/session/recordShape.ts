// Checks that a value read back from disk has the shape of an SseRecord, field by field, before the panel (and its
// webview) treat it as one: a damaged or edited file must not crash either.

import type { SseRecord } from '../shared/record';

type Check = (value: unknown) => boolean;

const text: Check = (value) => typeof value === 'string';
const num: Check = (value) => typeof value === 'number' && Number.isFinite(value);
const flag: Check = (value) => typeof value === 'boolean';
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value);
const nullable =
  (check: Check): Check =>
  (value) =>
    value === null || check(value);
const textMap: Check = (value) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((item) => typeof item === 'string');
const shaped =
  (fields: Record<string, Check>): Check =>
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    Object.entries(fields).every(([name, check]) => check((value as Record<string, unknown>)[name]));

const sentRequest = shaped({ method: text, url: text, headers: textMap, bodyBytes: num });
const cors = shaped({ origin: text, withCredentials: flag, allowed: flag, reason: text });

const FIELDS: Record<SseRecord['kind'], Record<string, Check>> = {
  open: { connection: num, status: num, url: text, headers: textMap, ttfbMs: num, cors: optional(cors), request: optional(sentRequest) },
  event: { type: text, data: text, id: nullable(text), lastEventId: text, size: num, dt: nullable(num) },
  comment: { text },
  ignored: { line: text, reason: text },
  retry: { ms: num },
  error: {
    message: text,
    willReconnect: flag,
    status: optional(num),
    headers: optional(textMap),
    body: optional(text),
    request: optional(sentRequest),
  },
  reconnect: { attempt: num, delayMs: num, lastEventId: text },
  closed: { reason: text, message: optional(text) },
};

const BASE = { seq: (value: unknown) => Number.isSafeInteger(value), t: num, at: num };

/** The value as a record when every field the panel reads has its type; undefined otherwise. */
export function asRecord(value: unknown): SseRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const kind = (value as { kind?: unknown }).kind;
  if (typeof kind !== 'string' || !Object.hasOwn(FIELDS, kind)) return undefined;
  const fields = { ...BASE, ...FIELDS[kind as SseRecord['kind']] };
  return shaped(fields)(value) ? (value as SseRecord) : undefined;
}
