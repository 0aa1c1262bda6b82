// Paints one frame of the timeline from a projection: rate bars, event ticks, lifecycle marks, the axis. O(columns).

import { MARK_CLOSED, MARK_ERROR, MARK_OPEN, MARK_RECONNECT, type Projection } from '../src/shared/timing/timelineBuckets';
import type { TimelinePalette } from './timelinePalette';

/** The strip's lanes, in CSS pixels from the top; the stylesheet gives the canvas TIMELINE_HEIGHT. */
export const TIMELINE_HEIGHT = 64;
export const MARK_LANE = { top: 2, height: 12 };
const RATE_LANE = { top: 16, height: 26 };
export const EVENT_LANE = { top: 44, height: 7 };
const AXIS_TOP = 53;
/** Time labels are at least this far apart. */
const LABEL_SPACING_PX = 90;

export interface Frame {
  /** CSS pixels. */
  width: number;
  spanMs: number;
  projection: Projection;
  palette: TimelinePalette;
  font: string;
  /** Where the kept rows begin (ms), when older ones were dropped; drawn dimmed before it. */
  droppedBeforeT?: number;
  /** The selected row's time (ms), drawn as a line. */
  selectedT?: number;
  /** Another session's projection on the same axis: its rate as an outline, its events on a lane of their own. */
  compare?: Projection;
}

export function drawTimeline(context: CanvasRenderingContext2D, frame: Frame): void {
  const { width, spanMs, projection, palette } = frame;
  const columnWidth = width / projection.columns;
  const xOf = (t: number): number => (t / spanMs) * width;
  context.clearRect(0, 0, width, TIMELINE_HEIGHT);

  if (frame.droppedBeforeT !== undefined) {
    context.globalAlpha = 0.18;
    context.fillStyle = palette.muted;
    context.fillRect(0, 0, xOf(frame.droppedBeforeT), AXIS_TOP);
    context.globalAlpha = 1;
  }

  // Rate bars, one path for all; a pixel's gap between bars keeps them apart. Compared, both share one scale.
  const compare = frame.compare;
  const peak = Math.max(projection.peakRate, compare?.peakRate ?? 0);
  const barWidth = projection.binColumns * columnWidth;
  context.beginPath();
  if (peak > 0) {
    for (let bin = 0; bin < projection.rates.length; bin++) {
      const rate = projection.rates[bin];
      if (rate <= 0) continue;
      const height = Math.max(1, (rate / peak) * RATE_LANE.height);
      context.rect(bin * barWidth, RATE_LANE.top + RATE_LANE.height - height, Math.max(1, barWidth - 1), height);
    }
  }
  context.globalAlpha = 0.5;
  context.fillStyle = palette.events;
  context.fill();
  context.globalAlpha = 1;

  // Event ticks; compared, the lane is halved: the shown session above, the other below.
  const half = Math.floor(EVENT_LANE.height / 2);
  drawTicks(context, projection, columnWidth, EVENT_LANE.top, compare ? half : EVENT_LANE.height, palette.events);
  if (compare) {
    drawTicks(context, compare, columnWidth, EVENT_LANE.top + half + 1, EVENT_LANE.height - half - 1, palette.compare);
    drawRateOutline(context, compare, barWidth, peak, palette.compare);
    drawCompareMarks(context, compare, columnWidth, palette.compare);
  }

  drawMarks(context, projection, columnWidth, palette);

  if (frame.selectedT !== undefined) {
    context.fillStyle = palette.selected;
    context.fillRect(Math.min(width - 2, Math.max(0, xOf(frame.selectedT) - 1)), 0, 2, AXIS_TOP);
  }

  drawAxis(context, frame);
}

/** A run of columns with events is one rectangle. */
function drawTicks(
  context: CanvasRenderingContext2D,
  projection: Projection,
  columnWidth: number,
  top: number,
  height: number,
  color: string,
): void {
  context.beginPath();
  for (let column = 0; column < projection.columns; column++) {
    if (projection.counts[column] <= 0) continue;
    let end = column + 1;
    while (end < projection.columns && projection.counts[end] > 0) end++;
    context.rect(column * columnWidth, top, Math.max(1, (end - column) * columnWidth), height);
    column = end - 1;
  }
  context.fillStyle = color;
  context.fill();
}

/** The compared session's rate as a stepped line over the shown one's bars, on the same scale. */
function drawRateOutline(context: CanvasRenderingContext2D, compare: Projection, barWidth: number, peak: number, color: string): void {
  if (peak <= 0) return;
  const bottom = RATE_LANE.top + RATE_LANE.height;
  context.beginPath();
  context.moveTo(0, bottom);
  for (let bin = 0; bin < compare.rates.length; bin++) {
    const y = bottom - (compare.rates[bin] / peak) * RATE_LANE.height;
    context.lineTo(bin * barWidth, y);
    context.lineTo((bin + 1) * barWidth, y);
  }
  context.strokeStyle = color;
  context.lineWidth = 1.5;
  context.stroke();
}

/** The compared session's reconnects and errors: short ticks at the foot of the mark lane, in its colour. */
function drawCompareMarks(context: CanvasRenderingContext2D, compare: Projection, columnWidth: number, color: string): void {
  context.fillStyle = color;
  for (let column = 0; column < compare.columns; column++) {
    if ((compare.flags[column] & (MARK_RECONNECT | MARK_ERROR)) === 0) continue;
    context.fillRect(Math.round((column + 0.5) * columnWidth), MARK_LANE.top + MARK_LANE.height - 4, 2, 6);
  }
}

/** Lifecycle marks on their lane, each kind its own shape and colour, with a faint line down through the rate. */
function drawMarks(context: CanvasRenderingContext2D, projection: Projection, columnWidth: number, palette: TimelinePalette): void {
  const middle = MARK_LANE.top + MARK_LANE.height / 2;
  const half = MARK_LANE.height / 2 - 1;
  for (let column = 0; column < projection.columns; column++) {
    const flags = projection.flags[column];
    if (flags === 0) continue;
    const x = Math.round((column + 0.5) * columnWidth);
    if (flags & MARK_OPEN) {
      context.fillStyle = palette.open;
      context.fillRect(x - 1, MARK_LANE.top, 3, MARK_LANE.height);
    }
    if (flags & MARK_CLOSED) {
      context.strokeStyle = palette.muted;
      context.lineWidth = 1.5;
      context.strokeRect(x - half + 1, middle - half + 1, 2 * half - 2, 2 * half - 2);
    }
    if (flags & MARK_RECONNECT) {
      context.fillStyle = palette.reconnect;
      context.beginPath();
      context.moveTo(x, middle - half);
      context.lineTo(x + half, middle);
      context.lineTo(x, middle + half);
      context.lineTo(x - half, middle);
      context.closePath();
      context.fill();
      guide(context, x, palette.reconnect);
    }
    if (flags & MARK_ERROR) {
      context.fillStyle = palette.error;
      context.fillRect(x - half + 1, middle - half + 1, 2 * half - 2, 2 * half - 2);
      guide(context, x, palette.error);
    }
  }
}

function guide(context: CanvasRenderingContext2D, x: number, color: string): void {
  context.globalAlpha = 0.6;
  context.fillStyle = color;
  context.fillRect(x, MARK_LANE.top + MARK_LANE.height, 1, EVENT_LANE.top + EVENT_LANE.height - MARK_LANE.top - MARK_LANE.height);
  context.globalAlpha = 1;
}

/** Round-valued time labels along the bottom, and the peak rate at the top right. */
function drawAxis(context: CanvasRenderingContext2D, frame: Frame): void {
  const { width, spanMs, palette } = frame;
  context.font = frame.font;
  context.fillStyle = palette.text;
  context.textBaseline = 'top';
  const step = niceStep((spanMs * LABEL_SPACING_PX) / Math.max(1, width));
  for (let t = 0; t <= spanMs; t += step) {
    const x = (t / spanMs) * width;
    context.fillRect(Math.round(x), AXIS_TOP - 2, 1, 2);
    const label = timeLabel(t, step);
    const labelWidth = context.measureText(label).width;
    if (x + labelWidth > width) break;
    context.textAlign = 'left';
    context.fillText(label, Math.round(x) + (t === 0 ? 0 : 2), AXIS_TOP + 1);
  }
  const peak = Math.max(frame.projection.peakRate, frame.compare?.peakRate ?? 0);
  if (peak > 0) {
    context.textAlign = 'right';
    context.fillText(`peak ${formatRate(peak)}/s`, width - 2, RATE_LANE.top);
    context.textAlign = 'left';
  }
}

/** The smallest 1-2-5 × 10^n milliseconds at least `ms`. */
function niceStep(ms: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(ms, 0.001)));
  for (const factor of [1, 2, 5, 10]) if (factor * power >= ms) return factor * power;
  return 10 * power;
}

function timeLabel(t: number, step: number): string {
  if (t === 0) return '0';
  if (step >= 60_000) return `${Math.round(t / 60_000)} min`;
  if (step >= 1000) return `${Math.round(t / 1000)} s`;
  return `${(t / 1000).toFixed(step >= 100 ? 1 : step >= 10 ? 2 : 3)} s`;
}

function formatRate(rate: number): string {
  if (rate >= 10_000) return `${Math.round(rate / 1000)}k`;
  if (rate >= 100) return String(Math.round(rate));
  return rate.toFixed(1);
}
