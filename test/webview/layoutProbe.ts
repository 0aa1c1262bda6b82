// Reads the panel's layout from its DOM (boxes, cut cells, chips), as page-side expressions: the webview tests and
// the VS Code host tests evaluate the same text in the page or in the webview's frame.

export interface Box {
  what: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface LayoutSeen {
  viewportWidth: number;
  /** Every visible control of the form, toolbar and detail header that does not contain another one. */
  controls: Box[];
  /** Pairs of controls whose boxes overlap by more than half a pixel. */
  overlaps: string[];
  /** Controls reaching past the panel's right edge. */
  outside: string[];
  /** The page scrolls sideways (it must not: only the table may). */
  pageOverflowsX: boolean;
  table: Box;
  detail: Box | null;
  /** The Data column's width over the table's visible width. */
  dataShare: number;
  /** Widths of the visible columns, by class (col-seq …). */
  columnWidths: Record<string, number>;
  tableScrollsX: boolean;
  /** The chips' tops: one value when they sit on one line. */
  chipTops: number[];
  chipStripHeight: number;
  moreChips: string | null;
  toolbarHeight: number;
  /** Cells (or badges) whose text does not fit, with their text and tooltip. */
  cut: { text: string; title: string }[];
  /** Whether a cell showing this text is cut, for each text asked about (absent: no cell shows it). */
  fits: Record<string, boolean>;
  dataTexts: string[];
}

/** `(texts) => LayoutSeen`: `texts` are cell values whose cells must not be cut. */
export const READ_LAYOUT = `(texts) => {
  const visible = (el) => el.checkVisibility({ visibilityProperty: true }) && el.getClientRects().length > 0;
  const box = (el, what) => { const r = el.getBoundingClientRect(); return { what, left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
  const name = (el) => (el.getAttribute('aria-label') || el.textContent || el.placeholder || el.id || el.className).trim().slice(0, 40);
  const selector = [
    '.connect button', '.connect input', '.connect select', '.connect .grid-label', '.connect .check > span', '.connect summary', '.connect .status',
    '.toolbar button', '.toolbar input', '.toolbar .export-label',
    '.detail-header .detail-seq', '.detail-header .badge', '.detail-header .detail-time', '.detail-header button',
  ].join(',');
  const elements = [...document.querySelectorAll(selector)].filter(visible);
  const leaves = elements.filter((el) => !elements.some((other) => other !== el && el.contains(other)));
  const controls = leaves.map((el) => box(el, name(el)));
  const overlaps = [];
  for (let i = 0; i < controls.length; i++) {
    for (let j = i + 1; j < controls.length; j++) {
      const a = controls[i], b = controls[j];
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 0.5 && y > 0.5) overlaps.push(a.what + ' × ' + b.what);
    }
  }
  const width = document.documentElement.clientWidth;
  const outside = controls.filter((c) => c.right > width + 0.5 || c.left < -0.5).map((c) => c.what);
  const grid = document.querySelector('[role="grid"][aria-label="Records"]');
  const detail = document.querySelector('.detail');
  const dataHead = document.querySelector('.table-head .col-data');
  const columnWidths = {};
  for (const cell of document.querySelectorAll('.table-head .cell')) {
    if (visible(cell) && cell.getBoundingClientRect().width > 0) columnWidths[cell.classList[1]] = cell.getBoundingClientRect().width;
  }
  const chips = [...document.querySelectorAll('.chips button.chip')].filter(visible);
  const more = document.querySelector('.chips-more');
  const cells = [...document.querySelectorAll('.table-body .cell')].filter(visible);
  const cut = [];
  const fits = {};
  for (const cell of cells) {
    const badge = cell.querySelector('.badge');
    const shown = badge || cell.querySelector('.data-text') || cell;
    const text = shown.textContent;
    const clipped = (badge ? badge.scrollWidth > badge.clientWidth || badge.getBoundingClientRect().right > cell.getBoundingClientRect().right : false)
      || cell.scrollWidth > cell.clientWidth + 0.5;
    if (clipped) cut.push({ text, title: (badge || cell).title });
    if (texts.includes(text)) fits[text] = (fits[text] ?? true) && !clipped;
  }
  return {
    viewportWidth: width,
    controls, overlaps, outside,
    pageOverflowsX: document.documentElement.scrollWidth > width,
    table: box(grid, 'table'),
    detail: detail && visible(detail) ? box(detail, 'detail') : null,
    dataShare: dataHead.getBoundingClientRect().width / grid.clientWidth,
    columnWidths,
    tableScrollsX: grid.scrollWidth > grid.clientWidth,
    chipTops: [...new Set(chips.map((chip) => Math.round(chip.getBoundingClientRect().top)))],
    chipStripHeight: (document.querySelector('.chip-strip') || document.querySelector('.chips')).getBoundingClientRect().height,
    moreChips: more && visible(more) ? more.textContent : null,
    toolbarHeight: document.querySelector('.toolbar').getBoundingClientRect().height,
    cut, fits,
    dataTexts: [...document.querySelectorAll('.table-body .data-text')].map((el) => el.textContent),
  };
}`;
