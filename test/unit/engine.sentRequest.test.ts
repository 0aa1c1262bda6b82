import { strict as assert } from 'node:assert';
import { RawServer, closedPort, openStream } from './support/rawServer';
import { collect, kinds } from './support/records';
import { ofKind } from './support/sessions';
import type { ConnectOptions } from '../../src/engine/options';
import { describeSent, SENT_BODY_START_CHARS, SENT_HEADERS_CHARS, SENT_VALUE_CHARS } from '../../src/engine/sentRequest';
import { REDACTED } from '../../src/shared/redact';
import type { SseRecord } from '../../src/shared/record';

const END = 'event: end\ndata: {}\n\n';
const PAGE = 'https://app.example';
const SECRET = 'sk-secret';

/** Every record of one session against a server answering with `handler`. */
async function session(handler: Parameters<typeof RawServer.start>[0], options: Omit<ConnectOptions, 'url'>, path = '/sse') {
  const server = await RawServer.start(handler);
  try {
    return { records: await collect({ url: `${server.url}${path}`, ...options }), server };
  } finally {
    await server.stop();
  }
}

function assertNoSecret(records: SseRecord[], ...secrets: string[]): void {
  const text = JSON.stringify(records);
  for (const secret of secrets) assert.ok(!text.includes(secret), `${secret} leaked into ${text}`);
}

describe('engine: the request as sent, on open and error records', () => {
  it('describes a POST: method, URL, headers with Authorization masked, body size and start, Origin', async () => {
    const body = `{"prompt":"${'✓'.repeat(2000)}"}`;
    const { records, server } = await session(
      (_req, res) => {
        openStream(res);
        res.end(END);
      },
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json' },
        body,
        origin: `${PAGE}/page`,
      },
      '/sse?access_token=q-secret-token&model=x',
    );
    assert.deepEqual(kinds(records), ['open', 'event', 'closed']);
    assert.equal(server.requests[0].headers.authorization, `Bearer ${SECRET}`, 'the real value went to the server');
    const request = ofKind(records, 'open')[0].request;
    assert.ok(request !== undefined);
    assert.equal(request.method, 'POST');
    assert.equal(request.url, `${server.url}/sse?access_token=${REDACTED}&model=x`);
    assert.equal(request.headers.authorization, REDACTED);
    assert.equal(request.headers['content-type'], 'application/json');
    assert.equal(request.headers.accept, 'text/event-stream');
    assert.equal(request.bodyBytes, Buffer.byteLength(body, 'utf8'));
    assert.equal(request.bodyStart, body.slice(0, SENT_BODY_START_CHARS), 'the start of the body, clipped');
    assert.equal(request.origin, PAGE);
    assert.equal(request.headers.origin, PAGE);
    assert.equal(request.lastEventId, undefined);
    assertNoSecret(records, SECRET);
    // The open record's own URL is the response's, masked on export as before; the request's is masked at the source.
    assert.ok(!JSON.stringify(request).includes('q-secret-token'));
  });

  it('masks a credential value wherever the request repeats it (body, another header)', async () => {
    const token = 'tok-abcdef-123';
    const { records } = await session(
      (_req, res) => {
        openStream(res);
        res.end(END);
      },
      { method: 'POST', headers: { 'X-Api-Key': token, 'X-Echo': `key ${token}` }, body: `{"key":"${token}"}` },
    );
    const request = ofKind(records, 'open')[0].request;
    assert.equal(request?.headers['x-api-key'], REDACTED);
    assert.equal(request?.headers['x-echo'], `key ${REDACTED}`);
    assert.equal(request?.bodyStart, `{"key":"${REDACTED}"}`);
    assertNoSecret(records, token);
  });

  it('shows the Last-Event-ID a reconnect sent (as text) on the second open record, and none on the first', async () => {
    const { records } = await session(
      (_req, res, _seen, index) => {
        if (index >= 2) {
          res.writeHead(204);
          return void res.end();
        }
        openStream(res);
        res.end(index === 0 ? 'id: é-8\ndata: a\n\n' : 'data: b\n\n');
      },
      { retryMs: 5, closeOn: '' },
    );
    const opens = ofKind(records, 'open');
    assert.equal(opens.length, 2);
    assert.equal(opens[0].request?.lastEventId, undefined);
    assert.equal(opens[0].request?.headers['last-event-id'], undefined);
    assert.equal(opens[1].request?.lastEventId, 'é-8');
    assert.equal(opens[1].request?.method, 'GET');
    assert.equal(opens[1].request?.bodyBytes, 0);
    assert.equal(opens[1].request?.bodyStart, undefined);
  });

  it('puts the request on the error record of a 401, beside the status, headers and JSON body', async () => {
    const answer = '{"error":{"message":"invalid api key"}}';
    const { records } = await session(
      (_req, res) => {
        res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer realm="api"' });
        res.end(answer);
      },
      { method: 'POST', headers: { Authorization: `Bearer ${SECRET}` }, body: '{}' },
    );
    const [error] = ofKind(records, 'error');
    assert.equal(error.status, 401);
    assert.equal(error.body, answer);
    assert.equal(error.headers?.['www-authenticate'], 'Bearer realm="api"');
    assert.equal(error.request?.method, 'POST');
    assert.equal(error.request?.headers.authorization, REDACTED);
    assert.equal(error.request?.bodyBytes, 2);
    assertNoSecret(records, SECRET);
  });

  it('puts the request on a network failure, and none when nothing was sent (a URL refused up front)', async () => {
    const port = await closedPort();
    const failed = await collect({ url: `http://127.0.0.1:${port}/sse`, reconnect: { mode: 'never' } });
    assert.equal(ofKind(failed, 'error')[0].request?.url, `http://127.0.0.1:${port}/sse`);
    const refused = await collect({ url: 'ftp://example.invalid/sse' });
    assert.deepEqual(kinds(refused), ['error', 'closed']);
    assert.equal(ofKind(refused, 'error')[0].request, undefined);
  });

  it('describes the last hop of a redirect: its URL, and no Authorization once the redirect left the origin', async () => {
    const target = await RawServer.start((_req, res) => {
      openStream(res);
      res.end(END);
    });
    try {
      const { records, server } = await session(
        (_req, res) => {
          res.writeHead(307, { location: `${target.url.replace('127.0.0.1', 'localhost')}/moved?sig=sig-secret-1` });
          res.end();
        },
        { headers: { Authorization: `Bearer ${SECRET}` } },
      );
      assert.equal(server.requests.length, 1);
      const request = ofKind(records, 'open')[0].request;
      assert.equal(request?.url, `${target.url.replace('127.0.0.1', 'localhost')}/moved?sig=${REDACTED}`);
      assert.equal(request?.headers.authorization, undefined, 'fetch drops it on a cross-origin redirect');
      assertNoSecret(records, SECRET);
      assert.ok(!JSON.stringify(request).includes('sig-secret-1'));
    } finally {
      await target.stop();
    }
  });

  it('never quotes a user-typed credential header in the problem fetch reports about it', async () => {
    const records = await collect({ url: 'http://127.0.0.1:9/sse', headers: { 'X-Api-Key': 'key-top-secret\u0000x' } });
    assert.deepEqual(kinds(records), ['error', 'closed']);
    assert.match(JSON.stringify(records), /The request cannot be sent/);
    assertNoSecret(records, 'key-top-secret');
  });

  it('keeps the description small: each value clipped, headers beyond the cap counted instead of kept', () => {
    const headers: Record<string, string> = { 'x-huge': 'v'.repeat(100_000) };
    for (let index = 0; index < 100; index++) headers[`x-h${index}`] = 'w'.repeat(500);
    const sent = describeSent({ method: 'GET', url: `http://x/${'p'.repeat(100_000)}`, headers, body: 'b'.repeat(100_000) }, {});
    assert.equal(sent.headers['x-huge'].length, SENT_VALUE_CHARS + 1);
    assert.ok(Object.keys(sent.headers).length < 101);
    assert.equal(Object.keys(sent.headers).length + (sent.headersOmitted ?? 0), 101);
    assert.ok(JSON.stringify(sent).length < SENT_HEADERS_CHARS + 4 * SENT_VALUE_CHARS + 8 * 1024, JSON.stringify(sent).length.toString());
    assert.equal(sent.bodyBytes, 100_000);
  });
});
