import { strict as assert } from 'node:assert';
import { MockServer } from '../../src/mock/mockServer';
import { rawRequest } from './support/rawClient';

const HOST = 'Host: 127.0.0.1\r\nConnection: close\r\n\r\n';

// [what, exact request bytes]: each must get a 4xx, and the server must keep serving after it.
const HOSTILE: Array<[string, string | Buffer]> = [
  ['an absolute-form-ish path with a bad port (used to crash with Invalid URL)', `GET //a:99999/sse HTTP/1.1\r\n${HOST}`],
  ['a network-path reference', `GET //127.0.0.1/sse HTTP/1.1\r\n${HOST}`],
  ['absolute-form', `GET http://x/sse HTTP/1.1\r\n${HOST}`],
  ['absolute-form with a bad port', `GET http://a:99999/sse HTTP/1.1\r\n${HOST}`],
  ['asterisk-form', `GET * HTTP/1.1\r\n${HOST}`],
  ['OPTIONS asterisk-form', `OPTIONS * HTTP/1.1\r\n${HOST}`],
  ['authority-form', `CONNECT 127.0.0.1:80 HTTP/1.1\r\n${HOST}`],
  ['a bad percent escape in the path', `GET /%zz HTTP/1.1\r\n${HOST}`],
  ['a bad percent escape in the query', `GET /sse?%zz=%zz HTTP/1.1\r\n${HOST}`],
  ['a query value beyond Latin-1 escapes', `GET /sse?interval=%FF%FE HTTP/1.1\r\n${HOST}`],
  ['a huge query', `GET /sse?${'a'.repeat(200_000)} HTTP/1.1\r\n${HOST}`],
  ['a huge interval', `GET /sse?interval=99999999999999999999 HTTP/1.1\r\n${HOST}`],
  ['a repeated parameter', `GET /sse?burst=1&burst=2 HTTP/1.1\r\n${HOST}`],
  ['dot segments', `GET /../../etc/passwd HTTP/1.1\r\n${HOST}`],
  ['a raw byte 0xFF in the target', Buffer.concat([Buffer.from('GET /\xff HTTP/1.1\r\n', 'latin1'), Buffer.from(HOST)])],
  ['a NUL in the target', `GET /\0 HTTP/1.1\r\n${HOST}`],
  ['an unknown HTTP version', `GET /sse HTTP/9.9\r\n${HOST}`],
  ['no Host header', 'GET /sse HTTP/1.1\r\nConnection: close\r\n\r\n'],
  ['a bad Content-Length', `POST /sse HTTP/1.1\r\nContent-Length: abc\r\n${HOST}`],
  ['garbage instead of a request line', `\x16\x03\x01\x02\x00 hello\r\n\r\n`],
  ['an empty request line', `\r\n\r\n\r\n${HOST}`],
];

describe('mock server against malformed requests (raw node:net client)', () => {
  let server: MockServer;
  before(async () => {
    server = await MockServer.start({ port: 0, messageIntervalMs: 0 });
  });
  after(() => server.stop());

  for (const [what, bytes] of HOSTILE) {
    it(`answers ${what} with a 4xx and keeps serving`, async () => {
      const answer = await rawRequest(server.port, bytes);
      assert.ok(answer.status >= 400 && answer.status < 500, `status ${answer.status}: ${JSON.stringify(answer.text.slice(0, 200))}`);
      const next = await rawRequest(server.port, `GET /sse?count=0 HTTP/1.1\r\n${HOST}`);
      assert.equal(next.status, 200, 'the next request is served');
    });
  }

  it('says why a request target that is not a plain path is refused', async () => {
    const answer = await rawRequest(server.port, `GET //a:99999/sse HTTP/1.1\r\n${HOST}`);
    assert.match(answer.text, /^HTTP\/1\.1 400 /);
    const body = await fetch(`${server.url}/sse?count=0`);
    assert.equal(body.status, 200);
  });
});
