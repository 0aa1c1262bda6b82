// The record table's scroll geometry: a fixed row height, a scroll range scaled past the browser's height cap, the
// rows a scroll position shows, and where to scroll to show a row.

/** How `rows` rows lie under the viewport: the spacer that gives the scroll range, and that range's scale. */
export interface Geometry {
  /** Rows the table shows. */
  rows: number;
  /** The body's height in CSS pixels, which makes the scroll range: the rows' height, capped. */
  spacerHeight: number;
  /** The viewport's height below the header row. */
  viewHeight: number;
  /** The bottom of the scroll range. */
  maxScrollTop: number;
  /** Virtual pixels (rows × ROW_HEIGHT) per scroll pixel: 1 unless the table is taller than MAX_SPACER_PX. */
  scale: number;
}

/** What a scroll position shows: the rows in the viewport, and the wider range drawn around them. */
export interface RowsInView {
  /** The scroll position in virtual pixels (rows × ROW_HEIGHT). */
  virtualTop: number;
  firstVisible: number;
  lastVisible: number;
  /** The rows drawn: from the first to the one after the last. */
  drawn: { from: number; to: number };
}

/** Fixed row height in CSS pixels; the stylesheet reads it from --row-height, which the table sets. */
export const ROW_HEIGHT = 22;
/** Rows drawn beyond each edge of the viewport, so fast scrolling shows no gaps. */
const OVERSCAN = 8;
/** Browsers cap element heights (Chromium near 33.5 million px); past this the scroll range is scaled. */
const MAX_SPACER_PX = 8_000_000;

/** `rows` rows under a viewport `viewHeight` pixels tall. */
export function tableGeometry(rows: number, viewHeight: number): Geometry {
  const total = rows * ROW_HEIGHT;
  const spacerHeight = Math.min(total, MAX_SPACER_PX);
  const maxScrollTop = Math.max(0, spacerHeight - viewHeight);
  const scale = maxScrollTop > 0 ? Math.max(0, total - viewHeight) / maxScrollTop : 1;
  return { rows, spacerHeight, viewHeight, maxScrollTop, scale };
}

export function rowsInView({ rows, viewHeight, scale }: Geometry, scrollTop: number): RowsInView {
  const virtualTop = scrollTop * scale;
  const firstVisible = Math.min(rows, Math.floor(virtualTop / ROW_HEIGHT));
  const lastVisible = Math.max(firstVisible, Math.min(rows, Math.ceil((virtualTop + viewHeight) / ROW_HEIGHT)) - 1);
  const drawn = { from: Math.max(0, firstVisible - OVERSCAN), to: Math.min(rows, lastVisible + 1 + OVERSCAN) };
  return { virtualTop, firstVisible, lastVisible, drawn };
}

/** The scroll position that brings `row` just into view from `scrollTop`, or undefined when it is in view already. */
export function scrollTopShowing({ maxScrollTop, scale, viewHeight }: Geometry, row: number, scrollTop: number): number | undefined {
  const virtualTop = Math.min(scrollTop, maxScrollTop) * scale;
  const rowTop = row * ROW_HEIGHT;
  let virtualTarget: number;
  if (rowTop < virtualTop) virtualTarget = rowTop;
  else if (rowTop + ROW_HEIGHT > virtualTop + viewHeight) virtualTarget = rowTop + ROW_HEIGHT - viewHeight;
  else return undefined;
  return Math.min(maxScrollTop, Math.max(0, virtualTarget / scale));
}

/** How many rows Page Up and Page Down move in a viewport `viewHeight` pixels tall. */
export function pageRows(viewHeight: number): number {
  return Math.max(1, Math.floor(viewHeight / ROW_HEIGHT) - 1);
}
