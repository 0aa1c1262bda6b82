// The connection form's side of curl: a pasted command becomes the form's request, and the form's request a
// command to copy (credential values masked).

import { parseCurl, toCurl } from '../src/shared/curlCommand';
import { readHeaderLines, type HeaderField } from '../src/shared/headerLines';
import type { ConnectRequest } from '../src/shared/protocol';
import { isMaskedValue, mapCredentialValues, redactUrlParams } from '../src/shared/redact';

/** The form fields a pasted curl command fills, or why it cannot. */
export type PastedRequest =
  | { ok: true; fields: Pick<ConnectRequest, 'url' | 'method' | 'headers' | 'body' | 'insecureTls'>; ignored: string[] }
  | { ok: false; problem: string };

export function requestFromCurl(command: string): PastedRequest {
  const parsed = parseCurl(command);
  if (!parsed.ok) return { ok: false, problem: `Could not read the pasted curl command: ${parsed.problem}.` };
  const { url, method, headers, body, insecure } = parsed.request;
  const lines = headers.map(({ name, value }) => `${name}: ${value}`).join('\n');
  return { ok: true, fields: { url, method, headers: lines, body, insecureTls: insecure }, ignored: parsed.ignored };
}

/**
 * `curl -N …` for what the form holds, credential values and URL parameters masked. Each header line is read by
 * the one header rule (as Connect reads it); a line that rule refuses is left out, so the command sends what
 * the panel would.
 */
export function curlFromRequest(request: ConnectRequest): string {
  const headers = request.headers.split(/\r\n|\r|\n/).flatMap((line): HeaderField[] => {
    // Line by line, so one refused line drops only itself, and a repeated name stays two -H as typed. A masked
    // credential (a stored value) is kept: toCurl masks every credential value, so what stands in for it is never shown.
    const sendable = mapCredentialValues(line, (_name, value) => (isMaskedValue(value) ? 'stored' : value));
    const read = readHeaderLines([sendable], () => 'Header line');
    return read.ok ? read.fields : [];
  });
  return toCurl(
    {
      method: request.method || 'GET',
      url: redactUrlParams(request.url.trim()),
      headers,
      body: request.body,
      insecure: request.insecureTls === true,
    },
    { revealSecrets: false },
  );
}
