// The --json lines: exactly JSON.stringify(record), built faster for the event records that make up a stream.
import type { EventRecord, SseRecord } from '../shared/record';

/** Strings JSON writes as they are between quotes: printable ASCII without `"` or `\`. */
const AS_IS = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
/** Longer strings go to JSON.stringify directly: the test would cost as much as the escaping it saves. */
const AS_IS_MAX = 256;

function jsonString(text: string): string {
  return text.length <= AS_IS_MAX && AS_IS.test(text) ? `"${text}"` : JSON.stringify(text);
}

/**
 * Formats records as NDJSON lines. JSON.stringify took most of --json's time, much of it turning the same
 * numbers into text again: every record made from one body chunk shares `t` and `at`, and most share `dt`.
 * The last of each is kept as text. A test holds the output byte-identical to JSON.stringify.
 */
export class NdjsonFormatter {
  private lastT = NaN;
  private lastTText = '';
  private lastAt = NaN;
  private lastAtText = '';
  private lastDt: number | null = NaN;
  private lastDtText = '';
  private lastType = '';
  private lastTypeText = '""';

  line(record: SseRecord): string {
    return record.kind === 'event' && record.truncated === undefined ? this.event(record) : JSON.stringify(record);
  }

  private event(record: EventRecord): string {
    if (record.t !== this.lastT) [this.lastT, this.lastTText] = [record.t, JSON.stringify(record.t)];
    if (record.at !== this.lastAt) [this.lastAt, this.lastAtText] = [record.at, JSON.stringify(record.at)];
    if (record.dt !== this.lastDt) [this.lastDt, this.lastDtText] = [record.dt, JSON.stringify(record.dt)];
    if (record.type !== this.lastType) [this.lastType, this.lastTypeText] = [record.type, jsonString(record.type)];
    const id = record.id === null ? 'null' : jsonString(record.id);
    // The key order is the engine's (src/engine/connection.ts emitEvent), which JSON.stringify follows.
    return (
      `{"kind":"event","seq":${record.seq},"t":${this.lastTText},"at":${this.lastAtText},"type":${this.lastTypeText},` +
      `"data":${jsonString(record.data)},"id":${id},"lastEventId":${jsonString(record.lastEventId)},"size":${record.size},"dt":${this.lastDtText}}`
    );
  }
}
