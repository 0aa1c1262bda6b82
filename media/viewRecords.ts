// The records the webview keeps of the shown session, and what is counted from them as they come: type chips, stream
// stats, the reply being assembled, the latest open (for the diagnostics) and how many older ones were dropped.

import type { ReceivedTotals } from '../src/shared/protocol';
import type { OpenRecord, SseRecord } from '../src/shared/record';
import { RecordRing } from './recordRing';
import { ReplyTracker } from './replyTracker';
import { StreamStats } from './streamStats';
import { TypeChips } from './typeChips';

/** Until the first `state` says otherwise; the same default as the sseInspector.maxEvents setting. */
const DEFAULT_MAX_EVENTS = 100_000;

export class ViewRecords {
  readonly ring = new RecordRing(DEFAULT_MAX_EVENTS);
  readonly chips = new TypeChips();
  readonly stats = new StreamStats();
  readonly reply = new ReplyTracker();
  /** How many records the extension keeps (sseInspector.maxEvents), as its last state said: the ring's size. */
  maxEvents = DEFAULT_MAX_EVENTS;
  private open: OpenRecord | undefined;
  private droppedRecords = 0;

  /** The latest open record: the diagnostics describe its response. */
  get latestOpen(): OpenRecord | undefined {
    return this.open;
  }

  /** Older records the extension's cap dropped. */
  get dropped(): number {
    return this.droppedRecords;
  }

  /**
   * Takes `records` after those kept, with the extension's counts; `added` sees each record with the position it gets.
   * Returns the position of the first.
   */
  append(
    records: SseRecord[],
    dropped: number,
    received: ReceivedTotals | undefined,
    added: (record: SseRecord, position: number) => void,
  ): number {
    const from = this.ring.endPosition;
    for (const record of records) {
      this.chips.observe(record);
      this.stats.add(record);
      if (record.kind === 'open') this.open = record;
      this.reply.push(record);
      added(record, this.ring.endPosition);
      this.ring.push(record);
    }
    this.droppedRecords = dropped;
    if (received) this.stats.setReceived(received);
    return from;
  }

  /** Forgets every record and count; `keepDiagnostics` keeps the latest open (the connection is still open). */
  clear(keepDiagnostics: boolean): void {
    this.ring.reset(this.maxEvents);
    this.chips.reset();
    this.stats.reset();
    this.reply.reset();
    if (!keepDiagnostics) this.open = undefined;
    this.droppedRecords = 0;
  }

  /** The records kept, oldest first. */
  *kept(): Generator<SseRecord> {
    for (let position = this.ring.firstPosition; position < this.ring.endPosition; position++) {
      const record = this.ring.at(position);
      if (record) yield record;
    }
  }
}
