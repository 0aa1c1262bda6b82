// `connect --text`: prints an LLM reply as it arrives, block after block; thinking and the summary go to stderr.
import { ReplyAssembler, type ReplyBlock } from '../shared/llm/assembler';
import { errorPieces, parseJson } from '../shared/llm/recognize';
import type { ErrorRecord, SseRecord } from '../shared/record';
import { visibleBlock, visibleLine } from '../shared/visibleText';
import { firstLine } from './table';
import { summaryLine } from './textSummary';

export interface TextSinks {
  /** The reply itself (stdout). */
  out(text: string): void;
  /** Thinking, errors and the summary (stderr). */
  err(text: string): void;
}

/** Where a stream stands: nothing written yet, in the middle of a line, or at the start of one. */
type Position = 'empty' | 'mid-line' | 'line-start';

function toolText(block: ReplyBlock): string {
  const tool = block.tool ?? {};
  const head = `[tool call: ${tool.name ?? 'unnamed'}${tool.id === undefined ? '' : `, id ${tool.id}`}]`;
  const body = tool.pretty ?? `${block.text}${block.complete ? '' : ' (incomplete)'}`;
  return `${visibleLine(head)}\n${visibleBlock(body)}\n`;
}

/** At most this much of an error body is shown: its explanation, not a whole HTML page. */
const MAX_BODY_LINE_CHARS = 500;

/** A failed request in one line, with the server's own explanation from its body when there is one. */
function errorLine(record: ErrorRecord): string {
  const status = record.status === undefined ? '' : ` (HTTP ${record.status})`;
  const { body } = record;
  let detail = '';
  if (body !== undefined) {
    const pieces = errorPieces(parseJson(body));
    const explained = pieces?.[0]?.kind === 'error' ? pieces[0].message : firstLine(body);
    if (explained !== undefined) detail = `: ${explained.slice(0, MAX_BODY_LINE_CHARS)}`;
  }
  return visibleLine(`error: ${record.message}${status}${detail}`);
}

export class TextOutput {
  private assembler: ReplyAssembler;
  /** The block being printed live; those before it are done, those after wait their turn. */
  private current = 0;
  private printed = 0;
  private started = false;
  private rawEvents = 0;
  private outAt: Position = 'empty';
  private errAt: Position = 'empty';

  constructor(
    private readonly sinks: TextSinks,
    private readonly path?: string,
  ) {
    this.assembler = new ReplyAssembler({ path });
  }

  /** Takes each record of the session, in order. */
  write(record: SseRecord): void {
    // A new connection is a new reply: finish the one before it.
    if (record.kind === 'open' && record.connection > 1) this.finish();
    const step = this.assembler.push(record);
    if (record.kind === 'event' && !step.recognized && this.assembler.reply.format === undefined) {
      // Not an LLM stream (as far as we can tell): each event's data on its own line.
      this.rawEvents += 1;
      this.out(`${visibleBlock(record.data)}\n`, true);
    }
    if (record.kind === 'error') this.err(`${errorLine(record)}\n`, true);
    this.pump(false);
    if (record.kind === 'closed') this.finish();
  }

  /** A diagnosis line on stderr, on a line of its own even in the middle of thinking. */
  note(line: string): void {
    this.err(`${line}\n`, true);
  }

  /** Prints the rest of the reply, its error and the summary, and starts afresh. */
  private finish(): void {
    this.pump(true);
    if (this.outAt === 'mid-line') this.out('\n');
    const { reply } = this.assembler;
    if (reply.error !== undefined) this.err(`error: ${visibleLine(reply.error)}\n`, true);
    this.err(`${summaryLine(reply, this.assembler.metrics, this.rawEvents)}\n`, true);
    this.assembler = new ReplyAssembler({ path: this.path });
    this.current = 0;
    this.printed = 0;
    this.started = false;
    this.rawEvents = 0;
  }

  /** Prints what the current block gained, and moves on while blocks are complete (or all of them, at the end). */
  private pump(final: boolean): void {
    const { blocks } = this.assembler.reply;
    while (this.current < blocks.length) {
      const block = blocks[this.current];
      // A tool call is printed once whole.
      if (block.kind === 'tool' && !block.complete && !final) return;
      if (!this.started) this.begin(block);
      if (block.kind !== 'tool' && block.text.length > this.printed) {
        const text = visibleBlock(block.text.slice(this.printed));
        if (block.kind === 'thinking') this.err(text);
        else this.out(text);
        this.printed = block.text.length;
      }
      if (!block.complete && !final) return;
      if (block.kind === 'tool') this.out(toolText(block));
      if (block.kind === 'thinking' && this.errAt === 'mid-line') this.err('\n');
      this.current += 1;
      this.printed = 0;
      this.started = false;
    }
  }

  /** Starts a block: stdout blocks are separated by a blank line; thinking and refusals get a label. */
  private begin(block: ReplyBlock): void {
    this.started = true;
    if (block.kind === 'thinking') {
      this.err('[thinking]\n', true);
      return;
    }
    if (this.outAt === 'mid-line') this.out('\n');
    if (this.outAt !== 'empty') this.out('\n');
    if (block.kind === 'refusal') this.out('[refusal]\n');
  }

  private out(text: string, ownLine = false): void {
    if (text === '') return;
    if (ownLine && this.outAt === 'mid-line') text = `\n${text}`;
    this.sinks.out(text);
    this.outAt = text.endsWith('\n') ? 'line-start' : 'mid-line';
  }

  private err(text: string, ownLine = false): void {
    if (text === '') return;
    if (ownLine && this.errAt === 'mid-line') text = `\n${text}`;
    this.sinks.err(text);
    this.errAt = text.endsWith('\n') ? 'line-start' : 'mid-line';
  }
}
