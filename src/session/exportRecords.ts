// Writes a session's records as NDJSON or JSON with every credential taken out.
import type { SseRecord } from '../shared/record';
import type { Credentials } from '../engine/options';
import { isCredentialHeaderName, maskSecrets, REDACTED } from '../shared/redact';

export type ExportFormat = 'ndjson' | 'json';

/** Shorter pieces of a credential are not worth hiding: they would blot out unrelated data. */
const MIN_FRAGMENT_LENGTH = 4;
export { REDACTED };

/**
 * One record per line (as the CLI's --json prints them), or one JSON array. `secrets` are the credential values
 * (see secretFragments) of the session, each replaced wherever it appears.
 */
export function formatExport(records: readonly SseRecord[], format: ExportFormat, secrets: readonly string[] = []): string {
  const clean = records.map((record) => withoutCredentials(record, secrets));
  if (format === 'ndjson') {
    return clean.map((record) => JSON.stringify(record)).join('\n') + (clean.length > 0 ? '\n' : '');
  }
  return `${JSON.stringify(clean, null, 2)}\n`;
}

/**
 * A copy without credential headers (Authorization, Cookie, Set-Cookie, API-key style names), and with every text
 * field's occurrences of the credential values replaced (a server may echo a token back in an event or an error),
 * as are the values of credential-like query parameters in any URL.
 */
export function withoutCredentials(record: SseRecord, secrets: readonly string[]): SseRecord {
  const redacted = redactStrings(record, secrets);
  // Response headers come with open records and with an error's response (a 401's Set-Cookie, say).
  if (!('headers' in redacted) || redacted.headers === undefined) {
    return redacted;
  }
  const headers = Object.entries(redacted.headers).filter(([name]) => !isCredentialHeaderName(name));
  return { ...redacted, headers: Object.fromEntries(headers) };
}

/** The whole values, and the parts that are secret on their own: each cookie's value, the token after the scheme. */
export function secretFragments(credentials: Credentials): string[] {
  const fragments = new Set<string>();
  const add = (fragment: string | undefined, always: boolean) => {
    const trimmed = fragment?.trim() ?? '';
    if (trimmed !== '' && (always || trimmed.length >= MIN_FRAGMENT_LENGTH)) {
      fragments.add(trimmed);
    }
  };
  add(credentials.authorization, true);
  add(credentials.authorization?.trim().split(/\s+/).slice(1).join(' '), false);
  add(credentials.cookie, true);
  for (const pair of credentials.cookie?.split(';') ?? []) {
    add(pair, false);
    add(pair.slice(pair.indexOf('=') + 1), false);
  }
  // Longest first, so a whole value is replaced before a piece of it could split it.
  return [...fragments].sort((a, b) => b.length - a.length);
}

function redactStrings<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === 'string') {
    return maskSecrets(value, secrets) as T;
  }
  if (Array.isArray(value)) {
    return value.map((entry: unknown) => redactStrings(entry, secrets)) as T;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [redactStrings(key, secrets), redactStrings(entry, secrets)]),
    ) as T;
  }
  return value;
}
