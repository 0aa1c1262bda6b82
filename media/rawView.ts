// The Raw view below the table: the last bytes of one connection as they came, with chunk boundaries and their
// arrival times, line ends, BOMs, control characters and invalid UTF-8 made visible, and the lines the parser
// ignored highlighted. Everything from the stream goes into text nodes.

import { readRawLines, type RawLine, type RawPiece, type RawSnapshot } from '../src/shared/rawBytes';
import { visibleLine } from '../src/shared/visibleText';
import { button, h } from './dom';
import { formatBytes, formatCount, formatSeconds } from './format';

export interface RawViewEvents {
  /** Ask the extension for what it kept of this connection. */
  request(connection: number): void;
  close(): void;
}

/** Lines drawn at most: the last ones, as the end of a stream is what its debugger looks at. */
export const MAX_RAW_LINES = 5000;

const LINE_LABELS: Record<RawLine['kind'], string> = {
  field: '',
  comment: 'comment',
  blank: 'dispatch',
  ignored: 'ignored',
  partial: 'cut',
};

export class RawView {
  readonly element: HTMLElement;
  private readonly choice = h('select', { className: 'raw-connection', attrs: { 'aria-label': 'Connection' } });
  private readonly summary = h('div', { className: 'raw-summary', attrs: { role: 'status' } });
  private readonly lines = h('div', { className: 'raw-lines', attrs: { tabindex: '0', 'aria-label': 'Raw bytes' } });
  private connections = 0;
  /** The connection the user picked; undefined follows the latest. */
  private picked: number | undefined;

  constructor(private readonly events: RawViewEvents) {
    const refresh = button('Refresh', { icon: 'refresh', title: 'Read the bytes received since' });
    const close = button('', { icon: 'close', title: 'Close the Raw view' });
    refresh.addEventListener('click', () => this.refresh());
    close.addEventListener('click', () => events.close());
    this.choice.addEventListener('change', () => {
      const value = Number(this.choice.value);
      this.picked = value === this.connections ? undefined : value;
      this.refresh();
    });
    this.element = h('section', { className: 'raw', attrs: { 'aria-label': 'Raw bytes' } }, [
      h('div', { className: 'raw-header' }, [h('span', { className: 'raw-title', text: 'Raw bytes' }), this.choice, refresh, close]),
      this.summary,
      this.lines,
    ]);
    this.element.hidden = true;
    this.clear();
  }

  /** A connection opened (numbered as in open records). */
  noteConnection(connection: number): void {
    if (connection <= this.connections) return;
    this.connections = connection;
    this.drawChoices();
  }

  /** A new session or a cleared table: nothing to show until a connection opens. */
  clear(): void {
    this.connections = 0;
    this.picked = undefined;
    this.drawChoices();
    this.lines.replaceChildren();
    this.summary.textContent = 'No connection has opened yet.';
  }

  /** Asks for the chosen connection's bytes again (the view does not follow a live stream by itself). */
  refresh(): void {
    const connection = this.picked ?? this.connections;
    if (connection > 0 && !this.element.hidden) this.events.request(connection);
  }

  receive(snapshot: RawSnapshot): void {
    if (snapshot.connections > this.connections) this.noteConnection(snapshot.connections);
    if (snapshot.connection !== (this.picked ?? this.connections)) return; // An answer to an earlier choice.
    const bytes = Uint8Array.from(atob(snapshot.bytes), (char) => char.charCodeAt(0));
    const lines = readRawLines(bytes, snapshot.starts, snapshot.times, snapshot.droppedBytes === 0);
    const ignored = lines.filter((line) => line.kind === 'ignored').length;
    const shown = lines.slice(-MAX_RAW_LINES);
    const parts = [
      `${formatBytes(bytes.length)} in ${formatCount(snapshot.starts.length)} chunk${snapshot.starts.length === 1 ? '' : 's'}`,
      `${formatCount(lines.length)} line${lines.length === 1 ? '' : 's'}`,
      `${formatCount(ignored)} ignored by the parser`,
    ];
    if (snapshot.droppedBytes > 0)
      parts.push(`the first ${formatBytes(snapshot.droppedBytes)} not kept (the Raw view keeps the last 1 MiB)`);
    if (shown.length < lines.length) parts.push(`showing the last ${formatCount(shown.length)} lines`);
    this.summary.textContent = parts.join(' · ');
    this.lines.replaceChildren(...shown.map((line) => drawLine(line)));
  }

  private drawChoices(): void {
    const options = [];
    for (let connection = 1; connection <= this.connections; connection++) {
      options.push(h('option', { text: `Connection ${connection}`, attrs: { value: String(connection) } }));
    }
    this.choice.replaceChildren(...options);
    this.choice.value = String(this.picked ?? this.connections);
    this.choice.disabled = this.connections === 0;
  }
}

function drawLine(line: RawLine): HTMLElement {
  const label = LINE_LABELS[line.kind] + (line.unterminated ? (line.kind === 'field' ? 'unended' : ', unended') : '');
  const element = h('div', { className: `raw-line raw-${line.kind}` }, [
    h('span', { className: 'raw-kind', text: label }),
    ...line.pieces.map((piece) => drawPiece(piece)),
  ]);
  if (line.reason !== undefined) {
    element.title = line.reason;
    element.append(h('span', { className: 'raw-reason', text: line.reason }));
  }
  return element;
}

function drawPiece(piece: RawPiece): Node {
  switch (piece.kind) {
    case 'text':
      // C0 controls and DEL are pieces of their own; bidi and C1 characters are escaped as everywhere else.
      return document.createTextNode(visibleLine(piece.text));
    case 'eol':
      return h('span', {
        className: 'raw-eol',
        text: piece.eol === 'CRLF' ? 'CR LF' : piece.eol,
        attrs: { title: `line end: ${piece.eol}` },
      });
    case 'bom':
      return h('span', {
        className: 'raw-bom',
        text: 'BOM',
        attrs: {
          title: piece.stripped ? 'U+FEFF at the start of the stream: removed by the parser' : 'U+FEFF inside the stream: part of the line',
        },
      });
    case 'control':
      return h('span', {
        className: 'raw-control',
        text: String.fromCharCode(piece.code === 0x7f ? 0x2421 : 0x2400 + piece.code),
        attrs: { title: `control character 0x${piece.code.toString(16).padStart(2, '0').toUpperCase()}` },
      });
    case 'invalid':
      return h('span', {
        className: 'raw-invalid',
        text: piece.hex,
        attrs: { title: piece.incomplete ? 'the bytes end inside a character' : 'not UTF-8: the parser reads U+FFFD' },
      });
    case 'chunk':
      return h('span', {
        className: 'raw-chunk',
        text: `#${piece.index + 1} · ${formatSeconds(piece.t)}`,
        attrs: {
          title: `chunk ${piece.index + 1}: ${formatBytes(piece.size)}, arrived at ${formatSeconds(piece.t)} (the t of its records)${piece.inside ? '; it began inside this character or line end' : ''}`,
        },
      });
  }
}
