// One reusable table row: the cells of a record, written with textContent only.

import type { SseRecord } from '../src/shared/record';
import { formatBytes, formatDelta, formatSeconds, formatWallClock } from './format';
import { badgeKind, rowSummary, typeLabel } from './recordText';
import { h, icon } from './dom';
import { visibleLine } from '../src/shared/visibleText';
import type { ResizableColumn } from './uiState';
import { NO_HIGHLIGHT, writeHighlighted, type Highlighter } from './matchHighlight';

/** A pause this long between events is worth a glance (a stalled server, a buffering proxy). */
const LONG_GAP_MS = 2000;

export interface ColumnSpec {
  id: ResizableColumn | 'data';
  label: string;
  title: string;
}

export const COLUMNS: readonly ColumnSpec[] = [
  { id: 'seq', label: '#', title: 'Record number in this session' },
  { id: 't', label: 't', title: 'Time since connect (hover a cell for the wall-clock time)' },
  { id: 'dt', label: 'Δ', title: 'Time since the previous event' },
  { id: 'type', label: 'Type', title: 'Event type, or the kind of record' },
  { id: 'id', label: 'ID', title: 'The event’s own id field' },
  { id: 'data', label: 'Data', title: 'The data, on one line' },
  { id: 'size', label: 'Size', title: 'UTF-8 size of the data' },
];

export class RowView {
  readonly element: HTMLDivElement;
  /** Position of the record shown, or -1; the row is only rewritten when this changes. */
  position = -1;
  private top = Number.NaN;
  private rowIndex = -1;
  private selected = false;
  private readonly seq = cell('seq');
  private readonly time = cell('t');
  private readonly delta = cell('dt');
  private readonly badge = h('span', { className: 'badge' });
  private readonly id = cell('id');
  private readonly dataText = h('span', { className: 'data-text' });
  private readonly clipped = h('span', { className: 'clipped', title: 'Clipped here; select the row to load the whole data' }, [
    icon('ellipsis'),
  ]);
  private readonly size = cell('size');
  private readonly dataCell = cell('data');

  /** `fit` hears each text a fitted column shows, so the column can grow to it. */
  constructor(private readonly fit: (column: ResizableColumn, text: string) => void) {
    const typeCell = cell('type');
    typeCell.append(this.badge);
    this.dataCell.append(this.clipped, this.dataText);
    this.element = h('div', { className: 'row', attrs: { role: 'row', 'aria-selected': 'false' } }, [
      this.seq,
      this.time,
      this.delta,
      typeCell,
      this.id,
      this.dataCell,
      this.size,
    ]);
  }

  /** `highlight` marks what the filter box matches in the type, id and data cells. */
  show(record: SseRecord, position: number, highlight: Highlighter = NO_HIGHLIGHT): void {
    this.position = position;
    const badge = badgeKind(record);
    this.element.id = `row-${position}`;
    this.element.className = `row row-${badge}`;
    this.seq.textContent = String(record.seq);
    this.time.textContent = formatSeconds(record.t);
    this.time.title = formatWallClock(record.at);
    this.badge.className = `badge badge-${badge}`;
    const label = typeLabel(record);
    writeHighlighted(this.badge, label, highlight(label));
    const summary = rowSummary(record);
    writeHighlighted(this.dataText, summary, highlight(summary));
    const event = record.kind === 'event' ? record : undefined;
    this.delta.textContent = event && event.dt !== null ? formatDelta(event.dt) : '';
    this.delta.classList.toggle('gap', event !== undefined && event.dt !== null && event.dt >= LONG_GAP_MS);
    const id = event?.id ? visibleLine(event.id) : '';
    writeHighlighted(this.id, id, highlight(id));
    this.size.textContent = event ? formatBytes(event.size) : '';
    this.clipped.hidden = event?.truncated !== true;
    // A cell too narrow for its text cuts it with an ellipsis: the tooltip has the whole value.
    this.badge.title = label;
    this.id.title = this.id.textContent;
    this.dataCell.title = summary;
    this.seq.title = this.seq.textContent;
    this.delta.title = this.delta.textContent;
    this.size.title = this.size.textContent;
    this.fit('seq', this.seq.textContent);
    this.fit('t', this.time.textContent);
    this.fit('dt', this.delta.textContent);
    this.fit('type', label);
    this.fit('id', this.id.textContent);
    this.fit('size', this.size.textContent);
  }

  /** The elements whose fonts the column fitting measures with: a plain cell, a monospace cell, a badge. */
  get fontSamples(): [Element, Element, Element] {
    return [this.seq, this.id, this.badge];
  }

  /** Moves the row to its place; writes only what changed, since this runs for every visible row each frame. */
  place(rowIndex: number, top: number, selected: boolean): void {
    if (top !== this.top) {
      this.top = top;
      this.element.style.transform = `translateY(${top}px)`;
    }
    if (rowIndex !== this.rowIndex) {
      this.rowIndex = rowIndex;
      // Row 1 is the header.
      this.element.setAttribute('aria-rowindex', String(rowIndex + 2));
    }
    if (selected !== this.selected) {
      this.selected = selected;
      this.element.setAttribute('aria-selected', String(selected));
    }
  }
}

function cell(column: ColumnSpec['id']): HTMLDivElement {
  return h('div', { className: `cell col-${column}`, attrs: { role: 'gridcell' } });
}
