// The copies of records the webview gets: every long string clipped (event data to a page, the rest to a line), the store keeping them whole.
import { CLIP_MARK, clipMarked, clipText } from '../shared/clipText';
import type { EventRecord, SseRecord } from '../shared/record';

/** Enough for any row and most detail panes; the rest of an event's data arrives on demand through `details`. */
export const VIEW_DATA_LIMIT = 64 * 1024;
/** Fields a row shows on one line (type, id, Last-Event-ID, URL, header values, messages): far more than fits. */
export const VIEW_FIELD_LIMIT = 4 * 1024;
/** Marks a clipped field other than event data, so a user sees it was cut. */
export { CLIP_MARK };

/**
 * Fields that are bodies of text rather than one-line values (event data, comments, ignored lines, an error
 * response's body, which the detail pane pretty-prints when it is JSON); they get the data limit.
 */
const BODY_FIELDS = new Set(['data', 'text', 'line', 'body']);

/**
 * The record itself when every string in it is within its limit, else a copy with the long ones cut: event data
 * marked `truncated` (the detail pane fetches the rest), other fields ending in CLIP_MARK. Generic over fields,
 * so a record kind added later is clipped too. Event data is untrusted, and so is every header and id.
 */
export function toViewRecord(record: SseRecord, dataLimit: number = VIEW_DATA_LIMIT, fieldLimit: number = VIEW_FIELD_LIMIT): SseRecord {
  // Nearly every record is an event within its limits: answered without walking its fields (a million in a burst).
  if (record.kind === 'event' && eventWithin(record, dataLimit, fieldLimit)) {
    return record;
  }
  let copy: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(record)) {
    const clipped = BODY_FIELDS.has(key) && typeof value === 'string' ? clipText(value, dataLimit) : clipField(value, fieldLimit);
    if (clipped !== value) {
      copy ??= { ...record };
      copy[key] = clipped;
    }
  }
  if (copy === undefined) {
    return record;
  }
  if (record.kind === 'event' && copy.data !== record.data) {
    copy.truncated = true;
  }
  return copy as unknown as SseRecord;
}

function eventWithin(record: EventRecord, dataLimit: number, fieldLimit: number): boolean {
  return (
    record.data.length <= dataLimit &&
    record.type.length <= fieldLimit &&
    record.lastEventId.length <= fieldLimit &&
    (record.id === null || record.id.length <= fieldLimit)
  );
}

/** A one-line value, or an object of them at any depth (headers, the CORS verdict, the request sent), each long string cut and marked. */
function clipField(value: unknown, limit: number): unknown {
  if (typeof value === 'string') {
    return clipMarked(value, limit);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return value;
  }
  let copy: Record<string, unknown> | undefined;
  for (const [key, entry] of Object.entries(value)) {
    const clippedKey = clipField(key, limit) as string;
    const clipped = clipField(entry, limit);
    if (clipped !== entry || clippedKey !== key) {
      copy ??= { ...value };
      if (clippedKey !== key) delete copy[key];
      copy[clippedKey] = clipped;
    }
  }
  return copy ?? value;
}

export { clipText };

/** Roughly how many characters a record adds to a message: its strings as clipped, and about 120 for the rest. */
export function viewSize(record: SseRecord): number {
  if (record.kind === 'event' && record.truncated === undefined) {
    // What stringChars counts for an event, without walking its fields: its keys, "event", and its strings.
    return 120 + EVENT_KEY_CHARS + clipped(record.data) + clipped(record.type) + clipped(record.id) + clipped(record.lastEventId);
  }
  return 120 + stringChars(record, VIEW_DATA_LIMIT);
}

/** A string's characters as stringChars counts them (up to the data limit); none for null. */
function clipped(text: string | null): number {
  return text === null ? 0 : Math.min(text.length, VIEW_DATA_LIMIT);
}

/** The characters of an event record's keys and of its kind, "event". */
const EVENT_KEY_CHARS = ['kind', 'seq', 't', 'at', 'type', 'data', 'id', 'lastEventId', 'size', 'dt', 'event'].join('').length;

/** Characters in the strings of `value` (keys included, at any depth), each counted up to `cap`. */
export function stringChars(value: unknown, cap: number = Number.POSITIVE_INFINITY): number {
  if (typeof value === 'string') {
    return Math.min(value.length, cap);
  }
  if (typeof value !== 'object' || value === null) {
    return 0;
  }
  let total = 0;
  for (const [key, entry] of Object.entries(value)) {
    total +=
      key.length + (typeof entry === 'string' ? Math.min(entry.length, cap) : typeof entry === 'object' ? stringChars(entry, cap) : 0);
  }
  return total;
}
