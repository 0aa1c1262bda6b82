import { strict as assert } from 'node:assert';
import { RawServer, openStream } from './support/rawServer';
import { collect, kinds } from './support/records';
import { corsVerdict } from '../../src/engine/cors';
import type { ConnectOptions } from '../../src/engine/options';
import type { CorsVerdict, OpenRecord, SseRecord } from '../../src/shared/record';

const END = 'event: end\ndata: {}\n\n';
const PAGE = 'https://app.example';

/** One session against a server that answers with `headers` and the end event; returns records and what it saw. */
async function exchange(options: Omit<ConnectOptions, 'url'>, headers: Record<string, string> = {}) {
  const server = await RawServer.start((_req, res) => {
    openStream(res, headers);
    res.end(END);
  });
  try {
    const records = await collect({ url: `${server.url}/sse`, ...options });
    return { records, request: server.requests[0] };
  } finally {
    await server.stop();
  }
}

function verdictOf(records: SseRecord[]): CorsVerdict | undefined {
  return (records.find((record) => record.kind === 'open') as OpenRecord).cors;
}

describe('engine: the request', () => {
  it('sends GET with Accept: text/event-stream and Cache-Control: no-cache', async () => {
    const { request } = await exchange({});
    assert.equal(request.method, 'GET');
    assert.equal(request.headers.accept, 'text/event-stream');
    assert.equal(request.headers['cache-control'], 'no-cache');
    assert.equal(request.headers['last-event-id'], undefined);
  });

  it("sends a POST with the body and the user's headers (as LLM APIs stream)", async () => {
    const { records, request } = await exchange({
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Api-Version': '2' },
      body: '{"prompt":"hi ✓"}',
    });
    assert.deepEqual(kinds(records), ['open', 'event', 'closed']);
    assert.equal(request.method, 'POST');
    assert.equal(request.body, '{"prompt":"hi ✓"}');
    assert.equal(request.headers['content-type'], 'application/json');
    assert.equal(request.headers['x-api-version'], '2');
    assert.equal(request.headers.accept, 'text/event-stream');
  });

  it('lets a header the user typed replace a default one', async () => {
    const { request } = await exchange({ headers: { Accept: 'text/event-stream, */*' } });
    assert.equal(request.headers.accept, 'text/event-stream, */*');
  });

  it('with credentials on, sends the configured Cookie and Authorization', async () => {
    const { request } = await exchange({
      withCredentials: true,
      credentials: { cookie: 'session=abc', authorization: 'Bearer xyz' },
    });
    assert.equal(request.headers.cookie, 'session=abc');
    assert.equal(request.headers.authorization, 'Bearer xyz');
  });

  it('with credentials off, sends neither, even when they are configured', async () => {
    const { request } = await exchange({
      withCredentials: false,
      credentials: { cookie: 'session=abc', authorization: 'Bearer xyz' },
    });
    assert.equal(request.headers.cookie, undefined);
    assert.equal(request.headers.authorization, undefined);
  });

  it('refuses a credential that cannot be a header value without quoting it in the error record', async () => {
    const secret = 'Bearer top-secret\u0000token';
    const records = await collect({ url: 'http://127.0.0.1:9/sse', withCredentials: true, credentials: { authorization: secret } });
    assert.deepEqual(kinds(records), ['error', 'closed']);
    const text = JSON.stringify(records);
    assert.match(text, /The request cannot be sent/);
    assert.ok(!text.includes('top-secret'), text);
  });

  it('with credentials off, still sends an Authorization header the user typed among the headers', async () => {
    const { request } = await exchange({ withCredentials: false, headers: { Authorization: 'Basic dTpw' } });
    assert.equal(request.headers.authorization, 'Basic dTpw');
  });

  it('sends the page origin as the Origin header, and no Origin without one', async () => {
    assert.equal((await exchange({ origin: PAGE })).request.headers.origin, PAGE);
    assert.equal((await exchange({ origin: 'https://app.example/some/page?x=1' })).request.headers.origin, PAGE);
    assert.equal((await exchange({})).request.headers.origin, undefined);
  });

  it('puts the CORS verdict on the open record: allowed with credentials when the server reflects the origin', async () => {
    const { records } = await exchange(
      { origin: PAGE, withCredentials: true },
      { 'access-control-allow-origin': PAGE, 'access-control-allow-credentials': 'true' },
    );
    assert.deepEqual(verdictOf(records), {
      origin: PAGE,
      withCredentials: true,
      allowed: true,
      reason: `Allowed: Access-Control-Allow-Origin is ${PAGE} and Access-Control-Allow-Credentials is true`,
    });
  });

  it('puts a blocked verdict on the open record when the server answers * to a request with credentials', async () => {
    const { records } = await exchange({ origin: PAGE, withCredentials: true }, { 'access-control-allow-origin': '*' });
    const verdict = verdictOf(records);
    assert.equal(verdict?.allowed, false);
    assert.match(verdict?.reason ?? '', /is \* but credentials are on/);
  });

  it("judges a stream on the page's own origin allowed without any CORS headers", async () => {
    const server = await RawServer.start((_req, res) => {
      openStream(res);
      res.end(END);
    });
    try {
      const records = await collect({ url: `${server.url}/sse`, origin: server.url, withCredentials: true });
      const verdict = verdictOf(records);
      assert.equal(verdict?.allowed, true);
      assert.match(verdict?.reason ?? '', /own origin/);
    } finally {
      await server.stop();
    }
  });
});

describe('engine: corsVerdict', () => {
  const exact = { 'access-control-allow-origin': PAGE };
  const cases: Array<[string, boolean, Record<string, string>, boolean, RegExp]> = [
    ['credentials on, exact origin and credentials true', true, { ...exact, 'access-control-allow-credentials': 'true' }, true, /Allowed/],
    [
      'credentials on, * with credentials true',
      true,
      { 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true' },
      false,
      /is \* but credentials are on; it must be exactly https:\/\/app\.example/,
    ],
    ['credentials on, exact origin, Allow-Credentials missing', true, exact, false, /must be true \(it is missing\)/],
    [
      'credentials on, exact origin, Allow-Credentials "TRUE"',
      true,
      { ...exact, 'access-control-allow-credentials': 'TRUE' },
      false,
      /must be true \(it is "TRUE"\)/,
    ],
    [
      'credentials on, another origin',
      true,
      { 'access-control-allow-origin': 'https://other.example', 'access-control-allow-credentials': 'true' },
      false,
      /is "https:\/\/other\.example", not https:\/\/app\.example/,
    ],
    ['credentials on, no Allow-Origin', true, {}, false, /no Access-Control-Allow-Origin header/],
    ['credentials off, *', false, { 'access-control-allow-origin': '*' }, true, /is \* and credentials are off/],
    ['credentials off, exact origin', false, exact, true, /Allowed: Access-Control-Allow-Origin is https:\/\/app\.example/],
    [
      'credentials off, another origin',
      false,
      { 'access-control-allow-origin': 'https://other.example' },
      false,
      /neither \* nor https:\/\/app\.example/,
    ],
    ['credentials off, no Allow-Origin', false, {}, false, /no Access-Control-Allow-Origin header/],
    ['credentials off, origin with a trailing slash', false, { 'access-control-allow-origin': `${PAGE}/` }, false, /Blocked/],
    ['credentials off, a list of origins', false, { 'access-control-allow-origin': `${PAGE}, https://other.example` }, false, /Blocked/],
  ];
  for (const [label, withCredentials, headers, allowed, reason] of cases) {
    it(`${allowed ? 'allows' : 'blocks'}: ${label}`, () => {
      const verdict = corsVerdict(PAGE, withCredentials, headers);
      assert.equal(verdict.allowed, allowed);
      assert.equal(verdict.origin, PAGE);
      assert.equal(verdict.withCredentials, withCredentials);
      assert.match(verdict.reason, reason);
    });
  }

  it('reads header names in any case from a plain object, and from a Headers object', () => {
    const mixed = { 'Access-Control-Allow-Origin': PAGE, 'ACCESS-CONTROL-ALLOW-CREDENTIALS': 'true' };
    assert.equal(corsVerdict(PAGE, true, mixed).allowed, true);
    assert.equal(corsVerdict(PAGE, true, new Headers(mixed)).allowed, true);
  });
});

describe('engine: a Last-Event-ID the user typed', () => {
  it("goes out on the first request only; reconnects send the stream's own last event ID, or none", async () => {
    const server = await RawServer.start((_req, res, _seen, index) => {
      if (index >= 3) {
        res.writeHead(204);
        return void res.end();
      }
      openStream(res);
      res.end(['data: a\n\n', 'id: 8\ndata: b\n\n', 'id\ndata: c\n\n'][index]);
    });
    try {
      await collect({ url: `${server.url}/sse`, retryMs: 5, closeOn: '', headers: { 'Last-Event-ID': '100' } });
      assert.deepEqual(
        server.requests.map((request) => request.headers['last-event-id']),
        ['100', undefined, '8', undefined],
      );
    } finally {
      await server.stop();
    }
  });
});
