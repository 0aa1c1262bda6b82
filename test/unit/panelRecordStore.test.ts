import { strict as assert } from 'node:assert';
import { RecordStore, recordBytes } from '../../src/session/recordStore';
import { eventRecord, range, seqs } from './panelFixtures';

function filled(capacity: number, count: number): RecordStore {
  const store = new RecordStore(capacity);
  for (let seq = 1; seq <= count; seq += 1) store.append(eventRecord(seq));
  return store;
}

describe('panel record store', () => {
  it('keeps every record oldest first while under the cap, and drops none', () => {
    const store = filled(10, 7);
    assert.deepEqual(seqs(store.snapshot()), range(1, 7));
    assert.equal(store.size, 7);
    assert.equal(store.dropped, 0);
  });

  it('at the cap keeps only the newest records, oldest first, and counts the ones it dropped', () => {
    const store = filled(4, 10);
    assert.deepEqual(seqs(store.snapshot()), [7, 8, 9, 10]);
    assert.equal(store.size, 4);
    assert.equal(store.dropped, 6);
  });

  it('is capped by bytes too: big records push the oldest out, counted as dropped, and the newest is always kept', () => {
    const megabyte = 'm'.repeat(512 * 1024); // 1 MiB as UTF-16
    const store = new RecordStore(100_000, 10 * 1024 * 1024);
    for (let seq = 1; seq <= 2500; seq += 1) store.append(eventRecord(seq, megabyte));
    assert.ok(store.byteSize <= 10 * 1024 * 1024, `${store.byteSize} bytes kept`);
    assert.equal(store.size, 9);
    assert.equal(store.dropped, 2500 - 9);
    assert.deepEqual(seqs(store.snapshot()), range(2492, 2500));
    const huge = eventRecord(2501, 'h'.repeat(8 * 1024 * 1024));
    store.append(huge);
    assert.deepEqual(seqs(store.snapshot()), [2501], 'the one record over the cap on its own is still kept');
    assert.equal(store.byteSize, recordBytes(huge));
  });

  it('after byte drops it reuses the freed slots and grows again in order, bySeq and since still right', () => {
    const store = new RecordStore(1000, 40 * 1024);
    for (let seq = 1; seq <= 20; seq += 1) store.append(eventRecord(seq, 'a'.repeat(seq % 5 === 0 ? 8 * 1024 : 10)));
    for (let seq = 21; seq <= 400; seq += 1) store.append(eventRecord(seq, 'b'));
    const kept = seqs(store.snapshot());
    assert.deepEqual(kept, range(kept[0], 400));
    assert.equal(store.size + store.dropped, 400);
    assert.equal(store.bySeq(400)?.seq, 400);
    assert.equal(store.bySeq(kept[0] - 1), undefined);
    assert.deepEqual(seqs(store.since(398)), [399, 400]);
    assert.equal(
      store.byteSize,
      store.snapshot().reduce((total, record) => total + recordBytes(record), 0),
    );
  });

  it('counts every event received and its bytes, dropped ones included, until cleared', () => {
    const store = new RecordStore(3);
    for (let seq = 1; seq <= 10; seq += 1) store.append(eventRecord(seq, 'x'.repeat(seq), { size: seq }));
    assert.equal(store.size, 3);
    assert.deepEqual(store.received, { events: 10, bytes: 55 });
    store.clear();
    assert.deepEqual(store.received, { events: 0, bytes: 0 });
  });

  it('stays at its capacity through a million appends', () => {
    const store = filled(1000, 1_000_000);
    assert.equal(store.size, 1000);
    assert.equal(store.dropped, 999_000);
    assert.deepEqual(seqs(store.snapshot()), range(999_001, 1_000_000));
  });

  it('since(seq) returns the kept records after seq, across the wrap-around', () => {
    const store = filled(5, 12); // keeps 8..12, stored wrapped in the ring
    assert.deepEqual(seqs(store.since(9)), [10, 11, 12]);
    assert.deepEqual(seqs(store.since(0)), [8, 9, 10, 11, 12]);
    assert.deepEqual(seqs(store.since(12)), []);
  });

  it('since(seq, maxCount) returns at most maxCount records, the oldest first', () => {
    const store = filled(5, 12);
    assert.deepEqual(seqs(store.since(0, 2)), [8, 9]);
    assert.deepEqual(seqs(store.since(10, 5)), [11, 12]);
  });

  it('finds a kept record by seq, and nothing for a dropped or unknown seq', () => {
    const store = filled(5, 12);
    assert.equal(store.bySeq(8)?.seq, 8);
    assert.equal(store.bySeq(12)?.seq, 12);
    assert.equal(store.bySeq(7), undefined);
    assert.equal(store.bySeq(13), undefined);
  });

  it('finds records by seq when the seqs have gaps', () => {
    const store = new RecordStore(10);
    for (const seq of [2, 5, 9]) store.append(eventRecord(seq));
    assert.equal(store.bySeq(5)?.seq, 5);
    assert.equal(store.bySeq(4), undefined);
    assert.deepEqual(seqs(store.since(3)), [5, 9]);
  });

  it('reports the newest seq, 0 when empty', () => {
    assert.equal(filled(3, 0).newestSeq, 0);
    assert.equal(filled(3, 8).newestSeq, 8);
  });

  it('clear empties the store and resets the dropped count, and it fills again from scratch', () => {
    const store = filled(3, 8);
    store.clear();
    assert.deepEqual(store.snapshot(), []);
    assert.equal(store.dropped, 0);
    store.append(eventRecord(1));
    assert.deepEqual(seqs(store.snapshot()), [1]);
  });

  it('refuses a capacity that is not a positive whole number', () => {
    for (const capacity of [0, -1, 1.5, Number.NaN]) {
      assert.throws(() => new RecordStore(capacity), /positive integer capacity/);
    }
  });
});
