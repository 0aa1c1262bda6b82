// The --json lines: exactly JSON.stringify(record), built faster for the event records that make up a stream.
import { LastText } from './lastText';
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
  private readonly t = new LastText<number>(JSON.stringify);
  private readonly at = new LastText<number>(JSON.stringify);
  private readonly dt = new LastText<number | null>(JSON.stringify);
  private readonly type = new LastText<string>(jsonString);

  line(record: SseRecord): string {
    return record.kind === 'event' && record.truncated === undefined ? this.event(record) : JSON.stringify(record);
  }

  private event(record: EventRecord): string {
    const id = record.id === null ? 'null' : jsonString(record.id);
    // The key order is the engine's (src/engine/connection.ts emitEvent), which JSON.stringify follows.
    return (
      `{"kind":"event","seq":${record.seq},"t":${this.t.of(record.t)},"at":${this.at.of(record.at)},"type":${this.type.of(record.type)},` +
      `"data":${jsonString(record.data)},"id":${id},"lastEventId":${jsonString(record.lastEventId)},"size":${record.size},"dt":${this.dt.of(record.dt)}}`
    );
  }
}
