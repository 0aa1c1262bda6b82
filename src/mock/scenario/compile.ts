// Turns one attempt of a scenario into the exact bytes and pauses the mock writes: pure, so the same scenario
// always gives the same bytes.
import type { Attempt, BodyStep, Scenario, Transport } from './types';

/** One write: wait `delayMs`, write `bytes`, then cut the connection (`drop`) or go quiet while open (`stall`). */
export interface WireStep {
  delayMs: number;
  text: Uint8Array;
  drop?: true;
  stall?: true;
}

export interface CompiledAttempt {
  status: number;
  headers: Array<[string, string]>;
  steps: WireStep[];
  gzip: boolean;
}

const EOL = { lf: '\n', crlf: '\r\n', cr: '\r' } as const;
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
const encoder = new TextEncoder();

/** The attempt the Nth request (0-based) gets: past the end, the last one again. */
export function attemptFor(scenario: Scenario, index: number): Attempt {
  return scenario.attempts[Math.min(index, scenario.attempts.length - 1)]!;
}

/** The step's text, before transport faults; `raw` is written as given. */
function stepText(step: BodyStep, eol: string): string | undefined {
  if ('data' in step) {
    const event = step.event === undefined ? '' : `event: ${step.event}${eol}`;
    const id = step.id === undefined ? '' : `id: ${step.id}${eol}`;
    const data = step.data
      .split(/\r\n|\r|\n/)
      .map((line) => `data: ${line}${eol}`)
      .join('');
    return `${event}${id}${data}${eol}`;
  }
  if ('retry' in step) return `retry: ${step.retry}${eol}${eol}`;
  if ('comment' in step) return `: ${step.comment}${eol}${eol}`;
  if ('raw' in step) return step.raw;
  return undefined;
}

/** Steps after the event whose id is `lastEventId`; all of them when no event has that id. */
function resumed(steps: readonly BodyStep[], lastEventId: string | undefined): readonly BodyStep[] {
  if (lastEventId === undefined) return steps;
  const at = steps.findIndex((step) => 'data' in step && step.id === lastEventId);
  return at < 0 ? steps : steps.slice(at + 1);
}

interface Timed {
  at: number;
  text: Uint8Array;
  drop?: true;
  stall?: true;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** The body on an absolute timeline (ms from the response start), chunked and trickled. */
function timeline(steps: readonly BodyStep[], transport: Transport): Timed[] {
  const eol = EOL[transport.lineEnding ?? 'lf'];
  const size = transport.chunkBytes ?? Infinity;
  const trickle = transport.trickleMs ?? 0;
  const out: Timed[] = [];
  let now = 0;
  let first = true;
  const emit = (text: Uint8Array): void => {
    for (let offset = 0; offset < text.byteLength; offset += size) {
      if (!first) now += trickle;
      first = false;
      out.push({ at: now, text: text.subarray(offset, Math.min(offset + size, text.byteLength)) });
    }
  };
  if (transport.bom) emit(BOM);
  for (const step of steps) {
    if ('wait' in step) now += step.wait;
    else if ('drop' in step || 'stall' in step) {
      out.push({ at: now, text: new Uint8Array(0), ...('drop' in step ? { drop: true } : { stall: true }) });
      return out;
    } else emit(encoder.encode(stepText(step, eol)));
  }
  return out;
}

/** Proxy-like buffering: whatever is due within a window goes out together at the window's end. */
function buffered(items: readonly Timed[], windowMs: number): Timed[] {
  const out: Timed[] = [];
  for (const item of items) {
    const at = windowMs === 0 ? item.at : (Math.floor(item.at / windowMs) + 1) * windowMs;
    const last = out[out.length - 1];
    if (last && last.at === at && !last.drop && !last.stall) {
      out[out.length - 1] = { ...item, at, text: concat([last.text, item.text]) };
    } else out.push({ ...item, at });
  }
  return out;
}

/** The status, headers and body of one attempt; `lastEventId` matters only when the attempt resumes. */
export function compileAttempt(scenario: Scenario, attempt: Attempt, lastEventId: string | undefined): CompiledAttempt {
  const transport: Transport = { ...scenario.transport, ...attempt.transport };
  const status = attempt.status ?? 200;
  const given = Object.entries(attempt.headers ?? {});
  const named = (name: string): boolean => given.some(([key]) => key.toLowerCase() === name);
  const headers: Array<[string, string]> = [];
  if (status === 200 && !named('content-type')) headers.push(['Content-Type', 'text/event-stream']);
  if (status === 200 && !named('cache-control')) headers.push(['Cache-Control', 'no-cache']);
  headers.push(...given);
  if (transport.gzip) headers.push(['Content-Encoding', 'gzip']);
  const steps = resumed(attempt.steps ?? [], attempt.resume ? lastEventId : undefined);
  let previous = 0;
  const wire = buffered(timeline(steps, transport), transport.bufferMs ?? 0).map(({ at, ...rest }) => {
    const step = { delayMs: at - previous, ...rest };
    previous = at;
    return step;
  });
  return { status, headers, steps: wire, gzip: transport.gzip === true };
}
