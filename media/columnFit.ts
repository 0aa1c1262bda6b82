// Fits the table's columns to what they show: measures cell texts with a canvas (no layout), grows each column to
// its widest text so far, and lays the columns out for the table's width, the Data column keeping at least half.

import type { ColumnWidths, ResizableColumn } from './uiState';

/** Cell padding left and right (the stylesheet's `.cell` padding), plus room for rounding and tabular digits. */
const CELL_PADDING = 15;
/** A badge's own padding and border around its text (`.badge`). */
const BADGE_CHROME = 14;
/** Widths grow in steps, so a stream of slowly longer values does not move the columns on every row. */
const STEP = 4;
/** No fitted column grows past this; longer values are cut, with the whole value in the cell's tooltip. */
const MAX_FITTED = 260;
/** The Data column's share of the table's visible width, at least. */
const DATA_SHARE = 0.5;
const DATA_MIN_PX = 120;
/** Dropped, in this order, when the others and half the width for Data do not fit: they are in the details too. */
const OPTIONAL_COLUMNS: readonly ResizableColumn[] = ['t', 'size', 'seq'];
/** Then these give up width, down to these floors (cut with an ellipsis, the whole value in the tooltip). */
const SHRINK_FLOORS: Partial<ColumnWidths> = { type: 64, id: 48 };

/** How a column's text is drawn: in the cell's font, or in a badge. */
export type TextStyle = 'cell' | 'mono' | 'badge';

const STYLE_OF: Record<ResizableColumn, TextStyle> = { seq: 'cell', t: 'cell', dt: 'cell', type: 'badge', id: 'mono', size: 'cell' };

export interface ColumnLayout {
  widths: ColumnWidths;
  hidden: ResizableColumn[];
  /** The row's width in px when the columns need more than the table's width (it then scrolls sideways), else 0. */
  minRowWidth: number;
}

export class ColumnFit {
  private readonly fitted: ColumnWidths;
  private readonly context = document.createElement('canvas').getContext('2d');
  private fonts: Record<TextStyle, string> | undefined;
  /** Measured texts, by style; values repeat a lot (`message`, `1 ms`), so most rows measure nothing. */
  private readonly measured = new Map<string, number>();
  /** The font last given to the canvas context. */
  private contextFont = '';

  /** `minimum`: each column's width before anything is measured (its header). */
  constructor(private readonly minimum: ColumnWidths) {
    this.fitted = { ...minimum };
  }

  /** Reads the fonts the stylesheet gives cells, badges and monospace cells; until then nothing is measured. */
  readFonts(cell: Element, mono: Element, badge: Element): void {
    // Built from the parts: the `font` shorthand reads as "" when a part it cannot express is set (tabular-nums).
    const font = (element: Element): string => {
      const style = getComputedStyle(element);
      return `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    };
    this.fonts = { cell: font(cell), mono: font(mono), badge: font(badge) };
    this.measured.clear();
  }

  /** Notes a text a column shows; returns true when the column grew. */
  note(column: ResizableColumn, text: string): boolean {
    if (text === '') return false;
    const style = STYLE_OF[column];
    const width = Math.min(MAX_FITTED, this.textWidth(style, text) + CELL_PADDING + (style === 'badge' ? BADGE_CHROME : 0));
    if (width <= this.fitted[column]) return false;
    this.fitted[column] = Math.ceil(width / STEP) * STEP;
    return true;
  }

  /** Back to the header widths (after Clear): the next stream's columns fit the next stream. */
  reset(): void {
    Object.assign(this.fitted, this.minimum);
  }

  /**
   * The columns for a table `viewWidth` px wide: the user's widths where set, fitted widths elsewhere. Data keeps at
   * least half: first the optional columns go, then Type and ID shrink to their floors, and only then does the row
   * get wider than the table (which scrolls sideways).
   */
  layout(viewWidth: number, resized: Partial<ColumnWidths>): ColumnLayout {
    const widths: ColumnWidths = { ...this.fitted, ...resized };
    const hidden: ResizableColumn[] = [];
    const dataMin = Math.max(DATA_MIN_PX, Math.round(viewWidth * DATA_SHARE));
    const total = (): number => Object.values(widths).reduce((sum, width) => sum + width, 0);
    for (const column of OPTIONAL_COLUMNS) {
      if (total() + dataMin <= viewWidth) break;
      if (resized[column] !== undefined) continue;
      hidden.push(column);
      widths[column] = 0;
    }
    this.shrink(widths, resized, total() + dataMin - viewWidth);
    const needed = total() + dataMin;
    return { widths, hidden, minRowWidth: needed > viewWidth ? needed : 0 };
  }

  /** Takes `excess` px from the shrinkable columns, in proportion to what each has above its floor. */
  private shrink(widths: ColumnWidths, resized: Partial<ColumnWidths>, excess: number): void {
    if (excess <= 0) return;
    const spare = Object.entries(SHRINK_FLOORS)
      .filter(([column]) => resized[column as ResizableColumn] === undefined)
      .map(([column, floor]) => ({
        column: column as ResizableColumn,
        spare: Math.max(0, widths[column as ResizableColumn] - (floor ?? 0)),
      }));
    const all = spare.reduce((sum, entry) => sum + entry.spare, 0);
    if (all === 0) return;
    const take = Math.min(excess, all);
    for (const { column, spare: own } of spare) widths[column] -= Math.ceil((take * own) / all);
  }

  private textWidth(style: TextStyle, text: string): number {
    if (!this.fonts || !this.context) return 0;
    const key = `${style}\n${text}`;
    let width = this.measured.get(key);
    if (width === undefined) {
      // Setting the font parses it, each time: while following a fast stream every row brings new ids and numbers.
      if (this.contextFont !== this.fonts[style]) {
        this.context.font = this.fonts[style];
        this.contextFont = this.fonts[style];
      }
      width = this.context.measureText(text).width;
      // Texts are short labels and numbers, but a server chooses ids and names: keep the cache small.
      if (this.measured.size > 2000) this.measured.clear();
      this.measured.set(key, width);
    }
    return width;
  }
}
