// Reads what the inspector's table shows from its DOM, as a user sees it; evaluated in the webview's page or frame.

/** The rows the table draws, read from the DOM (the table is virtualized: only a window of rows is in it). */
export interface RenderedTable {
  /** Rows the table says it has (its aria-rowcount, less the header row). */
  rowCount: number;
  /** Index (from 0) of the first row in the DOM. */
  firstRow: number;
  /**
   * One key per row in the DOM, top to bottom: the record kind for lifecycle rows ("open", "error", "reconnect",
   * "closed", "comment", "retry"), and "event:<type>:<data as the Data column shows it>" for events.
   */
  rowKeys: string[];
  /** The ID column of each row in the DOM, top to bottom ("" where a row shows none). */
  rowIds: string[];
  /** Row elements in the DOM. */
  renderedRows: number;
}

/**
 * Source of a browser-side expression (kept as text: the Node test code is compiled without the DOM types). An
 * event row's badge is styled `badge-message` or `badge-custom`, which tells an event named "open" from an open row.
 */
export const READ_RENDERED_TABLE = `(() => {
  const grid = document.querySelector('[role="grid"][aria-label="Records"]');
  if (!grid) return null;
  const rows = [...grid.querySelectorAll('.table-body [role="row"]')]
    .map((row) => ({ row, index: Number(row.getAttribute('aria-rowindex')) - 2 }))
    .sort((a, b) => a.index - b.index);
  const key = (row) => {
    const badge = row.querySelector('.badge');
    const label = badge ? badge.textContent : '';
    const isEvent = badge && (badge.classList.contains('badge-message') || badge.classList.contains('badge-custom'));
    return isEvent ? 'event:' + label + ':' + (row.querySelector('.data-text')?.textContent ?? '') : label;
  };
  return {
    rowCount: Number(grid.getAttribute('aria-rowcount')) - 1,
    firstRow: rows.length > 0 ? rows[0].index : 0,
    rowKeys: rows.map(({ row }) => key(row)),
    rowIds: rows.map(({ row }) => row.querySelector('.col-id')?.textContent ?? ''),
    renderedRows: rows.length,
  };
})()`;
