// Finds the lines eventsource-parser drops unread, so they can be shown as ignored like the lines it reports.
//
// The parser stops buffering a line whose first characters, at the end of a chunk, cannot start a field it
// knows (`data`, `event`, `id`, `retry`, a comment), and skips it to its line end without telling anyone; a
// line it read whole goes to onError instead. Which of the two happens depends only on where the chunks were
// cut, so this tracker repeats the parser's decision on the partial line at each chunk end, and hands back a
// skipped line when its end arrives. It keeps only the start of such a line, and its byte size.

const LF = 10;
const CR = 13;
const COLON = 58;
/** The parser looks again at an unfinished line's start until it has this many characters (its own constant). */
const PARSER_PREFIX_CHARS = 6;
const FIELDS = ['data', 'event', 'id', 'retry'];

/** The parser's test (shouldBufferTrailing): could a line starting with `start` still be a field it knows? */
function mayBeField(start: string): boolean {
  if (start.charCodeAt(0) === COLON) return true;
  return FIELDS.some((field) =>
    start.length <= field.length ? field.startsWith(start) : start.startsWith(field) && start.charCodeAt(field.length) === COLON,
  );
}

/** Where the unfinished last line of `text` starts: just past its last CR or LF (0 when there is none). */
function lastLineStart(text: string): number {
  let at = text.length;
  while (at > 0) {
    const code = text.charCodeAt(at - 1);
    if (code === LF || code === CR) return at;
    at--;
  }
  return 0;
}

function firstLineEnd(text: string): number {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  return cr === -1 || (lf !== -1 && lf < cr) ? lf : cr;
}

export interface SkippedLine {
  /** The line's first characters: the whole line when `length` is at most maxChars. */
  head: string;
  /** The whole line's length in UTF-16 units, and in UTF-8 bytes. */
  length: number;
  bytes: number;
}

export class SkippedLineTracker {
  /** Characters of the unfinished line so far (0: the last text ended with a line end). */
  private length = 0;
  private head = '';
  private bytes = 0;
  private skipping = false;

  constructor(private readonly maxChars: number) {}

  /** A new stream: no line started. */
  reset(): void {
    this.length = 0;
    this.head = '';
    this.bytes = 0;
    this.skipping = false;
  }

  /**
   * Call with each text before the parser gets it. Returns the skipped line that this text ends, if any:
   * it is the first line the text completes, so it comes before anything the parser reports for this text.
   */
  next(text: string): SkippedLine | undefined {
    const last = text.charCodeAt(text.length - 1);
    // The usual chunk ends with its line: nothing unfinished before it, nothing after.
    if (this.length === 0 && (last === LF || last === CR)) return undefined;
    const tailStart = lastLineStart(text);
    let skipped: SkippedLine | undefined;
    if (tailStart === 0) {
      this.extend(text);
      return undefined;
    }
    if (this.length !== 0 && this.skipping) {
      const end = firstLineEnd(text);
      this.add(text.slice(0, end));
      skipped = { head: this.head, length: this.length, bytes: this.bytes };
    }
    this.length = 0;
    this.head = '';
    this.bytes = 0;
    this.skipping = false;
    if (tailStart < text.length) this.extend(text.slice(tailStart));
    return skipped;
  }

  /** The unfinished line grows by `part` (no line end in it); the parser may look at its start again. */
  private extend(part: string): void {
    const before = this.length;
    const headBefore = this.head;
    this.add(part);
    // The parser judges a new unfinished line whole, and a buffered one again while it is short.
    if (!this.skipping && (before === 0 || before < PARSER_PREFIX_CHARS)) {
      this.skipping = !mayBeField(before === 0 ? part : this.head.slice(0, PARSER_PREFIX_CHARS));
      // Bytes are counted only for a skipped line: the parser buffers (and limits) every other one.
      if (this.skipping) this.bytes = Buffer.byteLength(headBefore, 'utf8') + Buffer.byteLength(part, 'utf8');
    }
  }

  private add(part: string): void {
    // One character more than shown, so the clip can tell a cut from a line of exactly maxChars.
    if (this.head.length <= this.maxChars) this.head += part.slice(0, this.maxChars + 1 - this.head.length);
    this.length += part.length;
    if (this.skipping) this.bytes += Buffer.byteLength(part, 'utf8');
  }
}
