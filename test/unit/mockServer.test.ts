import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import * as path from 'node:path';
import { MockServer } from '../../src/mock/mockServer';
import { redactedHeaderValue } from '../../src/mock/requestLog';
import { END_BLOCK } from '../../src/mock/sequence';
import { ManualClock } from './panelFixtures';

const ROOT = path.resolve(__dirname, '../..');

const CLIENT_LEAVES = `
const http = require('node:http');
const { MockServer } = require('./src/mock/mockServer.ts');
(async () => {
  const server = await MockServer.start();
  await new Promise((resolve) => {
    server.onDidChange((info) => { if (info.closedAt !== undefined) resolve(); });
    const req = http.request(server.url + '/sse?interval=60000', { agent: false }, (res) => {
      res.on('error', () => {});
      res.once('data', () => req.destroy());
    });
    req.on('error', () => {});
    req.end();
  });
  await server.stop();
  console.log('client left; server stopped');
})();
`;

interface Received {
  status: number;
  /** Header name/value pairs exactly as sent (names as the server spelled them). */
  raw: Array<[string, string]>;
  body: string;
  /** Epoch ms at which each complete block (ending in a blank line) had arrived. */
  blockTimes: number[];
  /** False when the connection was cut before the response finished. */
  complete: boolean;
}

interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  /** Called on every chunk with the body so far, and a function that cuts the connection. */
  onBody?: (body: string, cut: () => void) => void;
}

function request(url: string, options: RequestOptions = {}): Promise<Received> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const raw: Array<[string, string]> = [];
      for (let i = 0; i < res.rawHeaders.length; i += 2) raw.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
      const received: Received = { status: res.statusCode ?? 0, raw, body: '', blockTimes: [], complete: false };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        received.body += chunk;
        const blocks = received.body.split('\n\n').length - 1;
        while (received.blockTimes.length < blocks) received.blockTimes.push(Date.now());
        options.onBody?.(received.body, () => req.destroy());
      });
      res.on('end', () => {
        received.complete = true;
      });
      res.on('error', () => undefined);
      res.on('close', () => resolve(received));
    });
    req.on('error', reject);
    req.end();
  });
}

const header = (received: Received, name: string): string | undefined =>
  received.raw.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

const documentBody = (from = 1, to = 10, ids = false): string => {
  let text = '';
  for (let n = from; n <= to; n += 1) text += `${ids ? `id: ${n}\n` : ''}data: {"message": "Hello SSE ${n}"}\n\n`;
  return text;
};

describe('mock server over loopback', () => {
  let server: MockServer;
  beforeEach(async () => {
    server = await MockServer.start({ port: 0 });
  });
  afterEach(() => server.stop());

  it('listens on 127.0.0.1 with a free port and reports its URL', () => {
    assert.ok(server.port > 0);
    assert.equal(server.url, `http://127.0.0.1:${server.port}`);
  });

  it('replays the document sequence byte for byte, end last, with the document headers', async () => {
    const received = await request(`${server.url}/sse?interval=20`);
    assert.equal(received.status, 200);
    assert.equal(received.body, documentBody() + END_BLOCK);
    assert.ok(received.complete, 'the response ends after the end event');
    assert.equal(header(received, 'Content-Type'), 'text/event-stream');
    assert.equal(header(received, 'Cache-Control'), 'no-cache');
  });

  it('sends the ASHX handler headers as ASP.NET renders them', async () => {
    const received = await request(`${server.url}/sse?interval=0&variant=ashx`);
    assert.equal(header(received, 'Content-Type'), 'text/event-stream; charset=utf-8');
    assert.equal(header(received, 'Cache-Control'), 'no-cache');
    assert.equal(header(received, 'Pragma'), 'no-cache');
    assert.equal(received.body, documentBody() + END_BLOCK);
  });

  it('sends the ASP.NET Core headers verbatim, trailing semicolon included', async () => {
    const received = await request(`${server.url}/sse?interval=0&variant=core`);
    assert.equal(header(received, 'Content-Type'), 'text/event-stream;');
    assert.equal(header(received, 'Cache-Control'), 'no-cache');
    assert.equal(received.body, documentBody() + END_BLOCK);
  });

  describe('CORS', () => {
    const origin = 'http://app.example:3000';

    it('reflects the Origin with credentials allowed and Vary: Origin by default', async () => {
      const received = await request(`${server.url}/sse?interval=0&count=1`, { headers: { Origin: origin } });
      assert.equal(header(received, 'Access-Control-Allow-Origin'), origin);
      assert.equal(header(received, 'Access-Control-Allow-Credentials'), 'true');
      assert.equal(header(received, 'Vary'), 'Origin');
    });

    it('cors=star answers * without credentials', async () => {
      const received = await request(`${server.url}/sse?interval=0&count=1&cors=star`, { headers: { Origin: origin } });
      assert.equal(header(received, 'Access-Control-Allow-Origin'), '*');
      assert.equal(header(received, 'Access-Control-Allow-Credentials'), undefined);
    });

    it('cors=none sends no CORS headers at all', async () => {
      const received = await request(`${server.url}/sse?interval=0&count=1&cors=none`, { headers: { Origin: origin } });
      const cors = received.raw.filter(([name]) => /^access-control-|^vary$/i.test(name));
      assert.deepEqual(cors, []);
      assert.equal(received.status, 200);
    });
  });

  it('ids adds id lines and resumes after the Last-Event-ID header', async () => {
    const fresh = await request(`${server.url}/sse?interval=0&ids`);
    assert.equal(fresh.body, documentBody(1, 10, true) + END_BLOCK);
    const resumed = await request(`${server.url}/sse?interval=0&ids`, { headers: { 'Last-Event-ID': '7' } });
    assert.equal(resumed.body, documentBody(8, 10, true) + END_BLOCK);
  });

  it('retry sends a retry field before the first message', async () => {
    const received = await request(`${server.url}/sse?interval=0&count=2&retry=1500`);
    assert.equal(received.body, `retry: 1500\n\n${documentBody(1, 2)}${END_BLOCK}`);
  });

  it('drop cuts the connection after N messages, without the end event', async () => {
    const received = await request(`${server.url}/sse?interval=10&drop=3`);
    assert.equal(received.body, documentBody(1, 3));
    assert.equal(received.complete, false);
  });

  it('burst sends N data events and then end', async () => {
    const received = await request(`${server.url}/sse?burst=50000`);
    const blocks = received.body.split('\n\n').slice(0, -1);
    assert.equal(blocks.length, 50001);
    assert.equal(blocks[0], 'data: 1');
    assert.equal(blocks[49999], 'data: 50000');
    assert.equal(`${blocks[50000]}\n\n`, END_BLOCK);
  });

  it('streams on POST too (the body is ignored), and refuses other methods with 405', async () => {
    const posted = await request(`${server.url}/sse?interval=0&count=1`, { method: 'POST' });
    assert.equal(posted.body, documentBody(1, 1) + END_BLOCK);
    const deleted = await request(`${server.url}/sse`, { method: 'DELETE' });
    assert.equal(deleted.status, 405);
    assert.equal(header(deleted, 'Allow'), 'GET, POST');
  });

  it('answers 404 with a short text for an unknown path', async () => {
    const received = await request(`${server.url}/events`);
    assert.equal(received.status, 404);
    assert.match(received.body, /Not found: \/events/);
  });

  it('answers 400 naming the bad query parameter', async () => {
    for (const [search, name] of [
      ['interval=fast', 'interval'],
      ['count=-3', 'count'],
      ['cors=all', 'cors'],
      ['variant=php', 'variant'],
      ['speed=1', 'speed'],
    ]) {
      const received = await request(`${server.url}/sse?${search}`);
      assert.equal(received.status, 400, search);
      assert.ok(received.body.includes(name), `${search}: ${received.body}`);
    }
  });

  it('answers 403 to a Host header that is not loopback (DNS rebinding guard)', async () => {
    const evil = await request(`${server.url}/sse?interval=0`, { headers: { Host: 'evil.example' } });
    assert.equal(evil.status, 403);
    assert.doesNotMatch(evil.body, /data:/);
    for (const host of [`localhost:${server.port}`, `[::1]:${server.port}`, '127.0.0.1']) {
      const fine = await request(`${server.url}/sse?interval=0&count=0`, { headers: { Host: host } });
      assert.equal(fine.status, 200, host);
    }
  });

  it('gives each of many concurrent clients its own full sequence', async () => {
    const clients = Array.from({ length: 25 }, () => request(`${server.url}/sse?interval=20`));
    for (const received of await Promise.all(clients)) {
      assert.equal(received.body, documentBody() + END_BLOCK);
    }
  });

  it('records every request, with closedAt once it closes, and reports arrivals and closes', async () => {
    const seen: string[] = [];
    const subscription = server.onDidChange((info) => seen.push(`${info.closedAt === undefined ? 'open' : 'closed'} ${info.url}`));
    await request(`${server.url}/sse?interval=0&count=1`, { headers: { Cookie: 'a=1' } });
    await request(`${server.url}/nope`);
    subscription.dispose();
    assert.deepEqual(seen, ['open /sse?interval=0&count=1', 'closed /sse?interval=0&count=1', 'open /nope', 'closed /nope']);
    assert.equal(server.requests.length, 2);
    // The value itself is not kept (issue 8 §4); its fingerprint proves which one arrived.
    assert.equal(server.requests[0].headers.cookie, redactedHeaderValue('a=1'));
    assert.ok(server.requests.every((info) => info.closedAt !== undefined && info.closedAt >= info.startedAt));
  });

  let child: ChildProcess | undefined;
  after(() => child?.kill());

  it('clears the stream timer when a client goes away, so nothing keeps the process alive', async () => {
    // A child process exits by itself only if no timer is left behind; the leftover would be 60 s long.
    const leaver = spawn(process.execPath, ['--import', 'tsx', '-e', CLIENT_LEAVES], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    child = leaver;
    let output = '';
    leaver.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [code] = await once(leaver, 'exit');
    assert.equal(code, 0);
    assert.equal(output.trim(), 'client left; server stopped');
  });

  it('stop closes open streams at once and frees the port', async () => {
    const port = server.port;
    let stream: Promise<Received> | undefined;
    await new Promise<void>((resolve) => {
      stream = request(`${server.url}/sse`, { onBody: () => resolve() });
    });
    await server.stop();
    const received = await stream!;
    assert.equal(received.body, documentBody(1, 1), 'the stream was cut after its first message');
    assert.equal(received.complete, false);
    assert.notEqual(server.requests[0].closedAt, undefined);
    await server.stop();
    server = await MockServer.start({ port });
    assert.equal(server.port, port);
  });

  it('refuses a port in use with a clear message', async () => {
    await assert.rejects(MockServer.start({ port: server.port }), {
      message: `Port ${server.port} is already in use`,
    });
  });

  it('refuses an impossible port before trying to listen', async () => {
    await assert.rejects(MockServer.start({ port: 70000 }), /Port must be a whole number from 0 to 65535/);
  });

  it('survives a client leaving in the middle of a burst', async () => {
    const cutShort = await request(`${server.url}/sse?burst=2000000`, {
      onBody: (body, cut) => {
        if (body.length > 100_000) cut();
      },
    });
    assert.equal(cutShort.complete, false);
    while (server.requests[0]?.closedAt === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
    const after = await request(`${server.url}/sse?interval=0&count=1`);
    assert.equal(after.body, documentBody(1, 1) + END_BLOCK);
  });
});

describe('mock server pace (hand-driven clock)', () => {
  // The real-time pace (one message a second) is checked once, end to end, by the integration suite's
  // "with the document pace" test; here the clock is driven by hand, so the pace is exact and instant.
  it('sends the first message at once, then each message and the end event exactly one interval later', async () => {
    const clock = new ManualClock();
    const server = await MockServer.start({ clock });
    try {
      let body = '';
      const blocks = () => body.split('\n\n').length - 1;
      let arrived: (() => void) | undefined;
      const closed = request(`${server.url}/sse`, {
        onBody: (text) => {
          body = text;
          arrived?.();
        },
      });
      const blockCount = (n: number) =>
        new Promise<void>((resolve) => {
          arrived = () => blocks() >= n && resolve();
          arrived();
        });
      /** Lets the server run until it waits on the clock again. */
      const serverWaiting = async () => {
        while (clock.pendingTimers === 0) await new Promise((resolve) => setImmediate(resolve));
      };
      await blockCount(1);
      for (let n = 2; n <= 11; n += 1) {
        await serverWaiting();
        clock.advance(999);
        assert.equal(blocks(), n - 1, `block ${n} is not due before the full interval`);
        assert.equal(clock.pendingTimers, 1);
        clock.advance(1);
        await blockCount(n);
      }
      assert.equal((await closed).body, documentBody() + END_BLOCK);
      assert.equal(clock.now(), 10_000, 'ten intervals: nine more messages and the end event');
    } finally {
      await server.stop();
    }
  });
});

describe('mock server message interval option', () => {
  it('uses messageIntervalMs unless the request names an interval', async () => {
    const server = await MockServer.start({ messageIntervalMs: 0 });
    try {
      const received = await request(`${server.url}/sse`);
      assert.equal(received.body, documentBody() + END_BLOCK);
    } finally {
      await server.stop();
    }
  });
});
