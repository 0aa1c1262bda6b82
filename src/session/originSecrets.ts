// Credential header values kept per origin: a masked line in the Headers box takes the value stored for the URL's origin, and typed values become the stored ones.
import { isCredentialHeader } from '../shared/headerLines';
import { isMaskedValue, MASKED } from '../shared/redact';

/** Lower-case header name → value, for one origin. */
export type HeaderSecrets = Record<string, string>;

export type SubstitutedHeaders = { ok: true; headers: string } | { ok: false; problem: string };

/** The origin whose secrets a request uses (scheme, host and port of its URL), or undefined for a URL that is not one. */
export function secretsOrigin(url: string): string | undefined {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/** True when the Headers box has a credential header line: only then (or with Send credentials) is the storage read. */
export function hasCredentialLine(text: string): boolean {
  return text.split(/\r\n|\r|\n/).some((line) => line.indexOf(':') > 0 && isCredentialHeader(line.slice(0, line.indexOf(':')).trim()));
}

/**
 * The Headers box text with each masked credential value replaced by the one stored for `origin`. The stored value
 * of a name joins all its lines (headerLines.ts' rule), so a name's later masked lines add nothing and go. A masked
 * value with none stored, or a name both masked and typed, is a problem: nothing typed is dropped, nothing guessed.
 */
export function substituteMasked(text: string, stored: HeaderSecrets, origin: string): SubstitutedHeaders {
  const masked = new Set<string>();
  const typed = new Set<string>();
  const lines: string[] = [];
  for (const [index, line] of text.split(/\r\n|\r|\n/).entries()) {
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (name === '' || !isCredentialHeader(name)) {
      lines.push(line);
      continue;
    }
    const key = name.toLowerCase();
    if (!isMaskedValue(line.slice(colon + 1))) {
      typed.add(key);
      lines.push(line);
      continue;
    }
    const value = stored[key];
    if (value === undefined) {
      return {
        ok: false,
        problem: `Header line ${index + 1}: no ${name} value is stored for ${origin} (${MASKED} stands for a stored one); type the value.`,
      };
    }
    if (!masked.has(key)) lines.push(`${name}: ${value}`);
    masked.add(key);
  }
  const both = [...masked].find((key) => typed.has(key));
  if (both !== undefined) {
    return {
      ok: false,
      problem: `The ${both} header has a stored (${MASKED}) and a typed value; type the whole value, or keep only the masked line.`,
    };
  }
  return { ok: true, headers: lines.join('\n') };
}

/**
 * What to store for the origin after a Connect with these (parsed, lower-case) headers: each credential header sent
 * replaces its stored value, an empty one removes it, and the others stay. Undefined when nothing changes.
 */
export function nextStored(stored: HeaderSecrets, headers: Readonly<Record<string, string>>): HeaderSecrets | undefined {
  const next: HeaderSecrets = { ...stored };
  for (const [name, value] of Object.entries(headers)) {
    if (!isCredentialHeader(name)) continue;
    if (value === '') delete next[name];
    else next[name] = value;
  }
  const keys = Object.keys(next);
  const same = keys.length === Object.keys(stored).length && keys.every((key) => stored[key] === next[key]);
  return same ? undefined : next;
}
