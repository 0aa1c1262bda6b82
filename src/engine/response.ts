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

/** Null when the response may be read as an event stream; otherwise why the connection fails. */
export function responseProblem(response: Response): string | null {
  const where = response.redirected ? ` (after a redirect to ${response.url})` : '';
  if (response.status !== 200) {
    return `The server answered ${statusText(response.status)}${where}; an event stream needs 200 OK`;
  }
  const contentType = response.headers.get('content-type');
  if (contentType === null) {
    return `The server sent no Content-Type${where}; an event stream needs text/event-stream`;
  }
  if (mediaTypeEssence(contentType) !== 'text/event-stream') {
    return `The server sent Content-Type "${contentType}"${where}; an event stream needs text/event-stream`;
  }
  return null;
}

/** Response headers as a plain object, names lower-case; repeated headers joined as fetch joins them. */
export function headerRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of headers) {
    record[name] = name in record ? `${record[name]}, ${value}` : value;
  }
  return record;
}
