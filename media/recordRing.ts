// The webview's own bounded copy of the records: a ring that drops the oldest, as the extension's store does.

import type { SseRecord } from '../src/shared/record';

/**
 * Records are addressed by position: 0 for the first record since the last reset, counting up for ever,
 * so a position stays valid (or becomes clearly gone) while older records are dropped.
 */
export class RecordRing {
  private items: SseRecord[] = [];
  /** Index in `items` of the oldest kept record. */
  private start = 0;
  private count = 0;
  private first = 0;

  constructor(private capacity: number) {}

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
    return this.items[(this.start + offset) % this.capacity];
  }

  /** Adds a record, overwriting the oldest when full; returns the number of records dropped (0 or 1). */
  push(record: SseRecord): number {
    if (this.count < this.capacity) {
      // Until the ring first fills, start is 0 and the array just grows.
      this.items.push(record);
      this.count++;
      return 0;
    }
    this.items[this.start] = record;
    this.start = (this.start + 1) % this.capacity;
    this.first++;
    return 1;
  }

  /** Empties the ring, optionally with a new capacity; positions start again at 0. */
  reset(capacity = this.capacity): void {
    this.capacity = Math.max(1, capacity);
    this.items = [];
    this.start = 0;
    this.count = 0;
    this.first = 0;
  }
}
