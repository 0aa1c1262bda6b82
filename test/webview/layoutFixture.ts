// The records the layout tests draw: an LLM-like stream with long event names and ids, a multi-line payload and a 1 s gap.

import type { SseRecord } from '../../src/shared/record';
import { RecordMaker } from './records';

export const LONG_ID = '1796067644:1';
export const LONG_TYPE = 'content_block_delta';

/** open, message_start, deltas with ids, one a second after the one before it, a multi-line text event, an error, reconnect. */
export function layoutRecords(): SseRecord[] {
  const maker = new RecordMaker(10);
  return [
    maker.open(),
    maker.event('message_start', '{"type":"message_start","message":{"id":"msg_01","model":"claude"}}', { id: '1796067644:0' }),
    maker.event(LONG_TYPE, '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}', { id: LONG_ID }),
    maker.event(LONG_TYPE, '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" world"}}', {
      id: '1796067644:2',
      afterMs: 1000,
    }),
    maker.event('message', 'first line\nsecond line\r\nthird line', { id: '1796067644:3' }),
    // 999.6 ms rounds to a second: "1.000 s", never "1000 ms".
    maker.event('ping', '{}', { afterMs: 999.6 }),
    maker.error('The connection was reset', { willReconnect: true }),
    maker.reconnect(1, '1796067644:3'),
    maker.open(),
    ...maker.events(8),
  ];
}
