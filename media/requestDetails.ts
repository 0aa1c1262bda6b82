// The detail pane's views of what went over the wire: the request a connection sent, and a failed response's headers and body.

import type { ErrorRecord, SentRequest } from '../src/shared/record';
import { h } from './dom';
import { formatBytes, formatCount } from './format';
import { dataView, facts, headersTable, note, section, type Fact } from './detailParts';
import { visibleBlock } from '../src/shared/visibleText';

function bytesText(bytes: number): string {
  return bytes < 1024 ? `${formatCount(bytes)} bytes` : `${formatBytes(bytes)} (${formatCount(bytes)} bytes)`;
}

/** The request line, Origin, Last-Event-ID and body size, then the headers and the start of the body. */
export function requestView(request: SentRequest): HTMLElement[] {
  const lines: Fact[] = [
    ['Request', `${request.method} ${request.url}`],
    ...(request.origin === undefined ? [] : [['Origin', request.origin] as Fact]),
    ...(request.lastEventId === undefined ? [] : [['Last-Event-ID', request.lastEventId] as Fact]),
    ['Body', request.bodyBytes === 0 ? 'none' : bytesText(request.bodyBytes)],
  ];
  const parts: HTMLElement[] = [section('Request sent'), facts(lines), headersTable(request.headers, 'Request headers')];
  if (request.headersOmitted !== undefined) {
    parts.push(note(`${formatCount(request.headersOmitted)} more headers were sent; they are not kept, to keep the record small.`));
  }
  if (request.bodyStart !== undefined) {
    const whole = new TextEncoder().encode(request.bodyStart).length >= request.bodyBytes;
    parts.push(
      section(whole ? 'Request body' : 'Start of the request body'),
      h('pre', { className: 'detail-text request-body', text: visibleBlock(request.bodyStart) }),
    );
  }
  return parts;
}

/** An error's facts, then what the server answered (headers, body: a tree when it is JSON), then the request. */
export function errorView(record: ErrorRecord): HTMLElement[] {
  const parts: HTMLElement[] = [
    facts([
      ['Message', record.message],
      ['HTTP status', record.status === undefined ? 'no response' : String(record.status)],
      ['Will reconnect', record.willReconnect ? 'yes' : 'no'],
    ]),
  ];
  if (record.headers !== undefined) parts.push(section('Response headers'), headersTable(record.headers, 'Response headers'));
  if (record.body !== undefined) {
    parts.push(section('Response body'));
    if (record.body === '') parts.push(note('(empty)'));
    else {
      if (record.bodyTruncated)
        parts.push(note(`The body went on: only its first ${formatCount(record.body.length)} characters were kept.`));
      parts.push(dataView(record.body));
    }
  }
  if (record.request !== undefined) parts.push(...requestView(record.request));
  return parts;
}
