// Builds an LLM reply from a session's records, one at a time: text per block, tool calls, thinking, stop, usage, error.
import type { SseRecord } from '../record';
import { compilePath } from './jsonPath';
import { MetricsCounter, type StreamMetrics } from './metrics';
import type { FormatReader, LlmFormat, Piece, TextKind, Usage } from './pieces';
import { deltaText, pathReader, readEvent, READERS } from './recognize';
import { clipText } from '../clipText';

export interface ReplyBlock {
  /** Unique within the reply; the part before the first dot names the choice, content block or output item. */
  key: string;
  kind: TextKind | 'tool';
  /** The text so far; for a tool call, its arguments as received. */
  text: string;
  /** The provider said the block is done (content_block_stop, finish_reason, output_item.done, finishReason). */
  complete: boolean;
  tool?: { id?: string; name?: string; /** The arguments pretty-printed, once complete and valid JSON. */ pretty?: string };
}

export interface Reply {
  /** Set by the first event that only one format sends (or by a path). */
  format?: LlmFormat;
  /** In the order each block first appeared. */
  blocks: ReplyBlock[];
  stopReason?: string;
  usage?: Usage;
  /** A mid-stream `event: error` or `{"error": …}` object: the reply's error. */
  error?: string;
  /** Bytes of generated text not kept because the reply reached its byte cap. */
  droppedBytes: number;
}

export interface Step {
  /** The event meant something to the recognized format (or to every format: `[DONE]`, an error). */
  recognized: boolean;
  /** What a table row shows instead of the data, e.g. `"Hel"`; empty when not recognized. */
  delta: string;
  /** Text added to blocks by this event, as kept (after the cap). */
  appended: Array<{ block: ReplyBlock; text: string }>;
  /** Blocks this event completed. */
  completed: ReplyBlock[];
}

export interface AssemblerOptions {
  /** A JSON path whose values are the text, for streams in no known format. */
  path?: string;
  /** Total bytes of text kept across blocks (default 16 MiB). */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
/** Counted per block on top of its text, so that a flood of empty blocks is bounded too. */
const BLOCK_OVERHEAD_BYTES = 128;
/** Untrusted short fields (tool names, ids, error messages) are cut to this many characters. */
const MAX_FIELD_CHARS = 4096;
/** Tool arguments larger than this stay as received: pretty-printing deep nesting can multiply their size. */
const MAX_PRETTY_CHARS = 256 * 1024;

/** Bytes of the character at `i` in UTF-8, and how many UTF-16 units it takes (a lone surrogate becomes U+FFFD). */
function charAt(text: string, i: number): [bytes: number, units: number] {
  const code = text.charCodeAt(i);
  if (code < 0x80) return [1, 1];
  if (code < 0x800) return [2, 1];
  const next = text.charCodeAt(i + 1);
  if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) return [4, 2];
  return [3, 1];
}

/** UTF-8 byte length without allocating. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length;) {
    const [size, units] = charAt(text, i);
    bytes += size;
    i += units;
  }
  return bytes;
}

/** The longest prefix of `text` within `bytes` UTF-8 bytes, never splitting a surrogate pair. */
function prefixWithin(text: string, bytes: number): string {
  let used = 0;
  let end = 0;
  while (end < text.length) {
    const [size, units] = charAt(text, end);
    if (used + size > bytes) break;
    used += size;
    end += units;
  }
  return text.slice(0, end);
}

const cut = (text: string | undefined) => (text === undefined ? undefined : clipText(text, MAX_FIELD_CHARS));

export class ReplyAssembler {
  readonly reply: Reply = { blocks: [], droppedBytes: 0 };
  private readonly byKey = new Map<string, ReplyBlock>();
  /** Blocks by the first part of their key, for ending a whole choice or output item at once. */
  private readonly byScope = new Map<string, ReplyBlock[]>();
  private readonly readers: readonly FormatReader[];
  private readonly maxBytes: number;
  private usedBytes = 0;
  private readonly counter = new MetricsCounter();

  /** Throws when `options.path` is not a path (check it first with compilePath to report it nicely). */
  constructor(options: AssemblerOptions = {}) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (options.path === undefined) this.readers = READERS;
    else {
      const steps = compilePath(options.path);
      if ('problem' in steps) throw new Error(steps.problem);
      this.readers = [pathReader(steps)];
      this.reply.format = 'json-path';
    }
  }

  get metrics(): StreamMetrics {
    return this.counter.read();
  }

  /** Takes every record of the session in order; only events change the reply. */
  push(record: SseRecord): Step {
    this.counter.seen(record.t);
    if (record.kind === 'open') this.counter.headers(record.ttfbMs);
    if (record.kind !== 'event') return { recognized: false, delta: '', appended: [], completed: [] };
    return this.event(record.type, record.data, record.t);
  }

  private event(type: string, data: string, t: number): Step {
    const locked = this.readers.find((reader) => reader.format === this.reply.format);
    const reading = readEvent(type, data, locked ? [locked] : this.readers);
    const step: Step = { recognized: reading !== undefined, delta: '', appended: [], completed: [] };
    if (reading === undefined) return step;
    this.reply.format ??= reading.format;
    let generated = false;
    for (const piece of reading.pieces) generated = this.apply(piece, step) || generated;
    if (generated) this.counter.delta(t);
    step.delta = deltaText(reading.pieces);
    return step;
  }

  /** Applies one piece; true when it carried generated text. */
  private apply(piece: Piece, step: Step): boolean {
    switch (piece.kind) {
      case 'text':
        return this.append(this.openBlock(piece.block, piece.textKind, step), piece.text, step);
      case 'tool': {
        const block = this.block(piece.whole ? `${piece.block}#${this.reply.blocks.length}` : piece.block, 'tool', step);
        if (block === undefined) return this.append(block, piece.args, step);
        const tool = (block.tool ??= {});
        tool.id ??= cut(piece.id);
        tool.name ??= cut(piece.name);
        const generated = this.append(block, piece.args, step);
        if (piece.whole) this.complete(block, step);
        return generated;
      }
      case 'end':
        for (const block of this.byScope.get(piece.scope) ?? []) this.complete(block, step);
        return false;
      case 'stop':
        this.reply.stopReason = cut(piece.reason);
        return false;
      case 'usage':
        // Providers report usage in parts (Anthropic: input at the start, output at the end): later counts win.
        this.reply.usage = { ...this.reply.usage, ...piece.usage };
        return false;
      case 'error':
        this.reply.error = cut(piece.message);
        return false;
      case 'info':
        return false;
    }
  }

  /** The block text for `key` goes to: a completed block that gets more text continues in a new block after the others. */
  private openBlock(key: string, kind: ReplyBlock['kind'], step: Step): ReplyBlock | undefined {
    const block = this.block(key, kind, step);
    if (block === undefined || !block.complete) return block;
    const next = this.block(`${key}#${this.reply.blocks.length}`, kind, step);
    if (next !== undefined) this.byKey.set(key, next);
    return next;
  }

  /**
   * The block for `key`, made if new; undefined when a new block would not fit in the byte cap. Within one choice,
   * candidate or output item the provider writes blocks one after another, so a new block completes the earlier ones.
   */
  private block(key: string, kind: ReplyBlock['kind'], step: Step): ReplyBlock | undefined {
    let block = this.byKey.get(key);
    if (block === undefined) {
      if (this.usedBytes + BLOCK_OVERHEAD_BYTES + key.length > this.maxBytes) return undefined;
      block = { key, kind, text: '', complete: false };
      this.usedBytes += BLOCK_OVERHEAD_BYTES + key.length;
      this.byKey.set(key, block);
      this.reply.blocks.push(block);
      const scope = key.split('.')[0].split('#')[0];
      const siblings = this.byScope.get(scope);
      if (siblings) {
        for (const earlier of siblings) this.complete(earlier, step);
        siblings.push(block);
      } else this.byScope.set(scope, [block]);
    }
    return block;
  }

  private append(block: ReplyBlock | undefined, text: string, step: Step): boolean {
    if (text === '') return false;
    const bytes = utf8Bytes(text);
    const kept =
      block === undefined
        ? ''
        : this.usedBytes + bytes <= this.maxBytes
          ? text
          : prefixWithin(text, Math.max(0, this.maxBytes - this.usedBytes));
    const keptBytes = kept === text ? bytes : utf8Bytes(kept);
    this.usedBytes += keptBytes;
    this.reply.droppedBytes += bytes - keptBytes;
    if (block !== undefined && kept !== '') {
      block.text += kept;
      step.appended.push({ block, text: kept });
    }
    return true;
  }

  private complete(block: ReplyBlock, step: Step): void {
    if (block.complete) return;
    block.complete = true;
    step.completed.push(block);
    if (block.kind !== 'tool' || block.text.length > MAX_PRETTY_CHARS) return;
    try {
      block.tool = { ...block.tool, pretty: JSON.stringify(JSON.parse(block.text === '' ? '{}' : block.text), null, 2) };
    } catch {
      // Not valid JSON: the arguments stay as received.
    }
  }
}
