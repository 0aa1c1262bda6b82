// One HTTP exchange over undici: redirects followed by hand, as fetch follows them, with CORS judged at every hop.

import type { Readable } from 'node:stream';
import { Agent, request } from 'undici';
import { blockedPortProblem } from './blockedPorts';
import { corsVerdict, sameOriginVerdict } from './cors';
import { decodeBody } from './decode';
import { describeNetworkError, type NetworkFailure } from './networkError';
import type { ConnectOptions } from './options';
import type { Attempt } from './request';
import type { SentHop } from './sentRequest';
import { headerRecord, type ResponseHead } from './response';
import { isCredentialHeader } from '../shared/headerLines';
import type { CorsVerdict } from '../shared/record';

export interface Answer extends ResponseHead {
  /** The body with its Content-Encoding undone. */
  body: Readable;
  /** Present when a page origin was given. */
  cors?: CorsVerdict;
}

/** `sent` is the last hop's request; absent only when nothing was sent (a blocked port). */
export type Exchange = { answer: Answer; sent: SentHop } | { failure: NetworkFailure; sent?: SentHop };

/** fetch gives up on the 21st redirect. */
const MAX_REDIRECTS = 20;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Dropped when a redirect leaves the origin, as fetch drops Authorization: every credential or API-key header. */
const BODY_HEADERS = ['content-type', 'content-encoding', 'content-language', 'content-location'];

/** One session's HTTP client: its own connection pool, so its timeouts and TLS trust touch no other session. */
export class Transport {
  private readonly agent: Agent;

  constructor(private readonly options: ConnectOptions) {
    const connectTimeoutMs = options.connectTimeoutMs;
    this.agent = new Agent({
      // A quiet stream stays open until the server or the user ends it.
      bodyTimeout: 0,
      headersTimeout: connectTimeoutMs ?? 0,
      connect: {
        rejectUnauthorized: options.insecureTls !== true,
        ...(connectTimeoutMs === undefined ? {} : { timeout: connectTimeoutMs }),
      },
    });
  }

  /** Stops reading a body nobody wants; destroying it must not raise an unhandled error. */
  static discard(body: Readable): void {
    body.on('error', () => undefined);
    body.destroy();
  }

  close(): void {
    this.agent.destroy().catch(() => undefined);
  }

  /** Sends the attempt to `start`, following redirects; a failure says in words why no answer came. */
  async exchange(start: string, origin: string | undefined, attempt: Attempt, signal: AbortSignal): Promise<Exchange> {
    let url = new URL(start);
    let { method, body } = attempt;
    const headers = { ...attempt.headers };
    const chain: string[] = [url.href];
    const judge = new CorsJudge(origin, this.options.withCredentials === true);
    let sent: SentHop | undefined;
    for (let redirects = 0; ; redirects++) {
      const blocked = blockedPortProblem(url);
      if (blocked !== undefined) return { failure: { message: blocked, retryable: false }, ...(sent === undefined ? {} : { sent }) };
      const sentOrigin = judge.enter(url);
      if (sentOrigin !== undefined) headers.origin = sentOrigin;
      // A copy: the next hop changes `headers` in place.
      sent = { method, url: url.href, headers: { ...headers }, body };
      let response;
      try {
        response = await request(url, { dispatcher: this.agent, method: method as 'GET', headers, body, signal });
      } catch (error) {
        const context = { connectTimeoutMs: this.options.connectTimeoutMs };
        return { failure: describeNetworkError(error, url.href, false, context), sent };
      }
      const head = headerRecord(response.headers);
      const status = response.statusCode;
      const location = REDIRECTS.has(status) ? head.location : undefined;
      judge.check(head, location === undefined ? undefined : `${status} redirect from ${url.href}`);
      if (location === undefined) {
        const decoded = decodeBody(response.body, head['content-encoding']);
        return { answer: { status, url: url.href, redirected: redirects > 0, headers: head, body: decoded, cors: judge.verdict() }, sent };
      }
      // Read off (up to a limit) rather than cut, so the connection can serve the next hop.
      response.body.dump().catch(() => undefined);
      const next = URL.canParse(location, url.href) ? new URL(location, url) : undefined;
      if (next === undefined)
        return { failure: { message: `The server redirected to "${location}", which is not a URL`, retryable: false }, sent };
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        return {
          failure: {
            message: `The server redirected to a non-HTTP URL (${next.href.slice(0, 200)}); an event stream needs http: or https:`,
            retryable: false,
          },
          sent,
        };
      }
      chain.push(next.href);
      if (redirects + 1 > MAX_REDIRECTS) return { failure: { message: tooManyRedirects(chain), retryable: false }, sent };
      judge.redirect(url, next);
      if (url.origin !== next.origin) {
        for (const name of Object.keys(headers)) if (isCredentialHeader(name)) delete headers[name];
      }
      if (((status === 301 || status === 302) && method === 'POST') || (status === 303 && method !== 'GET' && method !== 'HEAD')) {
        method = 'GET';
        body = undefined;
        for (const name of BODY_HEADERS) delete headers[name];
      }
      url = next;
    }
  }
}

function tooManyRedirects(chain: string[]): string {
  const loop = new Set(chain).size < chain.length;
  const what = loop ? 'a redirect loop' : 'too many redirects';
  return `The server sent ${what}: gave up after ${MAX_REDIRECTS} redirects (${chain[0]} → ${chain[1]} → …)`;
}

/**
 * CORS across a redirect chain, per the Fetch standard: once a hop leaves the page's origin, every later response,
 * redirects included, needs CORS headers; a redirect from a foreign origin to another origin taints the request's
 * origin, which is then sent and checked as "null".
 */
class CorsJudge {
  private cors = false;
  private tainted = false;
  private blocked: CorsVerdict | undefined;
  private last: CorsVerdict | undefined;

  constructor(
    private readonly origin: string | undefined,
    private readonly withCredentials: boolean,
  ) {}

  /** Called before each request; returns the Origin header to send. */
  enter(url: URL): string | undefined {
    if (this.origin === undefined) return undefined;
    if (url.origin !== this.origin) this.cors = true;
    return this.tainted ? 'null' : this.origin;
  }

  check(headers: Record<string, string>, redirect: string | undefined): void {
    if (this.origin === undefined || !this.cors) return;
    const checked = corsVerdict(this.tainted ? 'null' : this.origin, this.withCredentials, headers);
    let reason = checked.reason;
    if (this.tainted) reason = `${reason} (after a cross-origin redirect the request's origin is "null")`;
    if (redirect !== undefined) reason = `At the ${redirect}: ${reason}`;
    this.last = { ...checked, origin: this.origin, reason };
    if (!checked.allowed && this.blocked === undefined) this.blocked = this.last;
  }

  redirect(from: URL, to: URL): void {
    if (this.origin !== undefined && from.origin !== to.origin && from.origin !== this.origin) this.tainted = true;
  }

  verdict(): CorsVerdict | undefined {
    if (this.origin === undefined) return undefined;
    if (!this.cors) return sameOriginVerdict(this.origin, this.withCredentials);
    return this.blocked ?? this.last;
  }
}
