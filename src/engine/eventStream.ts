// Turns the bytes of one event stream into events, comments and retries, exactly as the SSE spec parses them.
//
// eventsource-parser does the line work and reports every block's id (onId, id-only blocks too); this module
// owns what the spec asks of the client around it: UTF-8 decoding with chunk-split characters, the BOM, the
// size limits, the persistent last event ID and each event's UTF-8 byte size. A CR at the end of a chunk ends
// its line at once (the parser then skips an LF that starts the next chunk, so a split CRLF is one line end).

import { isAscii } from 'node:buffer';
import { createParser, type EventSourceMessage, type EventSourceParser, type ParseError } from 'eventsource-parser';

export interface EventStreamSink {
  event(type: string, data: string, id: string | undefined, lastEventId: string, size: number): void;
  comment(text: string): void;
  retry(ms: number): void;
  /** A block grew past the limit; the stream has stopped parsing. */
  tooLarge(): void;
}

const STREAM = { stream: true } as const;
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
      onId: (id) => {
        this.lastId = id;
      },
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
        if (text.length !== 1) this.parser.feed(text.slice(1));
        return;
      }
    }
    this.parser.feed(text);
  }

  private dispatch(message: EventSourceMessage): void {
    if (this.halted) return;
    const data = message.data;
    const size = this.asciiSinceDispatch ? data.length : Buffer.byteLength(data, 'utf8');
    this.asciiSinceDispatch = this.chunkAscii;
    if (size > this.maxEventBytes) {
      this.stopTooLarge();
      return;
    }
    this.sink.event(message.event ?? 'message', data, message.id, this.lastId, size);
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
