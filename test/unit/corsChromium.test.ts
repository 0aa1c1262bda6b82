import { strict as assert } from 'node:assert';
import type { ServerResponse } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { RawServer, openStream, type SeenRequest } from './support/rawServer';
import { collect } from './support/records';
import type { OpenRecord } from '../../src/shared/record';

/** Each server answers by path; a route may name the other server's URL, so routes are filled in after both start. */
type Route = (res: ServerResponse) => void;

/** Header values may name a server that starts later, so they are read when the request comes. */
type Lazy = () => Record<string, string>;
const stream =
  (headers: Lazy = () => ({})): Route =>
  (res) => {
    openStream(res, headers());
    res.end('data: x\n\n');
  };
const redirect =
  (to: () => string, headers: Lazy = () => ({})): Route =>
  (res) =>
    void res.writeHead(302, { location: to(), ...headers() }).end();

describe('engine vs headless Chromium: the CORS verdict across redirects, and what it sends', function () {
  this.timeout(60_000);
  let browser: Browser;
  let page: Page;
  let pageServer: RawServer;
  let other: RawServer;
  const routes = new Map<string, Route>();

  before(async () => {
    const serve = (res: ServerResponse, seen: SeenRequest) => {
      const route = routes.get(seen.path);
      if (route !== undefined) return route(res);
      if (seen.path === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>page</title>');
      res.writeHead(404).end();
    };
    pageServer = await RawServer.start((_req, res, seen) => serve(res, seen));
    other = await RawServer.start((_req, res, seen) => serve(res, seen));
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage();
    await page.goto(`${pageServer.url}/`);
  });
  after(async () => {
    await browser?.close();
    await pageServer?.stop();
    await other?.stop();
  });

  /** What Chromium's EventSource on the page does: "open", or "error" with its readyState. */
  function chromiumOutcome(url: string): Promise<string> {
    return page.evaluate(
      (target) =>
        new Promise<string>((resolve) => {
          const source = new EventSource(target);
          source.onopen = () => {
            source.close();
            resolve('open');
          };
          source.onerror = () => {
            resolve(`error, readyState ${source.readyState}`);
            source.close();
          };
        }),
      url,
    );
  }

  async function engineVerdict(url: string) {
    const records = await collect({ url, origin: pageServer.url, reconnect: { mode: 'never' } });
    const open = records.find((record): record is OpenRecord => record.kind === 'open');
    return open?.cors;
  }

  const cases: Array<{ name: string; start: () => string; routes: Array<[string, Route]>; allowed: boolean; reason?: RegExp }> = [
    { name: 'same origin, no CORS headers', start: () => `${pageServer.url}/s1`, routes: [['/s1', stream()]], allowed: true },
    {
      name: 'cross origin, allowed by Access-Control-Allow-Origin',
      start: () => `${other.url}/s2`,
      routes: [['/s2', stream(() => ({ 'access-control-allow-origin': pageServer.url }))]],
      allowed: true,
    },
    {
      name: 'cross-origin 302 whose redirect response lacks Access-Control-Allow-Origin',
      start: () => `${other.url}/r3`,
      routes: [
        ['/r3', redirect(() => `${other.url}/s3`)],
        ['/s3', stream(() => ({ 'access-control-allow-origin': '*' }))],
      ],
      allowed: false,
      reason: /At the 302 redirect from .*\/r3: Blocked: the response has no Access-Control-Allow-Origin/,
    },
    {
      name: 'a chain back to the page origin: tainted, so Origin: null, and an exact origin no longer matches',
      start: () => `${pageServer.url}/r4`,
      routes: [
        ['/r4', redirect(() => `${other.url}/r4b`)],
        [
          '/r4b',
          redirect(
            () => `${pageServer.url}/s4`,
            () => ({ 'access-control-allow-origin': pageServer.url }),
          ),
        ],
        ['/s4', stream(() => ({ 'access-control-allow-origin': pageServer.url }))],
      ],
      allowed: false,
      reason: /neither \* nor null.*origin is "null"/,
    },
    {
      name: 'the same tainted chain, where the stream answers *',
      start: () => `${pageServer.url}/r5`,
      routes: [
        ['/r5', redirect(() => `${other.url}/r5b`)],
        [
          '/r5b',
          redirect(
            () => `${pageServer.url}/s5`,
            () => ({ 'access-control-allow-origin': '*' }),
          ),
        ],
        ['/s5', stream(() => ({ 'access-control-allow-origin': '*' }))],
      ],
      allowed: true,
    },
  ];

  for (const { name, start, routes: paths, allowed, reason } of cases) {
    it(`${allowed ? 'allowed' : 'blocked'} in both: ${name}`, async () => {
      for (const [path, route] of paths) routes.set(path, route);
      const browserSaw = await chromiumOutcome(start());
      assert.equal(browserSaw, allowed ? 'open' : 'error, readyState 2', 'Chromium');
      const verdict = await engineVerdict(start());
      assert.equal(verdict?.allowed, allowed, verdict?.reason);
      if (reason !== undefined) assert.match(verdict?.reason ?? '', reason);
    });
  }

  it('Chromium sends a last event ID with control characters as is, which the engine cannot (so it says so and stops)', async () => {
    // A raw socket, because Node's own HTTP parser would refuse such a header before the test could see it.
    const heads: string[] = [];
    const raw = net.createServer((socket) => {
      socket.once('data', (head: Buffer) => {
        heads.push(head.toString('latin1'));
        const body = 'retry: 10\nid: a\u0001b\u001bc\u007fd\ndata: x\n\n';
        socket.end(
          `HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nAccess-Control-Allow-Origin: *\r\nConnection: close\r\n\r\n${body}`,
        );
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    try {
      await page.evaluate(
        (target) =>
          new Promise<void>((resolve) => {
            const source = new EventSource(target);
            let opens = 0;
            source.onopen = () => {
              if (++opens === 2) {
                source.close();
                resolve();
              }
            };
          }),
        `http://127.0.0.1:${(raw.address() as AddressInfo).port}/id`,
      );
    } finally {
      await new Promise<void>((resolve) => raw.close(() => resolve()));
    }
    const sent = heads.map((head) => /\r\nlast-event-id: ([^\r\n]*)/i.exec(head)?.[1]);
    assert.deepEqual(sent.slice(0, 2), [undefined, 'a\u0001b\u001bc\u007fd']);
  });

  it('sends Origin: null after the taint, as Chromium does', async () => {
    const originsAt = (path: string) =>
      [...pageServer.requests, ...other.requests].filter((r) => r.path === path).map((r) => r.headers.origin);
    // Both clients ran the tainted chain above: each hop saw the same Origin from each.
    assert.deepEqual(originsAt('/s5'), ['null', 'null']);
    assert.deepEqual(originsAt('/r5b'), [pageServer.url, pageServer.url]);
  });
});
