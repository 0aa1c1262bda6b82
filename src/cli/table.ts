// Formats records as the rows of the command line's live, aligned table (records in, lines out).
import { LastText } from './lastText';
import { eventDeltaText } from '../shared/llm/recognize';
import { assertNever, type EventRecord, type SseRecord } from '../shared/record';
import { visibleLine } from '../shared/visibleText';

export interface TableStyle {
  /** Terminal width in columns; the data column takes what the others leave. */
  width: number;
  /** ANSI colours (a TTY without NO_COLOR). */
  color: boolean;
}

/** What the session received in all, for the closing row. */
export interface Received {
  events: number;
  bytes: number;
}

interface Column {
  title: string;
  width: number;
  align: 'left' | 'right';
  /** Numbers are never cut: a longer one widens its row rather than lose digits. */
  number?: true;
}

// Fixed columns; data comes last and fills the line, so no row carries trailing padding.
// `#` fits seven digits: a million-event burst numbers its rows past 1,000,000.
const COLUMNS = {
  seq: { title: '#', width: 7, align: 'right', number: true },
  t: { title: 't', width: 9, align: 'right', number: true },
  dt: { title: 'Δ', width: 9, align: 'right', number: true },
  type: { title: 'type', width: 12, align: 'left' },
  id: { title: 'id', width: 8, align: 'left' },
  size: { title: 'size', width: 7, align: 'right', number: true },
} satisfies Record<string, Column>;

type Key = keyof typeof COLUMNS;
type Cells = Record<Key, string> & { data: string };
const KEYS = Object.keys(COLUMNS) as Key[];
/** The fixed columns and the spaces after them, when no number overflows. */
const FIXED_WIDTH = KEYS.reduce((sum, key) => sum + COLUMNS[key].width + 1, 0);

const MIN_DATA_WIDTH = 12;
/** Larger data is shown as sent rather than re-serialized: a row shows a few hundred characters at most. */
const MAX_COMPACTED_CHARS = 64 * 1024;

const ANSI = {
  reset: '\x1b[0m',
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  red: '\x1b[31m',
  green: '\x1b[32m',
  yellow: '\x1b[33m',
  cyan: '\x1b[36m',
};

/** Printable ASCII: nothing to escape, one column per character. Most event data is this, so it skips the work. */
const PLAIN = /^[\x20-\x7e]*$/;

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
  const prefix = text.length > width * 2 + 2 ? text.slice(0, width * 2 + 2) : text;
  if (PLAIN.test(prefix)) return prefix.length <= width ? prefix : `${prefix.slice(0, Math.max(0, width - 1))}…`;
  const chars = Array.from(visibleLine(prefix));
  if (chars.length <= width) return chars.join('');
  return `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(3)}s`;
}

function cell(text: string, column: Column): string {
  const fitted = column.number === true && text.length > column.width ? text : visible(text, column.width);
  return column.align === 'right' ? fitted.padStart(column.width) : fitted.padEnd(column.width);
}

/** The row from its fixed cells (already fitted) and the data, which gets the width the others leave. */
function row(fixed: string, data: string, style: TableStyle): string {
  return `${fixed} ${visible(data, Math.max(MIN_DATA_WIDTH, style.width - fixed.length - 1))}`;
}

function line(cells: Cells, style: TableStyle): string {
  return row(KEYS.map((key) => cell(cells[key], COLUMNS[key])).join(' '), cells.data, style);
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

/** The line first (JSON-quoted, so its edges show), then why the spec ignores it. */
function ignoredSummary(record: Extract<SseRecord, { kind: 'ignored' }>): string {
  const cut = record.lineBytes === undefined ? '' : ` (first ${record.line.length} characters of ${record.lineBytes} bytes)`;
  return `${JSON.stringify(record.line)}${cut} ignored: ${record.reason}`;
}

function byteCount(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  const [value, unit] = bytes < 1e6 ? [bytes / 1e3, 'kB'] : bytes < 1e9 ? [bytes / 1e6, 'MB'] : [bytes / 1e9, 'GB'];
  return `${value.toFixed(1)} ${unit}`;
}

/** The data cell and colour of a record other than an event; its type column shows the kind in parentheses. */
function lifecycle(record: Exclude<SseRecord, EventRecord>): { data: string; color: string | undefined } {
  switch (record.kind) {
    case 'open':
      return { data: openSummary(record), color: ANSI.green };
    case 'comment':
      return { data: `:${record.text}`, color: ANSI.dim };
    case 'ignored':
      return { data: ignoredSummary(record), color: ANSI.dim };
    case 'retry':
      return { data: `reconnection time ${record.ms} ms`, color: ANSI.dim };
    case 'error': {
      const status = record.status === undefined ? '' : ` (HTTP ${record.status})`;
      // The server's own explanation, e.g. {"error":{"message":"Incorrect API key…"}}: its first line is enough here.
      const said = record.body === undefined ? undefined : firstLine(record.body);
      const body = said === undefined ? '' : `; the server said: ${said.slice(0, 300)}`;
      return {
        data: `${record.message}${status}; ${record.willReconnect ? 'will reconnect' : 'will not reconnect'}${body}`,
        color: ANSI.red,
      };
    }
    case 'reconnect': {
      const id = record.lastEventId === '' ? 'no Last-Event-ID' : `Last-Event-ID ${JSON.stringify(record.lastEventId)}`;
      return { data: `attempt ${record.attempt} in ${record.delayMs} ms, ${id}`, color: ANSI.yellow };
    }
    case 'closed':
      return { data: record.message === undefined ? record.reason : `${record.reason}: ${record.message}`, color: ANSI.cyan };
    default:
      return assertNever(record);
  }
}

/** The column titles, as the table's first line. */
export function tableHeader(style: TableStyle): string {
  const titles = Object.fromEntries(KEYS.map((key) => [key, COLUMNS[key].title])) as Record<Key, string>;
  return paint(line({ ...titles, data: 'data' }, style), ANSI.bold, style);
}

/** The first line of `text` that is not blank, trimmed (an error body's opening words). */
export function firstLine(text: string): string | undefined {
  return text
    .split(/\r\n|\r|\n/)
    .find((line) => line.trim() !== '')
    ?.trim();
}

/**
 * Formats a session's rows. Events, nearly every row, take a short path: the cells records of one body chunk
 * share (t, Δ, type) are kept from the row before, and plain ASCII data is neither escaped nor split into
 * characters; every other row takes the general path (`row`), which gives the same text.
 */
export class TableFormatter {
  private readonly t = new LastText<number>((t) => cell(seconds(t), COLUMNS.t));
  private readonly dt = new LastText<number | null>((dt) => cell(dt === null ? '' : `+${seconds(dt)}`, COLUMNS.dt));
  private readonly type = new LastText<string>((type) => cell(type, COLUMNS.type));
  private readonly emptyId = cell('', COLUMNS.id);

  constructor(private readonly style: TableStyle) {}

  /** One record as one row; the closing row also says what the session received in all. */
  row(record: SseRecord, received?: Received): string {
    if (record.kind !== 'event') return this.lifecycleRow(record, received);
    const id = record.id === null ? this.emptyId : cell(record.id, COLUMNS.id);
    const fixed = `${cell(String(record.seq), COLUMNS.seq)} ${this.t.of(record.t)} ${this.dt.of(record.dt)} ${this.type.of(record.type)} ${id} ${cell(String(record.size), COLUMNS.size)}`;
    // A recognized LLM event shows what it added (`"Hel"`); --json keeps the whole data.
    const data = eventDeltaText(record.type, record.data) ?? compactData(record.data);
    // The usual row: nothing overflowed, and the data fits as it is.
    const text =
      fixed.length === FIXED_WIDTH - 1 && data.length <= this.style.width - FIXED_WIDTH && PLAIN.test(data)
        ? `${fixed} ${data}`
        : row(fixed, data, this.style);
    return text;
  }

  private lifecycleRow(record: Exclude<SseRecord, EventRecord>, received: Received | undefined): string {
    const { data, color } = lifecycle(record);
    const cells: Cells = { seq: String(record.seq), t: seconds(record.t), dt: '', type: `(${record.kind})`, id: '', size: '', data };
    if (record.kind === 'closed' && received !== undefined) {
      // The counts before the message: a narrow terminal cuts the message, which mostly repeats the reason.
      const counts = `${received.events.toLocaleString('en')} events, ${byteCount(received.bytes)} received`;
      cells.data = [record.reason, counts, ...(record.message === undefined ? [] : [record.message])].join(' · ');
    }
    return paint(line(cells, this.style), color, this.style);
  }
}

/** One record as one table row, never wider than the style's width (unless the width is tiny). */
export function tableRow(record: SseRecord, style: TableStyle, received?: Received): string {
  return new TableFormatter(style).row(record, received);
}
