// How the SSE spec reads one line of a stream, and the words for the lines it ignores: shared by the engine's
// ignored records and the Raw view, so both say the same thing about the same line.

import { clipText } from './clipText';

export const RETRY_NOT_DIGITS = 'retry value is not a number of milliseconds (ASCII digits only)';

/** Why the spec ignores a line whose field name it does not know (`line` may be the start of a longer one). */
export function unknownFieldReason(line: string, length = line.length): string {
  const colon = line.indexOf(':');
  if (colon !== -1) return `unknown field name ${JSON.stringify(clipText(line.slice(0, colon), 64))}`;
  return length === line.length
    ? 'no colon: the whole line reads as a field name, and there is no such field'
    : `unknown field name (no colon in the first ${line.length} characters)`;
}

/** field: data, event, id or retry read as such; blank: dispatches the event; partial: began before the capture. */
export type LineKind = 'field' | 'comment' | 'blank' | 'ignored' | 'partial';

/** How the spec reads one complete line (its text as decoded, without the line end). */
export function classifyLine(text: string): { kind: LineKind; reason?: string } {
  if (text === '') return { kind: 'blank' };
  if (text.startsWith(':')) return { kind: 'comment' };
  const colon = text.indexOf(':');
  const field = colon === -1 ? text : text.slice(0, colon);
  let value = colon === -1 ? '' : text.slice(colon + 1);
  if (value.startsWith(' ')) value = value.slice(1);
  switch (field) {
    case 'data':
    case 'event':
      return { kind: 'field' };
    case 'id':
      // The spec ignores the field; the line is still read, so it is not shown as an unknown one.
      return value.includes('\0') ? { kind: 'ignored', reason: 'an id containing NUL is ignored' } : { kind: 'field' };
    case 'retry':
      return /^[0-9]+$/.test(value) ? { kind: 'field' } : { kind: 'ignored', reason: RETRY_NOT_DIGITS };
    default:
      return { kind: 'ignored', reason: unknownFieldReason(text) };
  }
}
