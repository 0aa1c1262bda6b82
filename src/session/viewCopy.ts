// The copies of records the webview gets: huge event data clipped for the table, the store keeping it whole.
import { clipText } from '../shared/clipText';
import type { SseRecord } from '../shared/record';

/** Enough for any row and most detail panes; the rest arrives on demand through `details`. */
export const VIEW_DATA_LIMIT = 64 * 1024;

/** The record itself when it is small enough, else a copy whose data is cut and marked `truncated`. */
export function toViewRecord(record: SseRecord, limit: number = VIEW_DATA_LIMIT): SseRecord {
  if (record.kind !== 'event' || record.data.length <= limit) {
    return record;
  }
  return { ...record, data: clipText(record.data, limit), truncated: true };
}

export { clipText };

/** Roughly how many characters a record adds to a message: its (clipped) data dominates; other kinds are few and small. */
export function viewSize(record: SseRecord): number {
  switch (record.kind) {
    case 'event':
      // About 120 characters of JSON for the fields around the data.
      return 120 + Math.min(record.data.length, VIEW_DATA_LIMIT) + record.lastEventId.length;
    case 'comment':
      return 100 + record.text.length;
    case 'ignored':
      return 150 + record.line.length + record.reason.length;
    default:
      return 500;
  }
}
