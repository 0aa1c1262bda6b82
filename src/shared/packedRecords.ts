// Records as a `records` message carries them: in columns. A batch of ten thousand events then crosses the extension
// host, the workbench and the webview (each serialising, parsing or cloning it) as a few arrays and one string instead
// of ten thousand objects of ten fields each: about a third of the work and a quarter of the bytes (BENCHMARKS.md).
import type { EventRecord, SseRecord } from './record';

/** `count` records; events in columns (one entry per event, in order), every other record whole. */
export interface PackedRecords {
  count: number;
  /** Records other than events, each with its position in the batch. */
  others: Array<[number, SseRecord]>;
  seq: number[];
  t: number[];
  at: number[];
  size: number[];
  dt: Array<number | null>;
  /** Every event's data, one after the other; `dataLength` says where each ends. */
  data: string;
  dataLength: number[];
  id: Array<string | null>;
  /** Runs of events with the same value: [how many, value]. A burst has one run. */
  type: Array<[number, string]>;
  lastEventId: Array<[number, string]>;
  /** Which events (counted among the events) had their data cut short for the view. */
  truncated: number[];
}

/** Adds `value` to a run-length list. */
function extend(runs: Array<[number, string]>, value: string): void {
  const last = runs[runs.length - 1];
  if (last !== undefined && last[1] === value) last[0] += 1;
  else runs.push([1, value]);
}

export function packRecords(records: readonly SseRecord[]): PackedRecords {
  const packed: PackedRecords = {
    count: records.length,
    others: [],
    seq: [],
    t: [],
    at: [],
    size: [],
    dt: [],
    data: '',
    dataLength: [],
    id: [],
    type: [],
    lastEventId: [],
    truncated: [],
  };
  const data: string[] = [];
  records.forEach((record, position) => {
    if (record.kind !== 'event') {
      packed.others.push([position, record]);
      return;
    }
    if (record.truncated === true) packed.truncated.push(packed.seq.length);
    packed.seq.push(record.seq);
    packed.t.push(record.t);
    packed.at.push(record.at);
    packed.size.push(record.size);
    packed.dt.push(record.dt);
    packed.dataLength.push(record.data.length);
    data.push(record.data);
    packed.id.push(record.id);
    extend(packed.type, record.type);
    extend(packed.lastEventId, record.lastEventId);
  });
  packed.data = data.join('');
  return packed;
}

/** The records again, equal to those packed, with each event's fields in the engine's order. */
export function unpackRecords(packed: PackedRecords): SseRecord[] {
  const records: SseRecord[] = new Array<SseRecord>(packed.count);
  for (const [position, record] of packed.others) records[position] = record;
  const truncated = new Set(packed.truncated);
  const types = runs(packed.type);
  const lastEventIds = runs(packed.lastEventId);
  let event = 0;
  let dataAt = 0;
  for (let position = 0; position < packed.count; position++) {
    if (records[position] !== undefined) continue;
    const dataEnd = dataAt + packed.dataLength[event];
    const record: EventRecord = {
      kind: 'event',
      seq: packed.seq[event],
      t: packed.t[event],
      at: packed.at[event],
      type: types.next(),
      data: packed.data.slice(dataAt, dataEnd),
      id: packed.id[event],
      lastEventId: lastEventIds.next(),
      size: packed.size[event],
      dt: packed.dt[event],
    };
    if (truncated.has(event)) record.truncated = true;
    records[position] = record;
    dataAt = dataEnd;
    event += 1;
  }
  return records;
}

/** Reads a run-length list value by value. */
function runs(list: Array<[number, string]>): { next(): string } {
  let run = 0;
  let left = list[0]?.[0] ?? 0;
  return {
    next() {
      while (left === 0) left = list[++run][0];
      left -= 1;
      return list[run][1];
    },
  };
}
