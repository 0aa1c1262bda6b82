// Turns the bytes of one event stream into events, comments and retries, exactly as the SSE spec parses them.
//
// eventsource-parser does the line work and reports every block's id (onId, id-only blocks too); this module
// owns what the spec asks of the client around it: UTF-8 decoding with chunk-split characters, the BOM, the
// size limits, the persistent last event ID and each event's UTF-8 byte size. A CR at the end of a chunk ends
// its line at once (the parser then skips an LF that starts the next chunk, so a split CRLF is one line end).

import { isAscii } from 'node:buffer';
import { clipText } from '../shared/clipText';
import { RETRY_NOT_DIGITS, unknownFieldReason } from '../shared/sseLine';
import { MAX_ID_BYTES } from './options';
import { SkippedLineTracker, type SkippedLine } from './skippedLines';
import { createParser, type EventSourceMessage, type EventSourceParser, type ParseError } from 'eventsource-parser';

export interface EventStreamSink {
  event(type: string, data: string, id: string | undefined, lastEventId: string, size: number): void;
  comment(text: string): void;
  retry(ms: number): void;
  /** A complete line the spec ignores (see IgnoredRecord): `line` clipped, `lineBytes` set when it was. */
  ignored(line: string, reason: string, lineBytes: number | undefined): void;
  /** A block's data, or an id, grew past its limit; the stream has stopped parsing. */
  tooLarge(what: 'event' | 'id'): void;
}

const STREAM = { stream: true } as const;
/**
 * The id cap as a module constant: read through the import it is a getter call per id when the module is loaded
 * unbundled (tsx, the tests and benchmarks), 2–3% of the id stream's time.
 */
const ID_LIMIT = MAX_ID_BYTES;
/** How much of an ignored line a record shows. */
export const MAX_IGNORED_LINE_CHARS = 1024;
const BOM = 0xfeff;
/**
 * Room the parser may buffer beyond the data limit: the `data: ` of a line not yet ended and its joining LF.
 * Complete events are checked exactly, in bytes, when they arrive.
 */
const BUFFER_SLACK = 16;

function asLatin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

export class EventStreamParser {
  private readonly parser: EventSourceParser;
  private readonly skipped = new SkippedLineTracker(MAX_IGNORED_LINE_CHARS);
  private decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** The persistent last event ID: set by every block that ends with an id, data or not. */
  private lastId: string;
  private atStart = true;
  private halted = false;
  // An event's byte size is its length when every byte since the previous dispatch was ASCII, which one
  // isAscii() per chunk tells us; only other events pay for Buffer.byteLength.
  private previousChunkAscii = true;
  private chunkAscii = true;
  private asciiSinceDispatch = true;

  constructor(
    private readonly sink: EventStreamSink,
    private readonly maxEventBytes: number,
    lastEventId: string,
  ) {
    this.lastId = lastEventId;
    this.parser = createParser({
      // Called at the end of every block that had an id, before its event if it has data: the spec commits
      // the id at each blank line, so "id: 7\n\n" changes the next Last-Event-ID too.
      onId: (id) => this.commitId(id),
      onEvent: (message) => this.dispatch(message),
      onComment: (text) => {
        if (!this.halted) sink.comment(text);
      },
      onRetry: (ms) => {
        if (!this.halted) sink.retry(ms);
      },
      onError: (error) => this.parseError(error),
      maxBufferSize: maxEventBytes + BUFFER_SLACK,
    });
  }

  /** The persistent last event ID: what events carry and what the next reconnect sends. */
  get lastEventId(): string {
    return this.lastId;
  }

  /** Starts a new connection's stream: fresh decoder and parser state, the last event ID kept. */
  begin(): void {
    this.decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    this.parser.reset();
    // The parser strips one leading U+FEFF, or the three characters EF BB BF (bytes read as Latin-1), from its
    // first non-empty input. We strip the one real BOM ourselves, from the decoded text, so the parser must not
    // strip again: a second U+FEFF is data, and so is a real "ï»¿". A blank line first settles its check and
    // dispatches nothing, as no field has been read yet. (An empty feed no longer does: v4 waits for input.)
    this.parser.feed('\n');
    this.skipped.reset();
    this.atStart = true;
    this.halted = false;
    this.previousChunkAscii = true;
    this.chunkAscii = true;
    this.asciiSinceDispatch = true;
  }

  /** Stops dispatching for good (the connection is closing); the rest of the current chunk is dropped. */
  halt(): void {
    this.halted = true;
  }

  push(bytes: Uint8Array): void {
    // An empty chunk must not count as ASCII: the decoder may still hold the start of a character.
    if (this.halted || bytes.length === 0) return;
    const ascii = isAscii(bytes);
    // After a non-ASCII chunk the decoder may hold the start of a character that this chunk completes.
    this.chunkAscii = ascii && this.previousChunkAscii;
    this.previousChunkAscii = ascii;
    this.asciiSinceDispatch = this.asciiSinceDispatch && this.chunkAscii;
    // With nothing held in the decoder, ASCII bytes are their own characters: copying them as Latin-1 costs
    // less than the streaming decoder's conversion, and gives the same text.
    const text = this.chunkAscii ? asLatin1(bytes) : this.decoder.decode(bytes, STREAM);
    if (text.length !== 0) this.feedText(text);
  }

  /**
   * The body ended (cleanly or not). An unterminated block is dropped, its id too, as the spec says; a final
   * CR has already ended its line.
   */
  end(): void {
    if (this.halted) return;
    const rest = this.decoder.decode();
    if (rest.length !== 0) {
      this.chunkAscii = false;
      this.asciiSinceDispatch = false;
      this.feedText(rest);
    }
  }

  private feedText(text: string): void {
    if (this.atStart) {
      this.atStart = false;
      if (text.charCodeAt(0) === BOM) {
        if (text.length !== 1) this.feedParser(text.slice(1));
        return;
      }
    }
    this.feedParser(text);
  }

  private feedParser(text: string): void {
    const skipped = this.skipped.next(text);
    if (skipped !== undefined) {
      this.ignored(skipped.head, unknownFieldReason(clipText(skipped.head, MAX_IGNORED_LINE_CHARS), skipped.length), skipped);
    }
    if (!this.halted) this.parser.feed(text);
  }

  private dispatch(message: EventSourceMessage): void {
    if (this.halted) return;
    const data = message.data;
    const size = this.asciiSinceDispatch ? data.length : Buffer.byteLength(data, 'utf8');
    this.asciiSinceDispatch = this.chunkAscii;
    if (size > this.maxEventBytes) {
      this.stopTooLarge('event');
      return;
    }
    this.sink.event(message.event ?? 'message', data, message.id, this.lastId, size);
  }

  /**
   * Every record after an id carries it as the last event ID, and a reconnect sends it as a header, so a huge
   * id would be copied onto every later record: one past MAX_ID_BYTES stops the stream instead.
   */
  private commitId(id: string): void {
    if (this.halted) return;
    // UTF-8 takes 1 to 3 bytes per UTF-16 unit: only ids near the limit need counting.
    if (id.length * 3 > ID_LIMIT && (id.length > ID_LIMIT || Buffer.byteLength(id, 'utf8') > ID_LIMIT)) {
      this.stopTooLarge('id');
      return;
    }
    this.lastId = id;
  }

  private parseError(error: ParseError): void {
    if (this.halted) return;
    // The spec ignores these lines; the sink shows them, so a typo in a field name does not go unseen.
    if (error.type === 'unknown-field') {
      const line = error.line ?? '';
      this.ignored(line, unknownFieldReason(line));
    } else if (error.type === 'invalid-retry') {
      this.ignored(error.line ?? '', RETRY_NOT_DIGITS);
    } else if (error.type === 'max-buffer-size-exceeded') {
      this.stopTooLarge('event');
    }
  }

  /** Event data is untrusted: an ignored line is shown clipped, so a huge one costs no more than a short one. */
  private ignored(line: string, reason: string, whole?: SkippedLine): void {
    if ((whole?.length ?? line.length) <= MAX_IGNORED_LINE_CHARS) {
      this.sink.ignored(line, reason, undefined);
      return;
    }
    this.sink.ignored(clipText(line, MAX_IGNORED_LINE_CHARS), reason, whole?.bytes ?? Buffer.byteLength(line, 'utf8'));
  }

  private stopTooLarge(what: 'event' | 'id'): void {
    this.halted = true;
    this.sink.tooLarge(what);
  }
}
