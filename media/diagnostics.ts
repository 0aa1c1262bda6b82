// The diagnostics strip shown after `open`: what the response headers mean for a live event stream.

import type { OpenRecord } from '../src/shared/record';
import { h, icon } from './dom';

export type DiagnosticLevel = 'ok' | 'warn' | 'bad' | 'info';

export interface Diagnostic {
  level: DiagnosticLevel;
  text: string;
  /** A longer explanation, shown on hover. */
  detail: string;
}

const LEVEL_ICONS: Record<DiagnosticLevel, string> = { ok: 'pass', warn: 'warning', bad: 'error', info: 'info' };

export function diagnose(open: OpenRecord): Diagnostic[] {
  const headers = open.headers;
  return [
    contentType(headers['content-type']),
    cacheControl(headers['cache-control']),
    contentEncoding(headers['content-encoding']),
    ...proxyBuffering(headers),
    cors(open),
  ];
}

function contentType(value: string | undefined): Diagnostic {
  const essence = value?.split(';')[0].trim().toLowerCase();
  return essence === 'text/event-stream'
    ? { level: 'ok', text: 'Content-Type: text/event-stream', detail: value ?? '' }
    : {
        level: 'bad',
        text: `Content-Type: ${value ?? 'missing'}`,
        detail: 'An EventSource needs text/event-stream; browsers fail the connection otherwise.',
      };
}

function cacheControl(value: string | undefined): Diagnostic {
  if (value === undefined)
    return {
      level: 'warn',
      text: 'Cache-Control missing',
      detail: 'Send Cache-Control: no-cache so proxies and caches pass events through at once.',
    };
  const directives = value.toLowerCase();
  return directives.includes('no-cache') || directives.includes('no-store')
    ? { level: 'ok', text: `Cache-Control: ${value}`, detail: 'Caches will not hold the stream back.' }
    : { level: 'warn', text: `Cache-Control: ${value}`, detail: 'Without no-cache, a proxy or cache may hold the stream back.' };
}

function contentEncoding(value: string | undefined): Diagnostic {
  const encoding = value?.trim().toLowerCase();
  if (!encoding || encoding === 'identity')
    return { level: 'ok', text: 'Not compressed', detail: 'No Content-Encoding: events arrive as they are sent.' };
  return {
    level: 'warn',
    text: `Content-Encoding: ${value}`,
    detail: 'Compressed streams arrive in bursts: the compressor holds events until its buffer fills or is flushed.',
  };
}

function proxyBuffering(headers: Record<string, string>): Diagnostic[] {
  const accel = headers['x-accel-buffering'];
  if (accel !== undefined) {
    return accel.trim().toLowerCase() === 'no'
      ? [{ level: 'ok', text: 'X-Accel-Buffering: no', detail: 'Proxy buffering is off for this response.' }]
      : [
          {
            level: 'warn',
            text: `X-Accel-Buffering: ${accel}`,
            detail: 'The proxy buffers this response, so events arrive in bursts; send X-Accel-Buffering: no.',
          },
        ];
  }
  if (/nginx/i.test(headers.server ?? '')) {
    return [
      {
        level: 'warn',
        text: 'nginx buffers by default',
        detail: 'nginx buffers proxied responses unless the upstream sends X-Accel-Buffering: no (or proxy_buffering off).',
      },
    ];
  }
  return [];
}

function cors(open: OpenRecord): Diagnostic {
  const verdict = open.cors;
  if (!verdict)
    return {
      level: 'info',
      text: 'CORS: no page origin given',
      detail: 'Enter a page origin to see whether a browser page there could read this stream.',
    };
  const mode = `credentials ${verdict.withCredentials ? 'on' : 'off'}`;
  return verdict.allowed
    ? { level: 'ok', text: `CORS allowed for ${verdict.origin} (${mode}): ${verdict.reason}`, detail: verdict.reason }
    : { level: 'bad', text: `CORS blocked for ${verdict.origin} (${mode}): ${verdict.reason}`, detail: verdict.reason };
}

/** The strip's content for a diagnosis; header values are server-controlled, so text only. */
export function diagnosticsView(diagnostics: Diagnostic[]): Node[] {
  return diagnostics.map((diagnostic) =>
    h('span', { className: `diagnostic ${diagnostic.level}`, title: diagnostic.detail }, [
      icon(LEVEL_ICONS[diagnostic.level]),
      h('span', { text: diagnostic.text }),
    ]),
  );
}
