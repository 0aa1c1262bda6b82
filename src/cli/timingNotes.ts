// `connect`'s diagnoses on stderr: what the headers say after `open`, a warning once events bunch, and the
// timing figures when the session ends. stdout (table, --json, --text) never changes for them.

import type { SseRecord } from '../shared/record';
import { StreamTiming } from '../shared/timing/streamTiming';
import { bunchingWarning, openFactsLine, timingLine } from '../shared/timing/timingText';
import { visibleLine } from '../shared/visibleText';

export class TimingNotes {
  private readonly timing = new StreamTiming();
  private lastFacts: string | undefined;
  private warned = false;
  private checkQueued = false;

  /** `write` takes one line without its newline; header values in it are the server's, so it is made visible. */
  constructor(private readonly write: (line: string) => void) {}

  add(record: SseRecord): void {
    this.timing.add(record);
    if (record.kind === 'open') {
      // Reconnects repeat the line only when the headers say something new.
      const facts = openFactsLine(record);
      if (facts !== this.lastFacts) this.write(visibleLine(facts));
      this.lastFacts = facts;
    }
    if (record.kind === 'event' && !this.warned && !this.checkQueued) {
      // The engine hands over a chunk's events in one go: judge once they are all in, not at each one.
      this.checkQueued = true;
      queueMicrotask(() => this.check());
    }
  }

  /** The closing figures; also the warning, if the last chunk was what made the stream bunched. */
  close(): void {
    this.check();
    // A session that never opened has no timing to speak of; its error says what happened.
    if (this.lastFacts === undefined) return;
    this.write(visibleLine(timingLine(this.timing.summary())));
  }

  private check(): void {
    this.checkQueued = false;
    if (this.warned) return;
    const verdict = this.timing.verdict();
    if (verdict.kind !== 'bunched') return;
    this.warned = true;
    this.write(visibleLine(bunchingWarning(verdict)));
  }
}
