// Decides whether a response is an event stream, and says why not in a user's words.

import { STATUS_CODES } from 'node:http';

/** The media type without parameters, lower-case: `text/event-stream; charset=x` → `text/event-stream`. */
export function mediaTypeEssence(contentType: string): string {
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}

export function statusText(status: number): string {
  const text = STATUS_CODES[status];
  return text === undefined ? String(status) : `${status} ${text}`;
}

/** What the engine knows of a response once its headers are in; header names lower-case. */
export interface ResponseHead {
  status: number;
  /** The final URL, after redirects. */
  url: string;
  redirected: boolean;
  headers: Record<string, string>;
}

/** Null when the response may be read as an event stream; otherwise why the connection fails. */
export function responseProblem(response: ResponseHead): string | null {
  const where = response.redirected ? ` (after a redirect to ${response.url})` : '';
  if (response.status !== 200) {
    return `The server answered ${statusText(response.status)}${where}; an event stream needs 200 OK`;
  }
  const contentType = response.headers['content-type'];
  if (contentType === undefined) {
    return `The server sent no Content-Type${where}; an event stream needs text/event-stream`;
  }
  if (mediaTypeEssence(contentType) !== 'text/event-stream') {
    return `The server sent Content-Type "${contentType}"${where}; an event stream needs text/event-stream`;
  }
  return null;
}

/** Response headers as a plain object, names lower-case; repeated headers joined with ", " as fetch joins them. */
export function headerRecord(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) record[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return record;
}
