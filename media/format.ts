// Turns record numbers and payloads into the short strings the table, detail pane and stats line show.

/** Row data is cut to this many characters; the detail pane shows the rest. */
const ROW_DATA_CHARS = 300;
/** Larger payloads are not parsed as JSON just to compact a table row. */
const ROW_JSON_PARSE_LIMIT = 100_000;

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}

export function formatDelta(ms: number): string {
  // Rounded first: 999.6 ms is "1.000 s", never "1000 ms".
  const rounded = Math.round(ms);
  return rounded < 1000 ? `${rounded} ms` : formatSeconds(ms);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${(bytes / (1024 * 1024 * 1024)).toFixed(2)} GB`;
}

export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** Elapsed time as `12.3 s` below a minute, then `m:ss` or `h:mm:ss`. */
export function formatElapsed(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const total = Math.floor(ms / 1000);
  const seconds = String(total % 60).padStart(2, '0');
  const minutes = Math.floor(total / 60) % 60;
  const hours = Math.floor(total / 3600);
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Local wall-clock time with milliseconds, e.g. `2026-11-23 21:30:43.123`. */
export function formatWallClock(epochMs: number): string {
  const date = new Date(epochMs);
  const two = (n: number): string => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ` +
    `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.${String(date.getMilliseconds()).padStart(3, '0')}`
  );
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The mark a line break becomes on a one-line row, so multi-line data does not read as one line. */
export const LINE_BREAK_MARK = '\u23ce';

/** One line of text: each line break (CRLF, LF or CR) a visible ⏎, other whitespace runs one space. */
export function oneLine(text: string): string {
  return text
    .trim()
    .replace(/\r\n|\r|\n/g, LINE_BREAK_MARK)
    .replace(/[^\S\r\n]+/g, ' ');
}

/** One line for the table: JSON compacted when it parses, other text on one line (line breaks as ⏎), cut to ROW_DATA_CHARS. */
export function rowData(data: string): string {
  let line: string | undefined;
  if (data.length <= ROW_JSON_PARSE_LIMIT) {
    try {
      line = JSON.stringify(JSON.parse(data));
    } catch {
      // Not JSON: shown as text.
    }
  }
  // Only the head can be shown, so only the head is collapsed (a multi-megabyte payload stays cheap).
  line ??= oneLine(data.slice(0, ROW_DATA_CHARS * 4));
  return line.length > ROW_DATA_CHARS ? `${line.slice(0, ROW_DATA_CHARS)}…` : line;
}

/** The parsed value when `data` is JSON, else undefined (a wrapper, because `null` is JSON too). */
export function parseJson(data: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(data) };
  } catch {
    return undefined;
  }
}
