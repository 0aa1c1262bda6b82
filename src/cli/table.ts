// Formats records as the rows of the command line's live, aligned table (pure: records in, lines out).
import { assertNever, type SseRecord } from '../shared/record';

export interface TableStyle {
  /** Terminal width in columns; the data column takes what the others leave. */
  width: number;
  /** ANSI colours (a TTY without NO_COLOR). */
  color: boolean;
}

interface Column {
  title: string;
  width: number;
  align: 'left' | 'right';
}

// Fixed columns; data comes last and fills the line, so no row carries trailing padding.
const COLUMNS = {
  seq: { title: '#', width: 5, align: 'right' },
  t: { title: 't', width: 9, align: 'right' },
  dt: { title: 'Δ', width: 9, align: 'right' },
  type: { title: 'type', width: 12, align: 'left' },
  id: { title: 'id', width: 8, align: 'left' },
  size: { title: 'size', width: 7, align: 'right' },
} satisfies Record<string, Column>;

type Cells = Record<keyof typeof COLUMNS, string> & { data: string };

const MIN_DATA_WIDTH = 12;
/** Larger data is shown as sent rather than re-serialized: a row shows a few hundred characters at most. */
const MAX_COMPACTED_CHARS = 64 * 1024;

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', cyan: '\x1b[36m' };

// Event data is untrusted: control characters could drive the terminal, bidi controls could reorder the line.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Shows control and bidi characters as escapes, so a row can neither break nor restyle the terminal. */
export function sanitize(text: string): string {
  return text.replace(UNSAFE, (ch) => ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** JSON data on one line without its spaces, anything else as it is. */
export function compactData(data: string): string {
  if (data.length > MAX_COMPACTED_CHARS || !/^\s*[[{]/.test(data)) return data;
  try {
    return JSON.stringify(JSON.parse(data));
  } catch {
    return data;
  }
}

/** Untrusted text made safe and cut to at most `width` characters (code points), an ellipsis marking the cut. */
export function visible(text: string, width: number): string {
  // Two UTF-16 units per character covers surrogate pairs, and escapes only lengthen: a bounded prefix is enough.
  const chars = Array.from(sanitize(text.slice(0, width * 2 + 2)));
  if (chars.length <= width) return chars.join('');
  return `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(3)}s`;
}

function cell(text: string, column: Column): string {
  const fitted = visible(text, column.width);
  return column.align === 'right' ? fitted.padStart(column.width) : fitted.padEnd(column.width);
}

function line(cells: Cells, style: TableStyle): string {
  const fixed = (Object.keys(COLUMNS) as Array<keyof typeof COLUMNS>).map((key) => cell(cells[key], COLUMNS[key]));
  const used = fixed.reduce((sum, text) => sum + text.length + 1, 0);
  return `${fixed.join(' ')} ${visible(cells.data, Math.max(MIN_DATA_WIDTH, style.width - used))}`;
}

function paint(text: string, color: string | undefined, style: TableStyle): string {
  return style.color && color !== undefined ? `${color}${text}${ANSI.reset}` : text;
}

function openSummary(record: Extract<SseRecord, { kind: 'open' }>): string {
  // The URL goes last: the user typed it, and it is the part a narrow terminal can best lose.
  const parts = [`HTTP ${record.status} in ${Math.round(record.ttfbMs)} ms`, record.headers['content-type'] ?? 'no Content-Type'];
  if (record.cors) parts.push(`CORS ${record.cors.allowed ? 'allowed' : 'blocked'}: ${record.cors.reason}`);
  if (record.connection > 1) parts.push(`connection ${record.connection}`);
  parts.push(record.url);
  return parts.join(' · ');
}

/** The cells of one record, and the colour that marks its kind. */
function describe(record: SseRecord): { cells: Cells; color: string | undefined } {
  const base = { seq: String(record.seq), t: seconds(record.t), dt: '', id: '', size: '' };
  const lifecycle = (data: string, color: string | undefined) => ({ cells: { ...base, type: `(${record.kind})`, data }, color });
  switch (record.kind) {
    case 'event':
      return {
        cells: {
          ...base,
          dt: record.dt === null ? '' : `+${seconds(record.dt)}`,
          type: record.type,
          id: record.id ?? '',
          size: String(record.size),
          data: compactData(record.data),
        },
        color: undefined,
      };
    case 'open':
      return lifecycle(openSummary(record), ANSI.green);
    case 'comment':
      return lifecycle(`:${record.text}`, ANSI.dim);
    case 'retry':
      return lifecycle(`reconnection time ${record.ms} ms`, ANSI.dim);
    case 'error': {
      const status = record.status === undefined ? '' : ` (HTTP ${record.status})`;
      // The server's own explanation, e.g. {"error":{"message":"Incorrect API key…"}}: its first line is enough here.
      const said = record.body?.split(/\r\n|\r|\n/).find((text) => text.trim() !== '')?.trim();
      const body = said === undefined ? '' : `; the server said: ${said.slice(0, 300)}`;
      return lifecycle(`${record.message}${status}; ${record.willReconnect ? 'will reconnect' : 'will not reconnect'}${body}`, ANSI.red);
    }
    case 'reconnect': {
      const id = record.lastEventId === '' ? 'no Last-Event-ID' : `Last-Event-ID ${JSON.stringify(record.lastEventId)}`;
      return lifecycle(`attempt ${record.attempt} in ${record.delayMs} ms, ${id}`, ANSI.yellow);
    }
    case 'closed':
      return lifecycle(record.message === undefined ? record.reason : `${record.reason}: ${record.message}`, ANSI.cyan);
    default:
      return assertNever(record);
  }
}

/** The column titles, as the table's first line. */
export function tableHeader(style: TableStyle): string {
  const titles = Object.fromEntries(Object.entries(COLUMNS).map(([key, column]) => [key, column.title])) as Record<keyof typeof COLUMNS, string>;
  return paint(line({ ...titles, data: 'data' }, style), ANSI.bold, style);
}

/** One record as one table row, never wider than the style's width (unless the width is tiny). */
export function tableRow(record: SseRecord, style: TableStyle): string {
  const { cells, color } = describe(record);
  return paint(line(cells, style), color, style);
}
