// Reads a connection's raw bytes, as they came, into lines a person can inspect: chunk boundaries with their
// arrival times, line endings, BOMs and control characters made visible, invalid UTF-8 marked, and each line
// classified by the SSE spec's rules (so the lines the parser ignores stand out). The bytes are untrusted:
// this produces plain strings for text nodes, never markup.

import { classifyLine, type LineKind } from './sseLine';

/** What the host keeps of one connection's body, for the Raw view (see RawCapture). */
export interface RawSnapshot {
  connection: number;
  /** The kept bytes, base64. */
  bytes: string;
  /** Where each kept chunk starts in `bytes`, ascending; the first is 0. */
  starts: number[];
  /** When each chunk arrived, milliseconds since the session began (the records' `t`). */
  times: number[];
  /** The connection's bytes the cap dropped before the kept ones (the first kept chunk may be cut). */
  droppedBytes: number;
  /** How many connections the session has had so far. */
  connections: number;
}

export type RawPiece =
  | { kind: 'text'; text: string }
  | { kind: 'eol'; eol: 'CR' | 'LF' | 'CRLF' }
  /** U+FEFF: `stripped` for the one the spec removes at the very start of a stream. */
  | { kind: 'bom'; stripped: boolean }
  /** A C0 control character or DEL, shown by its control picture. */
  | { kind: 'control'; code: number }
  /** Bytes that are not UTF-8 (shown as hex); `incomplete` when the capture ends inside a character. */
  | { kind: 'invalid'; hex: string; incomplete: boolean }
  /** Where a chunk began: `inside` when that was within a character or a CRLF (shown just after it). */
  | { kind: 'chunk'; index: number; t: number; size: number; inside: boolean };

export interface RawLine {
  pieces: RawPiece[];
  kind: LineKind;
  /** Why the spec ignores the line (kind `ignored`). */
  reason?: string;
  /** The capture ended before this line did. */
  unterminated: boolean;
}

const CR = 0x0d;
const LF = 0x0a;

/** A character's UTF-8 length from its first byte, and the allowed range of its second byte (RFC 3629). */
function sequence(lead: number): { length: number; low: number; high: number } | undefined {
  if (lead >= 0xc2 && lead <= 0xdf) return { length: 2, low: 0x80, high: 0xbf };
  if (lead === 0xe0) return { length: 3, low: 0xa0, high: 0xbf };
  if (lead === 0xed) return { length: 3, low: 0x80, high: 0x9f };
  if (lead >= 0xe1 && lead <= 0xef) return { length: 3, low: 0x80, high: 0xbf };
  if (lead === 0xf0) return { length: 4, low: 0x90, high: 0xbf };
  if (lead === 0xf4) return { length: 4, low: 0x80, high: 0x8f };
  if (lead >= 0xf1 && lead <= 0xf3) return { length: 4, low: 0x80, high: 0xbf };
  return undefined;
}

function hex(bytes: Uint8Array, from: number, to: number): string {
  let out = '';
  for (let at = from; at < to; at++) out += (out === '' ? '' : ' ') + bytes[at].toString(16).padStart(2, '0').toUpperCase();
  return out;
}

interface Unit {
  /** Bytes the unit spans. */
  length: number;
  piece: RawPiece | undefined;
  /** Its text as the decoder reads it (U+FFFD for invalid bytes), for classifying the line. */
  text: string;
  eol: boolean;
}

/** The unit (a character, a line end or invalid bytes) that starts at `at`. */
function unitAt(bytes: Uint8Array, at: number, streamStart: boolean): Unit {
  const byte = bytes[at];
  if (byte === CR) {
    const crlf = bytes[at + 1] === LF;
    return { length: crlf ? 2 : 1, piece: { kind: 'eol', eol: crlf ? 'CRLF' : 'CR' }, text: '', eol: true };
  }
  if (byte === LF) return { length: 1, piece: { kind: 'eol', eol: 'LF' }, text: '', eol: true };
  if (byte < 0x20 || byte === 0x7f) {
    return { length: 1, piece: { kind: 'control', code: byte }, text: String.fromCharCode(byte), eol: false };
  }
  if (byte < 0x80) return { length: 1, piece: undefined, text: String.fromCharCode(byte), eol: false };
  const shape = sequence(byte);
  if (shape === undefined) return invalidUnit(bytes, at, 1, false);
  let length = 1;
  while (length < shape.length && at + length < bytes.length) {
    const next = bytes[at + length];
    const [low, high] = length === 1 ? [shape.low, shape.high] : [0x80, 0xbf];
    if (next < low || next > high) return invalidUnit(bytes, at, length, false);
    length++;
  }
  if (length < shape.length) return invalidUnit(bytes, at, length, true);
  let code = byte & (0xff >> (length + 1));
  for (let index = 1; index < length; index++) code = (code << 6) | (bytes[at + index] & 0x3f);
  const char = String.fromCodePoint(code);
  if (char === '\ufeff') return { length, piece: { kind: 'bom', stripped: streamStart }, text: streamStart ? '' : char, eol: false };
  return { length, piece: undefined, text: char, eol: false };
}

function invalidUnit(bytes: Uint8Array, at: number, length: number, incomplete: boolean): Unit {
  return { length, piece: { kind: 'invalid', hex: hex(bytes, at, at + length), incomplete }, text: '\ufffd', eol: false };
}

class LineBuilder {
  readonly lines: RawLine[] = [];
  private pieces: RawPiece[] = [];
  private text = '';
  private started = false;

  constructor(private partialFirst: boolean) {}

  add(piece: RawPiece | undefined, text: string): void {
    this.started = true;
    this.text += text;
    if (piece === undefined) {
      const last = this.pieces[this.pieces.length - 1];
      if (last?.kind === 'text') last.text += text;
      else this.pieces.push({ kind: 'text', text });
    } else {
      this.pieces.push(piece);
    }
  }

  marker(piece: RawPiece): void {
    this.started = true;
    this.pieces.push(piece);
  }

  end(unterminated: boolean): void {
    if (!this.started) return;
    const reading = this.partialFirst ? { kind: 'partial' as const } : classifyLine(this.text);
    this.lines.push({ pieces: this.pieces, ...reading, unterminated });
    this.partialFirst = false;
    this.pieces = [];
    this.text = '';
    this.started = false;
  }
}

/**
 * The lines of a snapshot's bytes. `fromStart`: the bytes begin at the connection's first byte (nothing
 * dropped), so a leading BOM is the one the spec strips and the first line is whole.
 */
export function readRawLines(bytes: Uint8Array, starts: number[], times: number[], fromStart: boolean): RawLine[] {
  const builder = new LineBuilder(!fromStart);
  let next = 0;
  let at = 0;
  while (at < bytes.length) {
    while (next < starts.length && starts[next] <= at) {
      builder.marker(chunkMarker(starts, times, next, bytes.length, starts[next] < at));
      next++;
    }
    const unit = unitAt(bytes, at, fromStart && at === 0);
    builder.add(unit.piece, unit.text);
    at += unit.length;
    // A chunk that began inside this unit is shown right after it.
    while (next < starts.length && starts[next] < at) {
      builder.marker(chunkMarker(starts, times, next, bytes.length, true));
      next++;
    }
    if (unit.eol) builder.end(false);
  }
  builder.end(true);
  return builder.lines;
}

function chunkMarker(starts: number[], times: number[], index: number, total: number, inside: boolean): RawPiece {
  const size = (index + 1 < starts.length ? starts[index + 1] : total) - starts[index];
  return { kind: 'chunk', index, t: times[index], size, inside };
}
