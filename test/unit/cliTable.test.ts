import { strict as assert } from 'node:assert';
import { compactData, TableFormatter, tableHeader, tableRow, visible, type TableStyle } from '../../src/cli/table';
import { visibleLine as sanitize } from '../../src/shared/visibleText';
import type { SseRecord } from '../../src/shared/record';

const plain: TableStyle = { width: 100, color: false };
const base = { seq: 7, t: 1234.6, at: 0 };

const event = (data: string, extra: Partial<Extract<SseRecord, { kind: 'event' }>> = {}): SseRecord => ({
  ...base,
  kind: 'event',
  type: 'message',
  data,
  id: null,
  lastEventId: '',
  size: Buffer.byteLength(data),
  dt: 1000.4,
  ...extra,
});

describe('CLI table formatting', () => {
  it('shows an event as #, t, Δ, type, id, size and compacted JSON data, aligned under the header', () => {
    const header = tableHeader(plain);
    const row = tableRow(event('{"message": "Hello SSE 1"}', { id: '1' }), plain);
    assert.equal(row, '      7    1.235s   +1.000s message      1             26 {"message":"Hello SSE 1"}');
    assert.equal(header.indexOf('data'), row.indexOf('{'));
    assert.equal(header.indexOf('size') + 4, row.indexOf('26') + 2);
  });

  it('never exceeds the width: long data is cut with an ellipsis', () => {
    const row = tableRow(event('x'.repeat(10_000)), plain);
    assert.equal(Array.from(row).length, 100);
    assert.ok(row.endsWith('x…'));
  });

  it('escapes control and bidi characters in untrusted data, so a row cannot drive the terminal', () => {
    assert.equal(sanitize('a\nb\r\tc\x1b[31md\u202ee\x9b'), 'a\\nb\\r\\tc\\u001b[31md\\u202ee\\u009b');
    const row = tableRow(event('\x1b]0;pwned\x07line1\nline2'), plain);
    assert.ok(!/[\x00-\x1f]/.test(row), row);
    assert.ok(row.includes('\\u001b]0;pwned\\u0007line1\\nline2'));
    const sneaky = tableRow(event('ok', { type: 'evil\x1b[2J', id: '\x1b[H' }), plain);
    assert.ok(!sneaky.includes('\x1b'));
  });

  it('compacts JSON objects and arrays only, leaving other data as sent', () => {
    assert.equal(compactData('{ "a" : [1, 2] }'), '{"a":[1,2]}');
    assert.equal(compactData('[1, 2]'), '[1,2]');
    assert.equal(compactData('{not json'), '{not json');
    assert.equal(compactData('  42  '), '  42  ');
  });

  it('counts characters, not UTF-16 units, when cutting', () => {
    assert.equal(visible('😀😀😀', 3), '😀😀😀');
    assert.equal(visible('😀😀😀😀', 3), '😀😀…');
  });

  it('describes lifecycle records in words, in parentheses in the type column', () => {
    const rows = (
      [
        {
          ...base,
          kind: 'open',
          connection: 2,
          status: 200,
          url: 'http://h/sse',
          headers: { 'content-type': 'text/event-stream;' },
          ttfbMs: 12.3,
          cors: { origin: 'http://o', withCredentials: true, allowed: false, reason: 'Access-Control-Allow-Origin is *' },
        },
        { ...base, kind: 'comment', text: ' keep-alive' },
        { ...base, kind: 'retry', ms: 2500 },
        { ...base, kind: 'error', message: 'Not found', status: 404, willReconnect: false },
        { ...base, kind: 'reconnect', attempt: 3, delayMs: 3000, lastEventId: '9' },
        { ...base, kind: 'closed', reason: 'close-on-event', message: 'Closed on the "end" event' },
      ] satisfies SseRecord[]
    ).map((record) => tableRow(record, { width: 200, color: false }).slice(28).trim());
    assert.deepEqual(rows, [
      '(open)                        HTTP 200 in 12 ms · text/event-stream; · CORS blocked: Access-Control-Allow-Origin is * · connection 2 · http://h/sse',
      '(comment)                     : keep-alive',
      '(retry)                       reconnection time 2500 ms',
      '(error)                       Not found (HTTP 404); will not reconnect',
      '(reconnect)                   attempt 3 in 3000 ms, Last-Event-ID "9"',
      '(closed)                      close-on-event: Closed on the "end" event',
    ]);
  });

  it('shows seven-digit row numbers whole (they were cut to "1000…"), and longer numbers too, widening only their row', () => {
    const header = tableHeader(plain);
    const million = tableRow(event('x', { seq: 1_000_001 }), plain);
    assert.match(million, /^1000001 /);
    assert.equal(million.indexOf('x'), header.indexOf('data'), 'a seven-digit row stays aligned');
    const huge = tableRow(event('x', { seq: 123_456_789, size: 123_456_789 }), plain);
    assert.match(huge, /^123456789 .* 123456789 x$/);
    assert.ok(huge.length <= plain.width);
  });

  it('ends the closing row with everything received, rows not shown included', () => {
    const closed: SseRecord = { ...base, kind: 'closed', reason: 'max-events' };
    assert.match(
      tableRow(closed, { width: 200, color: false }, { events: 1_000_001, bytes: 14_888_904 }),
      /max-events · 1,000,001 events, 14\.9 MB received$/,
    );
  });

  it('keeps no stale cell from row to row: each row of a session reads as that record alone would', () => {
    const formatter = new TableFormatter(plain);
    const records: SseRecord[] = [
      event('1', { seq: 1, dt: null }),
      event('2', { seq: 2, dt: 0 }),
      event('tab\there', { seq: 3, dt: 0, id: 'a\u202eb' }),
      event('{ "a": 1 }', { seq: 4, type: 'update', t: 99_999_999.5 }),
      event('y'.repeat(500), { seq: 5, type: 'update' }),
      event('😀 emoji', { seq: 6, dt: 12 }),
    ];
    for (const record of records) assert.equal(formatter.row(record), tableRow(record, plain), JSON.stringify(record));
  });

  it('colours only when asked: comments dimmed, errors red', () => {
    const colour: TableStyle = { width: 100, color: true };
    assert.ok(tableRow({ ...base, kind: 'comment', text: 'x' }, colour).startsWith('\x1b[2m'));
    assert.ok(tableRow({ ...base, kind: 'error', message: 'x', willReconnect: true }, colour).startsWith('\x1b[31m'));
    assert.ok(!tableRow({ ...base, kind: 'comment', text: 'x' }, plain).includes('\x1b'));
  });

  it('shows an ignored line like a comment: dimmed, the line quoted with its escapes visible, then why', () => {
    const ignored: SseRecord = {
      ...base,
      kind: 'ignored',
      line: 'line two\x1b[2J',
      reason: 'no colon: the whole line reads as a field name, and there is no such field',
    };
    const row = tableRow(ignored, { width: 200, color: false }).slice(26).trim();
    assert.equal(
      row,
      '(ignored)                     "line two\\u001b[2J" ignored: no colon: the whole line reads as a field name, and there is no such field',
    );
    assert.ok(tableRow(ignored, { width: 100, color: true }).startsWith('\x1b[2m'));
    const clipped: SseRecord = { ...base, kind: 'ignored', line: 'z'.repeat(4), reason: 'r', lineBytes: 5000 };
    assert.ok(tableRow(clipped, { width: 200, color: false }).includes('"zzzz" (first 4 characters of 5000 bytes) ignored: r'));
  });
});
