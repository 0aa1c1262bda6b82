import { strict as assert } from 'node:assert';
import type { ServerResponse } from 'node:http';
import { RawServer, SSE_HEADERS, openStream } from './support/rawServer';
import { collect, eventSummary, kinds, once } from './support/records';
import { SseConnection } from '../../src/engine/connection';
import type { ConnectOptions } from '../../src/engine/options';
import type { ClosedRecord, ErrorRecord, OpenRecord, SseRecord } from '../../src/shared/record';

function only<K extends SseRecord['kind']>(records: SseRecord[], kind: K): Extract<SseRecord, { kind: K }> {
  const found = records.filter((record) => record.kind === kind);
  assert.equal(found.length, 1, `one ${kind} record in ${JSON.stringify(kinds(records))}`);
  return found[0] as Extract<SseRecord, { kind: K }>;
}

/** Runs one session (reconnects allowed, quickly) against a server whose every answer is `answer`. */
async function against(answer: (res: ServerResponse, path: string) => void): Promise<{ records: SseRecord[]; requests: number }> {
  const server = await RawServer.start((_req, res, seen) => answer(res, seen.path));
  try {
    const records = await collect({ url: `${server.url}/sse`, retryMs: 5, reconnect: { maxAttempts: 2 } });
    return { records, requests: server.requests.length };
  } finally {
    await server.stop();
  }
}

function answerWith(status: number, headers: Record<string, string>, body: string | Buffer = 'data: never\n\n') {
  return (res: ServerResponse) => {
    res.writeHead(status, headers);
    res.end(body);
  };
}

/** The session failed for good: one error with the status, `closed` failed, and no second request. */
function assertFailed(result: { records: SseRecord[]; requests: number }, status: number, words: RegExp): void {
  assert.deepEqual(kinds(result.records), ['error', 'closed']);
  const error = result.records[0] as ErrorRecord;
  assert.equal(error.status, status);
  assert.equal(error.willReconnect, false);
  assert.match(error.message, words);
  assert.equal((result.records[1] as ClosedRecord).reason, 'failed');
  assert.equal(result.requests, 1, 'never reconnects');
}

describe('engine: status and Content-Type', () => {
  it('fails on 404 without reconnecting, naming the status', async () => {
    assertFailed(await against(answerWith(404, { 'content-type': 'text/plain' }, 'no such stream')), 404, /404 Not Found/);
  });

  it('fails on 500 without reconnecting', async () => {
    assertFailed(await against(answerWith(500, SSE_HEADERS)), 500, /500 Internal Server Error.*needs 200 OK/);
  });

  it('fails on 201, a 2xx other than 200', async () => {
    assertFailed(await against(answerWith(201, SSE_HEADERS)), 201, /201 Created/);
  });

  it('closes normally on 204 No Content: no error, reason no-content, no reconnect', async () => {
    const result = await against((res) => {
      res.writeHead(204);
      res.end();
    });
    assert.deepEqual(kinds(result.records), ['closed']);
    assert.equal((result.records[0] as ClosedRecord).reason, 'no-content');
    assert.equal(result.requests, 1);
  });

  it('fails on Content-Type text/html, quoting it', async () => {
    assertFailed(await against(answerWith(200, { 'content-type': 'text/html' }, '<p>hi</p>')), 200, /"text\/html".*text\/event-stream/);
  });

  it('fails when the Content-Type header is missing', async () => {
    const result = await against((res) => {
      res.removeHeader('content-type');
      res.writeHead(200);
      res.end('data: x\n\n');
    });
    assertFailed(result, 200, /no Content-Type/);
  });

  it('accepts "text/event-stream;" with a trailing semicolon (the ASP.NET Core example)', async () => {
    const result = await against(answerWith(200, { 'content-type': 'text/event-stream;' }, 'event: end\ndata: {}\n\n'));
    assert.deepEqual(kinds(result.records), ['open', 'event', 'closed']);
  });

  it('accepts "text/event-stream; charset=windows-1252" and still decodes the body as UTF-8', async () => {
    const body = Buffer.from('data: ünï ✓\n\nevent: end\ndata: {}\n\n', 'utf8');
    const result = await against(answerWith(200, { 'content-type': 'text/event-stream; charset=windows-1252' }, body));
    assert.deepEqual(eventSummary(result.records)[0], { type: 'message', data: 'ünï ✓', lastEventId: '' });
  });

  it('accepts the media type in any letter case', async () => {
    const result = await against(answerWith(200, { 'content-type': 'Text/Event-Stream' }, 'event: end\ndata: {}\n\n'));
    assert.deepEqual(kinds(result.records), ['open', 'event', 'closed']);
  });

  it('follows a 302 redirect to a stream, reports the final URL, and reconnects to the original URL', async () => {
    const server = await RawServer.start((_req, res, seen, index) => {
      if (seen.path === '/start') {
        res.writeHead(302, { location: '/moved' });
        res.end();
      } else if (index === 1) {
        openStream(res);
        res.end('data: a\n\n');
      } else {
        res.writeHead(204);
        res.end();
      }
    });
    try {
      const records = await collect({ url: `${server.url}/start`, retryMs: 5 });
      assert.deepEqual(kinds(records), ['open', 'event', 'error', 'reconnect', 'closed']);
      assert.equal((records[0] as OpenRecord).url, `${server.url}/moved`);
      assert.deepEqual(
        server.requests.map((request) => request.path),
        ['/start', '/moved', '/start', '/moved'],
      );
    } finally {
      await server.stop();
    }
  });

  it('fails when a redirect ends in 404, saying where it ended', async () => {
    const server = await RawServer.start((_req, res, seen) => {
      if (seen.path === '/start') {
        res.writeHead(307, { location: '/gone' });
        res.end();
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    try {
      const records = await collect({ url: `${server.url}/start`, retryMs: 5 });
      assert.deepEqual(kinds(records), ['error', 'closed']);
      const error = records[0] as ErrorRecord;
      assert.equal(error.status, 404);
      assert.match(error.message, new RegExp(`404 Not Found \\(after a redirect to ${server.url}/gone\\)`));
      assert.equal(server.requests.length, 2);
    } finally {
      await server.stop();
    }
  });

  it('reports the open record: status, response headers with lower-case names, connection number, time to headers', async () => {
    const result = await against(answerWith(200, { ...SSE_HEADERS, 'X-Server-Name': 'raw' }, 'event: end\ndata: {}\n\n'));
    const open = only(result.records, 'open');
    assert.equal(open.status, 200);
    assert.equal(open.connection, 1);
    assert.equal(open.headers['x-server-name'], 'raw');
    assert.equal(open.headers['content-type'], 'text/event-stream');
    assert.ok(open.ttfbMs >= 0);
    assert.equal(open.cors, undefined, 'no verdict without a page origin');
  });
});

describe('engine: bad input never throws', () => {
  for (const [label, url, words] of [
    ['an unparsable URL', 'not a url', /"not a url" is not a URL/],
    ['an ftp: URL', 'ftp://127.0.0.1/sse', /Only http: and https: URLs.*ftp:/],
    ['a javascript: URL', 'javascript:alert(1)', /Only http: and https: URLs.*javascript:/],
    ['an empty URL', '', /Enter the URL of an event stream/],
    ['a host and port without a scheme', 'localhost:8080/sse', /Add the scheme in front: http:\/\/localhost:8080\/sse/],
  ] as const) {
    it(`reports ${label} as an error, then closed failed`, async () => {
      const records = await collect({ url });
      assert.deepEqual(kinds(records), ['error', 'closed']);
      const error = records[0] as ErrorRecord;
      assert.match(error.message, words);
      assert.equal(error.willReconnect, false);
      assert.equal((records[1] as ClosedRecord).reason, 'failed');
    });
  }

  it('refuses a URL with a user name and password, and never repeats the password', async () => {
    const records = await collect({ url: 'http://user:secret@127.0.0.1:9/sse' });
    assert.deepEqual(kinds(records), ['error', 'closed']);
    assert.match((records[0] as ErrorRecord).message, /Remove the user name and password from the URL/);
    assert.ok(!JSON.stringify(records).includes('secret'));
  });

  it('reports an invalid header name, a header value beyond Latin-1 and a GET body as requests that cannot be sent', async () => {
    const cases: Array<Partial<ConnectOptions>> = [
      { headers: { 'bad name': 'x' } },
      { headers: { 'x-mark': '✓' } },
      { method: 'GET', body: '{}' },
    ];
    for (const options of cases) {
      const records = await collect({ url: 'http://127.0.0.1:9/sse', ...options });
      assert.deepEqual(kinds(records), ['error', 'closed'], JSON.stringify(options));
      assert.match((records[0] as ErrorRecord).message, /^The request cannot be sent: /);
    }
  });

  it('reports a page origin that is not an origin', async () => {
    const records = await collect({ url: 'http://127.0.0.1:9/sse', origin: 'nonsense' });
    assert.deepEqual(kinds(records), ['error', 'closed']);
    assert.match((records[0] as ErrorRecord).message, /"nonsense" is not a page origin/);
  });

  it('starts on the next tick: the constructor returns before the first record', async () => {
    const seen: string[] = [];
    const connection = new SseConnection(once('ftp://x'), (record) => seen.push(record.kind));
    assert.deepEqual(seen, []);
    await connection.done;
    assert.deepEqual(seen, ['error', 'closed']);
  });
});
