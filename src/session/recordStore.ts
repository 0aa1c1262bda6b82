// The panel's memory of a session: a bounded ring buffer of records, capped by count and by bytes, that counts what the caps pushed out.
import type { ReceivedTotals } from '../shared/protocol';
import type { SseRecord } from '../shared/record';
import { stringChars } from './viewCopy';

/** What one record costs beyond its strings: the object, its numbers, the ring's slot. */
const RECORD_OVERHEAD_BYTES = 160;

/** Roughly what a record holds in memory: two bytes per UTF-16 unit of its strings, and the overhead. */
export function recordBytes(record: SseRecord): number {
  if (record.kind === 'event') {
    // The hot path (a burst is events), counted field by field; every other kind is rare and counted generically.
    return RECORD_OVERHEAD_BYTES + 2 * (record.data.length + record.type.length + record.lastEventId.length + (record.id?.length ?? 0));
  }
  return RECORD_OVERHEAD_BYTES + 2 * stringChars(record);
}

export class RecordStore {
  /** A ring that grows up to `capacity`; `head` is the oldest record's index, `count` how many are kept. */
  private items: SseRecord[] = [];
  private sizes: number[] = [];
  private head = 0;
  private count = 0;
  private bytes = 0;
  private droppedCount = 0;
  private receivedEvents = 0;
  private receivedBytes = 0;

  constructor(
    readonly capacity: number,
    /** The newest record is kept whatever its size, so one huge event still shows. */
    readonly maxBytes: number = Number.POSITIVE_INFINITY,
  ) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new RangeError(`A record store needs a positive integer capacity, not ${capacity}`);
    }
    if (!(maxBytes > 0)) {
      throw new RangeError(`A record store needs a positive byte cap, not ${maxBytes}`);
    }
  }

  get size(): number {
    return this.count;
  }

  /** Roughly how many bytes the kept records hold (see recordBytes). */
  get byteSize(): number {
    return this.bytes;
  }

  /** How many records the caps have pushed out since the last clear. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** Every event appended since the last clear and its data's UTF-8 bytes, kept or dropped since. */
  get received(): ReceivedTotals {
    return { events: this.receivedEvents, bytes: this.receivedBytes };
  }

  /** The newest kept record's seq; 0 when the store is empty. */
  get newestSeq(): number {
    return this.count === 0 ? 0 : this.at(this.count - 1).seq;
  }

  append(record: SseRecord): void {
    if (record.kind === 'event') {
      this.receivedEvents += 1;
      this.receivedBytes += record.size;
    }
    const size = recordBytes(record);
    while (this.count > 0 && (this.count === this.capacity || this.bytes + size > this.maxBytes)) {
      this.dropOldest();
    }
    if (this.count === this.items.length) {
      this.grow();
    }
    const index = (this.head + this.count) % this.items.length;
    this.items[index] = record;
    this.sizes[index] = size;
    this.count += 1;
    this.bytes += size;
  }

  clear(): void {
    this.items = [];
    this.sizes = [];
    this.head = 0;
    this.count = 0;
    this.bytes = 0;
    this.droppedCount = 0;
    this.receivedEvents = 0;
    this.receivedBytes = 0;
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
    const record = position < this.count ? this.at(position) : undefined;
    return record?.seq === seq ? record : undefined;
  }

  /** The record at `position` counted from the oldest. */
  private at(position: number): SseRecord {
    return this.items[(this.head + position) % this.items.length];
  }

  private dropOldest(): void {
    this.bytes -= this.sizes[this.head];
    // Let go of the record at once: its slot may not be reused for a while.
    this.items[this.head] = undefined as unknown as SseRecord;
    this.head = (this.head + 1) % this.items.length;
    this.count -= 1;
    this.droppedCount += 1;
  }

  /** More slots, the ring being full but under capacity: laid out oldest first again, then doubled (so this is rare). */
  private grow(): void {
    if (this.head !== 0) {
      this.items = this.slice(0);
      this.sizes = [...this.sizes.slice(this.head), ...this.sizes.slice(0, this.head)];
      this.head = 0;
    }
    const length = Math.min(this.capacity, Math.max(16, this.items.length * 2));
    while (this.items.length < length) {
      this.items.push(undefined as unknown as SseRecord);
      this.sizes.push(0);
    }
  }

  private slice(fromPosition: number, maxCount = Number.POSITIVE_INFINITY): SseRecord[] {
    const result: SseRecord[] = [];
    const end = Math.min(this.count, fromPosition + maxCount);
    for (let position = fromPosition; position < end; position += 1) {
      result.push(this.at(position));
    }
    return result;
  }

  /** Binary search: seqs rise within a session, and a new session starts with a clear. */
  private firstPositionAfter(seq: number): number {
    let low = 0;
    let high = this.count;
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
