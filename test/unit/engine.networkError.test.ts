import { strict as assert } from 'node:assert';
import { describeNetworkError } from '../../src/engine/networkError';
import { collect, kinds } from './support/records';
import type { ClosedRecord, ErrorRecord } from '../../src/shared/record';

/** A failure shaped as Node's fetch reports it: TypeError("fetch failed") with the system error as its cause. */
function fetchFailed(cause: object): TypeError {
  return new TypeError('fetch failed', { cause });
}

function systemError(code: string, message: string, extra: object = {}): Error {
  return Object.assign(new Error(message), { code, ...extra });
}

describe('engine: network errors in plain words', () => {
  const url = 'http://api.example.test:8080/sse';

  it('names a host that does not resolve', () => {
    const failure = describeNetworkError(fetchFailed(systemError('ENOTFOUND', 'getaddrinfo ENOTFOUND api.example.test')), url, false);
    assert.deepEqual(failure, { message: 'Host not found (ENOTFOUND): api.example.test', retryable: true });
  });

  it('reports a refused connection with the address tried, also inside an AggregateError (IPv6 then IPv4)', () => {
    const refused = (address: string) => systemError('ECONNREFUSED', `connect ECONNREFUSED ${address}:8080`, { address, port: 8080 });
    const aggregate = new AggregateError([refused('::1'), refused('127.0.0.1')], 'connect failed');
    assert.equal(
      describeNetworkError(fetchFailed(aggregate), 'http://localhost:8080/sse', false).message,
      'Connection refused (ECONNREFUSED) at [::1]:8080: is the server running?',
    );
  });

  it('says a reset during the body cut the stream off', () => {
    const failure = describeNetworkError(new TypeError('terminated', { cause: systemError('ECONNRESET', 'read ECONNRESET') }), url, true);
    assert.equal(failure.message, 'The stream was cut off: Connection reset by the server (ECONNRESET) at api.example.test:8080');
  });

  it("falls back to the cause's own words and code for anything else", () => {
    assert.equal(describeNetworkError(fetchFailed(systemError('EWEIRD', 'something odd')), url, false).message, 'something odd (EWEIRD)');
    assert.equal(describeNetworkError(new Error('plain failure'), url, false).message, 'plain failure');
  });

  it('does not retry a port fetch refuses to use, and says so', async () => {
    const records = await collect({ url: 'http://127.0.0.1:1/sse', retryMs: 5 });
    assert.deepEqual(kinds(records), ['error', 'closed']);
    const error = records[0] as ErrorRecord;
    assert.equal(error.message, 'fetch refuses to connect to port 1 (a blocked port); use another port');
    assert.equal(error.willReconnect, false);
    assert.equal((records[1] as ClosedRecord).reason, 'failed');
  });
});
