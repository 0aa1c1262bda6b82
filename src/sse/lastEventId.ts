// Keeps the persistent last event ID, including what eventsource-parser cannot tell us: id-only blocks.
//
// eventsource-parser v3 only calls onEvent for blocks with data, and forgets the block's `id` otherwise, but
// the spec commits the id at every blank line, data or not ("id: 7\n\n" changes the next Last-Event-ID).
// So this tracker finds `id` field lines itself (one pass of indexOf('id') over each chunk; a hit that is
// not at a line start is skipped), and the stream feeds the parser in segments that end right
// after each such id line. An id line directly followed by a `data` line needs no tracking (its block has
// data, so if the block ends the parser's event carries the id, and if it never ends the id must not
// count), which keeps the usual `id: N` + `data: …` stream on the parser's fast path.
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
const LETTER_A = 97;
const LETTER_D = 100;
const LETTER_I = 105;
const LETTER_T = 116;

function isLineEnd(code: number): boolean {
  return code === LF || code === CR;
}

/** A field value: everything after the colon, minus one leading space. */
function fieldValue(line: string, start: number, end: number): string {
  return line.charCodeAt(start) === SPACE ? line.slice(start + 1, end) : line.slice(start, end);
}

/** Does a `data` field line start at `at`? (False when the text ends too soon to tell.) */
function startsDataLine(text: string, at: number): boolean {
  if (
    text.charCodeAt(at) !== LETTER_D ||
    text.charCodeAt(at + 1) !== LETTER_A ||
    text.charCodeAt(at + 2) !== LETTER_T ||
    text.charCodeAt(at + 3) !== LETTER_A
  ) {
    return false;
  }
  const next = text.charCodeAt(at + 4);
  return next === COLON || isLineEnd(next);
}

/** Could this unterminated line still turn out to be an `id` field line? */
function mayBecomeIdLine(line: string): boolean {
  return line === 'i' || line === 'id' || line.startsWith('id:');
}

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
  // Scan state for the text being split.
  private text = '';
  private position = 0;
  private lineStartsText = true;
  private noCr = true;
  private nextCr = -1;
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
    this.noCr = text.indexOf('\r') === -1;
    this.nextCr = -1;
  }

  /**
   * The index just past the next complete `id` line in the current text that is not followed by a `data`
   * line (the stream feeds the parser up to there and then calls idLineFed), or -1 when there is none.
   */
  nextSplit(): number {
    const text = this.text;
    if (this.partial !== null) {
      const head = this.partial;
      this.partial = null;
      const end = this.lineEnd(0);
      if (end === -1) {
        const line = head + text;
        if (mayBecomeIdLine(line)) this.partial = line;
        this.position = text.length;
        return -1;
      }
      this.position = end;
      const line = head + text.slice(0, end);
      const isId = line === 'id' || line.startsWith('id:');
      if (isId && !startsDataLine(text, this.afterLine(end))) return this.found(line === 'id' ? '' : fieldValue(line, 3, line.length), end);
    }
    for (let at = this.idLineStart(this.position); at !== -1; at = this.idLineStart(at + 2)) {
      const next = text.charCodeAt(at + 2);
      if (next === COLON || isLineEnd(next)) {
        const end = next === COLON ? this.lineEnd(at + 3) : at + 2;
        if (end === -1) return this.keepPartial(text.slice(at));
        const after = this.afterLine(end);
        if (!startsDataLine(text, after)) return this.found(next === COLON ? fieldValue(text, at + 3, end) : '', end);
      } else if (at + 2 === text.length) {
        return this.keepPartial('id');
      }
    }
    const last = text.length - 1;
    if (
      text.charCodeAt(last) === LETTER_I &&
      (last === 0 ? this.lineStartsText : isLineEnd(text.charCodeAt(last - 1)))
    ) {
      return this.keepPartial('i');
    }
    this.position = text.length;
    return -1;
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

  /** The index of the next "id" at or after `from` that starts a line, or -1. */
  private idLineStart(from: number): number {
    const text = this.text;
    for (let at = text.indexOf('id', from); at !== -1; at = text.indexOf('id', at + 2)) {
      if (at === 0 ? this.lineStartsText : isLineEnd(text.charCodeAt(at - 1))) return at;
    }
    return -1;
  }

  /** Where the line ending at `end` is followed by the next line (a CRLF counts as one line end). */
  private afterLine(end: number): number {
    const text = this.text;
    return end + (text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? 2 : 1);
  }

  private found(value: string, end: number): number {
    this.foundValue = value;
    this.position = this.afterLine(end);
    return this.position;
  }

  private keepPartial(line: string): number {
    this.partial = line;
    this.position = this.text.length;
    return -1;
  }

  /** The first CR or LF at or after `from`, or -1; remembers the next CR so CR-free text is not rescanned. */
  private lineEnd(from: number): number {
    const text = this.text;
    const lf = text.indexOf('\n', from);
    if (this.noCr) return lf;
    if (this.nextCr < from) {
      this.nextCr = text.indexOf('\r', from);
      if (this.nextCr === -1) {
        this.noCr = true;
        return lf;
      }
    }
    return lf === -1 || this.nextCr < lf ? this.nextCr : lf;
  }
}
