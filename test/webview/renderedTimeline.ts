// Reads what the timeline canvas shows from its pixels, as a user sees it; evaluated in the webview's page or frame.

/** A run of neighbouring canvas columns (CSS px from the canvas's left edge) painted in one colour. */
export interface PaintedRun {
  from: number;
  to: number;
  center: number;
}

/** Which band of the canvas to read (CSS px from its top) and the colour to look for, as "rgb(r, g, b)". */
export interface PaintedQuery {
  color: string;
  top: number;
  bottom: number;
}

/**
 * Source of a browser-side function (kept as text: the Node test code is compiled without the DOM types). Given a
 * PaintedQuery it returns the runs of columns where some pixel in the band is that colour and nearly opaque, or
 * null when there is no drawn timeline.
 */
const FIND_PAINTED = `(({ color, top, bottom }) => {
  const canvas = document.querySelector('canvas.timeline-canvas');
  if (!canvas || canvas.width === 0 || canvas.getClientRects().length === 0) return null;
  const scale = canvas.width / canvas.getBoundingClientRect().width;
  const [r, g, b] = color.match(/\\d+/g).map(Number);
  const y0 = Math.round(top * scale);
  const rows = Math.max(1, Math.round((bottom - top) * scale));
  const data = canvas.getContext('2d').getImageData(0, y0, canvas.width, rows).data;
  const runs = [];
  let start = -1;
  for (let x = 0; x <= canvas.width; x++) {
    let painted = false;
    for (let y = 0; x < canvas.width && y < rows && !painted; y++) {
      const i = (y * canvas.width + x) * 4;
      painted = data[i + 3] > 200 && Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 24;
    }
    if (painted && start < 0) start = x;
    if (!painted && start >= 0) {
      runs.push({ from: start / scale, to: x / scale, center: (start + x) / 2 / scale });
      start = -1;
    }
  }
  return runs;
})`;

/** The expression to evaluate for `query`. */
export function findPainted(query: PaintedQuery): string {
  return `${FIND_PAINTED}(${JSON.stringify(query)})`;
}
