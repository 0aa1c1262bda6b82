// Records and a hand-driven clock for the panel's unit tests.
import type { EventRecord, OpenRecord, SseRecord } from '../../src/shared/record';

export function eventRecord(seq: number, data = `data ${seq}`, extra: Partial<EventRecord> = {}): EventRecord {
  return {
    kind: 'event',
    seq,
    t: seq,
    at: 1_700_000_000_000 + seq,
    type: 'message',
    data,
    id: null,
    lastEventId: '',
    size: Buffer.byteLength(data),
    dt: null,
    ...extra,
  };
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

export { ManualClock } from './support/manualClock';
