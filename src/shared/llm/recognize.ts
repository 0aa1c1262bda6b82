// Recognizes an LLM stream event from its name and data alone, and says in a few characters what it added.
import { anthropic } from './anthropic';
import { gemini } from './gemini';
import { selectPath, type PathStep } from './jsonPath';
import { openaiChat } from './openaiChat';
import { openaiResponses } from './openaiResponses';
import { isObject, num, str, type FormatReader, type LlmFormat, type Piece } from './pieces';
import { usageText } from './replyText';

/** Tried in this order; each checks a shape the others do not share. */
export const READERS: readonly FormatReader[] = [anthropic, openaiResponses, openaiChat, gemini];

export interface Reading {
  /** Absent for what every format may send: `[DONE]`, and an error object. */
  format?: LlmFormat;
  pieces: Piece[];
}

/** Data that looks like JSON, parsed; anything else (or broken JSON) is undefined. */
export function parseJson(data: string): unknown {
  if (!/^\s*[[{]/.test(data)) return undefined;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}

/** `{"error": {…}}` (OpenAI, Anthropic, Gemini, compatible servers) or the Responses API's `{"type":"error",…}`. */
export function errorPieces(json: unknown): Piece[] | undefined {
  if (!isObject(json)) return undefined;
  const { error } = json;
  if (typeof error === 'string') return [{ kind: 'error', message: error }];
  if (isObject(error)) {
    const label = str(error.type) ?? str(error.status) ?? str(error.code) ?? num(error.code);
    const message = str(error.message) ?? JSON.stringify(error);
    return [{ kind: 'error', message: label === undefined ? message : `${label}: ${message}` }];
  }
  if (json.type === 'error' && typeof json.message === 'string') {
    const code = str(json.code);
    return [{ kind: 'error', message: code === undefined ? json.message : `${code}: ${json.message}` }];
  }
  return undefined;
}

/** What `type`/`data` means to the given readers; undefined when none of them knows it. */
export function readEvent(type: string, data: string, readers: readonly FormatReader[]): Reading | undefined {
  if (data.trim() === '[DONE]') return { pieces: [{ kind: 'info', text: '[DONE]' }] };
  const json = parseJson(data);
  if (json === undefined) return undefined;
  const error = errorPieces(json);
  if (error) return { pieces: error };
  for (const reader of readers) {
    const pieces = reader.read(type, json);
    if (pieces) return { format: reader.format, pieces };
  }
  return undefined;
}

/** A reader for any JSON stream: the values at the user's path are the reply's text. */
export function pathReader(steps: readonly PathStep[]): FormatReader {
  return {
    format: 'json-path',
    read(_type, json) {
      const values = selectPath(json, steps).filter((value) => value !== null && value !== undefined);
      if (values.length === 0) return undefined;
      const text = values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join('');
      return [{ kind: 'text', block: 'path', textKind: 'text', text }];
    },
  };
}

function describe(piece: Piece): string | undefined {
  switch (piece.kind) {
    case 'text':
      return piece.textKind === 'text' ? JSON.stringify(piece.text) : `${piece.textKind} ${JSON.stringify(piece.text)}`;
    case 'tool':
      if (piece.name === undefined) return `args ${JSON.stringify(piece.args)}`;
      return `tool ${piece.name}${piece.args === '' ? '' : ` ${piece.args}`}`;
    case 'stop':
      return `stop ${piece.reason}`;
    case 'usage':
      return `usage ${usageText(piece.usage)}`;
    case 'error':
      return `error: ${piece.message}`;
    case 'info':
      return piece.text;
    case 'end':
      return undefined;
  }
}

/** A row's short text for an event's pieces, e.g. `"Hel"`, `thinking "Let me"`, `stop end_turn`. */
export function deltaText(pieces: readonly Piece[]): string {
  const parts = pieces.map(describe).filter((part): part is string => part !== undefined);
  if (parts.length === 0 && pieces.length > 0) return 'block done';
  return parts.join(' · ');
}

/** Events larger than this are not read for a row: a row shows a few hundred characters at most. */
const MAX_ROW_READ_CHARS = 64 * 1024;

/** A member every recognized shape has; data without one is not parsed twice (the table compacts JSON too). */
const LLM_MARKER = /"(?:choices|type|candidates|usageMetadata|promptFeedback|error)"\s*:/;

/** The delta text of a recognized LLM event for a table row, or undefined to show the data as it is. */
export function eventDeltaText(type: string, data: string): string | undefined {
  if (data.length > MAX_ROW_READ_CHARS || !(LLM_MARKER.test(data) || data.trim() === '[DONE]')) return undefined;
  const reading = readEvent(type, data, READERS);
  if (reading === undefined || reading.pieces.length === 0) return undefined;
  return deltaText(reading.pieces);
}
