import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { RawServer, openStream } from './support/rawServer';
import { collect, eventSummary, kinds } from './support/records';
import type { ClosedRecord, ErrorRecord, SseRecord } from '../../src/shared/record';

const closedOf = (records: SseRecord[]) => records.at(-1) as ClosedRecord;
const errorOf = (records: SseRecord[]) => records.find((r): r is ErrorRecord => r.kind === 'error') as ErrorRecord;

/** A raw TCP server that writes exactly `bytes` to every connection, then closes it (or holds it open). */
async function rawTcp(
  bytes: Buffer | string,
  close = true,
): Promise<{ url: string; connections: () => number; stop: () => Promise<void> }> {
  let count = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    count++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('data', () => {
      if (bytes.length > 0) socket.write(bytes);
      if (close) socket.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sse`,
    connections: () => count,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const HEAD = 'HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n';

describe('engine: compressed bodies', () => {
  const body = 'data: one\n\nevent: end\ndata: two\n\n';
  const encodings: Array<[string, Buffer]> = [
    ['gzip', zlib.gzipSync(body)],
    ['br', zlib.brotliCompressSync(body)],
    ['deflate', zlib.deflateSync(body)],
    ['deflate (raw, as some servers send it)', zlib.deflateRawSync(body)],
  ];
  for (const [label, bytes] of encodings) {
    it(`decodes a ${label} body`, async () => {
      const server = await RawServer.start((_req, res) => {
        openStream(res, { 'content-encoding': label.split(' ')[0] });
        res.end(bytes);
      });
      try {
        const records = await collect({ url: `${server.url}/sse`, reconnect: { mode: 'never' } });
        assert.deepEqual(
          eventSummary(records).map((e) => e.data),
          ['one', 'two'],
        );
      } finally {
        await server.stop();
      }
    });
  }

  for (const coding of ['gzip', 'br', 'deflate']) {
    it(`a corrupt ${coding} body, then the server closes: an error record and a decision, never a silent open`, async () => {
      const server = await rawTcp(`${HEAD}Content-Encoding: ${coding}\r\n\r\n\u0000garbage that is not ${coding} at all, not even close`);
      try {
        const records = await collect({ url: server.url, retryMs: 5, reconnect: { maxAttempts: 1 } });
        assert.deepEqual(kinds(records), ['open', 'error', 'reconnect', 'open', 'error', 'closed']);
        assert.match(errorOf(records).message, /corrupt|Decompression failed/);
        assert.equal(closedOf(records).reason, 'reconnect-limit');
      } finally {
        await server.stop();
      }
    });
  }
});

describe('engine: an id with a control character', () => {
  for (const [label, char, escaped] of [
    ['0x01', '\u0001', '\\u0001'],
    ['DEL', '\u007f', '\\u007f'],
    ['ESC', '\u001b', '\\u001b'],
  ]) {
    it(`${label}: the reconnect is not attempted again and again; the session ends naming the id, escaped`, async () => {
      const server = await RawServer.start((_req, res) => {
        openStream(res);
        res.end(`id: a${char}b\ndata: x\n\n`);
      });
      try {
        const records = await collect({ url: `${server.url}/sse`, retryMs: 5, closeOn: '' });
        assert.deepEqual(kinds(records), ['open', 'event', 'error', 'reconnect', 'error', 'closed']);
        const last = records.at(-2) as ErrorRecord;
        assert.equal(last.willReconnect, false);
        assert.ok(last.message.includes(`"a${escaped}b"`), last.message);
        assert.equal(closedOf(records).reason, 'failed');
        assert.equal(server.requests.length, 1, 'the request that cannot be sent is never sent');
      } finally {
        await server.stop();
      }
    });
  }
});

describe('engine: timeouts', () => {
  it('with a connect timeout, a server that never sends headers ends in a clear error record', async () => {
    const server = await rawTcp('', false);
    try {
      const records = await collect({ url: server.url, connectTimeoutMs: 200, reconnect: { mode: 'never' } });
      assert.deepEqual(kinds(records), ['error', 'closed']);
      assert.match(errorOf(records).message, /No response from 127\.0\.0\.1:\d+ within the 0\.2 s connect timeout/);
    } finally {
      await server.stop();
    }
  });
});

describe('engine: what the server sends that the client will not follow', () => {
  for (const target of ['file:///etc/passwd', 'data:text/event-stream,data:%20x', 'ftp://127.0.0.1/sse', 'javascript:alert(1)']) {
    it(`a redirect to ${target.split(':')[0]}: says "redirected to a non-HTTP URL", naming it, and does not retry`, async () => {
      const server = await RawServer.start((_req, res) => void res.writeHead(302, { location: target }).end());
      try {
        const records = await collect({ url: `${server.url}/sse`, retryMs: 5 });
        assert.deepEqual(kinds(records), ['error', 'closed']);
        assert.match(errorOf(records).message, /redirected to a non-HTTP URL/);
        assert.ok(errorOf(records).message.includes(new URL(target).href), errorOf(records).message);
        assert.equal(server.requests.length, 1);
      } finally {
        await server.stop();
      }
    });
  }

  it('a redirect loop says so, with the hop count, after 20 redirects as fetch', async () => {
    const server = await RawServer.start(
      (_req, res, seen) => void res.writeHead(302, { location: seen.path === '/a' ? '/b' : '/a' }).end(),
    );
    try {
      const records = await collect({ url: `${server.url}/a`, retryMs: 5 });
      assert.deepEqual(kinds(records), ['error', 'closed']);
      assert.match(errorOf(records).message, /a redirect loop: gave up after 20 redirects/);
      assert.equal(server.requests.length, 21);
    } finally {
      await server.stop();
    }
  });

  it("a response header over the client's limit says so in words, not UND_ERR_HEADERS_OVERFLOW, and is not retried", async () => {
    const server = await rawTcp(`${HEAD}X-Huge: ${'h'.repeat(20 * 1024)}\r\n\r\ndata: x\n\n`);
    try {
      const records = await collect({ url: server.url, retryMs: 5 });
      assert.deepEqual(kinds(records), ['error', 'closed']);
      assert.match(errorOf(records).message, /response headers .* are larger than the HTTP client's limit/);
      assert.doesNotMatch(errorOf(records).message, /UND_ERR/);
      assert.equal(server.connections(), 1);
    } finally {
      await server.stop();
    }
  });
});

describe("engine: a self-signed certificate (as ASP.NET Core's development one)", () => {
  let server: https.Server;
  let url: string;
  let handshakes = 0;
  before(async () => {
    // A test-only key and certificate (localhost, 127.0.0.1), committed so that no tool is needed to make them.
    const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));
    server = https.createServer({ key: fixture('self-signed.key.pem'), cert: fixture('self-signed.cert.pem') }, (_req, res) => {
      openStream(res);
      res.end('event: end\ndata: secure\n\n');
    });
    server.on('connection', () => handshakes++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/sse`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('without --insecure: a plain-words error naming the problem and the flag, and no retry', async () => {
    handshakes = 0;
    const records = await collect({ url, retryMs: 5 });
    assert.deepEqual(kinds(records), ['error', 'closed']);
    assert.match(errorOf(records).message, /not trusted: it is self-signed \(DEPTH_ZERO_SELF_SIGNED_CERT\).*--insecure/);
    assert.equal(closedOf(records).reason, 'failed');
    assert.equal(handshakes, 1);
  });

  it('with insecureTls: connects and reads the stream', async () => {
    const records = await collect({ url, insecureTls: true });
    assert.deepEqual(
      eventSummary(records).map((e) => e.data),
      ['secure'],
    );
    assert.equal(closedOf(records).reason, 'close-on-event');
  });
});
