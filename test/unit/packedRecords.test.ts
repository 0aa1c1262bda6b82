// Records packed in columns for a `records` message come back equal, field order included (the detail pane shows a
// record as JSON), after the JSON round trip VS Code puts a webview message through; and the packing is compact.

import { strict as assert } from 'node:assert';
import { packRecords, unpackRecords } from '../../src/shared/packedRecords';
import type { EventRecord, SseRecord } from '../../src/shared/record';

function event(seq: number, fields: Partial<EventRecord> = {}): EventRecord {
  return {
    kind: 'event',
    seq,
    t: seq * 1.5,
    at: 1_796_000_000_000 + seq,
    type: 'message',
    data: `d${seq}`,
    id: null,
    lastEventId: '',
    size: 2,
    dt: 0,
    ...fields,
  };
}

const MIXED: SseRecord[] = [
  {
    kind: 'open',
    seq: 1,
    t: 0,
    at: 1_796_000_000_000,
    connection: 1,
    status: 200,
    url: 'http://127.0.0.1/sse',
    headers: { 'content-type': 'text/event-stream' },
    ttfbMs: 3,
  },
  event(2, { dt: null }),
  event(3, { type: 'delta', data: 'héllo 🌍\r\n"quoted"', size: 22, id: '7', lastEventId: '7' }),
  event(4, { type: 'delta', data: '', size: 0, lastEventId: '7' }),
  { kind: 'comment', seq: 5, t: 9, at: 1_796_000_000_009, text: 'keep-alive' },
  event(6, { data: 'x'.repeat(70_000), size: 70_000, truncated: true, lastEventId: '7' }),
  event(7, { type: 'message', id: '', lastEventId: '' }),
  { kind: 'closed', seq: 8, t: 12, at: 1_796_000_000_012, reason: 'ended' },
];

describe('packed records (the records message)', () => {
  it('unpacks what it packed: every kind, ids, empty and non-ASCII data, a truncated event, runs of types', () => {
    const back = unpackRecords(JSON.parse(JSON.stringify(packRecords(MIXED))));
    assert.deepEqual(back, MIXED);
    assert.equal(JSON.stringify(back), JSON.stringify(MIXED), 'each field in the same order as the engine made it');
  });

  it('packs an empty batch, and a batch of only other records', () => {
    assert.deepEqual(unpackRecords(packRecords([])), []);
    const others = MIXED.filter((record) => record.kind !== 'event');
    assert.deepEqual(unpackRecords(packRecords(others)), others);
  });

  it('keeps a burst as one run of its type and Last-Event-ID, and its data as one string', () => {
    const burst = Array.from({ length: 10_000 }, (_, index) => event(index + 1, { lastEventId: '42' }));
    const packed = packRecords(burst);
    assert.deepEqual(packed.type, [[10_000, 'message']]);
    assert.deepEqual(packed.lastEventId, [[10_000, '42']]);
    assert.equal(packed.data, burst.map((record) => record.data).join(''));
    const [whole, columns] = [JSON.stringify(burst).length, JSON.stringify(packed).length];
    assert.ok(columns * 2 < whole, `packed ${columns} characters of JSON against ${whole} for the objects`);
    assert.deepEqual(unpackRecords(packed), burst);
  });
});
