// Turns the Request section's "Name: value" lines into request headers, or says which line is wrong.

export type HeadersParse =
  | { ok: true; headers: Record<string, string> }
  | { ok: false; problem: string };

/** RFC 9110 token characters: what a header name or a method may be made of. */
export const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const UNSENDABLE = /[\u0000-\u0008\u000a-\u001f\u007f\u0100-\uffff]/;
/** Credentials live in SecretStorage and travel only with "Send credentials"; never in the plain form. */
const CREDENTIAL_HEADERS = new Set(['cookie', 'authorization', 'proxy-authorization']);

/**
 * Header names whose values are secrets: credentials and API keys. Their values are never logged, exported or
 * stored in the clear.
 */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'api-key', 'x-auth-token', 'x-access-token', 'x-csrf-token', 'x-xsrf-token']);

/** True for header names whose value is a credential (Authorization, Cookie, X-Api-Key, …), in any case. */
export function isCredentialHeader(name: string): boolean {
  const key = name.toLowerCase();
  return SECRET_HEADERS.has(key) || /(?:^|-)(?:api-?key|token|secret|session)$/.test(key);
}

export function parseHeaderLines(text: string): HeadersParse {
  // A Map, so names like "__proto__" or "constructor" are just names.
  const headers = new Map<string, string>();
  const lines = text.split(/\r\n|\r|\n/);
  for (const [index, rawLine] of lines.entries()) {
    const line = rawLine.trim();
    if (line === '') {
      continue;
    }
    const where = `Header line ${index + 1}`;
    const colon = line.indexOf(':');
    if (colon <= 0) {
      return { ok: false, problem: `${where} is not "Name: value": ${quote(line)}` };
    }
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (!HTTP_TOKEN.test(name)) {
      return { ok: false, problem: `${where}: ${quote(name)} is not a valid header name.` };
    }
    const key = name.toLowerCase();
    if (CREDENTIAL_HEADERS.has(key)) {
      return {
        ok: false,
        problem: `${where}: put the ${name} value under Credentials instead; it is kept in VS Code's secret storage and sent only with "Send credentials" on.`,
      };
    }
    if (!isSendableHeaderValue(value)) {
      return { ok: false, problem: `${where}: the value of ${name} has characters an HTTP header cannot carry (control characters, or beyond Latin-1).` };
    }
    // Repeated names combine as HTTP defines: one field, values joined by commas.
    const earlier = headers.get(key);
    headers.set(key, earlier === undefined ? value : `${earlier}, ${value}`);
  }
  return { ok: true, headers: Object.fromEntries(headers) };
}

/** False for control characters (tab aside) and anything beyond Latin-1, which fetch cannot send. */
export function isSendableHeaderValue(value: string): boolean {
  return !UNSENDABLE.test(value);
}

function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}
