// The panel's memory of a session: a bounded ring buffer of records that counts what the cap pushed out.
import type { SseRecord } from '../shared/record';

export class RecordStore {
  /** Grows up to `capacity`, then is overwritten in place; `head` is the oldest record's index. */
  private items: SseRecord[] = [];
  private head = 0;
  private droppedCount = 0;

  constructor(readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new RangeError(`A record store needs a positive integer capacity, not ${capacity}`);
    }
  }

  get size(): number {
    return this.items.length;
  }

  /** How many records the cap has pushed out since the last clear. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** The newest kept record's seq; 0 when the store is empty. */
  get newestSeq(): number {
    return this.items.length === 0 ? 0 : this.at(this.items.length - 1).seq;
  }

  append(record: SseRecord): void {
    if (this.items.length < this.capacity) {
      this.items.push(record);
      return;
    }
    this.items[this.head] = record;
    this.head = (this.head + 1) % this.capacity;
    this.droppedCount += 1;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
    this.droppedCount = 0;
  }

  /** Every record kept, oldest first. */
  snapshot(): SseRecord[] {
    return this.slice(0);
  }

  /** The records kept whose seq is greater than `seq`, oldest first, at most `maxCount` of them. */
  since(seq: number, maxCount = Number.POSITIVE_INFINITY): SseRecord[] {
    return this.slice(this.firstPositionAfter(seq), maxCount);
  }

  /** The kept record with this seq, if the cap or a clear has not removed it. */
  bySeq(seq: number): SseRecord | undefined {
    const position = this.firstPositionAfter(seq - 1);
    const record = position < this.items.length ? this.at(position) : undefined;
    return record?.seq === seq ? record : undefined;
  }

  /** The record at `position` counted from the oldest. */
  private at(position: number): SseRecord {
    return this.items[(this.head + position) % this.items.length];
  }

  private slice(fromPosition: number, maxCount = Number.POSITIVE_INFINITY): SseRecord[] {
    const result: SseRecord[] = [];
    const end = Math.min(this.items.length, fromPosition + maxCount);
    for (let position = fromPosition; position < end; position += 1) {
      result.push(this.at(position));
    }
    return result;
  }

  /** Binary search: seqs rise within a session, and a new session starts with a clear. */
  private firstPositionAfter(seq: number): number {
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.at(middle).seq <= seq) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}
