// What each record kind looks like in words: its type label, badge and one-line summary.

import type { CloseReason, SseRecord } from '../src/shared/record';
import { assertNever } from '../src/shared/record';
import { eventDeltaText } from '../src/shared/llm/recognize';
import { visibleLine } from '../src/shared/visibleText';
import { collapseWhitespace, rowData } from './format';

/** The badge styles: `message` events, custom-named events, errors, lifecycle rows, and the dim rows browsers hide. */
export type BadgeKind = 'message' | 'custom' | 'error' | 'lifecycle' | 'dim';

/** What the type column says: the event type for events, the record kind for everything else. */
export function typeLabel(record: SseRecord): string {
  return record.kind === 'event' ? visibleLine(record.type) : record.kind;
}

export function badgeKind(record: SseRecord): BadgeKind {
  switch (record.kind) {
    case 'event':
      return record.type === 'message' ? 'message' : 'custom';
    case 'error':
      return 'error';
    case 'open':
    case 'reconnect':
    case 'closed':
      return 'lifecycle';
    case 'comment':
    case 'ignored':
    case 'retry':
      return 'dim';
    default:
      return assertNever(record);
  }
}

/** Comment, retry and ignored-line rows are hidden unless the user asks for them, as browsers hide them. */
export function isHiddenByDefault(record: SseRecord): boolean {
  return record.kind === 'comment' || record.kind === 'retry' || record.kind === 'ignored';
}

export function closeReasonText(reason: CloseReason): string {
  switch (reason) {
    case 'user':
      return 'closed by you';
    case 'close-on-event':
      return 'close-on event received';
    case 'ended':
      return 'the server ended the stream';
    case 'no-content':
      return 'server answered 204 No Content (stop reconnecting)';
    case 'failed':
      return 'connection failed';
    case 'reconnect-limit':
      return 'reconnect limit reached';
    case 'max-events':
      return 'event limit reached';
    case 'timeout':
      return 'time limit reached';
    default:
      return assertNever(reason);
  }
}

/** Close reasons whose engine message is a whole sentence naming the reason itself. */
const SELF_EXPLAINED: ReadonlySet<CloseReason> = new Set<CloseReason>(['user', 'close-on-event', 'ended', 'no-content']);

export function isSelfExplained(reason: CloseReason): boolean {
  return SELF_EXPLAINED.has(reason);
}

const summaries = new WeakMap<SseRecord, string>();

/** The data column: the payload for events, a short description for every other kind (cached: rows redraw on every scroll). */
export function rowSummary(record: SseRecord): string {
  let summary = summaries.get(record);
  if (summary === undefined) {
    summary = visibleLine(describe(record));
    summaries.set(record, summary);
  }
  return summary;
}

function describe(record: SseRecord): string {
  switch (record.kind) {
    case 'event':
      // An LLM event shows the text it added (`"Hel"`); the whole JSON stays in the details.
      return eventDeltaText(record.type, record.data) ?? rowData(record.data);
    case 'open': {
      const contentType = record.headers['content-type'] ?? 'no Content-Type';
      return `HTTP ${record.status} · ${contentType} · headers after ${record.ttfbMs} ms · ${record.url}`;
    }
    case 'error':
      // "The server answered 503 Service Unavailable…" names its status already: no "(HTTP 503)" after it.
      return `${record.message}${record.status !== undefined && !record.message.includes(String(record.status)) ? ` (HTTP ${record.status})` : ''}${record.willReconnect ? ' · will reconnect' : ''}`;
    case 'reconnect':
      return `attempt ${record.attempt} after ${record.delayMs} ms${record.lastEventId ? ` · Last-Event-ID: ${record.lastEventId}` : ''}`;
    case 'closed':
      if (!record.message) return closeReasonText(record.reason);
      // The engine's message already says it in full ("Closed by the user"): not "closed by you: Closed by the user".
      return isSelfExplained(record.reason) ? record.message : `${closeReasonText(record.reason)}: ${record.message}`;
    case 'comment':
      return collapseWhitespace(record.text);
    case 'ignored':
      return `${collapseWhitespace(record.line)}${record.lineBytes === undefined ? '' : '…'} · ignored: ${record.reason}`;
    case 'retry':
      return `reconnection time set to ${record.ms} ms`;
    default:
      return assertNever(record);
  }
}
