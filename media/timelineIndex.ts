// Finds the record under the pointer on the timeline: the nearest kept event, or the nearest lifecycle mark, in time.

import type { RecordRing } from './recordRing';

/** Records looked at on each side of the pointer's time for an event (comments and retries may sit between events). */
const SCAN = 64;

/**
 * Events are found by binary search over the ring (its records are in time order), so nothing per event is kept
 * here. Lifecycle records (open, reconnect, error, closed) are few and drawn on their own lane, so their positions
 * and times are listed; entries whose records the ring dropped are skipped and compacted away.
 */
export class TimelineIndex {
  private positions: number[] = [];
  private times: number[] = [];
  private head = 0;

  constructor(private readonly ring: RecordRing) {}

  reset(): void {
    this.positions = [];
    this.times = [];
    this.head = 0;
  }

  addMark(position: number, t: number): void {
    this.positions.push(position);
    this.times.push(t);
    this.prune();
  }

  /** The position of the lifecycle record nearest to `t`, if one is kept within `tolerance` ms. */
  nearestMark(t: number, tolerance: number): number | undefined {
    this.prune();
    let low = this.head;
    let high = this.times.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.times[middle] < t) low = middle + 1;
      else high = middle;
    }
    return this.closer(
      t,
      tolerance,
      [low - 1, low].filter((index) => index >= this.head && index < this.times.length),
      (index) => ({
        position: this.positions[index],
        t: this.times[index],
      }),
    );
  }

  /** The position of the kept event nearest to `t`, if one is within `tolerance` ms. */
  nearestEvent(t: number, tolerance: number): number | undefined {
    const ring = this.ring;
    let low = ring.firstPosition;
    let high = ring.endPosition;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if ((ring.at(middle)?.t ?? Infinity) < t) low = middle + 1;
      else high = middle;
    }
    const candidates: number[] = [];
    for (let position = low; position < Math.min(ring.endPosition, low + SCAN); position++) {
      if (ring.at(position)?.kind === 'event') {
        candidates.push(position);
        break;
      }
    }
    for (let position = low - 1; position >= Math.max(ring.firstPosition, low - SCAN); position--) {
      if (ring.at(position)?.kind === 'event') {
        candidates.push(position);
        break;
      }
    }
    return this.closer(t, tolerance, candidates, (position) => ({ position, t: ring.at(position)?.t ?? Infinity }));
  }

  private closer(
    t: number,
    tolerance: number,
    candidates: number[],
    read: (candidate: number) => { position: number; t: number },
  ): number | undefined {
    let best: { position: number; distance: number } | undefined;
    for (const candidate of candidates) {
      const { position, t: at } = read(candidate);
      const distance = Math.abs(at - t);
      if (distance <= tolerance && (best === undefined || distance < best.distance)) best = { position, distance };
    }
    return best?.position;
  }

  /** Forgets marks whose records were dropped; compacts now and then rather than shifting per mark. */
  private prune(): void {
    while (this.head < this.positions.length && this.positions[this.head] < this.ring.firstPosition) this.head++;
    if (this.head > 1024 && this.head * 2 > this.positions.length) {
      this.positions = this.positions.slice(this.head);
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }
}
