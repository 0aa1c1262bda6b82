// Which of a panel's sessions is live, which the table shows and which the timeline compares it with, and the
// batches that carry the shown one's records to the webview.

import type { ConnectRequest, ExtensionToWebview } from '../shared/protocol';
import { streamPlace } from '../shared/panelTitle';
import type { SseRecord } from '../shared/record';
import { TimelineBuckets } from '../shared/timing/timelineBuckets';
import { RecordBatcher, type RecordBatch } from './batcher';
import { newSession, SessionHistory, type Session } from './sessionHistory';

export interface KeptSessionLimits {
  maxEvents: number;
  maxStoreBytes?: number;
  /** Sessions kept, the live one included; absent: 1. */
  keptSessions?: number;
}

export interface KeptSessionPorts {
  post(message: ExtensionToWebview): unknown;
  notify(message: string): void;
  /** Posts a batch of the shown session's records; see RecordBatcher for what its result means. */
  sendBatch(batch: RecordBatch): unknown;
  /** Whether the live session's connection is still open or reconnecting. */
  streaming(): boolean;
}

export class KeptSessions {
  /** The session the connection (if any) feeds. */
  private current: Session;
  /** The live one, or an earlier one the user picked. */
  private shownSession: Session;
  private compared: Session | undefined;
  private readonly history: SessionHistory;
  /** Made again for each session shown. */
  private batcher: RecordBatcher;

  constructor(
    request: ConnectRequest,
    private readonly limits: KeptSessionLimits,
    private readonly ports: KeptSessionPorts,
  ) {
    this.current = newSession(1, request, limits.maxEvents, limits.maxStoreBytes);
    this.shownSession = this.current;
    this.history = new SessionHistory(limits.keptSessions ?? 1, limits.maxStoreBytes ?? Number.POSITIVE_INFINITY);
    this.batcher = this.batcherFor(this.current);
  }

  get live(): Session {
    return this.current;
  }

  get shown(): Session {
    return this.shownSession;
  }

  get showsLive(): boolean {
    return this.shownSession === this.current;
  }

  /**
   * A new live session, shown in the table. The one before is kept (true) unless it held nothing or the limits let
   * it go; a panel's first connect takes over the empty session it opened with.
   */
  start(request: ConnectRequest): boolean {
    const ended = this.current;
    const kept = this.history.retire(ended);
    const number = ended.store.size === 0 ? ended.number : ended.number + 1;
    this.current = newSession(number, request, this.limits.maxEvents, this.limits.maxStoreBytes);
    // A compared session the limits let go (the one that just ended among them) is compared no longer.
    if (this.compared !== undefined && this.history.find(this.compared.number) === undefined) {
      this.setCompared(undefined);
    }
    this.showSession(this.current);
    return kept;
  }

  /**
   * Sessions read back after a window reload, oldest first, into a panel that has none yet: the last one becomes the
   * live session (its stream ended), each started when its first record was received.
   */
  restore(sessions: Array<{ request: ConnectRequest; records: SseRecord[] }>): void {
    sessions.forEach(({ request, records }, index) => {
      if (index > 0) this.start(request);
      // The same store (and so the same batcher), with the session's own request and start.
      this.current = { ...this.current, request, startedAt: records[0]?.at ?? this.current.startedAt };
      this.shownSession = this.current;
      for (const record of records) this.add(record);
    });
  }

  /** A record of the live session: it reaches the table only while that session is shown, and is kept either way. */
  add(record: SseRecord): void {
    if (record.kind === 'open') this.current.raw.startConnection(record.connection);
    if (this.showsLive) this.batcher.add(record);
    else this.current.store.append(record);
  }

  /** Empties the shown session (the Clear button); true when that is the live one. */
  clearShown(): boolean {
    this.shownSession.store.clear();
    this.batcher.reset();
    return this.showsLive;
  }

  /** Starts the shown session's records over from the first, for a webview that starts from nothing. */
  restart(): RecordBatch {
    return this.batcher.restart();
  }

  /** What a webview that starts from nothing needs besides the records: the list and the comparison. */
  describe(): void {
    this.postList();
    if (this.compared !== undefined) this.compare(this.compared.number);
  }

  /** Shows a kept session (or the live one) in the table, from its first record. */
  show(number: number): void {
    const session = this.find(number);
    if (session === undefined) {
      this.ports.notify(`Session ${number} is no longer kept.`);
      return this.postList();
    }
    if (session === this.compared) this.setCompared(undefined);
    this.showSession(session);
    this.ports.sendBatch(this.batcher.restart());
  }

  /** Draws another session's timeline under the shown one's (the live session's as received so far); null: none. */
  compare(number: number | null): void {
    const session = number === null ? undefined : this.find(number);
    if (number !== null && (session === undefined || session === this.shownSession)) {
      this.ports.notify(`Session ${number} cannot be compared: it is ${session ? 'the one shown' : 'no longer kept'}.`);
    }
    this.setCompared(session === this.shownSession ? undefined : session);
    this.postList();
  }

  dispose(): void {
    this.batcher.dispose();
  }

  private find(number: number): Session | undefined {
    return number === this.current.number ? this.current : this.history.find(number);
  }

  private showSession(session: Session): void {
    this.shownSession = session;
    this.batcher.dispose();
    this.batcher = this.batcherFor(session);
    this.ports.post({ type: 'cleared' });
    this.postList();
  }

  private setCompared(session: Session | undefined): void {
    this.compared = session;
    const track =
      session === undefined
        ? null
        : {
            number: session.number,
            place: streamPlace(session.request.url),
            streaming: session === this.current && this.ports.streaming(),
            buckets: TimelineBuckets.ofRecords(session.store.snapshot()).snapshot(),
          };
    this.ports.post({ type: 'compare', track });
  }

  /** The list again, e.g. when the live session's connection ended (its count and state changed). */
  postList(): void {
    const list = this.history.list(this.current, this.ports.streaming(), this.shownSession, this.compared);
    this.ports.post({ type: 'sessions', list });
  }

  private batcherFor(session: Session): RecordBatcher {
    return new RecordBatcher(session.store, (batch) => this.ports.sendBatch(batch));
  }
}
