// Turns a recording (the NDJSON that --json and the panel's export write) into a scenario the mock can serve.
import { isCredentialHeaderName } from '../shared/redact';
import type { Attempt, BodyStep, Scenario } from './scenario/types';

/** Recordings may be far larger than hand-written scenarios, but not unbounded. */
export const MAX_RECORDING_BYTES = 256 * 1024 * 1024;

/** The engine's message for a body that ended cleanly; any other error after an open was a cut connection. */
const CLEAN_END = 'The server ended the stream';

/** Headers that describe the original transfer, not the stream, and would be wrong on the replay. */
const TRANSFER_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'content-encoding', 'date']);

type Row = Record<string, unknown> & { kind: string; t: number };

/** A record as export writes it (an SseRecord, or a line of a recording file once parsed). */
export interface RecordLike {
  kind: string;
  t: number;
}

function parseRows(text: string, source: string): Row[] {
  const rows: Row[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new Error(`${source}: line ${index + 1}: not a JSON record`);
    }
    const r = row as Row;
    if (typeof r !== 'object' || r === null || typeof r.kind !== 'string' || typeof r.t !== 'number') {
      throw new Error(`${source}: line ${index + 1}: not a record (needs "kind" and "t")`);
    }
    rows.push(r);
  });
  return rows;
}

function keptHeaders(headers: unknown): Record<string, string> {
  const kept: Record<string, string> = {};
  if (typeof headers !== 'object' || headers === null) return kept;
  for (const [name, value] of Object.entries(headers)) {
    // Credential values are never part of a replay, whatever the recording kept.
    if (typeof value !== 'string' || isCredentialHeaderName(name) || TRANSFER_HEADERS.has(name.toLowerCase())) continue;
    if (!/^[\t\x20-\x7e\x80-\xff]*$/.test(value) || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) continue;
    kept[name] = value;
  }
  return kept;
}

/**
 * One attempt per connection in the recording: its status, headers and records as steps, the pauses between
 * records divided by `speed` (0 = none), a drop where the connection was cut, and a final 204 so a client stops.
 */
export function recordingToScenario(text: string, source: string, speed: number): Scenario {
  return recordsToScenario(parseRows(text, source), source, speed);
}

/** As recordingToScenario, from records already in memory (a panel's, with credentials taken out as export does). */
export function recordsToScenario(records: Iterable<RecordLike>, source: string, speed: number): Scenario {
  const attempts: Attempt[] = [];
  let current: Attempt | undefined;
  let last = 0;
  let ids = false;
  const pause = (t: number): void => {
    const ms = speed === 0 ? 0 : Math.round((t - last) / speed);
    if (ms > 0) current?.steps?.push({ wait: ms });
    last = t;
  };
  for (const record of records) {
    const row = record as Row;
    if (row.kind === 'open') {
      current = { status: 200, headers: keptHeaders(row.headers), steps: [] };
      attempts.push(current);
      last = row.t;
      continue;
    }
    if (row.kind === 'error' && typeof row.status === 'number' && row.status !== 200) {
      // A refused connection: its status, headers and the body the engine kept.
      const body: BodyStep[] = typeof row.body === 'string' ? [{ raw: row.body }] : [];
      attempts.push({ status: row.status, headers: keptHeaders(row.headers), steps: body });
      current = undefined;
      continue;
    }
    if (current === undefined) continue;
    let step: BodyStep | undefined;
    if (row.kind === 'event' && typeof row.data === 'string') {
      const id = typeof row.id === 'string' ? row.id : undefined;
      ids ||= id !== undefined;
      step = {
        ...(row.type === 'message' || typeof row.type !== 'string' ? {} : { event: row.type }),
        ...(id === undefined ? {} : { id }),
        data: row.data,
      };
    } else if (row.kind === 'comment' && typeof row.text === 'string') step = { comment: row.text.replace(/[\r\n]/g, ' ') };
    else if (row.kind === 'retry' && typeof row.ms === 'number') step = { retry: row.ms };
    else if (row.kind === 'error') {
      pause(row.t);
      if (row.message !== CLEAN_END) current.steps!.push({ drop: true });
      current = undefined;
      continue;
    }
    if (step === undefined) continue;
    pause(row.t);
    current.steps!.push(step);
  }
  if (attempts.length === 0) throw new Error(`${source}: no connection in the recording (no "open" or error record with a status)`);
  if (ids) for (const attempt of attempts) if (attempt.status === 200) attempt.resume = true;
  attempts.push({ status: 204 });
  return { description: `Replay of ${source}${speed === 1 ? '' : ` at ×${speed}`}`, attempts };
}
