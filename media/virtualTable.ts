// The record table as an ARIA grid that keeps only the visible rows in the DOM, follows new rows and can pause.

import type { TableModel } from './tableModel';
import { RowView } from './rowView';
import { button, h } from './dom';
import { formatCount } from './format';
import { TableColumns } from './tableColumns';
import type { ColumnWidths } from './uiState';
import { NO_HIGHLIGHT, type Highlighter } from './matchHighlight';

/** Fixed row height in CSS pixels; the stylesheet reads it from --row-height, set here. */
const ROW_HEIGHT = 22;
/** Rows drawn beyond each edge of the viewport, so fast scrolling shows no gaps. */
const OVERSCAN = 8;
/** Browsers cap element heights (Chromium near 33.5 million px); past this the scroll range is scaled. */
const MAX_SPACER_PX = 8_000_000;

export interface TableEvents {
  /** The user moved the selection to the record at `position`. */
  select(position: number): void;
  /** The user asked for the details of the record at `position` (click or Enter). */
  open(position: number): void;
  /** Escape. */
  close(): void;
  columnsResized(widths: Partial<ColumnWidths>): void;
}

interface Geometry {
  rows: number;
  spacerHeight: number;
  viewHeight: number;
  maxScrollTop: number;
  /** Virtual pixels (rows × ROW_HEIGHT) per scroll pixel: 1 unless the table is taller than MAX_SPACER_PX. */
  scale: number;
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
  private pool: RowView[] = [];
  private viewportHeight = 0;
  private following = true;
  private unseen = 0;
  private paused = false;
  private pausedRows = 0;
  private selected: number | null = null;
  private frame = 0;
  private firstVisibleRow = 0;
  private lastVisibleRow = 0;
  private emptyText = '';
  /** The scroll range as last drawn; records that arrived since must not make the view look scrolled up. */
  private drawnMaxScrollTop = 0;
  private highlight: Highlighter = NO_HIGHLIGHT;

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
    this.grid.style.setProperty('--row-height', `${ROW_HEIGHT}px`);
    this.newRowsButton.hidden = true;
    this.element = h('div', { className: 'table-wrap' }, [this.grid, this.emptyNote, this.newRowsButton]);

    this.grid.addEventListener('scroll', () => this.onScroll());
    // Wheel scrolling is applied asynchronously; stop following at once so a render in between cannot undo it.
    this.grid.addEventListener('wheel', (event) => event.deltaY < 0 && this.grid.scrollTop > 0 && this.stopFollowing(), { passive: true });
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
    return this.paused;
  }

  /** Marks what the filter matches in the rows; every row is written again with it. */
  setHighlighter(highlight: Highlighter): void {
    this.highlight = highlight;
    for (const row of this.pool) row.position = -1;
    this.schedule();
  }

  /** The note shown when there are no rows (e.g. waiting for records, or nothing matches the filter). */
  setEmptyText(text: string): void {
    this.emptyText = text;
    this.schedule();
  }

  /** After model.sync: counts rows the user has not seen and keeps a paused view on the same rows. */
  rowsChanged(change: { added: number; removed: number }): void {
    if (this.paused) this.pausedRows = Math.max(0, this.pausedRows - change.removed);
    else if (!this.following) this.unseen += change.added;
    this.schedule();
  }

  /** After model.refilter: the rows are new, so nothing is "unseen" and a paused view shows the new set. */
  refiltered(): void {
    this.unseen = 0;
    if (this.paused) this.pausedRows = this.model.length;
    this.schedule();
  }

  /** After the records were cleared or replaced. */
  reset(): void {
    this.selected = null;
    this.unseen = 0;
    this.pausedRows = 0;
    this.following = true;
    this.columns.reset();
    for (const row of this.pool) row.position = -1;
    this.schedule();
  }

  setPaused(paused: boolean): void {
    if (paused === this.paused) return;
    this.paused = paused;
    if (paused) this.pausedRows = this.model.length;
    else if (!this.following) this.unseen += this.model.length - this.pausedRows;
    this.schedule();
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
    if (row < this.shownRows() - 1) this.stopFollowing();
    this.scrollRowIntoView(row);
    this.schedule();
    return true;
  }

  followAgain(): void {
    this.following = true;
    this.unseen = 0;
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
    return this.paused ? Math.min(this.pausedRows, this.model.length) : this.model.length;
  }

  private geometry(): Geometry {
    const rows = this.shownRows();
    const total = rows * ROW_HEIGHT;
    const spacerHeight = Math.min(total, MAX_SPACER_PX);
    const viewHeight = this.viewportHeight;
    const maxScrollTop = Math.max(0, spacerHeight - viewHeight);
    const scale = maxScrollTop > 0 ? Math.max(0, total - viewHeight) / maxScrollTop : 1;
    return { rows, spacerHeight, viewHeight, maxScrollTop, scale };
  }

  private render(): void {
    const { rows, spacerHeight, viewHeight, maxScrollTop, scale } = this.geometry();
    // Read before any write, so the frame lays out once.
    const scrollTop = this.following ? maxScrollTop : Math.min(this.grid.scrollTop, maxScrollTop);
    this.body.style.height = `${spacerHeight}px`;
    this.drawnMaxScrollTop = maxScrollTop;
    this.grid.setAttribute('aria-rowcount', String(rows + 1));
    if (this.following) this.grid.scrollTop = scrollTop;
    const virtualTop = scrollTop * scale;
    this.firstVisibleRow = Math.min(rows, Math.floor(virtualTop / ROW_HEIGHT));
    this.lastVisibleRow = Math.max(this.firstVisibleRow, Math.min(rows, Math.ceil((virtualTop + viewHeight) / ROW_HEIGHT)) - 1);
    const first = Math.max(0, this.firstVisibleRow - OVERSCAN);
    const end = Math.min(rows, this.lastVisibleRow + 1 + OVERSCAN);
    this.resizePool(end - first);
    let activeId = '';
    for (let index = first; index < end; index++) {
      const row = this.pool[index - first];
      const position = this.model.positionAt(index);
      if (row.position !== position) row.show(this.model.recordAt(index), position, this.highlight);
      const selected = position === this.selected;
      if (selected) activeId = row.element.id;
      // Rows sit in the spacer's coordinates; with a scaled range they are placed relative to the scroll position.
      row.place(index, scrollTop + index * ROW_HEIGHT - virtualTop, selected);
    }
    this.columns.apply();
    if (activeId) this.grid.setAttribute('aria-activedescendant', activeId);
    else this.grid.removeAttribute('aria-activedescendant');

    this.emptyNote.textContent = rows === 0 ? this.emptyText : '';
    this.emptyNote.hidden = rows !== 0 || this.emptyText === '';
    const showNew = !this.following && this.unseen > 0;
    this.newRowsButton.hidden = !showNew;
    if (showNew) this.setNewRowsLabel(`${formatCount(this.unseen)} new`);
  }

  private setNewRowsLabel(text: string): void {
    let label = this.newRowsButton.querySelector('.label');
    if (!label) {
      label = h('span', { className: 'label' });
      this.newRowsButton.append(label);
    }
    if (label.textContent !== text) label.textContent = text;
  }

  private resizePool(size: number): void {
    while (this.pool.length < size) {
      const row = new RowView(this.columns.note);
      this.pool.push(row);
      this.body.append(row.element);
      this.columns.readFontsFrom(row);
    }
    while (this.pool.length > size) this.pool.pop()?.element.remove();
  }

  private onScroll(): void {
    // A few pixels of slack: fractional device pixels must not count as "the user scrolled up". Nor does the browser
    // pulling the view up because the table grew taller (a strip above it lost a line): the view is still at the bottom.
    const bottom = Math.min(this.drawnMaxScrollTop, this.grid.scrollHeight - this.grid.clientHeight);
    if (this.grid.scrollTop >= bottom - 4) {
      if (!this.following) this.followAgain();
    } else {
      this.stopFollowing();
    }
    // Scroll events come at most once per frame, so drawing here keeps rows under the finger without lag; a draw
    // already scheduled runs in this same frame, after the scroll events (following a fast stream, every frame has one).
    if (this.frame === 0) this.render();
  }

  private stopFollowing(): void {
    this.following = false;
  }

  private onClick(event: MouseEvent): void {
    const target = event.target instanceof Element ? event.target.closest('.row') : null;
    const row = this.pool.find((candidate) => candidate.element === target);
    if (!row || row.position < 0) return;
    this.selected = row.position;
    this.events.select(row.position);
    this.events.open(row.position);
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
    const page = Math.max(1, Math.floor(this.viewportHeight / ROW_HEIGHT) - 1);
    let target: number;
    switch (event.key) {
      case 'ArrowDown':
        target = current < 0 ? this.firstVisibleRow : current + 1;
        break;
      case 'ArrowUp':
        target = current < 0 ? this.lastVisibleRow : current - 1;
        break;
      case 'PageDown':
        target = current < 0 ? this.firstVisibleRow : current + page;
        break;
      case 'PageUp':
        target = current < 0 ? this.lastVisibleRow : current - page;
        break;
      case 'Home':
        target = 0;
        break;
      case 'End':
        target = rows - 1;
        break;
      case 'Enter':
        if (current >= 0 && this.selected !== null) {
          event.preventDefault();
          this.events.open(this.selected);
        }
        return;
      default:
        return;
    }
    event.preventDefault();
    target = Math.max(0, Math.min(rows - 1, target));
    this.selected = this.model.positionAt(target);
    this.events.select(this.selected);
    this.scrollRowIntoView(target);
    this.schedule();
  }

  private scrollRowIntoView(row: number): void {
    // The scroll range must match the rows before the browser clamps scrollTop to it.
    this.renderNow();
    const { maxScrollTop, scale, viewHeight } = this.geometry();
    const virtualTop = Math.min(this.grid.scrollTop, maxScrollTop) * scale;
    const rowTop = row * ROW_HEIGHT;
    let virtualTarget: number;
    if (rowTop < virtualTop) virtualTarget = rowTop;
    else if (rowTop + ROW_HEIGHT > virtualTop + viewHeight) virtualTarget = rowTop + ROW_HEIGHT - viewHeight;
    else return;
    const scrollTop = Math.min(maxScrollTop, Math.max(0, virtualTarget / scale));
    if (scrollTop < maxScrollTop - 1) this.stopFollowing();
    this.grid.scrollTop = scrollTop;
  }
}
