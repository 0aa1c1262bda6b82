// The record table's drawn rows: a pool of row views reused as the table scrolls, each written again only for a new record.

import { RowView } from './rowView';
import type { TableColumns } from './tableColumns';
import type { TableModel } from './tableModel';
import { NO_HIGHLIGHT, type Highlighter } from './matchHighlight';

export class RowPool {
  private rows: RowView[] = [];
  private highlight: Highlighter = NO_HIGHLIGHT;

  constructor(
    private readonly model: TableModel,
    private readonly body: HTMLElement,
    private readonly columns: TableColumns,
  ) {}

  /** Marks what the filter matches in the rows; every row is written again with it. */
  setHighlighter(highlight: Highlighter): void {
    this.highlight = highlight;
    this.invalidate();
  }

  /** Every row is written again on the next draw (e.g. the records were replaced). */
  invalidate(): void {
    for (const row of this.rows) row.position = -1;
  }

  /**
   * Shows the model's rows `from` to `to` (exclusive), each at `top(index)` in the body; returns the element id of the
   * selected record's row, or '' when none of them is.
   */
  draw(range: { from: number; to: number }, selected: number | null, top: (index: number) => number): string {
    const { from, to } = range;
    this.resize(to - from);
    let activeId = '';
    for (let index = from; index < to; index++) {
      const row = this.rows[index - from];
      const position = this.model.positionAt(index);
      if (row.position !== position) row.show(this.model.recordAt(index), position, this.highlight);
      const isSelected = position === selected;
      if (isSelected) activeId = row.element.id;
      row.place(index, top(index), isSelected);
    }
    return activeId;
  }

  /** The position of the record whose row holds `target` (a click), or undefined. */
  positionAt(target: EventTarget | null): number | undefined {
    const element = target instanceof Element ? target.closest('.row') : null;
    const row = this.rows.find((candidate) => candidate.element === element);
    return !row || row.position < 0 ? undefined : row.position;
  }

  private resize(size: number): void {
    while (this.rows.length < size) {
      const row = new RowView(this.columns.note);
      this.rows.push(row);
      this.body.append(row.element);
      this.columns.readFontsFrom(row);
    }
    while (this.rows.length > size) this.rows.pop()?.element.remove();
  }
}
