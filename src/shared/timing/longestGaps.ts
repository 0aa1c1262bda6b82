// The few longest gaps between events, each with the record numbers on either side, in fixed memory.

export interface LongGap {
  ms: number;
  /** Record number (seq) of the event before the gap. */
  afterSeq: number;
  /** Record number (seq) of the event that ended the gap. */
  beforeSeq: number;
}

/** How many gaps are kept: enough to spot a pattern, few enough to read at a glance. */
export const LONGEST_KEPT = 5;

export class LongestGaps {
  /** Longest first; never more than LONGEST_KEPT. */
  private gaps: LongGap[] = [];

  add(ms: number, afterSeq: number, beforeSeq: number): void {
    const kept = this.gaps;
    if (kept.length === LONGEST_KEPT && ms <= kept[kept.length - 1].ms) return;
    let at = kept.length;
    while (at > 0 && kept[at - 1].ms < ms) at--;
    kept.splice(at, 0, { ms, afterSeq, beforeSeq });
    if (kept.length > LONGEST_KEPT) kept.pop();
  }

  list(): LongGap[] {
    return this.gaps.map((gap) => ({ ...gap }));
  }
}
