// How credentials are masked wherever text leaves the session: header values (by headerLines.ts' rule) and URL query values (by the rule here).
import { isCredentialHeader } from './headerLines';
import type { ConnectRequest } from './protocol';

export const REDACTED = '[redacted]';

/**
 * How a stored credential header value shows in the Headers box and in the state VS Code saves. Beyond Latin-1,
 * so no HTTP client could send it by mistake; on Connect the host puts the value stored for the URL's origin in its place.
 */
export const MASKED = '••••••';

/** Query parameters that carry tokens, keys and signatures (OAuth, API keys, signed URLs). */
const CREDENTIAL_PARAMS = new Set([
  'access_token',
  'id_token',
  'refresh_token',
  'token',
  'auth',
  'auth_token',
  'authorization',
  'api_key',
  'apikey',
  'api-key',
  'key',
  'sig',
  'signature',
  'secret',
  'client_secret',
  'password',
  'passwd',
  'pwd',
  'session',
  'sessionid',
  'session_id',
  'jwt',
  'x-amz-signature',
  'x-amz-credential',
  'x-amz-security-token',
  'x-goog-signature',
  'x-goog-credential',
]);

/** The request headers headerLines.ts names as credentials, and Set-Cookie, the response header that hands one out. */
export function isCredentialHeaderName(name: string): boolean {
  const lower = name.trim().toLowerCase();
  return lower === 'set-cookie' || isCredentialHeader(lower);
}

export function isCredentialParamName(name: string): boolean {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name.replaceAll('+', ' '));
  } catch {
    // A malformed escape: judged as written.
  }
  return CREDENTIAL_PARAMS.has(decoded.trim().toLowerCase());
}

/** `?name=value` or `&name=value` (also `;`) anywhere in a text: a URL, a log line, an error message, event data. */
const QUERY_PAIR = /([?&;])([^=&#\s"'<>;?]{1,64})=([^&#\s"'<>;]*)/g;

/** The text with the value of every credential-like query parameter masked; everything else exactly as it was. */
export function redactUrlParams(text: string): string {
  if (!text.includes('=')) return text;
  return text.replace(QUERY_PAIR, (pair, separator: string, name: string, value: string) =>
    value !== '' && value !== REDACTED && isCredentialParamName(name) ? `${separator}${name}=${REDACTED}` : pair,
  );
}

/** The values of credential-like query parameters in a URL (to be remembered as the session's secrets). */
export function credentialParamValues(url: string): string[] {
  const values: string[] = [];
  for (const match of url.matchAll(QUERY_PAIR)) {
    if (match[3] !== '' && isCredentialParamName(match[2])) {
      values.push(match[3]);
      try {
        const decoded = decodeURIComponent(match[3].replaceAll('+', ' '));
        if (decoded !== match[3]) values.push(decoded);
      } catch {
        // Kept as written only.
      }
    }
  }
  return values;
}

/** A header value as it may be shown or kept: REDACTED for a credential header (by name), else the value itself. */
export function maskHeaderValue(name: string, value: string): string {
  return value.trim() !== '' && isCredentialHeaderName(name) ? REDACTED : value;
}

/** Shorter credential values are masked only by header name: masked wherever they occur, they would blot out ordinary text. */
const MIN_SECRET_CHARS = 4;

/**
 * The values of a request's credential headers, as sent and trimmed: masked wherever they occur in a message, a
 * URL or a body, since fetch's messages quote a refused value and a user may repeat a token elsewhere.
 */
export function credentialValues(headers: Record<string, string | undefined>): string[] {
  const values = new Set<string>();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || !isCredentialHeaderName(name)) continue;
    for (const secret of [value, value.trim()]) if (secret.length >= MIN_SECRET_CHARS) values.add(secret);
  }
  return [...values];
}

/** "Name: value" lines with each credential header's value replaced by what `replace` gives for it; the rest, spacing included, as it was. */
export function mapCredentialValues(text: string, replace: (name: string, value: string) => string): string {
  return text.replace(/^([ \t]*)([^:\r\n]+?)([ \t]*:[ \t]*)(.*)$/gm, (line, indent: string, name: string, colon: string, value: string) =>
    isCredentialHeaderName(name) ? `${indent}${name}${colon}${replace(name, value)}` : line,
  );
}

/** "Name: value" lines with the values of credential headers shown as MASKED (empty values stay empty). */
export function maskHeaderLines(text: string): string {
  return mapCredentialValues(text, (_name, value) => (value.trim() === '' ? value : MASKED));
}

/** A header value that stands for the stored one: MASKED, or the [redacted] that versions before it saved. */
export function isMaskedValue(value: string): boolean {
  const trimmed = value.trim();
  return trimmed === MASKED || trimmed === REDACTED;
}

/** The one masking rule for text leaving a session: each of `secrets` (longest first) and every credential query value become [redacted]. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text;
  // Longest first, so a whole value is replaced before a piece of it could split it.
  for (const secret of [...secrets].sort((x, y) => y.length - x.length)) if (secret !== '') masked = masked.replaceAll(secret, REDACTED);
  return redactUrlParams(masked);
}

/** A request as it may be kept outside the session (the webview's saved state): no credential in its URL or headers. */
export function redactRequest(request: ConnectRequest): ConnectRequest {
  // "Trust any certificate" is for one connection: a restored panel starts without it (absent means off).
  const { insecureTls: _oneConnectionOnly, ...kept } = request;
  return { ...kept, url: redactUrlParams(request.url), headers: maskHeaderLines(request.headers) };
}
