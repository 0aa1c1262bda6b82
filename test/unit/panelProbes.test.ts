import { strict as assert } from 'node:assert';
import { lifecycleLogLine } from '../../src/session/lifecycleLog';
import { PendingProbes } from '../../src/host/pendingProbes';
import { eventRecord, openRecord } from './panelFixtures';

const TABLE = { rowCount: 1, rowKeys: ['open'], renderedRows: 1 };

describe('panel probes and log lines', () => {
  it('a probe resolves with the report carrying its nonce, and only once', async () => {
    const probes = new PendingProbes(60_000, 'timed out');
    const first = probes.start();
    const second = probes.start();
    assert.notEqual(first.nonce, second.nonce);
    assert.deepEqual(probes.nonces(), [first.nonce, second.nonce]);
    assert.equal(probes.settle(second.nonce, TABLE), true);
    assert.deepEqual(await second.answer, TABLE);
    assert.equal(probes.settle(second.nonce, TABLE), false, 'a late duplicate answers nothing');
    assert.equal(probes.settle('foreign', TABLE), false);
    probes.rejectAll(new Error('closed'));
    await assert.rejects(first.answer, /closed/);
    assert.deepEqual(probes.nonces(), []);
  });

  it('a probe nobody answers fails with the given message after its timeout', async () => {
    const probes = new PendingProbes(5, 'the webview did not answer');
    const { answer } = probes.start();
    await assert.rejects(answer, /the webview did not answer/);
    assert.deepEqual(probes.nonces(), []);
  });

  it('logs lifecycle records and never events, whose data may be large or private', () => {
    assert.deepEqual(lifecycleLogLine(openRecord(1, {})), { level: 'info', text: 'open 200 http://127.0.0.1:1/sse (connection 1, 3 ms to headers)' });
    assert.deepEqual(lifecycleLogLine({ kind: 'error', seq: 2, t: 2, at: 2, message: 'refused', willReconnect: true }), {
      level: 'warn',
      text: 'error: refused (will reconnect)',
    });
    assert.equal(lifecycleLogLine({ kind: 'closed', seq: 3, t: 3, at: 3, reason: 'close-on-event', message: 'end' })?.text, 'closed (close-on-event): end');
    assert.equal(lifecycleLogLine(eventRecord(4, 'secret payload')), undefined);
    assert.equal(lifecycleLogLine({ kind: 'comment', seq: 5, t: 5, at: 5, text: 'x' }), undefined);
  });
});
