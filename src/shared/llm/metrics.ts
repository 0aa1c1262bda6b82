// Timing of an LLM stream as people compare providers by it: first token, deltas per second, gaps between deltas.

/** Gaps kept for the median and p95; past this, those two describe the first gaps and `max` stays exact. */
const MAX_GAP_SAMPLES = 262_144;

export interface StreamMetrics {
  /** From sending the request to the response headers (the first open record's ttfbMs). */
  headersMs?: number;
  /** From the connect to the first event that carried generated text (reply, thinking or tool arguments). */
  firstTokenMs?: number;
  /** Events that carried generated text; this counts deltas, not tokens. */
  deltas: number;
  /** Deltas per second from the first to the last delta; absent below two deltas or when they share a millisecond. */
  deltasPerSecond?: number;
  gapMedianMs?: number;
  gapP95Ms?: number;
  gapMaxMs?: number;
  /** From the connect to the last record seen. */
  totalMs: number;
}

/** The value at fraction `q` of sorted `values` (nearest rank). */
function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export class MetricsCounter {
  private headersMs: number | undefined;
  private first: number | undefined;
  private last: number | undefined;
  private deltas = 0;
  private gaps = new Float64Array(1024);
  private gapCount = 0;
  private gapMax: number | undefined;
  private lastSeen = 0;

  /** Called with the time of every record, so that the total covers the whole session. */
  seen(t: number): void {
    this.lastSeen = Math.max(this.lastSeen, t);
  }

  headers(ms: number): void {
    this.headersMs ??= ms;
  }

  delta(t: number): void {
    this.deltas += 1;
    if (this.last !== undefined) this.gap(t - this.last);
    this.first ??= t;
    this.last = t;
  }

  private gap(ms: number): void {
    this.gapMax = Math.max(this.gapMax ?? ms, ms);
    if (this.gapCount === MAX_GAP_SAMPLES) return;
    if (this.gapCount === this.gaps.length) {
      const grown = new Float64Array(Math.min(MAX_GAP_SAMPLES, this.gaps.length * 2));
      grown.set(this.gaps);
      this.gaps = grown;
    }
    this.gaps[this.gapCount++] = ms;
  }

  read(): StreamMetrics {
    const metrics: StreamMetrics = { headersMs: this.headersMs, firstTokenMs: this.first, deltas: this.deltas, totalMs: this.lastSeen };
    if (this.first !== undefined && this.last !== undefined && this.last > this.first) {
      metrics.deltasPerSecond = ((this.deltas - 1) * 1000) / (this.last - this.first);
    }
    if (this.gapCount > 0) {
      const sorted = this.gaps.slice(0, this.gapCount).sort();
      metrics.gapMedianMs = quantile(sorted, 0.5);
      metrics.gapP95Ms = quantile(sorted, 0.95);
      metrics.gapMaxMs = this.gapMax;
    }
    return metrics;
  }
}
