// The table's header row: column titles, and drag handles that set a column's width (the others fit their content).

import { h } from './dom';
import { COLUMNS } from './rowView';
import type { ColumnWidths, ResizableColumn } from './uiState';
import { clampColumnWidth } from './uiState';

export class TableHeader {
  readonly element: HTMLDivElement;
  private readonly resized: Partial<ColumnWidths>;

  /**
   * `widthOf` reads a column's width as laid out; `changed` hears every move of a drag (to lay the columns out
   * again), `resizeEnded` the user's widths when a drag ends (to remember them).
   */
  constructor(
    resized: Partial<ColumnWidths>,
    private readonly widthOf: (column: ResizableColumn) => number,
    private readonly changed: () => void,
    private readonly resizeEnded: (resized: Partial<ColumnWidths>) => void,
  ) {
    this.resized = { ...resized };
    const cells = COLUMNS.map((column) => {
      const cell = h('div', { className: `cell col-${column.id}`, title: column.title, attrs: { role: 'columnheader' } }, [
        h('span', { className: 'label', text: column.label }),
      ]);
      if (column.id !== 'data') cell.append(this.buildResizer(column.id));
      return cell;
    });
    this.element = h('div', { className: 'row head', attrs: { role: 'row', 'aria-rowindex': '1' } }, cells);
  }

  /** The widths the user set by dragging. */
  get resizedWidths(): Partial<ColumnWidths> {
    return this.resized;
  }

  /** A drag handle on a column's edge; the size column sits right of the data column, so its handle is on its left. */
  private buildResizer(column: ResizableColumn): HTMLDivElement {
    const leftEdge = column === 'size';
    const handle = h('div', { className: `resizer${leftEdge ? ' resizer-left' : ''}`, attrs: { 'aria-hidden': 'true' } });
    handle.addEventListener('pointerdown', (down) => {
      down.preventDefault();
      handle.setPointerCapture(down.pointerId);
      const startWidth = this.widthOf(column);
      const move = (event: PointerEvent): void => {
        const dx = event.clientX - down.clientX;
        this.resized[column] = clampColumnWidth(startWidth + (leftEdge ? -dx : dx));
        this.changed();
      };
      const up = (): void => {
        handle.removeEventListener('pointermove', move);
        handle.removeEventListener('pointerup', up);
        handle.removeEventListener('pointercancel', up);
        this.resizeEnded({ ...this.resized });
      };
      handle.addEventListener('pointermove', move);
      handle.addEventListener('pointerup', up);
      handle.addEventListener('pointercancel', up);
    });
    return handle;
  }
}
