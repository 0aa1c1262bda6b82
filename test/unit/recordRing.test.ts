// The webview's record ring: what it gives back equals what was pushed, across pages of joined text, round the ring
// when it is full (the oldest dropped), and for records of every kind.

import { strict as assert } from 'node:assert';
import { RecordRing } from '../../media/recordRing';
import { TextPages } from '../../media/textPages';
import type { EventRecord, SseRecord } from '../../src/shared/record';

function event(seq: number): EventRecord {
  const record: EventRecord = {
    kind: 'event',
    seq,
    t: seq / 4,
    at: 1_796_000_000_000 + seq,
    type: seq % 3 === 0 ? 'delta' : 'message',
    data: seq % 5 === 0 ? '' : `data ${seq} é🌍`.repeat(1 + (seq % 4)),
    id: seq % 2 === 0 ? null : String(seq),
    lastEventId: String(seq - (seq % 2)),
    size: seq,
    dt: seq === 1 ? null : 0.25,
  };
  if (seq % 7 === 0) record.truncated = true;
  return record;
}

describe('record ring (webview)', () => {
  it('gives back every record pushed, across several pages of joined text', () => {
    const ring = new RecordRing(100_000);
    const pushed: SseRecord[] = [];
    for (let seq = 1; seq <= 40_000; seq++) {
      const record: SseRecord = seq % 1000 === 0 ? { kind: 'comment', seq, t: 0, at: 0, text: `c${seq}` } : event(seq);
      pushed.push(record);
      assert.equal(ring.push(record), 0);
    }
    for (const position of [0, 1, 16_383, 16_384, 16_385, 32_767, 39_999]) {
      assert.deepEqual(ring.at(position), pushed[position], `position ${position}`);
    }
    assert.equal(JSON.stringify(ring.at(6)), JSON.stringify(pushed[6]), 'fields in the engine order, truncated last');
  });

  it('when full, drops the oldest and keeps the rest exact, round the ring more than once', () => {
    const capacity = 20_000; // not a whole number of pages: the last page is joined at its last slot
    const ring = new RecordRing(capacity);
    // Every 333rd is a comment, so slots change kind as the ring comes round.
    const record = (seq: number): SseRecord => (seq % 333 === 0 ? { kind: 'comment', seq, t: 0, at: 0, text: `c${seq}` } : event(seq));
    let dropped = 0;
    for (let seq = 1; seq <= 3 * capacity + 123; seq++) dropped += ring.push(record(seq));
    assert.equal(dropped, 2 * capacity + 123);
    assert.equal(ring.length, capacity);
    assert.equal(ring.at(ring.firstPosition - 1), undefined);
    for (let position = ring.firstPosition; position < ring.endPosition; position++) {
      assert.deepEqual(ring.at(position), record(position + 1), `position ${position}`);
    }
  });
});

describe('text pages', () => {
  it('reads every slot back while a page is open, once it is joined, and after it is written into again', () => {
    const pages = new TextPages(10, 4);
    const model: string[] = [];
    for (let round = 0; round < 3; round++) {
      for (let slot = 0; slot < 10; slot++) {
        const text = `${round}:${slot}${'x'.repeat(slot)}`;
        pages.set(slot, text);
        model[slot] = text;
        for (let read = 0; read < 10; read++)
          assert.equal(pages.get(read), model[read] ?? '', `round ${round}, slot ${slot}, read ${read}`);
      }
    }
  });
});
