// The diagnostics strip shown after `open`: what the response headers and the events' timing mean for a live stream.

import type { OpenRecord } from '../src/shared/record';
import type { BufferingVerdict } from '../src/shared/timing/streamTiming';
import { verdictText } from '../src/shared/timing/timingText';
import { h, icon } from './dom';

export type DiagnosticLevel = 'ok' | 'warn' | 'bad' | 'info';

export interface Diagnostic {
  level: DiagnosticLevel;
  text: string;
  /** A longer explanation, shown on hover. */
  detail: string;
}

const LEVEL_ICONS: Record<DiagnosticLevel, string> = { ok: 'pass', warn: 'warning', bad: 'error', info: 'info' };

export function diagnose(open: OpenRecord, verdict: BufferingVerdict): Diagnostic[] {
  const headers = open.headers;
  return [contentType(headers['content-type']), cacheControl(headers['cache-control']), buffering(verdict), cors(open)];
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

/** Judged from how events arrive; header causes are named only once the timing shows bursts. */
function buffering(verdict: BufferingVerdict): Diagnostic {
  const words = verdictText(verdict);
  return { level: words.level, text: words.text, detail: words.detail };
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

/** The strip itself: hidden until an open record arrives, and redrawn only when what it says changes. */
export class DiagnosticsStrip {
  readonly element = h('div', { className: 'diagnostics', attrs: { 'aria-label': 'Response diagnostics' } });
  /** What the strip shows: the latest open's diagnoses and the buffering verdict, which changes as events arrive. */
  private shownKey = '[]';

  constructor() {
    this.element.hidden = true;
  }

  show(open: OpenRecord | undefined, verdict: () => BufferingVerdict): void {
    const diagnoses = open ? diagnose(open, verdict()) : [];
    const key = JSON.stringify(diagnoses);
    if (key === this.shownKey) return;
    this.shownKey = key;
    this.element.hidden = open === undefined;
    this.element.replaceChildren(...diagnosticsView(diagnoses));
  }
}
