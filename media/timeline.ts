// The timeline strip above the table: events, reconnects and errors on a time axis with the event rate, drawn live
// on a canvas from bucketed counts; hovering a mark names its record and clicking it selects the row.

import type { CompareTrack } from '../src/shared/protocol';
import type { SseRecord } from '../src/shared/record';
import { clipMarked } from '../src/shared/clipText';
import { visibleLine } from '../src/shared/visibleText';
import { h } from './dom';
import { formatCount, formatElapsed, formatSeconds } from './format';
import type { RecordRing } from './recordRing';
import { rowSummary, typeLabel } from './recordText';
import { BUCKETS, MARK_ERROR, MARK_RECONNECT, markOf, TimelineBuckets, type Projection } from '../src/shared/timing/timelineBuckets';
import { drawTimeline, MARK_LANE, TIMELINE_HEIGHT } from './timelineDraw';
import { TimelineIndex } from './timelineIndex';
import { readPalette, watchTheme, type TimelinePalette } from './timelinePalette';

/** An axis shorter than this would stretch the first few events across the whole strip. */
const MIN_SPAN_MS = 1000;
/** How near (CSS px) the pointer must be to a mark to name it: lifecycle marks are bigger than event ticks. */
const MARK_REACH_PX = 6;
const EVENT_REACH_PX = 4;
/** Width of a rate bar (CSS px): narrow enough to show bursts, wide enough that one event is not a spike. */
const RATE_BAR_PX = 6;

export interface TimelineEvents {
  /** The user clicked the mark of the record at `position`. */
  pick(position: number): void;
  /** Whether the table shows that record (the filter or the chips may hide it). */
  isShown(position: number): boolean;
}

export class Timeline {
  readonly element: HTMLDivElement;
  private readonly canvas = h('canvas', { className: 'timeline-canvas', attrs: { role: 'img' } });
  private readonly tip = h('div', { className: 'timeline-tip', attrs: { role: 'tooltip', id: 'timeline-tip' } });
  private readonly buckets = new TimelineBuckets();
  private readonly index: TimelineIndex;
  private projection: Projection | undefined;
  /** Another session drawn on the same axis, to compare with, and its projection. */
  private compare: { track: CompareTrack; buckets: TimelineBuckets; projection?: Projection } | undefined;
  private palette: TimelinePalette | undefined;
  private font = '10px sans-serif';
  private width = 0;
  private frame = 0;
  private live = false;
  /** Wall-clock time of t = 0, from the first record; lets a live axis run on through a silence. */
  private epoch: number | undefined;
  private selected: number | null = null;
  private reconnects = 0;
  private errors = 0;
  private label = '';
  private pointer: { x: number; y: number } | undefined;
  /** The record the tooltip names, so moving within its mark rewrites nothing. */
  private tipPosition: number | undefined;

  constructor(
    private readonly ring: RecordRing,
    private readonly events: TimelineEvents,
  ) {
    this.index = new TimelineIndex(ring);
    this.tip.hidden = true;
    this.element = h('div', { className: 'timeline' }, [this.canvas, this.tip]);
    // Pointer moves come faster than frames: the latest one is looked up once per frame.
    this.canvas.addEventListener('pointermove', (event) => {
      const pending = this.pointer !== undefined;
      this.pointer = { x: event.offsetX, y: event.offsetY };
      if (!pending)
        requestAnimationFrame(() => {
          if (this.pointer) this.hover(this.pointer.x, this.pointer.y);
          this.pointer = undefined;
        });
    });
    this.canvas.addEventListener('pointerleave', () => {
      this.pointer = undefined;
      this.hideTip();
    });
    this.canvas.addEventListener('click', (event) => {
      const position = this.hit(event.offsetX, event.offsetY);
      if (position !== undefined) this.events.pick(position);
    });
    new ResizeObserver((entries) => {
      for (const entry of entries) this.width = entry.contentRect.width;
      this.schedule();
    }).observe(this.canvas);
    watchTheme(() => {
      this.palette = undefined;
      this.schedule();
    });
    this.updateLabel();
  }

  /** Counts a record pushed to the ring at `position`: O(1), whatever the stream's length. */
  add(record: SseRecord, position: number): void {
    this.epoch ??= record.at - record.t;
    if (record.kind === 'event') {
      this.buckets.addEvent(record.t);
      return this.schedule();
    }
    // Comments, retries and ignored lines are rows, but no marks: the strip is about events and connections.
    const mark = markOf(record);
    if (mark === 0) return;
    if (mark === MARK_RECONNECT) this.reconnects++;
    if (mark === MARK_ERROR) this.errors++;
    this.mark(record.t, position, mark);
  }

  reset(): void {
    this.buckets.reset();
    this.index.reset();
    this.epoch = undefined;
    this.selected = null;
    this.reconnects = 0;
    this.errors = 0;
    this.hideTip();
    this.schedule();
  }

  /** While the connection is live the axis runs on to now, so a silence shows as empty space growing. */
  setLive(live: boolean): void {
    this.live = live;
    this.schedule();
  }

  /** Called every second: a live axis moves even when no record arrives. */
  tick(): void {
    if (this.live) this.schedule();
  }

  setSelected(position: number | null): void {
    this.selected = position;
    this.schedule();
  }

  /** Draws another session under this one (null: no longer). */
  setCompare(track: CompareTrack | null): void {
    this.compare = track === null ? undefined : { track, buckets: TimelineBuckets.from(track.buckets) };
    this.schedule();
  }

  setCollapsed(collapsed: boolean): void {
    this.element.hidden = collapsed;
    if (collapsed) this.hideTip();
    this.schedule();
  }

  private mark(t: number, position: number, mark: number): void {
    this.buckets.addMark(t, mark);
    this.index.addMark(position, t);
    this.schedule();
  }

  private schedule(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private spanMs(): number {
    const now = this.live && this.epoch !== undefined ? Date.now() - this.epoch : 0;
    return Math.max(MIN_SPAN_MS, this.buckets.endT, now, this.compare?.buckets.endT ?? 0);
  }

  /** O(BUCKETS + width): the projection reads the buckets, never the records. */
  private draw(): void {
    if (this.element.hidden || this.width <= 0) return this.updateLabel();
    const scale = window.devicePixelRatio || 1;
    const pixelWidth = Math.round(this.width * scale);
    const pixelHeight = Math.round(TIMELINE_HEIGHT * scale);
    // Setting a canvas's size clears it, so only when it changed.
    if (this.canvas.width !== pixelWidth) this.canvas.width = pixelWidth;
    if (this.canvas.height !== pixelHeight) this.canvas.height = pixelHeight;
    const context = this.canvas.getContext('2d');
    if (!context) return;
    if (!this.palette) {
      this.palette = readPalette(this.element);
      this.font = `10px ${getComputedStyle(this.element).fontFamily}`;
    }
    const spanMs = this.spanMs();
    const columns = Math.max(1, Math.min(Math.round(this.width), BUCKETS / 2));
    const binColumns = Math.max(1, Math.round(RATE_BAR_PX * (columns / this.width)));
    this.projection = this.buckets.project(columns, spanMs, binColumns, this.projection);
    if (this.compare) this.compare.projection = this.compare.buckets.project(columns, spanMs, binColumns, this.compare.projection);
    const first = this.ring.firstPosition > 0 ? this.ring.at(this.ring.firstPosition) : undefined;
    const selected = this.selected === null ? undefined : this.ring.at(this.selected);
    context.setTransform(scale, 0, 0, scale, 0, 0);
    drawTimeline(context, {
      width: this.width,
      spanMs,
      projection: this.projection,
      palette: this.palette,
      font: this.font,
      droppedBeforeT: first?.t,
      selectedT: selected?.t,
      compare: this.compare?.projection,
    });
    this.updateLabel();
  }

  /** The canvas's accessible name sums up what it draws; changed only when the words change. */
  private updateLabel(): void {
    const events = this.buckets.events;
    const parts = [`Timeline: ${formatCount(events)} ${events === 1 ? 'event' : 'events'} over ${formatElapsed(this.buckets.endT)}`];
    if (this.projection && this.projection.peakRate > 0) parts.push(`peak ${Math.round(this.projection.peakRate)} per second`);
    parts.push(`${formatCount(this.reconnects)} ${this.reconnects === 1 ? 'reconnect' : 'reconnects'}`);
    parts.push(`${formatCount(this.errors)} ${this.errors === 1 ? 'error' : 'errors'}`);
    let label = `${parts.join(', ')}. The table lists the same records.`;
    if (this.compare) {
      const { track, buckets } = this.compare;
      const peak = this.compare.projection?.peakRate ?? 0;
      label += ` Compared with session ${track.number} (${clipMarked(visibleLine(track.place), 80)}${track.streaming ? ', so far' : ''}): ${formatCount(buckets.events)} ${buckets.events === 1 ? 'event' : 'events'} over ${formatElapsed(buckets.endT)}${peak > 0 ? `, peak ${Math.round(peak)} per second` : ''}.`;
    }
    if (label === this.label) return;
    this.label = label;
    this.canvas.setAttribute('aria-label', label);
  }

  /** The record whose mark is under the pointer: lifecycle marks first on their lane, events first below it. */
  private hit(x: number, y: number): number | undefined {
    if (this.width <= 0) return undefined;
    const msPerPx = this.spanMs() / this.width;
    const t = x * msPerPx;
    const mark = (): number | undefined => this.index.nearestMark(t, MARK_REACH_PX * msPerPx);
    const event = (): number | undefined => this.index.nearestEvent(t, EVENT_REACH_PX * msPerPx);
    return y <= MARK_LANE.top + MARK_LANE.height + 2 ? (mark() ?? event()) : (event() ?? mark());
  }

  private hover(x: number, y: number): void {
    const position = this.hit(x, y);
    const record = position === undefined ? undefined : this.ring.at(position);
    this.canvas.classList.toggle('over-mark', record !== undefined);
    if (position === undefined || record === undefined) return this.hideTip();
    if (position !== this.tipPosition || this.tip.hidden) {
      this.tipPosition = position;
      this.tip.textContent = describe(record, this.events.isShown(position));
      this.tip.hidden = false;
      this.canvas.setAttribute('aria-describedby', this.tip.id);
    }
    // Kept inside the strip without measuring it (a forced layout per move): on the right half it opens leftwards.
    const edge = this.canvas.offsetLeft;
    if (x < this.width / 2) {
      this.tip.style.left = `${edge + x + 8}px`;
      this.tip.style.right = '';
    } else {
      this.tip.style.left = '';
      this.tip.style.right = `${edge + this.width - x + 8}px`;
    }
  }

  private hideTip(): void {
    this.tipPosition = undefined;
    this.tip.hidden = true;
    this.canvas.removeAttribute('aria-describedby');
  }
}

/** e.g. "message #42 · id 17:3 · 1.234 s", or "error #9 · 1.500 s · Connection refused · will reconnect". */
function describe(record: SseRecord, shown: boolean): string {
  const parts = [`${clipMarked(typeLabel(record), 60)} #${record.seq}`];
  if (record.kind === 'event' && record.id !== null) parts.push(`id ${clipMarked(visibleLine(record.id), 60)}`);
  parts.push(formatSeconds(record.t));
  if (record.kind !== 'event') parts.push(clipMarked(rowSummary(record), 120));
  if (!shown) parts.push('hidden by the filter');
  return parts.join(' · ');
}
