// A loopback HTTP server for engine tests: each test writes exactly the status, headers and bytes it needs.

import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Answers one request; `index` counts requests to this server from 0. */
export type Handler = (req: IncomingMessage, res: ServerResponse, seen: SeenRequest, index: number) => void;

export class RawServer {
  readonly requests: SeenRequest[] = [];
  private waiters: Array<() => void> = [];

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  static async start(handler: Handler): Promise<RawServer> {
    let self: RawServer | undefined;
    const server = http.createServer((req, res) => {
      const parts: Buffer[] = [];
      req.on('data', (part: Buffer) => parts.push(part));
      req.on('end', () => {
        const seen: SeenRequest = {
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(parts).toString('utf8'),
        };
        const owner = self as RawServer;
        const index = owner.requests.push(seen) - 1;
        res.socket?.setNoDelay(true);
        handler(req, res, seen, index);
        for (const wake of owner.waiters.splice(0)) wake();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    self = new RawServer(server, `http://127.0.0.1:${port}`);
    return self;
  }

  /** Resolves once the server has seen `count` requests. */
  async requestCount(count: number): Promise<void> {
    while (this.requests.length < count) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export const SSE_HEADERS = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' };

/** Starts an event stream response with the usual headers (plus `extra`). */
export function openStream(res: ServerResponse, extra: Record<string, string> = {}): void {
  res.writeHead(200, { ...SSE_HEADERS, ...extra });
  res.flushHeaders();
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Writes each piece as its own TCP segment (a pause between them keeps the client from reading two at
 * once), then ends the response unless `end` is false.
 */
export async function writePieces(res: ServerResponse, pieces: Array<string | Uint8Array>, gapMs = 15, end = true): Promise<void> {
  for (const piece of pieces) {
    if (res.destroyed) return;
    res.write(piece);
    await pause(gapMs);
  }
  if (end && !res.destroyed) res.end();
}

/** A port on 127.0.0.1 where nothing listens (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** A header value as the UTF-8 text the client meant (Node hands header bytes over as Latin-1). */
export function utf8Header(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? Buffer.from(value, 'latin1').toString('utf8') : undefined;
}
