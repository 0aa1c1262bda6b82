// The table's columns as laid out: fitted to their content, the user's dragged widths, hidden when a narrow table
// needs the room for Data, and a row wider than the table (which then scrolls sideways) when even that is not enough.

import { ColumnFit, type ColumnLayout } from './columnFit';
import type { RowView } from './rowView';
import { TableHeader } from './tableHeader';
import { HEADER_COLUMN_WIDTHS, type ColumnWidths, type ResizableColumn } from './uiState';

export class TableColumns {
  readonly header: TableHeader;
  private readonly fit = new ColumnFit(HEADER_COLUMN_WIDTHS);
  private viewWidth = 0;
  private fontsRead = false;
  private dirty = true;
  private current: ColumnLayout | undefined;

  /** `grid` gets the `--col-*` widths and `--row-min-width`; `resizeEnded` hears the user's widths after a drag. */
  constructor(
    private readonly grid: HTMLElement,
    resized: Partial<ColumnWidths>,
    resizeEnded: (resized: Partial<ColumnWidths>) => void,
  ) {
    this.header = new TableHeader(
      resized,
      (column) => this.current?.widths[column] ?? HEADER_COLUMN_WIDTHS[column],
      () => {
        this.dirty = true;
        this.apply();
      },
      resizeEnded,
    );
  }

  /** For RowView: a text a column shows. */
  readonly note = (column: ResizableColumn, text: string): void => {
    if (this.fit.note(column, text)) this.dirty = true;
  };

  /** Once a row exists in the page, its fonts are what texts are measured in. */
  readFontsFrom(row: RowView): void {
    if (this.fontsRead) return;
    this.fontsRead = true;
    this.fit.readFonts(...row.fontSamples);
  }

  setViewWidth(width: number): void {
    if (Math.round(width) === this.viewWidth) return;
    this.viewWidth = Math.round(width);
    this.dirty = true;
  }

  reset(): void {
    this.fit.reset();
    this.dirty = true;
  }

  /** Writes the layout to the grid if anything changed since the last time. */
  apply(): void {
    if (!this.dirty || this.viewWidth === 0) return;
    this.dirty = false;
    const layout = this.fit.layout(this.viewWidth, this.header.resizedWidths);
    this.current = layout;
    for (const [column, width] of Object.entries(layout.widths)) this.grid.style.setProperty(`--col-${column}`, `${width}px`);
    this.grid.style.setProperty('--row-min-width', layout.minRowWidth > 0 ? `${layout.minRowWidth}px` : '0px');
    for (const column of ['t', 'size', 'seq'] as const) this.grid.classList.toggle(`hide-col-${column}`, layout.hidden.includes(column));
  }
}
