import { strict as assert } from 'node:assert';
import { clipText, toViewRecord, VIEW_DATA_LIMIT } from '../../src/panel/viewCopy';
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
});
