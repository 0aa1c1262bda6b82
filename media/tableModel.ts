// The rows the table shows: the positions of the kept records that pass the filter, oldest first.

import type { SseRecord } from '../src/shared/record';
import type { RecordRing } from './recordRing';

export type RecordTest = (record: SseRecord) => boolean;

export class TableModel {
  /** Ascending record positions; entries before `head` are dropped ones not yet compacted away. */
  private positions: number[] = [];
  private head = 0;

  constructor(
    private readonly ring: RecordRing,
    private test: RecordTest,
  ) {}

  get length(): number {
    return this.positions.length - this.head;
  }

  positionAt(row: number): number {
    return this.positions[this.head + row];
  }

  recordAt(row: number): SseRecord {
    const record = this.ring.at(this.positionAt(row));
    if (!record) throw new Error(`row ${row} refers to a dropped record`);
    return record;
  }

  /** The row showing the record at `position`, or -1 when it is filtered out or dropped. */
  rowOf(position: number): number {
    let low = this.head;
    let high = this.positions.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = this.positions[middle];
      if (value === position) return middle - this.head;
      if (value < position) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  /**
   * Catches up with the ring after records were pushed from `fromPosition` on: adds the new rows that pass
   * and forgets rows whose records the ring dropped. Returns how many rows were added and removed.
   */
  sync(fromPosition: number): { added: number; removed: number } {
    const headBefore = this.head;
    const firstKept = this.ring.firstPosition;
    while (this.head < this.positions.length && this.positions[this.head] < firstKept) this.head++;
    const removed = this.head - headBefore;
    // Compact now and then rather than shifting per record.
    if (this.head > 4096 && this.head * 2 > this.positions.length) {
      this.positions = this.positions.slice(this.head);
      this.head = 0;
    }
    let added = 0;
    for (let position = Math.max(fromPosition, firstKept); position < this.ring.endPosition; position++) {
      const record = this.ring.at(position);
      if (record && this.test(record)) {
        this.positions.push(position);
        added++;
      }
    }
    return { added, removed };
  }

  /** Applies a new filter to every kept record. */
  refilter(test: RecordTest): void {
    this.test = test;
    this.reset();
    this.sync(this.ring.firstPosition);
  }

  reset(): void {
    this.positions = [];
    this.head = 0;
  }
}
