// A loopback server that answers POST requests as OpenAI, Anthropic and Gemini do: the fixtures' bytes, or their errors.
import type { ServerResponse } from 'node:http';
import * as F from './llmFixtures';
import { RawServer, writePieces, type SeenRequest } from './rawServer';

type Provider = 'openai' | 'anthropic' | 'gemini';

/** URL prefix → the fixture served and whose conventions (key header, error body) apply. */
export const ROUTES: Record<string, { fixture: F.LlmFixture; provider: Provider }> = {
  openai: { fixture: F.OPENAI_CHAT, provider: 'openai' },
  deepseek: { fixture: F.OPENAI_COMPATIBLE, provider: 'openai' },
  'openai-error': { fixture: F.OPENAI_CHAT_ERROR, provider: 'openai' },
  responses: { fixture: F.OPENAI_RESPONSES, provider: 'openai' },
  'responses-failed': { fixture: F.OPENAI_RESPONSES_FAILED, provider: 'openai' },
  anthropic: { fixture: F.ANTHROPIC, provider: 'anthropic' },
  'anthropic-error': { fixture: F.ANTHROPIC_ERROR, provider: 'anthropic' },
  gemini: { fixture: F.GEMINI, provider: 'gemini' },
  'gemini-error': { fixture: F.GEMINI_ERROR, provider: 'gemini' },
};

/** The key every route accepts; anything else gets the provider's own authentication error. */
export const GOOD_KEY = 'sk-test-0123456789';

/** Each provider's answer to a missing or wrong key, as documented: status and JSON body. */
const AUTH_ERRORS: Record<Provider, [number, object]> = {
  openai: [
    401,
    {
      error: {
        message: 'Incorrect API key provided: sk-bad. You can find your API key at https://platform.openai.com/account/api-keys.',
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      },
    },
  ],
  anthropic: [
    401,
    { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' }, request_id: 'req_011CSHoEeqs5C35K2UUqR7Fy' },
  ],
  gemini: [400, { error: { code: 400, message: 'API key not valid. Please pass a valid API key.', status: 'INVALID_ARGUMENT' } }],
};

const STREAM_HEADERS: Record<Provider, Record<string, string>> = {
  openai: { 'content-type': 'text/event-stream; charset=utf-8', 'x-request-id': 'req_5f1c2d3e4b', 'openai-processing-ms': '212' },
  anthropic: {
    'content-type': 'text/event-stream; charset=utf-8',
    'request-id': 'req_011CSHoEeqs5C35K2UUqR7Fy',
    'cache-control': 'no-cache',
  },
  gemini: { 'content-type': 'text/event-stream', 'x-goog-request-id': 'mKQsaKb1Db2E7dcP', 'cache-control': 'no-cache' },
};

function keyOf(provider: Provider, seen: SeenRequest): string | undefined {
  const header = (name: string) => (typeof seen.headers[name] === 'string' ? (seen.headers[name] as string) : undefined);
  if (provider === 'openai') return header('authorization')?.replace(/^Bearer\s+/i, '');
  if (provider === 'anthropic') return header('x-api-key');
  return header('x-goog-api-key') ?? new URL(seen.path, 'http://x').searchParams.get('key') ?? undefined;
}

function json(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function answer(res: ServerResponse, seen: SeenRequest): void {
  const route = ROUTES[seen.path.split('/')[1]];
  if (route === undefined || !seen.path.slice(seen.path.indexOf('/', 1)).startsWith(route.fixture.path.split('?')[0])) {
    json(res, 404, { error: { message: `No route for ${seen.path}`, type: 'invalid_request_error' } });
    return;
  }
  if (seen.method !== 'POST') {
    json(res, 405, { error: { message: `${seen.method} is not allowed; use POST`, type: 'invalid_request_error' } });
    return;
  }
  if (keyOf(route.provider, seen) !== GOOD_KEY) {
    json(res, ...AUTH_ERRORS[route.provider]);
    return;
  }
  let body: unknown;
  try {
    body = JSON.parse(seen.body);
  } catch {
    json(res, 400, { error: { message: 'We could not parse the JSON body of your request.', type: 'invalid_request_error' } });
    return;
  }
  if (route.provider !== 'gemini' && (body as { stream?: unknown }).stream !== true) {
    json(res, 400, { error: { message: 'This test server only streams: send "stream": true', type: 'invalid_request_error' } });
    return;
  }
  res.writeHead(200, STREAM_HEADERS[route.provider]);
  res.flushHeaders();
  // One block per TCP segment, as a real model streams; then the body ends, as every provider's does.
  void writePieces(res, route.fixture.blocks, 3);
}

/** Starts the server; `/<route><provider path>`, e.g. `/anthropic/v1/messages`. */
export function startLlmServer(): Promise<RawServer> {
  return RawServer.start((_req, res, seen) => answer(res, seen));
}

/** The URL of a route on `server`. */
export function routeUrl(server: RawServer, route: keyof typeof ROUTES): string {
  return `${server.url}/${route}${ROUTES[route].fixture.path}`;
}
