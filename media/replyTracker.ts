// Follows the session's records into the LLM reply the Assembled view shows: one reply per connection, rebuilt
// from the kept records when the user changes the JSON path.

import { ReplyAssembler, type Reply } from '../src/shared/llm/assembler';
import { compilePath } from '../src/shared/llm/jsonPath';
import type { StreamMetrics } from '../src/shared/llm/metrics';
import type { SseRecord } from '../src/shared/record';

/** The view keeps less reply text than the CLI (16 MiB): it is drawn, and the records stay in the table anyway. */
const VIEW_REPLY_BYTES = 4 * 1024 * 1024;
/**
 * Without a path, a stream none of whose first events is in a known format is not an LLM stream: its later events are
 * not parsed for a reply (a JSON feed of a million events would otherwise be parsed twice).
 */
const GIVE_UP_AFTER_EVENTS = 200;

export class ReplyTracker {
  private assembler: ReplyAssembler;
  private path = '';
  private events = 0;
  /** Events whose data reached the view clipped, so they could not be read for the reply. */
  private clipped = 0;
  /** The connection whose reply is shown: a reconnect starts a new reply. */
  private connection = 0;
  /** Set when anything the view shows changed; the view clears it when it draws. */
  changed = true;

  constructor() {
    this.assembler = new ReplyAssembler({ maxBytes: VIEW_REPLY_BYTES });
  }

  get reply(): Reply {
    return this.assembler.reply;
  }

  get metrics(): StreamMetrics {
    return this.assembler.metrics;
  }

  get clippedEvents(): number {
    return this.clipped;
  }

  /** A format was recognized or a path is set: there is a reply to show. */
  get active(): boolean {
    return this.assembler.reply.format !== undefined;
  }

  get jsonPath(): string {
    return this.path;
  }

  push(record: SseRecord): void {
    if (record.kind === 'open') this.startConnection(record.connection);
    if (this.gaveUp) return;
    if (record.kind === 'event') {
      this.events += 1;
      if (record.truncated === true) {
        this.clipped += 1;
        this.changed = true;
        return;
      }
    }
    const step = this.assembler.push(record);
    if (step.recognized || record.kind === 'open') this.changed = true;
  }

  /** Starts over with no records, keeping the path. */
  reset(): void {
    this.assembler = new ReplyAssembler({ maxBytes: VIEW_REPLY_BYTES, path: this.path === '' ? undefined : this.path });
    this.events = 0;
    this.clipped = 0;
    this.connection = 0;
    this.changed = true;
  }

  /**
   * Reads the reply at `path` (empty: the known formats) and rebuilds it from `records`; returns the problem when
   * `path` is not a path, leaving the reply as it was.
   */
  setPath(path: string, records: Iterable<SseRecord>): string | undefined {
    const trimmed = path.trim();
    if (trimmed !== '') {
      const steps = compilePath(trimmed);
      if ('problem' in steps) return steps.problem;
    }
    this.path = trimmed;
    this.reset();
    for (const record of records) this.push(record);
    return undefined;
  }

  private get gaveUp(): boolean {
    return this.path === '' && this.assembler.reply.format === undefined && this.events >= GIVE_UP_AFTER_EVENTS;
  }

  private startConnection(connection: number): void {
    if (connection === this.connection) return;
    if (this.connection !== 0 || this.events > 0) this.reset();
    this.connection = connection;
  }
}
