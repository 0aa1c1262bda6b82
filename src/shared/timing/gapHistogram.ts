// Gap statistics in fixed memory: fine log buckets for the median and p95, decades for the histogram people read.

/** Sub-buckets per doubling: each spans 2^(1/16) ≈ 4.4 %, so a quantile is within about 2 % of the true gap. */
const PER_OCTAVE = 16;
/** The smallest gap told apart from zero: records carry times to the microsecond. */
const MIN_MS = 2 ** -10;
/** Gaps up to 2^27 ms (about 37 hours) get their own bucket; longer ones share the last. */
const OCTAVES = 37;
const FINE_BUCKETS = PER_OCTAVE * OCTAVES;

/** Upper bounds of the histogram's decades; the last decade has no upper bound. */
export const DECADE_BOUNDS_MS = [1, 10, 100, 1000, 10_000] as const;

export interface GapFigures {
  count: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

export interface DecadeBucket {
  /** Inclusive lower bound. */
  fromMs: number;
  /** Exclusive upper bound; undefined for the open-ended last bucket. */
  toMs: number | undefined;
  count: number;
}

export class GapHistogram {
  /** Gaps under MIN_MS: events that came in the same chunk. */
  private zero = 0;
  private readonly fine = new Uint32Array(FINE_BUCKETS);
  private readonly decades = new Float64Array(DECADE_BOUNDS_MS.length + 1);
  private count = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = 0;

  add(ms: number): void {
    const gap = Math.max(0, ms);
    this.count++;
    this.min = Math.min(this.min, gap);
    this.max = Math.max(this.max, gap);
    let decade = 0;
    while (decade < DECADE_BOUNDS_MS.length && gap >= DECADE_BOUNDS_MS[decade]) decade++;
    this.decades[decade]++;
    if (gap < MIN_MS) {
      this.zero++;
      return;
    }
    const index = Math.floor(Math.log2(gap / MIN_MS) * PER_OCTAVE);
    this.fine[Math.min(FINE_BUCKETS - 1, index)]++;
  }

  /** The gap at fraction `q` (nearest rank), to within a bucket, never outside the smallest and largest gap seen. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.min(this.count, Math.max(1, Math.ceil(q * this.count)));
    if (rank <= this.zero) return 0;
    if (rank === this.count) return this.max;
    let seen = this.zero;
    for (let index = 0; index < FINE_BUCKETS; index++) {
      seen += this.fine[index];
      if (seen >= rank) {
        const middle = MIN_MS * 2 ** ((index + 0.5) / PER_OCTAVE);
        return Math.min(this.max, Math.max(this.min, middle));
      }
    }
    return this.max;
  }

  figures(): GapFigures | undefined {
    if (this.count === 0) return undefined;
    return { count: this.count, medianMs: this.quantile(0.5), p95Ms: this.quantile(0.95), maxMs: this.max };
  }

  /** Counts per decade: under 1 ms, 1–10 ms, 10–100 ms, 0.1–1 s, 1–10 s, 10 s and over. */
  histogram(): DecadeBucket[] {
    return Array.from(this.decades, (count, index) => ({
      fromMs: index === 0 ? 0 : DECADE_BOUNDS_MS[index - 1],
      toMs: DECADE_BOUNDS_MS[index] as number | undefined,
      count,
    }));
  }
}
