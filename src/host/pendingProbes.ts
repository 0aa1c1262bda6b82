// Test-only probes waiting for the webview's answer, each matched by its nonce and bounded by a timeout.
import { randomUUID } from 'node:crypto';
import type { RenderedTable } from './testApiTypes';

interface Pending {
  resolve(table: RenderedTable): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export class PendingProbes {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly timeoutMs: number,
    private readonly timeoutMessage: string,
  ) {}

  /** A new probe: its nonce (to post to the webview) and the answer it will get. */
  start(): { nonce: string; answer: Promise<RenderedTable> } {
    const nonce = randomUUID();
    const answer = new Promise<RenderedTable>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(nonce);
        reject(new Error(this.timeoutMessage));
      }, this.timeoutMs);
      this.pending.set(nonce, { resolve, reject, timer });
    });
    return { nonce, answer };
  }

  /** The nonces still waiting, e.g. to post again to a webview that was rebuilt. */
  nonces(): string[] {
    return [...this.pending.keys()];
  }

  /** False when no probe waits for this nonce (a late or foreign answer). */
  settle(nonce: string, table: RenderedTable): boolean {
    const probe = this.pending.get(nonce);
    if (probe === undefined) {
      return false;
    }
    this.pending.delete(nonce);
    clearTimeout(probe.timer);
    probe.resolve(table);
    return true;
  }

  rejectAll(error: Error): void {
    for (const probe of this.pending.values()) {
      clearTimeout(probe.timer);
      probe.reject(error);
    }
    this.pending.clear();
  }
}
