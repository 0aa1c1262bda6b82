// The output channel's lines: lifecycle records only, never events.
import { strict as assert } from 'node:assert';
import { lifecycleLogLine } from '../../src/session/lifecycleLog';
import { eventRecord, openRecord } from './panelFixtures';

describe('panel log lines', () => {
  it('logs lifecycle records and never events, whose data may be large or private', () => {
    assert.deepEqual(lifecycleLogLine(openRecord(1, {})), {
      level: 'info',
      text: 'open 200 http://127.0.0.1:1/sse (connection 1, 3 ms to headers)',
    });
    assert.deepEqual(lifecycleLogLine({ kind: 'error', seq: 2, t: 2, at: 2, message: 'refused', willReconnect: true }), {
      level: 'warn',
      text: 'error: refused (will reconnect)',
    });
    assert.equal(
      lifecycleLogLine({ kind: 'closed', seq: 3, t: 3, at: 3, reason: 'close-on-event', message: 'end' })?.text,
      'closed (close-on-event): end',
    );
    assert.equal(lifecycleLogLine(eventRecord(4, 'secret payload')), undefined);
    assert.equal(lifecycleLogLine({ kind: 'comment', seq: 5, t: 5, at: 5, text: 'x' }), undefined);
  });
});
