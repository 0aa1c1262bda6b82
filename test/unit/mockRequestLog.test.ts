import { strict as assert } from 'node:assert';
import { MockServer } from '../../src/mock/mockServer';
import { RECENT_REQUESTS, redactedHeaderValue } from '../../src/mock/requestLog';

describe('mock server request log', () => {
  let server: MockServer;
  beforeEach(async () => {
    server = await MockServer.start({ port: 0, messageIntervalMs: 0 });
  });
  afterEach(() => server.stop());

  it(`keeps only the last ${RECENT_REQUESTS} requests, oldest first, while counting them all`, async () => {
    const total = RECENT_REQUESTS + 30;
    for (let n = 0; n < total; n += 1) await (await fetch(`${server.url}/nope-${n}`)).text();
    assert.equal(server.requestCount, total);
    assert.equal(server.requests.length, RECENT_REQUESTS);
    assert.equal(server.requests[0].url, `/nope-${total - RECENT_REQUESTS}`);
    assert.equal(server.requests[RECENT_REQUESTS - 1].url, `/nope-${total - 1}`);
  });

  it('never stores a credential header value, only its length and fingerprint', async () => {
    const secrets = {
      cookie: 'session=c00kie-value',
      authorization: 'Bearer aUth-t0ken',
      'proxy-authorization': 'Basic pr0xy',
      'x-api-key': 'k3y-value',
    };
    await (await fetch(`${server.url}/sse?count=0`, { headers: { ...secrets, 'x-trace': 'visible' } })).text();
    const [seen] = server.requests;
    for (const [name, value] of Object.entries(secrets)) {
      assert.equal(seen.headers[name], redactedHeaderValue(value), name);
      assert.match(String(seen.headers[name]), new RegExp(`^\\[redacted: ${value.length} chars, sha256 [0-9a-f]{16}\\]$`));
    }
    assert.equal(seen.headers['x-trace'], 'visible', 'other headers are kept as sent');
    const stored = JSON.stringify(server.requests);
    for (const fragment of ['c00kie', 'aUth-t0ken', 'pr0xy', 'k3y-value']) assert.ok(!stored.includes(fragment), fragment);
  });

  it('tells different credential values apart by their fingerprint', () => {
    assert.notEqual(redactedHeaderValue('Bearer a'), redactedHeaderValue('Bearer b'));
    assert.equal(redactedHeaderValue('Bearer a'), redactedHeaderValue('Bearer a'));
  });

  it('keeps no credential-like query value in the URLs it logs', async () => {
    await (await fetch(`${server.url}/sse?count=0&access_token=s3cret-t0ken`)).text();
    const [seen] = server.requests.slice(-1);
    assert.ok(!seen.url.includes('s3cret-t0ken'), seen.url);
    assert.match(seen.url, /^\/sse\?count=0&access_token=/);
  });
});
