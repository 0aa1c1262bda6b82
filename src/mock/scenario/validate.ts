// Checks a scenario file's text and names the file and the place (JSON pointer, or line and column) of a mistake.
import {
  ATTEMPT_KEYS,
  LINE_ENDINGS,
  MAX_ATTEMPTS,
  MAX_MS,
  MAX_SCENARIO_BYTES,
  MAX_STEPS,
  SCENARIO_KEYS,
  TRANSPORT_KEYS,
  type Attempt,
  type BodyStep,
  type Scenario,
  type Transport,
} from './types';

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; error: string };

class Invalid extends Error {
  constructor(
    readonly pointer: string,
    message: string,
  ) {
    super(message);
  }
}

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(value: Json, at: string, keys: readonly string[]): Record<string, Json> {
  if (!isObject(value)) throw new Invalid(at, 'must be an object');
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) throw new Invalid(`${at}/${escape(key)}`, `unknown property (expected one of ${keys.join(', ')})`);
  }
  return value;
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function whole(value: Json, at: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new Invalid(at, `must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function string(value: Json, at: string): string {
  if (typeof value !== 'string') throw new Invalid(at, 'must be a string');
  return value;
}

function boolean(value: Json, at: string): boolean {
  if (typeof value !== 'boolean') throw new Invalid(at, 'must be true or false');
  return value;
}

function transport(value: Json, at: string): Transport {
  const t = object(value, at, TRANSPORT_KEYS);
  if (t.lineEnding !== undefined && !LINE_ENDINGS.includes(t.lineEnding as never)) {
    throw new Invalid(`${at}/lineEnding`, `must be one of ${LINE_ENDINGS.join(', ')}`);
  }
  if (t.bom !== undefined) boolean(t.bom, `${at}/bom`);
  if (t.gzip !== undefined) boolean(t.gzip, `${at}/gzip`);
  if (t.chunkBytes !== undefined) whole(t.chunkBytes, `${at}/chunkBytes`, 1, MAX_SCENARIO_BYTES);
  for (const key of ['trickleMs', 'bufferMs'] as const) {
    if (t[key] !== undefined) whole(t[key], `${at}/${key}`, 0, MAX_MS);
  }
  return t as Transport;
}

// A field value must stay on its line: a line break in `event` or `id` would change the framing.
function oneLine(value: Json, at: string): string {
  const text = string(value, at);
  if (/[\r\n]/.test(text)) throw new Invalid(at, 'must not contain a line break (use a raw step for framing cases)');
  return text;
}

function step(value: Json, at: string): BodyStep {
  if (!isObject(value)) throw new Invalid(at, 'must be an object');
  if ('data' in value) {
    const s = object(value, at, ['event', 'data', 'id']);
    string(s.data, `${at}/data`);
    if (s.event !== undefined) oneLine(s.event, `${at}/event`);
    if (s.id !== undefined) oneLine(s.id, `${at}/id`);
    return s as BodyStep;
  }
  const keys = Object.keys(value);
  if (keys.length !== 1) {
    throw new Invalid(at, 'must be an event ({"data": …}) or have exactly one of retry, comment, wait, raw, drop, stall');
  }
  const [key] = keys as [string];
  const inner = `${at}/${escape(key)}`;
  switch (key) {
    case 'retry':
    case 'wait':
      whole(value[key], inner, 0, MAX_MS);
      break;
    case 'comment':
      oneLine(value[key], inner);
      break;
    case 'raw':
      string(value[key], inner);
      break;
    case 'drop':
    case 'stall':
      if (value[key] !== true) throw new Invalid(inner, 'must be true');
      break;
    default:
      throw new Invalid(inner, 'unknown step (expected data, retry, comment, wait, raw, drop or stall)');
  }
  return value as BodyStep;
}

function attempt(value: Json, at: string): Attempt {
  const a = object(value, at, ATTEMPT_KEYS);
  if (a.status !== undefined) whole(a.status, `${at}/status`, 200, 599);
  if (a.resume !== undefined) boolean(a.resume, `${at}/resume`);
  if (a.transport !== undefined) transport(a.transport, `${at}/transport`);
  if (a.headers !== undefined) {
    const headers = object(a.headers, `${at}/headers`, Object.keys(a.headers ?? {}));
    for (const [name, header] of Object.entries(headers)) {
      const where = `${at}/headers/${escape(name)}`;
      if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new Invalid(where, 'is not a valid header name');
      // node:http refuses these characters anyway; naming them here beats a crash at serve time.
      if (!/^[\t\x20-\x7e\x80-\xff]*$/.test(string(header, where))) {
        throw new Invalid(where, 'must not contain a line break, control character or character above U+00FF');
      }
    }
  }
  if (a.steps !== undefined) {
    if (!Array.isArray(a.steps)) throw new Invalid(`${at}/steps`, 'must be an array');
    if (a.steps.length > MAX_STEPS) throw new Invalid(`${at}/steps`, `has more than ${MAX_STEPS} steps`);
    a.steps.forEach((s, i) => step(s, `${at}/steps/${i}`));
  }
  return a as Attempt;
}

/** Validates an already parsed value; `source` names the file in the message. */
export function validateScenario(value: Json, source: string): ScenarioResult {
  try {
    const s = object(value, '', SCENARIO_KEYS);
    if (s.$schema !== undefined) string(s.$schema, '/$schema');
    if (s.description !== undefined) string(s.description, '/description');
    if (s.path !== undefined && !/^\/[A-Za-z0-9._~\-/]*$/.test(string(s.path, '/path'))) {
      throw new Invalid('/path', 'must be a path such as /flaky (letters, digits, . _ ~ - /)');
    }
    if (s.transport !== undefined) transport(s.transport, '/transport');
    if (!Array.isArray(s.attempts) || s.attempts.length === 0) throw new Invalid('/attempts', 'must be a non-empty array');
    if (s.attempts.length > MAX_ATTEMPTS) throw new Invalid('/attempts', `has more than ${MAX_ATTEMPTS} attempts`);
    s.attempts.forEach((a, i) => attempt(a, `/attempts/${i}`));
    return { ok: true, scenario: s as unknown as Scenario };
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    return { ok: false, error: `${source}: at ${error.pointer || '/'} (JSON pointer): ${error.message}` };
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Parses and validates a file's bytes; refuses one over MAX_SCENARIO_BYTES before reading it as JSON. */
export function parseScenario(bytes: Uint8Array, source: string): ScenarioResult {
  if (bytes.byteLength > MAX_SCENARIO_BYTES) {
    return { ok: false, error: `${source}: too large (${bytes.byteLength} bytes; the limit is ${MAX_SCENARIO_BYTES})` };
  }
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  let value: Json;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const where = position ? `at ${lineAndColumn(text, Number(position[1]))}: ` : '';
    return { ok: false, error: `${source}: ${where}not valid JSON (${message})` };
  }
  return validateScenario(value, source);
}
