// Keeps the persistent last event ID, including what eventsource-parser cannot tell us: id-only blocks.
//
// eventsource-parser v3 only calls onEvent for blocks with data, and forgets the block's `id` otherwise, but
// the spec commits the id at every blank line, data or not ("id: 7\n\n" changes the next Last-Event-ID).
// So this tracker finds `id` field lines itself (one regular expression pass over each chunk, by a simpler
// pattern when the chunk has no CR), and the stream feeds the parser in segments that end right after each
// such id line. An id line directly followed by a `data` line needs no tracking (its block has data, so if the block ends the parser's event carries
// the id, and if it never ends the id must not count), which keeps the usual `id: N` + `data: …` stream
// on the parser's fast path.
// An id tracked that way is "pending" until we learn its block ended:
//   - the parser dispatches an event with an id: that id wins (same block or a later one);
//   - the parser dispatches an event without an id: the pending id's block ended earlier with no data,
//     so it is committed first;
//   - otherwise a blank line must appear in the text fed after it (checked only while still pending),
//     which matters for the next id line and for the end of the stream, where an unterminated block's
//     id must not count.

const LF = 10;
const CR = 13;
const SPACE = 32;
const COLON = 58;
const LETTER_I = 105;

function isLineEnd(code: number): boolean {
  return code === LF || code === CR;
}

/** A field value: everything after the colon, minus one leading space. */
function fieldValue(line: string, start: number, end: number): string {
  return line.charCodeAt(start) === SPACE ? line.slice(start + 1, end) : line.slice(start, end);
}

/** Does a `data` field line start at `at`? (False when the text ends too soon to tell.) */
function startsDataLine(text: string, at: number): boolean {
  if (!text.startsWith('data', at)) return false;
  const next = text.charCodeAt(at + 4);
  return next === COLON || isLineEnd(next);
}

/** Is this whole line an `id` field? */
function isIdLine(line: string): boolean {
  return line === 'id' || line.startsWith('id:');
}

/** Could this unterminated line still turn out to be an `id` field line? */
function mayBecomeIdLine(line: string): boolean {
  return line === 'i' || isIdLine(line);
}

/**
 * A line end, then an `id` line whose next line is not a `data` line (or is not there yet); or, at the very
 * end of the text, an unfinished line that may still become an id line (group 2, the line end, is then
 * undefined). The value (group 1) and the line end are each taken whole, as a lookahead and a
 * backreference cannot backtrack: that keeps a failed match cheap, and a CRLF from counting as a CR
 * followed by a line that starts with LF.
 */
const ID_LINE_WITHOUT_DATA = /[\r\n]i(?:d(?:(?=(:[^\r\n]*))\1)?(?:(?=(\r\n?|\n))\2(?!data[:\r\n])|$)|$)/g;

/**
 * The same for text without CR, where every line end is one LF: a simpler pattern that the regular expression
 * engine scans faster. It finds complete id lines only; the caller looks at an unfinished last line itself.
 */
const LF_ID_LINE_WITHOUT_DATA = /\nid(?::[^\n]*\n|\n)(?!data[:\n])/g;

/** True when `text`, read after a character `previous`, contains an empty line (CRLF counts as one end). */
function hasBlankLine(text: string, previous: number): boolean {
  const first = text.charCodeAt(0);
  if ((previous === LF && isLineEnd(first)) || (previous === CR && first === CR)) return true;
  // Two line ends in a row, except the CRLF pair itself: LF LF, LF CR, CR CR (CR LF LF contains LF LF).
  return text.indexOf('\n\n') !== -1 || text.indexOf('\n\r') !== -1 || text.indexOf('\r\r') !== -1;
}

export class LastEventIdTracker {
  /** The committed last event ID: what events carry and what a reconnect sends. */
  value: string;
  private pending: string | null = null;
  private pendingEnded = false;
  /** The last character fed so far on this connection; LF at the start so a first line counts as a line start. */
  private previous = LF;
  /** An unterminated line at the end of the previous text that may still become an id line. */
  private partial: string | null = null;
  // Scan state for the text being split; `position` is where the search goes on (a line end, or 0).
  private text = '';
  private position = 0;
  private lineStartsText = true;
  /** The value of the id line the last nextSplit() found. */
  private foundValue = '';

  constructor(initial: string) {
    this.value = initial;
  }

  /** A new connection: nothing pending, the first character starts a line. */
  restart(): void {
    this.pending = null;
    this.pendingEnded = false;
    this.previous = LF;
    this.partial = null;
  }

  /** Prepares to split `text`, the next decoded piece of the stream. */
  startText(text: string): void {
    this.text = text;
    this.position = 0;
    this.lineStartsText = isLineEnd(this.previous);
  }

  /**
   * The index just past the next complete `id` line in the current text that is not followed by a `data`
   * line (the stream feeds the parser up to there and then calls idLineFed), or -1 when there is none.
   */
  nextSplit(): number {
    const text = this.text;
    let from = this.position;
    if (from === 0) {
      // The first line has no line end before it in this text: the regular expression cannot see it.
      const split = this.firstLine();
      if (split !== 0) return split;
      from = this.position;
    }
    if (text.indexOf('id', from) === -1) {
      // The usual case without ids, settled by one quick search; only a final "i" may still become an id line.
      const last = text.length - 1;
      if (last > 0 && text.charCodeAt(last) === LETTER_I && isLineEnd(text.charCodeAt(last - 1))) this.partial = 'i';
      this.position = text.length;
      return -1;
    }
    return text.indexOf('\r', from) === -1 ? this.nextSplitInLfText(text, from) : this.nextSplitInText(text, from);
  }

  /** nextSplit() in text without CR. */
  private nextSplitInLfText(text: string, from: number): number {
    LF_ID_LINE_WITHOUT_DATA.lastIndex = from;
    const match = LF_ID_LINE_WITHOUT_DATA.exec(text);
    this.position = text.length;
    if (match === null) {
      // The unfinished last line may still become an id line; firstLine() has judged a text's first line.
      const lastLf = text.lastIndexOf('\n');
      if (lastLf !== -1 && text.charCodeAt(lastLf + 1) === LETTER_I) {
        const line = text.slice(lastLf + 1);
        if (mayBecomeIdLine(line)) this.partial = line;
      }
      return -1;
    }
    const after = LF_ID_LINE_WITHOUT_DATA.lastIndex;
    return this.found(match.index + 1, after - 1, after);
  }

  /** nextSplit() in text with CR line ends (or CR inside lines), by the general pattern. */
  private nextSplitInText(text: string, from: number): number {
    ID_LINE_WITHOUT_DATA.lastIndex = from;
    const match = ID_LINE_WITHOUT_DATA.exec(text);
    if (match === null) {
      this.position = text.length;
      return -1;
    }
    const at = match.index + 1;
    const lineEnd = match[2];
    if (lineEnd === undefined) {
      this.partial = text.slice(at);
      this.position = text.length;
      return -1;
    }
    const after = ID_LINE_WITHOUT_DATA.lastIndex;
    return this.found(at, after - lineEnd.length, after);
  }

  /** Notes the id line found at `at` (its line end at `lineEnd`, the next line at `after`); returns `after`. */
  private found(at: number, lineEnd: number, after: number): number {
    this.foundValue = this.text.charCodeAt(at + 2) === COLON ? fieldValue(this.text, at + 3, lineEnd) : '';
    // The next search starts at this line's end, which the next id line needs before it.
    this.position = after - 1;
    return after;
  }

  /**
   * Looks at the text's first line, which may continue a partial line of the previous text. Returns where
   * to split after it, -1 when the text is all one unfinished line, or 0 to go on scanning from
   * this.position.
   */
  private firstLine(): number {
    const text = this.text;
    const head = this.partial ?? (this.lineStartsText ? '' : null);
    this.partial = null;
    if (head === null || (head === '' && !text.startsWith('i'))) return 0;
    const lf = text.indexOf('\n');
    const cr = text.indexOf('\r');
    const end = cr === -1 || (lf !== -1 && lf < cr) ? lf : cr;
    if (end === -1) {
      const line = head + text;
      if (mayBecomeIdLine(line)) this.partial = line;
      this.position = text.length;
      return -1;
    }
    this.position = end;
    const line = head + text.slice(0, end);
    const after = text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
    if (!isIdLine(line) || startsDataLine(text, after)) return 0;
    this.foundValue = line === 'id' ? '' : fieldValue(line, 3, line.length);
    this.position = after - 1;
    return after;
  }

  /** The parser has now seen the id line nextSplit() found. */
  idLineFed(): void {
    const id = this.foundValue;
    // The spec ignores an id containing NUL, and so does the parser.
    if (id.indexOf('\0') !== -1) return;
    if (this.pending !== null && this.pendingEnded) this.value = this.pending;
    this.pending = id;
    this.pendingEnded = false;
  }

  /** Call after feeding the parser `segment`: a pending id's block may have ended in it. */
  segmentFed(segment: string): void {
    if (this.pending !== null && !this.pendingEnded) {
      this.pendingEnded = hasBlankLine(segment, this.previous);
    }
    this.previous = segment.charCodeAt(segment.length - 1);
  }

  /** The parser dispatched an event (with its block's own id, if any); returns the last event ID it carries. */
  forEvent(id: string | undefined): string {
    if (id !== undefined) {
      this.value = id;
      this.pending = null;
    } else if (this.pending !== null) {
      this.value = this.pending;
      this.pending = null;
    }
    return this.value;
  }

  /** The stream ended: an id-only block counts only if its blank line arrived. */
  endOfStream(): void {
    if (this.pending !== null && this.pendingEnded) this.value = this.pending;
    this.restart();
  }
}
