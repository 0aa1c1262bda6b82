import { strict as assert } from 'node:assert';
import { formatExport, REDACTED, secretFragments } from '../../src/session/exportRecords';
import type { SseRecord } from '../../src/shared/record';
import { eventRecord, openRecord } from './panelFixtures';

const CREDENTIALS = { cookie: 'session=s3cr3t-cookie-value; theme=dark-mode', authorization: 'Bearer tok-abc-123456' };

function openWithCredentialHeaders(): SseRecord {
  return openRecord(1, {
    'content-type': 'text/event-stream',
    Authorization: 'Bearer from-a-proxy',
    COOKIE: 'a=b',
    'Set-Cookie': 'session=new-session-id; HttpOnly',
    'proxy-authorization': 'Basic eHl6',
    'x-request-id': 'r-1',
  });
}

function sessionRecords(): SseRecord[] {
  return [
    openWithCredentialHeaders(),
    eventRecord(2, '{"echo":"Bearer tok-abc-123456"}'),
    eventRecord(3, 'token only: tok-abc-123456, cookie only: s3cr3t-cookie-value', { id: 's3cr3t-cookie-value' }),
    { kind: 'error', seq: 4, t: 4, at: 4, message: 'server said: session=s3cr3t-cookie-value is invalid', willReconnect: false },
    { kind: 'closed', seq: 5, t: 5, at: 5, reason: 'failed' },
  ];
}

describe('panel export', () => {
  it('writes NDJSON as one record per line, each line the record itself, ending in a newline', () => {
    const records = [eventRecord(1, 'a'), eventRecord(2, 'line one\nline two')];
    const text = formatExport(records, 'ndjson');
    assert.ok(text.endsWith('\n'));
    const lines = text.slice(0, -1).split('\n');
    assert.deepEqual(
      lines.map((line) => JSON.parse(line)),
      records,
    );
  });

  it('writes JSON as one array of the records', () => {
    const records = [eventRecord(1, 'a'), { kind: 'retry', seq: 2, t: 2, at: 2, ms: 5000 } as SseRecord];
    assert.deepEqual(JSON.parse(formatExport(records, 'json')), records);
  });

  it('writes an empty NDJSON file and an empty JSON array for no records', () => {
    assert.equal(formatExport([], 'ndjson'), '');
    assert.deepEqual(JSON.parse(formatExport([], 'json')), []);
  });

  for (const format of ['ndjson', 'json'] as const) {
    it(`leaves Authorization, Cookie, Set-Cookie and Proxy-Authorization headers (any case) out of ${format}, keeping the others`, () => {
      const text = formatExport([openWithCredentialHeaders()], format);
      assert.doesNotMatch(text, /authorization|cookie/i);
      for (const leaked of ['from-a-proxy', 'new-session-id', 'eHl6']) {
        assert.ok(!text.includes(leaked), `${leaked} leaked`);
      }
      assert.match(text, /x-request-id/);
      assert.match(text, /text\/event-stream/);
    });

    it(`replaces the stored credential values, and their secret parts, wherever they appear in ${format}`, () => {
      const text = formatExport(sessionRecords(), format, secretFragments(CREDENTIALS));
      for (const secret of ['tok-abc-123456', 's3cr3t-cookie-value', 'dark-mode']) {
        assert.ok(!text.includes(secret), `${secret} leaked`);
      }
      assert.ok(text.includes(REDACTED));
      assert.ok(text.includes('token only:'), 'the rest of the data is kept');
    });
  }

  it('does not change the records it exports (the store keeps them as they came)', () => {
    const records = sessionRecords();
    const before = structuredClone(records);
    formatExport(records, 'json', secretFragments(CREDENTIALS));
    assert.deepEqual(records, before);
  });

  it('treats each cookie value and the token after the auth scheme as secrets, but not pieces too short to matter', () => {
    assert.deepEqual(
      new Set(secretFragments({ cookie: 'sid=abcdef; x=1', authorization: 'Bearer tok-123' })),
      new Set(['sid=abcdef; x=1', 'sid=abcdef', 'abcdef', 'Bearer tok-123', 'tok-123']),
    );
    assert.deepEqual(secretFragments({}), []);
  });
});
