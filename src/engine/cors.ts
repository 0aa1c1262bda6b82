// The CORS decision a browser makes for `new EventSource(url, { withCredentials })` on a page at `origin`.

import type { CorsVerdict } from '../shared/record';

function headerValue(headers: Headers | Record<string, string>, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() === name) return headers[key];
  }
  return undefined;
}

/** Judges the response headers as a browser would: the reason is a sentence for the user. */
export function corsVerdict(origin: string, withCredentials: boolean, headers: Headers | Record<string, string>): CorsVerdict {
  const verdict = (allowed: boolean, reason: string): CorsVerdict => ({ origin, withCredentials, allowed, reason });
  const allowOrigin = headerValue(headers, 'access-control-allow-origin');
  if (allowOrigin === undefined) {
    return verdict(false, `Blocked: the response has no Access-Control-Allow-Origin header, so a page at ${origin} may not read it`);
  }
  // A browser compares the header byte for byte with the serialized origin: no trimming, no lists.
  if (!withCredentials) {
    if (allowOrigin === '*') return verdict(true, 'Allowed: Access-Control-Allow-Origin is * and credentials are off');
    if (allowOrigin === origin) return verdict(true, `Allowed: Access-Control-Allow-Origin is ${origin}`);
    return verdict(false, `Blocked: Access-Control-Allow-Origin is "${allowOrigin}", which is neither * nor ${origin}`);
  }
  if (allowOrigin === '*') {
    return verdict(false, `Blocked: Access-Control-Allow-Origin is * but credentials are on; it must be exactly ${origin}`);
  }
  if (allowOrigin !== origin) {
    return verdict(false, `Blocked: Access-Control-Allow-Origin is "${allowOrigin}", not ${origin}`);
  }
  const allowCredentials = headerValue(headers, 'access-control-allow-credentials');
  if (allowCredentials !== 'true') {
    const found = allowCredentials === undefined ? 'missing' : `"${allowCredentials}"`;
    return verdict(false, `Blocked: credentials are on, so Access-Control-Allow-Credentials must be true (it is ${found})`);
  }
  return verdict(true, `Allowed: Access-Control-Allow-Origin is ${origin} and Access-Control-Allow-Credentials is true`);
}

/** Same-origin responses need no CORS headers at all: a browser only checks cross-origin ones. */
export function sameOriginVerdict(origin: string, withCredentials: boolean): CorsVerdict {
  return {
    origin,
    withCredentials,
    allowed: true,
    reason: `Allowed: the stream is on the page's own origin (${origin}), so no CORS check applies`,
  };
}
