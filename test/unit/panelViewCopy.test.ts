import { strict as assert } from 'node:assert';
import { clipText, toViewRecord, VIEW_DATA_LIMIT, viewSize } from '../../src/session/viewCopy';
import { eventRecord, openRecord } from './panelFixtures';

describe('panel view copies', () => {
  it('passes an event under the limit through as the very same object', () => {
    const record = eventRecord(1, 'x'.repeat(VIEW_DATA_LIMIT));
    assert.equal(toViewRecord(record), record);
  });

  it('clips data over the limit on a copy marked truncated, leaving the stored record whole', () => {
    const data = 'y'.repeat(3 * 1024 * 1024);
    const record = eventRecord(1, data);
    const view = toViewRecord(record);
    assert.ok(view.kind === 'event');
    assert.equal(view.data.length, VIEW_DATA_LIMIT);
    assert.equal(view.truncated, true);
    assert.equal(view.size, record.size, 'the size still tells the whole size');
    assert.equal(record.data, data);
    assert.equal(record.truncated, undefined);
  });

  it('never cuts a surrogate pair in half', () => {
    assert.equal(clipText('ab😀cd', 3), 'ab');
    assert.equal(clipText('ab😀cd', 4), 'ab😀');
    assert.equal(clipText('short', 10), 'short');
  });

  it('leaves records other than events untouched', () => {
    const record = openRecord(1, { 'x-long': 'z'.repeat(VIEW_DATA_LIMIT * 2) });
    assert.equal(toViewRecord(record), record);
  });

  it('estimates a record\'s share of a message by its clipped data, so huge events do not count whole', () => {
    assert.ok(viewSize(eventRecord(1, 'x'.repeat(1000))) >= 1000);
    assert.ok(viewSize(eventRecord(1, 'x'.repeat(1000))) > viewSize(eventRecord(1, 'x')));
    assert.equal(viewSize(eventRecord(1, 'x'.repeat(5 * VIEW_DATA_LIMIT))), viewSize(eventRecord(1, 'x'.repeat(VIEW_DATA_LIMIT))));
    assert.ok(viewSize({ kind: 'comment', seq: 1, t: 1, at: 1, text: 'c'.repeat(3000) }) >= 3000);
  });
});
