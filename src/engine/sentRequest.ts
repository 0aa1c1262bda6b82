// Describes the request one connection sent, for its open and error records: credentials masked, sizes capped.

import { clipMarked as clip, clipText } from '../shared/clipText';
import type { SentRequest } from '../shared/record';
import { credentialValues, maskHeaderValue, maskSecrets, redactUrlParams } from '../shared/redact';

/** What the transport put on the wire for one hop; header names lower-case. */
export interface SentHop {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** The start of a body kept: enough to recognize a payload, small enough to repeat on every open record. */
export const SENT_BODY_START_CHARS = 1024;
/** Each header value and the URL are cut here: the record is a description, not a copy of the request. */
export const SENT_VALUE_CHARS = 1024;
export const SENT_URL_CHARS = 4096;
/** Headers (names and values as kept) beyond this many characters in all are counted, not kept. */
export const SENT_HEADERS_CHARS = 8192;

/**
 * The record's description of `hop`: nothing in it carries a credential, and its size is bounded. `attempt` is
 * the connection's first hop's headers: a redirect to another origin drops the credential headers, yet their
 * values must stay masked wherever they occur.
 */
export function describeSent(hop: SentHop, attempt: Record<string, string>): SentRequest {
  const secrets = credentialValues({ ...attempt, ...hop.headers });
  const clean = (text: string) => redactUrlParams(maskSecrets(text, secrets));
  const headers: Record<string, string> = {};
  let chars = 0;
  let omitted = 0;
  for (const [name, value] of Object.entries(hop.headers)) {
    const keptName = clip(name, SENT_VALUE_CHARS);
    const kept = clip(clean(maskHeaderValue(name, value)), SENT_VALUE_CHARS);
    chars += keptName.length + kept.length;
    if (chars > SENT_HEADERS_CHARS) omitted++;
    else headers[keptName] = kept;
  }
  const body = hop.body ?? '';
  const longestSecret = Math.max(0, ...secrets.map((secret) => secret.length));
  // Masked before it is cut, so a secret straddling the cut cannot leave its first half behind.
  const bodyStart = clipText(clean(clipText(body, SENT_BODY_START_CHARS + longestSecret)), SENT_BODY_START_CHARS);
  const lastEventId = hop.headers['last-event-id'];
  return {
    method: hop.method,
    url: clip(clean(hop.url), SENT_URL_CHARS),
    headers,
    ...(omitted === 0 ? {} : { headersOmitted: omitted }),
    bodyBytes: Buffer.byteLength(body, 'utf8'),
    ...(body === '' ? {} : { bodyStart }),
    ...(headers.origin === undefined ? {} : { origin: headers.origin }),
    // The header carries the id's UTF-8 bytes one per character (see request.ts); the record shows the id as text.
    ...(lastEventId === undefined ? {} : { lastEventId: clip(Buffer.from(lastEventId, 'latin1').toString('utf8'), SENT_VALUE_CHARS) }),
  };
}
