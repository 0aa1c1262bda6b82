// Which row of the record table an arrow, page, Home or End key moves the selection to.

export interface KeyedRows {
  /** Rows the table shows. */
  rows: number;
  /** The selected row, or -1 when no shown row is selected. */
  current: number;
  /** The first and last rows in the viewport: where the arrows and page keys start without a selection. */
  firstVisible: number;
  lastVisible: number;
  /** Rows a page key moves. */
  page: number;
}

/** The row `key` moves the selection to (within the table), or undefined for a key that does not move it. */
export function keyTarget(key: string, { rows, current, firstVisible, lastVisible, page }: KeyedRows): number | undefined {
  let target: number;
  switch (key) {
    case 'ArrowDown':
      target = current < 0 ? firstVisible : current + 1;
      break;
    case 'ArrowUp':
      target = current < 0 ? lastVisible : current - 1;
      break;
    case 'PageDown':
      target = current < 0 ? firstVisible : current + page;
      break;
    case 'PageUp':
      target = current < 0 ? lastVisible : current - page;
      break;
    case 'Home':
      target = 0;
      break;
    case 'End':
      target = rows - 1;
      break;
    default:
      return undefined;
  }
  return Math.max(0, Math.min(rows - 1, target));
}
