// The table's header row: column titles, drag handles that resize columns, and the widths as CSS variables.

import { h } from './dom';
import { COLUMNS } from './rowView';
import type { ColumnWidths, ResizableColumn } from './uiState';
import { clampColumnWidth } from './uiState';

export class TableHeader {
  readonly element: HTMLDivElement;
  private readonly widths: ColumnWidths;

  /** `grid` gets the `--col-*` widths; `resized` hears the new widths when a drag ends. */
  constructor(
    private readonly grid: HTMLElement,
    widths: ColumnWidths,
    private readonly resized: (widths: ColumnWidths) => void,
  ) {
    this.widths = { ...widths };
    const cells = COLUMNS.map((column) => {
      const cell = h('div', { className: `cell col-${column.id}`, title: column.title, attrs: { role: 'columnheader' } }, [
        h('span', { className: 'label', text: column.label }),
      ]);
      if (column.id !== 'data') cell.append(this.buildResizer(column.id));
      return cell;
    });
    this.element = h('div', { className: 'row head', attrs: { role: 'row', 'aria-rowindex': '1' } }, cells);
    this.applyWidths();
  }

  /** A drag handle on a column's edge; the size column sits right of the data column, so its handle is on its left. */
  private buildResizer(column: ResizableColumn): HTMLDivElement {
    const leftEdge = column === 'size';
    const handle = h('div', { className: `resizer${leftEdge ? ' resizer-left' : ''}`, attrs: { 'aria-hidden': 'true' } });
    handle.addEventListener('pointerdown', (down) => {
      down.preventDefault();
      handle.setPointerCapture(down.pointerId);
      const startWidth = this.widths[column];
      const move = (event: PointerEvent): void => {
        const dx = event.clientX - down.clientX;
        this.widths[column] = clampColumnWidth(startWidth + (leftEdge ? -dx : dx));
        this.applyWidths();
      };
      const up = (): void => {
        handle.removeEventListener('pointermove', move);
        handle.removeEventListener('pointerup', up);
        handle.removeEventListener('pointercancel', up);
        this.resized({ ...this.widths });
      };
      handle.addEventListener('pointermove', move);
      handle.addEventListener('pointerup', up);
      handle.addEventListener('pointercancel', up);
    });
    return handle;
  }

  private applyWidths(): void {
    for (const [column, width] of Object.entries(this.widths)) this.grid.style.setProperty(`--col-${column}`, `${width}px`);
  }
}
