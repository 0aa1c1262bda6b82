// The record table as an ARIA grid that keeps only the visible rows in the DOM, follows new rows and can pause.

import type { TableModel } from './tableModel';
import { RowPool } from './rowPool';
import { button, h } from './dom';
import { formatCount } from './format';
import { TableColumns } from './tableColumns';
import type { ColumnWidths } from './uiState';
import type { Highlighter } from './matchHighlight';
import { TableFollow } from './tableFollow';
import { keyTarget } from './tableKeys';
import { pageRows, ROW_HEIGHT, rowsInView, scrollTopShowing, tableGeometry, type Geometry } from './tableGeometry';

export interface TableEvents {
  /** The user moved the selection to the record at `position`. */
  select(position: number): void;
  /** The user asked for the details of the record at `position` (click or Enter). */
  open(position: number): void;
  /** Escape. */
  close(): void;
  columnsResized(widths: Partial<ColumnWidths>): void;
}

export class VirtualTable {
  readonly element: HTMLDivElement;
  private readonly grid: HTMLDivElement;
  private readonly body: HTMLDivElement;
  private readonly columns: TableColumns;
  private readonly emptyNote = h('div', { className: 'table-empty' });
  private readonly newRowsButton = button('', {
    icon: 'arrow-down',
    className: 'new-rows',
    title: 'Jump to the newest row and follow again',
  });
  private readonly pool: RowPool;
  private viewportHeight = 0;
  private readonly follow = new TableFollow();
  private selected: number | null = null;
  private frame = 0;
  private firstVisibleRow = 0;
  private lastVisibleRow = 0;
  private emptyText = '';
  /** The scroll range as last drawn; records that arrived since must not make the view look scrolled up. */
  private drawnMaxScrollTop = 0;

  constructor(
    private readonly model: TableModel,
    private readonly events: TableEvents,
    resized: Partial<ColumnWidths>,
  ) {
    this.body = h('div', { className: 'table-body', attrs: { role: 'rowgroup' } });
    const head = h('div', { className: 'table-head', attrs: { role: 'rowgroup' } });
    this.grid = h('div', { className: 'table', attrs: { role: 'grid', tabindex: '0', 'aria-label': 'Records', 'aria-rowcount': '1' } }, [
      head,
      this.body,
    ]);
    this.columns = new TableColumns(this.grid, resized, (widths) => this.events.columnsResized(widths));
    head.append(this.columns.header.element);
    this.pool = new RowPool(this.model, this.body, this.columns);
    this.grid.style.setProperty('--row-height', `${ROW_HEIGHT}px`);
    this.newRowsButton.hidden = true;
    this.element = h('div', { className: 'table-wrap' }, [this.grid, this.emptyNote, this.newRowsButton]);

    this.grid.addEventListener('scroll', () => this.onScroll());
    // Wheel scrolling is applied asynchronously; stop following at once so a render in between cannot undo it.
    this.grid.addEventListener('wheel', (event) => event.deltaY < 0 && this.grid.scrollTop > 0 && this.follow.stop(), { passive: true });
    this.grid.addEventListener('keydown', (event) => this.onKey(event));
    this.body.addEventListener('click', (event) => this.onClick(event));
    this.newRowsButton.addEventListener('click', () => {
      this.followAgain();
      this.grid.focus();
    });
    new ResizeObserver((entries) => {
      for (const entry of entries) {
        this.viewportHeight = Math.max(0, entry.contentRect.height - ROW_HEIGHT);
        this.columns.setViewWidth(entry.contentRect.width);
      }
      this.schedule();
    }).observe(this.grid);
  }

  get isPaused(): boolean {
    return this.follow.paused;
  }

  /** Marks what the filter matches in the rows; every row is written again with it. */
  setHighlighter(highlight: Highlighter): void {
    this.pool.setHighlighter(highlight);
    this.schedule();
  }

  /** The note shown when there are no rows (e.g. waiting for records, or nothing matches the filter). */
  setEmptyText(text: string): void {
    this.emptyText = text;
    this.schedule();
  }

  /** After model.sync: counts rows the user has not seen and keeps a paused view on the same rows. */
  rowsChanged(change: { added: number; removed: number }): void {
    this.follow.rowsChanged(change);
    this.schedule();
  }

  /** After model.refilter: the rows are new, so nothing is "unseen" and a paused view shows the new set. */
  refiltered(): void {
    this.follow.refiltered(this.model.length);
    this.schedule();
  }

  /** After the records were cleared or replaced. */
  reset(): void {
    this.selected = null;
    this.follow.reset();
    this.columns.reset();
    this.pool.invalidate();
    this.schedule();
  }

  setPaused(paused: boolean): void {
    if (this.follow.setPaused(paused, this.model.length)) this.schedule();
  }

  select(position: number | null): void {
    this.selected = position;
    this.schedule();
  }

  /**
   * Selects the record at `position` and scrolls its row into view (the timeline's click); false when no row shows
   * it (filtered out, or received while paused). The view stops following so new rows do not carry the row away.
   */
  reveal(position: number): boolean {
    const row = this.model.rowOf(position);
    if (row < 0 || row >= this.shownRows()) return false;
    this.selected = position;
    if (row < this.shownRows() - 1) this.follow.stop();
    this.scrollRowIntoView(row);
    this.schedule();
    return true;
  }

  followAgain(): void {
    this.follow.followAgain();
    this.schedule();
  }

  focus(): void {
    this.grid.focus();
  }

  /** Draws on the next animation frame; any number of calls before it cost one draw. */
  schedule(): void {
    if (this.frame === 0) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.render();
      });
    }
  }

  /** Draws now instead of on the next frame. */
  renderNow(): void {
    if (this.frame !== 0) {
      cancelAnimationFrame(this.frame);
      this.frame = 0;
    }
    this.render();
  }

  private shownRows(): number {
    return this.follow.shownRows(this.model.length);
  }

  private geometry(): Geometry {
    return tableGeometry(this.shownRows(), this.viewportHeight);
  }

  private render(): void {
    const geometry = this.geometry();
    const { rows, spacerHeight, maxScrollTop } = geometry;
    const { following } = this.follow;
    // Read before any write, so the frame lays out once.
    const scrollTop = following ? maxScrollTop : Math.min(this.grid.scrollTop, maxScrollTop);
    this.body.style.height = `${spacerHeight}px`;
    this.drawnMaxScrollTop = maxScrollTop;
    this.grid.setAttribute('aria-rowcount', String(rows + 1));
    if (following) this.grid.scrollTop = scrollTop;
    const { virtualTop, firstVisible, lastVisible, drawn } = rowsInView(geometry, scrollTop);
    this.firstVisibleRow = firstVisible;
    this.lastVisibleRow = lastVisible;
    // Rows sit in the spacer's coordinates; with a scaled range they are placed relative to the scroll position.
    const activeId = this.pool.draw(drawn, this.selected, (index) => scrollTop + index * ROW_HEIGHT - virtualTop);
    this.columns.apply();
    if (activeId) this.grid.setAttribute('aria-activedescendant', activeId);
    else this.grid.removeAttribute('aria-activedescendant');

    this.emptyNote.textContent = rows === 0 ? this.emptyText : '';
    this.emptyNote.hidden = rows !== 0 || this.emptyText === '';
    const showNew = !following && this.follow.unseen > 0;
    this.newRowsButton.hidden = !showNew;
    if (showNew) this.setNewRowsLabel(`${formatCount(this.follow.unseen)} new`);
  }

  private setNewRowsLabel(text: string): void {
    let label = this.newRowsButton.querySelector('.label');
    if (!label) {
      label = h('span', { className: 'label' });
      this.newRowsButton.append(label);
    }
    if (label.textContent !== text) label.textContent = text;
  }

  private onScroll(): void {
    // A few pixels of slack: fractional device pixels must not count as "the user scrolled up". Nor does the browser
    // pulling the view up because the table grew taller (a strip above it lost a line): the view is still at the bottom.
    const bottom = Math.min(this.drawnMaxScrollTop, this.grid.scrollHeight - this.grid.clientHeight);
    if (this.grid.scrollTop >= bottom - 4) {
      if (!this.follow.following) this.followAgain();
    } else {
      this.follow.stop();
    }
    // Scroll events come at most once per frame, so drawing here keeps rows under the finger without lag; a draw
    // already scheduled runs in this same frame, after the scroll events (following a fast stream, every frame has one).
    if (this.frame === 0) this.render();
  }

  private onClick(event: MouseEvent): void {
    const position = this.pool.positionAt(event.target);
    if (position === undefined) return;
    this.selected = position;
    this.events.select(position);
    this.events.open(position);
    this.grid.focus();
    this.schedule();
  }

  private onKey(event: KeyboardEvent): void {
    const rows = this.shownRows();
    if (event.key === 'Escape') {
      this.events.close();
      return;
    }
    if (rows === 0) return;
    const currentRow = this.selected === null ? -1 : this.model.rowOf(this.selected);
    const current = currentRow < rows ? currentRow : -1;
    if (event.key === 'Enter') {
      if (current >= 0 && this.selected !== null) {
        event.preventDefault();
        this.events.open(this.selected);
      }
      return;
    }
    const target = keyTarget(event.key, {
      rows,
      current,
      firstVisible: this.firstVisibleRow,
      lastVisible: this.lastVisibleRow,
      page: pageRows(this.viewportHeight),
    });
    if (target === undefined) return;
    event.preventDefault();
    this.selected = this.model.positionAt(target);
    this.events.select(this.selected);
    this.scrollRowIntoView(target);
    this.schedule();
  }

  private scrollRowIntoView(row: number): void {
    // The scroll range must match the rows before the browser clamps scrollTop to it.
    this.renderNow();
    const geometry = this.geometry();
    const scrollTop = scrollTopShowing(geometry, row, this.grid.scrollTop);
    if (scrollTop === undefined) return;
    if (scrollTop < geometry.maxScrollTop - 1) this.follow.stop();
    this.grid.scrollTop = scrollTop;
  }
}
