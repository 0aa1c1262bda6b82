// Finds bursts as they happen: runs of events each within a millisecond of the one before, after a silence.

/** Events this close together came in one read from the socket (or one flush of a buffer): a run. */
export const BUNCH_MS = 1;
/** A run counts as a burst only after at least this long without an event: something held the events back. */
export const SILENCE_MS = 50;
/** "Many events": a run shorter than this is what TCP or a busy client does to any stream now and then. */
export const BURST_MIN_EVENTS = 4;

export interface Burst {
  /** Events in the burst. */
  events: number;
  /** The quiet time before the burst's first event. */
  silenceMs: number;
  /** Record number (seq) of the burst's first event. */
  firstSeq: number;
}

export interface BurstFigures {
  /** Bursts seen, the one still growing included when it already qualifies. */
  bursts: number;
  /** Events that came in bursts. */
  burstEvents: number;
  /** The burst with the most events. */
  largest: Burst | undefined;
}

export class BurstTracker {
  private bursts = 0;
  private burstEvents = 0;
  private largest: Burst | undefined;
  /** The run the latest event belongs to. */
  private run: Burst | undefined;

  /** `gapMs` is the time since the previous event of this connection, or since the request for its first event. */
  add(gapMs: number, seq: number): void {
    if (this.run !== undefined && gapMs < BUNCH_MS) {
      this.run.events++;
      return;
    }
    this.settle();
    this.run = { events: 1, silenceMs: gapMs, firstSeq: seq };
  }

  /** A new connection: its first event starts a new run whatever the clock says. */
  endRun(): void {
    this.settle();
    this.run = undefined;
  }

  figures(): BurstFigures {
    const run = this.run;
    if (run === undefined || !isBurst(run)) return { bursts: this.bursts, burstEvents: this.burstEvents, largest: this.largest };
    return {
      bursts: this.bursts + 1,
      burstEvents: this.burstEvents + run.events,
      largest: this.largest === undefined || run.events > this.largest.events ? { ...run } : this.largest,
    };
  }

  /** The first run of the current connection, while it is still the latest run. */
  get current(): Burst | undefined {
    return this.run;
  }

  private settle(): void {
    const run = this.run;
    if (run === undefined || !isBurst(run)) return;
    this.bursts++;
    this.burstEvents += run.events;
    if (this.largest === undefined || run.events > this.largest.events) this.largest = { ...run };
    // Counted once: endRun followed by add must not count it again.
    this.run = undefined;
  }
}

function isBurst(run: Burst): boolean {
  return run.events >= BURST_MIN_EVENTS && run.silenceMs >= SILENCE_MS;
}
