// The Assembled view beside the table: an LLM reply growing live, per choice or content block, with tool calls,
// thinking kept apart, the stop reason, usage, the reply's error and the stream's timing. Text only, never markup.

import type { Reply, ReplyBlock } from '../src/shared/llm/assembler';
import { formatName, metricsParts, usageText } from '../src/shared/llm/replyText';
import { visibleBlock, visibleLine } from '../src/shared/visibleText';
import { button, h } from './dom';
import { formatBytes } from './format';
import type { ReplyTracker } from './replyTracker';

export interface AssembledViewEvents {
  close(): void;
  pathChanged(path: string): void;
  copy(text: string): void;
}

/** One drawn block: its element, and what of it is on screen already. */
interface DrawnBlock {
  element: HTMLElement;
  /** The label above the text (thinking, refusal, tool call); absent for reply text. */
  label?: HTMLElement;
  body: HTMLElement;
  length: number;
  complete: boolean;
}

const KIND_LABELS: Record<ReplyBlock['kind'], string> = { text: '', thinking: 'Thinking', refusal: 'Refusal', tool: 'Tool call' };

export class AssembledView {
  readonly element: HTMLElement;
  private readonly format = h('span', { className: 'reply-format' });
  private readonly pathInput = h('input', {
    className: 'reply-path-input',
    attrs: {
      type: 'text',
      spellcheck: 'false',
      placeholder: 'JSON path for other streams, e.g. choices[0].delta.content',
      'aria-label': 'JSON path of the reply text',
      'aria-describedby': 'reply-path-note',
    },
  });
  private readonly pathNote = h('div', { className: 'field-note error', attrs: { id: 'reply-path-note', role: 'alert' } });
  private readonly error = h('div', { className: 'reply-error', attrs: { role: 'alert' } });
  private readonly blocks = h('div', { className: 'reply-blocks', attrs: { 'aria-live': 'off' } });
  private readonly empty = h('div', { className: 'reply-empty' });
  private readonly facts = h('dl', { className: 'facts reply-facts' });
  private readonly metrics = h('div', { className: 'reply-metrics', attrs: { 'aria-label': 'Timing' } });
  private drawn = new Map<ReplyBlock, DrawnBlock>();
  /** The reply drawn: a clear, a reconnect or a new path makes a new one, drawn from nothing. */
  private drawnReply: Reply | undefined;

  constructor(
    private readonly tracker: ReplyTracker,
    events: AssembledViewEvents,
  ) {
    const copy = button('', { icon: 'copy', title: 'Copy the reply text' });
    const close = button('', { icon: 'close', title: 'Close the Assembled view' });
    copy.addEventListener('click', () => events.copy(this.replyText()));
    close.addEventListener('click', () => events.close());
    this.pathInput.addEventListener('change', () => events.pathChanged(this.pathInput.value));
    this.pathNote.hidden = true;
    this.element = h('section', { className: 'reply', attrs: { 'aria-label': 'Assembled reply' } }, [
      h('div', { className: 'reply-header' }, [h('span', { className: 'reply-title', text: 'Assembled' }), this.format, copy, close]),
      h('div', { className: 'reply-path' }, [this.pathInput, this.pathNote]),
      h('div', { className: 'reply-content' }, [this.error, this.empty, this.blocks, this.facts]),
      this.metrics,
    ]);
    this.element.hidden = true;
  }

  setPath(path: string, problem: string | undefined): void {
    this.pathInput.value = path;
    this.pathNote.hidden = problem === undefined;
    this.pathNote.textContent = problem ?? '';
    if (problem === undefined) this.pathInput.removeAttribute('aria-invalid');
    else this.pathInput.setAttribute('aria-invalid', 'true');
  }

  /** Draws what changed since the last call (at most once a frame: the caller schedules it). */
  render(): void {
    if (!this.tracker.changed) return;
    this.tracker.changed = false;
    const { reply, metrics } = this.tracker;
    this.format.textContent = reply.format === undefined ? '' : formatName(reply.format);
    this.error.hidden = reply.error === undefined;
    this.error.textContent = reply.error === undefined ? '' : `Error: ${visibleLine(reply.error)}`;
    this.empty.hidden = reply.blocks.length > 0;
    this.empty.textContent = this.emptyText();
    if (reply !== this.drawnReply) this.restart(reply);
    for (const block of reply.blocks) this.drawBlock(block);
    const facts: [string, string][] = [];
    if (reply.stopReason !== undefined) facts.push(['Stop reason', visibleLine(reply.stopReason)]);
    if (reply.usage !== undefined) facts.push(['Usage', usageText(reply.usage)]);
    if (reply.droppedBytes > 0) facts.push(['Not kept', `${formatBytes(reply.droppedBytes)} of text over the view's cap`]);
    if (this.tracker.clippedEvents > 0) {
      facts.push(['Not read', `${this.tracker.clippedEvents} events too large for the view (open them from the table)`]);
    }
    this.facts.replaceChildren(...facts.flatMap(([label, value]) => [h('dt', { text: label }), h('dd', { text: value })]));
    this.metrics.textContent = reply.format === undefined ? '' : metricsParts(metrics).join(' · ');
  }

  private emptyText(): string {
    if (this.tracker.jsonPath !== '') return `No event has a value at ${this.tracker.jsonPath} yet.`;
    return this.tracker.active
      ? 'No text yet.'
      : 'No LLM stream recognized (OpenAI, Anthropic, Gemini). For another JSON stream, give the path of its text above.';
  }

  private restart(reply: Reply): void {
    this.drawnReply = reply;
    this.drawn = new Map();
    this.blocks.replaceChildren();
  }

  private drawBlock(block: ReplyBlock): void {
    let drawn = this.drawn.get(block);
    if (drawn === undefined) {
      const label = KIND_LABELS[block.kind] === '' ? undefined : h('div', { className: 'reply-block-label' });
      const body = h('div', { className: 'reply-block-text' });
      const element = h('div', { className: `reply-block reply-${block.kind}` }, label ? [label, body] : [body]);
      drawn = { element, label, body, length: -1, complete: false };
      this.drawn.set(block, drawn);
      this.blocks.append(element);
    }
    if (drawn.length === block.text.length && drawn.complete === block.complete) return;
    drawn.length = block.text.length;
    drawn.complete = block.complete;
    if (drawn.label) drawn.label.textContent = this.blockLabel(block);
    drawn.body.textContent = visibleBlock(block.kind === 'tool' ? (block.tool?.pretty ?? block.text) : block.text);
    drawn.element.classList.toggle('incomplete', !block.complete);
  }

  private blockLabel(block: ReplyBlock): string {
    if (block.kind !== 'tool') return KIND_LABELS[block.kind];
    const name = block.tool?.name ?? 'unnamed';
    const id = block.tool?.id === undefined ? '' : ` · id ${block.tool.id}`;
    return visibleLine(`Tool call ${name}${id}${block.complete ? '' : ' (arguments still arriving)'}`);
  }

  /** The reply as plain text, blocks separated by a blank line, for the Copy button. */
  private replyText(): string {
    return this.tracker.reply.blocks
      .map((block) => (block.kind === 'text' ? block.text : `[${this.blockLabel(block)}]\n${block.tool?.pretty ?? block.text}`))
      .join('\n\n');
  }
}
