import { strict as assert } from 'node:assert';
import { CLIP_MARK, clipText, stringChars, toViewRecord, VIEW_DATA_LIMIT, VIEW_FIELD_LIMIT, viewSize } from '../../src/session/viewCopy';
import type { SseRecord } from '../../src/shared/record';
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

  it('passes records whose strings are all short through as the very same object', () => {
    const record = openRecord(1, { 'content-type': 'text/event-stream' });
    assert.equal(toViewRecord(record), record);
    const comment: SseRecord = { kind: 'comment', seq: 2, t: 2, at: 2, text: 'keep-alive' };
    assert.equal(toViewRecord(comment), comment);
  });

  it('clips every long string, not only data: id, Last-Event-ID, type, URL, header names and values, comment text, messages', () => {
    const huge = 'h'.repeat(7 * 1024 * 1024);
    const event = toViewRecord(eventRecord(1, 'small', { id: huge, lastEventId: huge, type: huge }));
    assert.ok(event.kind === 'event');
    for (const value of [event.id ?? '', event.lastEventId, event.type]) {
      assert.equal(value.length, VIEW_FIELD_LIMIT + CLIP_MARK.length);
      assert.ok(value.endsWith(CLIP_MARK));
    }
    assert.equal(event.data, 'small');
    assert.equal(event.truncated, undefined, 'the data was whole, so the detail pane need not fetch it');
    const open = toViewRecord({ ...openRecord(2, { 'x-long': huge, [huge]: 'v' }), url: `http://x/${huge}` });
    assert.ok(open.kind === 'open');
    assert.ok(open.url.length <= VIEW_FIELD_LIMIT + 1);
    assert.equal(open.headers['x-long'].length, VIEW_FIELD_LIMIT + 1);
    assert.ok(Object.keys(open.headers).every((name) => name.length <= VIEW_FIELD_LIMIT + 1));
    const comment = toViewRecord({ kind: 'comment', seq: 3, t: 3, at: 3, text: huge });
    assert.ok(comment.kind === 'comment' && comment.text.length === VIEW_DATA_LIMIT);
    const error = toViewRecord({ kind: 'error', seq: 4, t: 4, at: 4, message: huge, willReconnect: false });
    assert.ok(error.kind === 'error' && error.message.length === VIEW_FIELD_LIMIT + 1);
    const reconnect = toViewRecord({ kind: 'reconnect', seq: 5, t: 5, at: 5, attempt: 1, delayMs: 1, lastEventId: huge });
    assert.ok(reconnect.kind === 'reconnect' && reconnect.lastEventId.length === VIEW_FIELD_LIMIT + 1);
    assert.ok(viewSize(eventRecord(6, 'x', { lastEventId: huge })) < 2 * VIEW_DATA_LIMIT, 'a huge id counted whole in the batch size');
  });

  it('clips the request sent, nested in open and error records, and keeps an error body up to the data limit', () => {
    const huge = 'r'.repeat(VIEW_DATA_LIMIT * 2);
    const request = { method: 'POST', url: `http://x/${huge}`, headers: { 'x-long': huge }, bodyBytes: huge.length, bodyStart: huge };
    const open = toViewRecord({ ...openRecord(1, {}), request });
    assert.ok(open.kind === 'open' && open.request !== undefined);
    assert.equal(open.request.url.length, VIEW_FIELD_LIMIT + CLIP_MARK.length);
    assert.equal(open.request.headers['x-long'], `${huge.slice(0, VIEW_FIELD_LIMIT)}${CLIP_MARK}`);
    assert.equal(open.request.bodyStart?.length, VIEW_FIELD_LIMIT + CLIP_MARK.length);
    assert.equal(open.request.bodyBytes, huge.length);
    assert.equal(request.headers['x-long'], huge, 'the stored record stays whole');
    const body = `{"a":"${'b'.repeat(VIEW_DATA_LIMIT)}"}`;
    const error = toViewRecord({ kind: 'error', seq: 2, t: 2, at: 2, message: 'm', body, request, willReconnect: false });
    assert.ok(error.kind === 'error');
    assert.equal(error.body, body.slice(0, VIEW_DATA_LIMIT), 'an error body gets the data limit, unmarked (bodyTruncated tells)');
    assert.equal(error.request?.headers['x-long'].length, VIEW_FIELD_LIMIT + CLIP_MARK.length);
    const small = `{"error":"${'e'.repeat(VIEW_FIELD_LIMIT)}"}`;
    const whole = toViewRecord({ kind: 'error', seq: 3, t: 3, at: 3, message: 'm', body: small, willReconnect: false });
    assert.ok(whole.kind === 'error' && whole.body === small, 'a JSON body over a line in size arrives whole, so it still parses');
  });

  it("estimates a record's share of a message by its clipped data, so huge events do not count whole", () => {
    assert.ok(viewSize(eventRecord(1, 'x'.repeat(1000))) >= 1000);
    assert.ok(viewSize(eventRecord(1, 'x'.repeat(1000))) > viewSize(eventRecord(1, 'x')));
    assert.equal(viewSize(eventRecord(1, 'x'.repeat(5 * VIEW_DATA_LIMIT))), viewSize(eventRecord(1, 'x'.repeat(VIEW_DATA_LIMIT))));
    assert.ok(viewSize({ kind: 'comment', seq: 1, t: 1, at: 1, text: 'c'.repeat(3000) }) >= 3000);
  });

  it('sizes an event by the same count as any other record (its keys and clipped strings), though without walking its fields', () => {
    for (const event of [
      eventRecord(1, 'x'),
      eventRecord(2, 'é'.repeat(VIEW_DATA_LIMIT + 5), { id: '42', lastEventId: '42', type: 'delta' }),
      eventRecord(3, '', { lastEventId: 'l'.repeat(VIEW_DATA_LIMIT * 2) }),
    ]) {
      assert.equal(viewSize(event), 120 + stringChars(event, VIEW_DATA_LIMIT), `event ${event.seq}`);
    }
  });

  it('hands an event within every limit over as it is, and copies one with a field over its limit', () => {
    const within = eventRecord(1, 'x'.repeat(VIEW_DATA_LIMIT), { id: 'i'.repeat(VIEW_FIELD_LIMIT) });
    assert.equal(toViewRecord(within), within);
    const longType = eventRecord(2, 'x', { type: 't'.repeat(VIEW_FIELD_LIMIT + 1) });
    const copy = toViewRecord(longType);
    assert.ok(copy !== longType && copy.kind === 'event' && copy.type.endsWith(CLIP_MARK));
  });
});
