// A panel's sessions: each Connect starts one, and the last few (the live one included) are kept, within a count and
// a byte limit, for the user to show again or to compare in the timeline.

import type { ConnectRequest, SessionList, SessionSummary } from '../shared/protocol';
import { streamPlace } from '../shared/panelTitle';
import { RAW_BYTES, RawCapture } from './rawCapture';
import { RecordStore } from './recordStore';

/** One session: what was asked, and what its connections brought (records and the last raw bytes). */
export interface Session {
  readonly number: number;
  /** The request as sent, credential header values masked. */
  readonly request: ConnectRequest;
  readonly startedAt: number;
  readonly store: RecordStore;
  readonly raw: RawCapture;
}

/** How many sessions a panel keeps by default, the live one included. */
export const DEFAULT_KEPT_SESSIONS = 5;

export class SessionHistory {
  /** Earlier sessions, oldest first; the live one is not among them. */
  private readonly past: Session[] = [];
  private forgotten = 0;

  constructor(
    /** Sessions kept, the live one included: 1 keeps none of the earlier ones. */
    private readonly keep: number,
    /** What the earlier sessions may hold together (their records' bytes and their raw bytes). */
    private readonly maxBytes: number,
  ) {}

  /** The live session becomes an earlier one: kept if it holds anything, the oldest let go beyond the limits. */
  retire(session: Session): boolean {
    if (session.store.size === 0) return false;
    this.past.push(session);
    while (this.past.length > 0 && (this.past.length > this.keep - 1 || this.bytes() > this.maxBytes)) {
      this.past.shift();
      this.forgotten += 1;
    }
    return this.past.includes(session);
  }

  find(number: number): Session | undefined {
    return this.past.find((session) => session.number === number);
  }

  /** What the picker lists, the live session last. */
  list(live: Session, streaming: boolean, shown: Session, compared: Session | undefined): SessionList {
    return {
      sessions: [...this.past.map((session) => summary(session, false, false)), summary(live, true, streaming)],
      shown: shown.number,
      compared: compared?.number ?? null,
      forgotten: this.forgotten,
    };
  }

  private bytes(): number {
    return this.past.reduce((total, session) => total + session.store.byteSize + RAW_BYTES, 0);
  }
}

export function newSession(number: number, request: ConnectRequest, capacity: number, maxBytes: number | undefined): Session {
  return { number, request, startedAt: Date.now(), store: new RecordStore(capacity, maxBytes), raw: new RawCapture() };
}

function summary(session: Session, live: boolean, streaming: boolean): SessionSummary {
  const { number, request, startedAt, store } = session;
  return { number, place: streamPlace(request.url), startedAt, events: store.received.events, live, streaming };
}
