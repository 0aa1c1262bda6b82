// Turns the bytes of one event stream into events, comments and retries, exactly as the SSE spec parses them.
//
// eventsource-parser does the line work; this module owns what the spec asks of the client around it:
// UTF-8 decoding with chunk-split characters, the BOM, id-only blocks (see lastEventId.ts), a CR at the
// end of a chunk, the size limit, and each event's UTF-8 byte size.

import { isAscii } from 'node:buffer';
import { createParser, type EventSourceMessage, type EventSourceParser, type ParseError } from 'eventsource-parser';
import { LastEventIdTracker } from './lastEventId';

export interface EventStreamSink {
  event(type: string, data: string, id: string | undefined, lastEventId: string, size: number): void;
  comment(text: string): void;
  retry(ms: number): void;
  /** A block grew past the limit; the stream has stopped parsing. */
  tooLarge(): void;
}

const STREAM = { stream: true } as const;
const BOM = 0xfeff;
const CR = 13;
/**
 * Room the parser may buffer beyond the data limit: the `data: ` of a line not yet ended, its joining LF and
 * a held-back CR. Complete events are checked exactly, in bytes, when they arrive.
 */
const BUFFER_SLACK = 16;

function asLatin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

export class EventStreamParser {
  private readonly parser: EventSourceParser;
  private readonly ids: LastEventIdTracker;
  private decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private atStart = true;
  private heldCr = false;
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
    this.ids = new LastEventIdTracker(lastEventId);
    this.parser = createParser({
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
    return this.ids.value;
  }

  /** Starts a new connection's stream: fresh decoder and parser state, the last event ID kept. */
  begin(): void {
    this.decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    this.parser.reset();
    // The parser strips a BOM only as the three characters EF BB BF, i.e. from text decoded as Latin-1, and
    // would eat a real "ï»¿" at the start. An empty first feed turns that check off; we strip U+FEFF ourselves.
    this.parser.feed('');
    this.ids.restart();
    this.atStart = true;
    this.heldCr = false;
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
   * The body ended (cleanly or not). A final CR still ends its line, and an id-only block whose blank line
   * arrived still counts; an unterminated block is dropped, as the spec says.
   */
  end(): void {
    if (this.halted) return;
    const rest = this.decoder.decode();
    if (rest.length !== 0) {
      this.chunkAscii = false;
      this.asciiSinceDispatch = false;
      this.feedText(rest);
    }
    if (this.heldCr && !this.halted) {
      this.heldCr = false;
      // CRLF is one line end, just as the lone CR was.
      this.feedLines('\r\n');
    }
    this.ids.endOfStream();
  }

  private feedText(input: string): void {
    let text = input;
    if (this.atStart) {
      this.atStart = false;
      if (text.charCodeAt(0) === BOM) text = text.slice(1);
    }
    // A CR at the end of a chunk may be the first half of a CRLF. The parser would wait for more input
    // before reading its line, and at the end of the stream it would wait for ever; so the CR waits here
    // instead, and the next text starts with it (where it pairs with an LF, or ends its line at once).
    if (this.heldCr) {
      text = `\r${text}`;
      this.heldCr = false;
    }
    if (text.charCodeAt(text.length - 1) === CR) {
      this.heldCr = true;
      text = text.slice(0, -1);
    }
    if (text.length !== 0) this.feedLines(text);
  }

  /** Feeds the parser `text`, cut after each id line the tracker must see processed. */
  private feedLines(text: string): void {
    const ids = this.ids;
    ids.startText(text);
    let start = 0;
    for (let split = ids.nextSplit(); split !== -1; split = ids.nextSplit()) {
      this.feedSegment(text.slice(start, split));
      if (this.halted) return;
      ids.idLineFed();
      start = split;
    }
    if (start < text.length) this.feedSegment(start === 0 ? text : text.slice(start));
  }

  private feedSegment(segment: string): void {
    this.parser.feed(segment);
    this.ids.segmentFed(segment);
  }

  private dispatch(message: EventSourceMessage): void {
    if (this.halted) return;
    const data = message.data;
    const size = this.asciiSinceDispatch ? data.length : Buffer.byteLength(data, 'utf8');
    this.asciiSinceDispatch = this.chunkAscii;
    const lastEventId = this.ids.forEvent(message.id);
    if (size > this.maxEventBytes) {
      this.stopTooLarge();
      return;
    }
    this.sink.event(message.event ?? 'message', data, message.id, lastEventId, size);
  }

  private parseError(error: ParseError): void {
    // Unknown fields and bad retry values are ignored, as the spec says; only the buffer limit matters.
    if (error.type === 'max-buffer-size-exceeded' && !this.halted) this.stopTooLarge();
  }

  private stopTooLarge(): void {
    this.halted = true;
    this.sink.tooLarge();
  }
}
