// The webview's own bounded copy of the records: a ring that drops the oldest, as the extension's store does.

import type { EventRecord, SseRecord } from '../src/shared/record';
import { TextPages } from './textPages';

/**
 * Records are addressed by position: 0 for the first record since the last reset, counting up for ever,
 * so a position stays valid (or becomes clearly gone) while older records are dropped.
 *
 * Event records are kept in columns, not as the objects a message brought: a million kept objects, each with its
 * own strings and boxed numbers, made every garbage collection of the webview's heap copy or mark them all (the
 * panel bench's long tasks, BENCHMARKS.md). Numbers go to typed arrays and the strings (type, data, id, Last-Event-ID)
 * are joined a page at a time (TextPages), so a full page of events leaves no object of its own behind. `at` makes
 * the record again.
 */
export class RecordRing {
  /** Records other than events, kept whole (they are few), by slot; their slots are flagged OTHER. */
  private others = new Map<number, SseRecord>();
  /** The numbers, in pages of PAGE slots: growing never copies what is kept (a 40 MB copy is a long task). */
  private numbers: Float64Array[] = [];
  private types: TextPages;
  private data: TextPages;
  /** Ids as text, an event without one flagged NO_ID. */
  private ids: TextPages;
  private lastEventIds: TextPages;
  /** Per slot, OTHER, TRUNCATED and NO_ID bits, in pages like the numbers. */
  private flags: Uint8Array[] = [];
  /** Slot of the oldest kept record. */
  private start = 0;
  private count = 0;
  private first = 0;

  constructor(private capacity: number) {
    [this.types, this.data, this.ids, this.lastEventIds] = this.textColumns();
  }

  get length(): number {
    return this.count;
  }

  /** Position of the oldest kept record. */
  get firstPosition(): number {
    return this.first;
  }

  /** Position the next record will get. */
  get endPosition(): number {
    return this.first + this.count;
  }

  at(position: number): SseRecord | undefined {
    const offset = position - this.first;
    if (offset < 0 || offset >= this.count) return undefined;
    const slot = (this.start + offset) % this.capacity;
    const flags = this.flags[Math.floor(slot / PAGE)][slot % PAGE];
    if ((flags & OTHER) !== 0) return this.others.get(slot);
    const numbers = this.numbers[Math.floor(slot / PAGE)];
    const n = (slot % PAGE) * FIELDS;
    const dt = numbers[n + 4];
    // The engine's own field order, so the detail pane shows the record as before.
    const record: EventRecord = {
      kind: 'event',
      seq: numbers[n],
      t: numbers[n + 1],
      at: numbers[n + 2],
      type: this.types.get(slot),
      data: this.data.get(slot),
      id: (flags & NO_ID) === 0 ? this.ids.get(slot) : null,
      lastEventId: this.lastEventIds.get(slot),
      size: numbers[n + 3],
      dt: Number.isNaN(dt) ? null : dt,
    };
    if ((flags & TRUNCATED) !== 0) record.truncated = true;
    return record;
  }

  /** Adds a record, overwriting the oldest when full; returns the number of records dropped (0 or 1). */
  push(record: SseRecord): number {
    let slot: number;
    let dropped = 0;
    if (this.count < this.capacity) {
      slot = this.count++;
      this.ensureRoom(this.count);
    } else {
      slot = this.start;
      this.start = (this.start + 1) % this.capacity;
      this.first++;
      dropped = 1;
    }
    this.store(slot, record);
    return dropped;
  }

  /** Empties the ring, optionally with a new capacity; positions start again at 0. */
  reset(capacity = this.capacity): void {
    this.capacity = Math.max(1, capacity);
    this.others = new Map();
    this.numbers = [];
    [this.types, this.data, this.ids, this.lastEventIds] = this.textColumns();
    this.flags = [];
    this.start = 0;
    this.count = 0;
    this.first = 0;
  }

  private store(slot: number, record: SseRecord): void {
    const flags = this.flags[Math.floor(slot / PAGE)];
    if (flags[slot % PAGE] === OTHER) this.others.delete(slot);
    if (record.kind !== 'event') {
      this.others.set(slot, record);
      flags[slot % PAGE] = OTHER;
      // Written all the same: each page of text is written in order, slot by slot.
      for (const column of [this.types, this.data, this.ids, this.lastEventIds]) column.set(slot, '');
      return;
    }
    const numbers = this.numbers[Math.floor(slot / PAGE)];
    const n = (slot % PAGE) * FIELDS;
    numbers[n] = record.seq;
    numbers[n + 1] = record.t;
    numbers[n + 2] = record.at;
    numbers[n + 3] = record.size;
    numbers[n + 4] = record.dt ?? Number.NaN;
    this.types.set(slot, record.type);
    this.data.set(slot, record.data);
    this.ids.set(slot, record.id ?? '');
    this.lastEventIds.set(slot, record.lastEventId);
    flags[slot % PAGE] = (record.truncated === true ? TRUNCATED : 0) | (record.id === null ? NO_ID : 0);
  }

  /** Type, data, id and Last-Event-ID. */
  private textColumns(): TextPages[] {
    return [0, 1, 2, 3].map(() => new TextPages(this.capacity, PAGE));
  }

  /** Adds a page of number columns when the slots reach past the last one. */
  private ensureRoom(slots: number): void {
    while (this.numbers.length * PAGE < slots) {
      this.numbers.push(new Float64Array(PAGE * FIELDS));
      this.flags.push(new Uint8Array(PAGE));
    }
  }
}

const TRUNCATED = 1;
const NO_ID = 2;
/** A record other than an event: kept whole in `others`. */
const OTHER = 4;
/** seq, t, at, size, dt (NaN for null) per slot. */
const FIELDS = 5;
/** Slots per page of numbers: 640 KB, allocated once each. */
const PAGE = 16_384;
