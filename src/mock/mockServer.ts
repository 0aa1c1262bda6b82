// The document's SSE server on 127.0.0.1, for trying the inspector (and its tests) without a real backend.
import { redactUrlParams } from '../shared/redact';
import * as http from 'node:http';
import type { Duplex } from 'node:stream';
import { systemClock, type Clock } from '../engine/clock';
import { streamHeaders } from './headers';
import { keptHeaders, RequestRing, type MockRequestInfo } from './requestLog';
import { parseStreamQuery } from './query';
import { streamSteps } from './sequence';
import { play } from './play';
import { BUILT_IN_SCENARIOS } from './scenario/builtIn';
import { ScenarioRoutes, type ServedScenario } from './scenario/serve';

export interface MockServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Pause between messages unless a request's `interval` says otherwise. Default 1000, as in the document. */
  messageIntervalMs?: number;
  /** Paces the messages. Default the system clock; tests pass a hand-driven one. */
  clock?: Clock;
  /** Scripted streams served at their own paths besides /sse. */
  scenarios?: readonly ServedScenario[];
}

export const DEFAULT_MESSAGE_INTERVAL_MS = 1000;
export const STREAM_PATH = '/sse';

/** Paths a scenario file cannot take: the index, the document's stream and the built-in scenarios. */
export const RESERVED_PATHS: readonly string[] = ['/', STREAM_PATH, ...BUILT_IN_SCENARIOS.map((s) => s.path)];

/** Called when a request arrives and again when it closes (then `closedAt` is set). */
export type MockRequestListener = (request: MockRequestInfo) => void;

// A browser on a rebinding DNS name would send its own Host; only loopback names may talk to us.
const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;

function listen(server: http.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') reject(new Error(`Port ${port} is already in use`));
      else if (error.code === 'EACCES') reject(new Error(`Not allowed to listen on port ${port}`));
      else reject(new Error(`Could not listen on 127.0.0.1:${port}: ${error.message}`));
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

function refuse(res: http.ServerResponse, status: number, text: string, extra: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...extra });
  res.end(`${text}\n`);
}

/**
 * The request target as a URL, or undefined unless it is a plain path (origin-form, RFC 9112 §3.2.1). Any page can
 * send odd targets with a no-cors fetch (`//a:99999/sse`, `*`, `http://x/sse`); each is answered, none may throw.
 */
function originFormTarget(target: string): URL | undefined {
  if (!target.startsWith('/') || target.startsWith('//')) return undefined;
  try {
    return new URL(`http://127.0.0.1${target}`);
  } catch {
    return undefined;
  }
}

function singleHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export class MockServer {
  readonly url: string;
  readonly port: number;
  private readonly recent = new RequestRing();
  private readonly listeners = new Set<MockRequestListener>();
  private stopped: Promise<void> | undefined;

  private constructor(
    private readonly server: http.Server,
    private readonly messageIntervalMs: number,
    private readonly clock: Clock,
    private readonly routes: ScenarioRoutes,
  ) {
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('The mock server has no TCP address');
    this.port = address.port;
    this.url = `http://127.0.0.1:${this.port}`;
    server.on('request', (req, res) => this.handle(req, res));
    // Node hands CONNECT to this event and, with no listener, drops the socket unanswered.
    server.on('connect', (_req: http.IncomingMessage, socket: Duplex) => {
      socket.on('error', () => socket.destroy());
      socket.end('HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, POST\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
  }

  /** Listens on 127.0.0.1; rejects with a readable Error, e.g. "Port 8080 is already in use". */
  static async start(options: MockServerOptions = {}): Promise<MockServer> {
    const port = options.port ?? 0;
    const interval = options.messageIntervalMs ?? DEFAULT_MESSAGE_INTERVAL_MS;
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new Error(`Port must be a whole number from 0 to 65535, got ${port}`);
    }
    if (!Number.isInteger(interval) || interval < 0 || interval > 2 ** 31 - 1) {
      throw new Error(`Message interval must be a whole number of milliseconds, got ${interval}`);
    }
    const routes = new ScenarioRoutes([...BUILT_IN_SCENARIOS, ...(options.scenarios ?? [])], [STREAM_PATH, '/']);
    const server = http.createServer();
    await listen(server, port);
    return new MockServer(server, interval, options.clock ?? systemClock, routes);
  }

  /** The most recent requests (RECENT_REQUESTS), oldest first; `closedAt` is set when a response closes. */
  get requests(): readonly MockRequestInfo[] {
    return this.recent.list;
  }

  /** How many requests arrived since the server started, forgotten ones included. */
  get requestCount(): number {
    return this.recent.total;
  }

  /** Subscribes to request arrivals and closes; returns what unsubscribes. */
  onDidChange(listener: MockRequestListener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Cuts every open stream at once and frees the port. Safe to call again. */
  stop(): Promise<void> {
    this.stopped ??= new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    return this.stopped;
  }

  /** Serves a scenario (e.g. a panel's replay) at its path from now on; throws when the path is taken. */
  serveScenario(served: ServedScenario): void {
    this.routes.add(served);
  }

  /** Stops serving a scenario added with serveScenario. */
  removeScenario(path: string): void {
    this.routes.remove(path);
  }

  /** What `GET /` answers: every stream this server serves. */
  index(): { streams: Array<{ path: string; source: string; description?: string }> } {
    const scenarios = this.routes.list.map(({ path, source, scenario }) => ({ path, source, description: scenario.description }));
    return { streams: [{ path: STREAM_PATH, source: 'document', description: "The document's ten messages" }, ...scenarios] };
  }

  private notify(info: MockRequestInfo): void {
    for (const listener of this.listeners) listener(info);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const info: MockRequestInfo = {
      method: req.method ?? '',
      // Credential-like query values (?access_token=…) are no more kept than credential headers.
      url: redactUrlParams(req.url ?? ''),
      headers: keptHeaders(req.headers),
      startedAt: Date.now(),
    };
    this.recent.add(info);
    const aborted = new AbortController();
    res.once('close', () => {
      aborted.abort();
      info.closedAt = Date.now();
      this.notify(info);
    });
    this.notify(info);

    if (!LOOPBACK_HOST.test(req.headers.host ?? '')) {
      refuse(res, 403, 'Forbidden: the Host header must be 127.0.0.1, localhost or [::1].');
      return;
    }
    const url = originFormTarget(info.url);
    if (url === undefined) {
      refuse(res, 400, `Bad request target: the mock server takes a path such as ${STREAM_PATH}.`);
      return;
    }
    if (url.pathname === '/' && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(this.index()));
      return;
    }
    if (this.routes.has(url.pathname) && (req.method === 'GET' || req.method === 'POST')) {
      req.resume();
      this.routes.serve(url.pathname, res, singleHeader(req.headers['last-event-id']), this.clock, aborted.signal);
      return;
    }
    if (url.pathname !== STREAM_PATH) {
      refuse(res, 404, `Not found: ${url.pathname}. The mock server streams at ${STREAM_PATH}.`);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'POST') {
      refuse(res, 405, `Method ${req.method} not allowed: use GET (or POST) ${STREAM_PATH}.`, { Allow: 'GET, POST' });
      return;
    }
    const query = parseStreamQuery(url.searchParams, this.messageIntervalMs);
    if (!query.ok) {
      refuse(res, 400, `Bad query: ${query.error}`);
      return;
    }
    const { options } = query;
    const headers = streamHeaders(options.variant, options.cors, singleHeader(req.headers.origin));
    res.writeHead(200, headers.flat());
    // A POST body is accepted and ignored; reading it keeps the socket healthy.
    req.resume();
    play(res, streamSteps(options, singleHeader(req.headers['last-event-id'])), this.clock, aborted.signal).catch(() => {
      // Only the client leaving (or stop) interrupts a stream; the response is gone either way.
      res.destroy();
    });
  }
}
