import { strict as assert } from 'node:assert';
import { Disposable } from '../../src/host/dispose';
import { MAX_RECENT_URLS, readRecentUrls, rememberUrl } from '../../src/host/recentUrls';
import { statusAfter } from '../../src/session/sessionStatus';
import { readMaxEvents, readMockPort } from '../../src/host/settings';
import type { SseRecord } from '../../src/shared/record';
import { eventRecord, openRecord } from './panelFixtures';

class Owner extends Disposable {
  take(name: string, log: string[], fail = false) {
    return this.register({
      dispose: () => {
        log.push(name);
        if (fail) throw new Error(`${name} failed`);
      },
    });
  }
}

describe('panel small parts', () => {
  describe('recent URLs', () => {
    it('puts the latest URL first without repeating it', () => {
      assert.deepEqual(rememberUrl(['http://a/sse', 'http://b/sse'], 'http://b/sse'), ['http://b/sse', 'http://a/sse']);
      assert.deepEqual(rememberUrl([], 'http://a/sse'), ['http://a/sse']);
    });

    it(`keeps at most ${MAX_RECENT_URLS}`, () => {
      let recent: string[] = [];
      for (let n = 1; n <= 15; n += 1) recent = rememberUrl(recent, `http://h/${n}`);
      assert.equal(recent.length, MAX_RECENT_URLS);
      assert.equal(recent[0], 'http://h/15');
      assert.equal(recent.at(-1), 'http://h/6');
    });

    it('reads back only strings from whatever was stored', () => {
      assert.deepEqual(readRecentUrls(['http://a', 3, null, 'http://b']), ['http://a', 'http://b']);
      assert.deepEqual(readRecentUrls('http://a'), []);
      assert.deepEqual(readRecentUrls(undefined), []);
    });
  });

  describe('connection status', () => {
    const cases: Array<[SseRecord, string]> = [
      [openRecord(1, {}), 'open'],
      [{ kind: 'reconnect', seq: 2, t: 2, at: 2, attempt: 1, delayMs: 3000, lastEventId: '' }, 'reconnecting'],
      [{ kind: 'closed', seq: 3, t: 3, at: 3, reason: 'user' }, 'closed'],
      [eventRecord(4), 'connecting'],
      [{ kind: 'error', seq: 5, t: 5, at: 5, message: 'refused', willReconnect: true }, 'connecting'],
      [{ kind: 'comment', seq: 6, t: 6, at: 6, text: 'hi' }, 'connecting'],
      [{ kind: 'retry', seq: 7, t: 7, at: 7, ms: 10 }, 'connecting'],
    ];
    for (const [record, expected] of cases) {
      it(`a ${record.kind} record leaves a connecting panel ${expected}`, () => {
        assert.equal(statusAfter('connecting', record), expected);
      });
    }
  });

  describe('settings', () => {
    it('accepts maxEvents within 100..10,000,000 and explains anything else', () => {
      assert.deepEqual(readMaxEvents(100_000), { ok: true, value: 100_000 });
      for (const bad of [99, 10_000_001, 1.5, '1000', null, undefined]) {
        const read = readMaxEvents(bad);
        assert.ok(!read.ok);
        assert.match(read.problem, /sseInspector\.maxEvents must be a whole number from 100 to 10000000/);
      }
    });

    it('accepts a mock server port 0..65535 and explains anything else', () => {
      assert.deepEqual(readMockPort(0), { ok: true, value: 0 });
      assert.deepEqual(readMockPort(65535), { ok: true, value: 65535 });
      const read = readMockPort('8080');
      assert.ok(!read.ok);
      assert.equal(
        read.problem,
        'The setting sseInspector.mockServer.port must be a whole number from 0 to 65535 (0 picks any free port); it is "8080".',
      );
      assert.ok(!readMockPort(70000).ok);
      assert.ok(!readMockPort(-1).ok);
    });
  });

  describe('disposal', () => {
    it('disposes what was registered newest first, once', () => {
      const log: string[] = [];
      const owner = new Owner();
      owner.take('first', log);
      owner.take('second', log);
      owner.dispose();
      owner.dispose();
      assert.deepEqual(log, ['second', 'first']);
    });

    it('disposes at once what is registered after its owner was disposed', () => {
      const log: string[] = [];
      const owner = new Owner();
      owner.dispose();
      owner.take('late', log);
      assert.deepEqual(log, ['late']);
    });

    it('disposes everything even when one resource throws, then reports the failure', () => {
      const log: string[] = [];
      const owner = new Owner();
      owner.take('first', log);
      owner.take('broken', log, true);
      owner.take('third', log);
      assert.throws(() => owner.dispose(), /1 resource\(s\) failed to dispose/);
      assert.deepEqual(log, ['third', 'broken', 'first']);
    });
  });
});
