// The one rule for request header lines (the panel's Headers box, the CLI's -H): which are sent, which are refused, which are secret.

export type HeadersParse = { ok: true; headers: Record<string, string> } | { ok: false; problem: string };

/** One header to send: the name as first typed, and its values joined. */
export interface HeaderField {
  name: string;
  value: string;
}

export type HeaderFieldsParse = { ok: true; fields: HeaderField[] } | { ok: false; problem: string };

/** RFC 9110 token characters: what a header name or a method may be made of. */
export const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const UNSENDABLE = /[\u0000-\u0008\u000a-\u001f\u007f\u0100-\uffff]/;

/**
 * Headers the HTTP client owns: the message framing and the connection. Given by the user, fetch silently drops
 * some (Host, Content-Length), fails every attempt on others (Connection: upgrade, Transfer-Encoding, Keep-Alive,
 * Upgrade, Expect), and the rest announce what the client never does (TE, Trailer, Proxy-Connection). Each is
 * refused up front, saying why, instead of being dropped or retried.
 */
const CLIENT_MANAGED = new Map<string, string>(
  Object.entries({
    host: 'it comes from the URL; put the host name there',
    'content-length': 'the HTTP client computes it from the body',
    'transfer-encoding': 'the HTTP client frames the body itself',
    connection: 'the HTTP client manages the connection',
    'keep-alive': 'the HTTP client manages the connection',
    'proxy-connection': 'the HTTP client manages the connection',
    upgrade: 'an event stream cannot switch protocols',
    te: 'the HTTP client decides which transfer codings it accepts',
    trailer: 'the request has no trailer fields',
    expect: 'the HTTP client does not support Expect',
  }),
);

/**
 * Header names whose values are secrets: credentials and API keys. Their values are never logged, exported or
 * stored in the clear.
 */
const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-api-key',
  'api-key',
  'x-auth-token',
  'x-access-token',
  'x-csrf-token',
  'x-xsrf-token',
]);

/** True for header names whose value is a credential (Authorization, Cookie, X-Api-Key, …), in any case. */
export function isCredentialHeader(name: string): boolean {
  const key = name.toLowerCase();
  return SECRET_HEADERS.has(key) || /(?:^|-)(?:api-?key|token|secret|session)$/.test(key);
}

/**
 * The one rule for "Name: value" lines, the panel's and the CLI's `-H` alike. Headers go as typed, credentials
 * included; a line the client would not send as typed is a problem naming the line (by `where`) and never its
 * value, which may be a secret. Blank lines are skipped; a repeated name is one field, values joined by ", ".
 */
export function readHeaderLines(lines: readonly string[], where: (index: number) => string): HeaderFieldsParse {
  // A Map, so names like "__proto__" or "constructor" are just names.
  const fields = new Map<string, HeaderField>();
  for (const [index, rawLine] of lines.entries()) {
    const line = rawLine.trim();
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return { ok: false, problem: `${where(index)} must look like "Name: value"` };
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (!HTTP_TOKEN.test(name)) {
      return { ok: false, problem: `${where(index)}: ${quote(name)} is not a valid header name` };
    }
    const key = name.toLowerCase();
    const managed = CLIENT_MANAGED.get(key);
    if (managed !== undefined) return { ok: false, problem: `${where(index)}: ${name} cannot be set: ${managed}` };
    if (!isSendableHeaderValue(value)) {
      return {
        ok: false,
        problem: `${where(index)}: the value of ${name} has characters an HTTP header cannot carry (control characters, or beyond Latin-1)`,
      };
    }
    const earlier = fields.get(key);
    fields.set(key, { name: earlier?.name ?? name, value: earlier === undefined ? value : `${earlier.value}, ${value}` });
  }
  return { ok: true, fields: [...fields.values()] };
}

/** The panel's Headers box: its text by lines, names lower-cased as HTTP/2 and fetch carry them. */
export function parseHeaderLines(text: string): HeadersParse {
  const parsed = readHeaderLines(text.split(/\r\n|\r|\n/), (index) => `Header line ${index + 1}`);
  if (!parsed.ok) return parsed;
  return { ok: true, headers: Object.fromEntries(parsed.fields.map((field) => [field.name.toLowerCase(), field.value])) };
}

/** False for control characters (tab aside) and anything beyond Latin-1, which fetch cannot send. */
export function isSendableHeaderValue(value: string): boolean {
  return !UNSENDABLE.test(value);
}

function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}
