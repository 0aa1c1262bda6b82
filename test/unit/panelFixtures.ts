// Records and a hand-driven clock for the panel's unit tests.
import type { Clock } from '../../src/engine/clock';
import type { EventRecord, OpenRecord, SseRecord } from '../../src/shared/record';

export function eventRecord(seq: number, data = `data ${seq}`, extra: Partial<EventRecord> = {}): EventRecord {
  return { kind: 'event', seq, t: seq, at: 1_700_000_000_000 + seq, type: 'message', data, id: null, lastEventId: '', size: Buffer.byteLength(data), dt: null, ...extra };
}

export function openRecord(seq: number, headers: Record<string, string>): OpenRecord {
  return { kind: 'open', seq, t: 0, at: 1_700_000_000_000, connection: 1, status: 200, url: 'http://127.0.0.1:1/sse', headers, ttfbMs: 3 };
}

export function seqs(records: readonly SseRecord[]): number[] {
  return records.map((record) => record.seq);
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/** Time moves only when a test says so; due timers run in order as it does. */
export class ManualClock implements Clock {
  private time = 0;
  private nextId = 1;
  private timers: Array<{ id: number; at: number; callback: () => void }> = [];

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ id, at: this.time + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }

  get pendingTimers(): number {
    return this.timers.length;
  }

  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (due === undefined) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.time = Math.max(this.time, due.at);
      due.callback();
    }
    this.time = end;
  }
}
