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
  /** The run the latest event belongs to, as numbers (no allocation per event); 0 events: no run. */
  private runEvents = 0;
  private runSilenceMs = 0;
  private runFirstSeq = 0;

  /** `gapMs` is the time since the previous event of this connection, or the silence before its first event. */
  add(gapMs: number, seq: number): void {
    if (this.runEvents > 0 && gapMs < BUNCH_MS) {
      this.runEvents++;
      return;
    }
    this.settle();
    this.runEvents = 1;
    this.runSilenceMs = gapMs;
    this.runFirstSeq = seq;
  }

  /** A new connection: its first event starts a new run whatever the clock says. */
  endRun(): void {
    this.settle();
  }

  figures(): BurstFigures {
    const run = this.current;
    if (run === undefined || !isBurst(run)) return { bursts: this.bursts, burstEvents: this.burstEvents, largest: this.largest };
    return {
      bursts: this.bursts + 1,
      burstEvents: this.burstEvents + run.events,
      largest: this.largest === undefined || run.events > this.largest.events ? run : this.largest,
    };
  }

  /** The latest run, while it lasts. */
  get current(): Burst | undefined {
    return this.runEvents === 0 ? undefined : { events: this.runEvents, silenceMs: this.runSilenceMs, firstSeq: this.runFirstSeq };
  }

  /** Events in the latest run that began with event `seq`; 0 when the latest run began elsewhere. */
  runFrom(seq: number): number {
    return this.runFirstSeq === seq ? this.runEvents : 0;
  }

  private settle(): void {
    const events = this.runEvents;
    // Counted once: a settled run is gone, so endRun followed by add cannot count it again.
    this.runEvents = 0;
    if (events < BURST_MIN_EVENTS || this.runSilenceMs < SILENCE_MS) return;
    const run: Burst = { events, silenceMs: this.runSilenceMs, firstSeq: this.runFirstSeq };
    this.bursts++;
    this.burstEvents += run.events;
    if (this.largest === undefined || run.events > this.largest.events) this.largest = run;
  }
}

function isBurst(run: Burst): boolean {
  return run.events >= BURST_MIN_EVENTS && run.silenceMs >= SILENCE_MS;
}
