// The mock stream's response headers: which server to imitate, and which CORS answer to give.
import type { CorsMode, ServerVariant } from './query';

export type HeaderList = Array<[name: string, value: string]>;

/**
 * Headers as each of the document's servers sends them. The ASHX handler sets only ContentType and
 * CacheControl, and ASP.NET derives the rest: it appends the response charset to a text type once
 * Response.Write has encoded text, and renders the no-cache policy as Cache-Control, Pragma and Expires.
 * The Core controller adds its headers verbatim, trailing semicolon included; Kestrel names itself.
 */
const VARIANT_HEADERS: Record<ServerVariant, HeaderList> = {
  default: [
    ['Content-Type', 'text/event-stream'],
    ['Cache-Control', 'no-cache'],
  ],
  ashx: [
    ['Cache-Control', 'no-cache'],
    ['Pragma', 'no-cache'],
    ['Content-Type', 'text/event-stream; charset=utf-8'],
    ['Expires', '-1'],
    ['Server', 'Microsoft-IIS/10.0'],
    ['X-AspNet-Version', '4.0.30319'],
    ['X-Powered-By', 'ASP.NET'],
  ],
  core: [
    ['Content-Type', 'text/event-stream;'],
    ['Cache-Control', 'no-cache'],
    ['Server', 'Kestrel'],
  ],
};

function corsHeaders(mode: CorsMode, origin: string | undefined): HeaderList {
  switch (mode) {
    case 'none':
      return [];
    case 'star':
      return [['Access-Control-Allow-Origin', '*']];
    case 'reflect':
      // Vary even without an Origin: the answer depends on it, so no cache may reuse it across origins.
      return origin === undefined
        ? [['Vary', 'Origin']]
        : [
            ['Access-Control-Allow-Origin', origin],
            ['Access-Control-Allow-Credentials', 'true'],
            ['Vary', 'Origin'],
          ];
  }
}

/** All headers of a /sse response, in order. */
export function streamHeaders(variant: ServerVariant, cors: CorsMode, origin: string | undefined): HeaderList {
  return [...VARIANT_HEADERS[variant], ...corsHeaders(cors, origin)];
}
