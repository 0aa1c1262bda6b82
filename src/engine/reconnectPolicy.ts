// Decides, after each connection, whether the session ends, fails, gives up or reconnects, and after how long.

import type { ReconnectMode, ReconnectPolicy } from './options';
import { reconnectDelay } from './reconnectDelay';

/** How one connection ended, as far as the decision goes. */
export interface ConnectionEnd {
  retryable: boolean;
  /** The connection had opened (a 200 event stream). */
  opened: boolean;
  /** The server ended the body cleanly. */
  ended?: true;
  /** It delivered at least one event. */
  delivered: boolean;
}

export type Decision =
  { kind: 'fail' } | { kind: 'end' } | { kind: 'give-up'; why: string } | { kind: 'reconnect'; attempt: number; delayMs: number };

/** A GET without a body: all a browser's EventSource can send. */
export function isEventSourceLike(method: string, body: string | undefined): boolean {
  return method.toUpperCase() === 'GET' && (body === undefined || body === '');
}

/**
 * Whether a session sends its request again after a connection ends. Browsers have no POST EventSource: under auto,
 * only what an EventSource could send is sent again.
 */
export function sendsAgain(mode: ReconnectMode, eventSourceLike: boolean): boolean {
  return mode === 'always' || (mode === 'auto' && eventSourceLike);
}

export class Reconnects {
  private failures = 0;
  private readonly reconnects: boolean;

  /** `eventSourceLike`: a GET without a body, which is all a browser's EventSource can send. */
  constructor(
    private readonly policy: ReconnectPolicy | undefined,
    eventSourceLike: boolean,
  ) {
    this.reconnects = sendsAgain(policy?.mode ?? 'auto', eventSourceLike);
  }

  decide(end: ConnectionEnd, reconnectionMs: number): Decision {
    // Only a connection that delivered an event ends a run of failures: one that opened and died at once is a
    // failure too, or `retry: 0` and an instant close would reconnect forever, past any limit.
    if (end.delivered) this.failures = 0;
    if (!end.retryable) return { kind: 'fail' };
    if (end.ended && !this.reconnects) return { kind: 'end' };
    this.failures++;
    const limit = this.policy?.maxAttempts;
    if (!this.reconnects) {
      const mode = this.policy?.mode ?? 'auto';
      return {
        kind: 'give-up',
        why:
          mode === 'never' ? 'reconnecting is turned off' : 'a request other than a GET without a body is not sent again (reconnect: auto)',
      };
    }
    if (limit !== undefined && this.failures > limit) return { kind: 'give-up', why: `gave up after ${limit} reconnect attempts` };
    const delayMs = reconnectDelay(reconnectionMs, this.failures, this.policy, end.opened && !end.delivered);
    return { kind: 'reconnect', attempt: this.failures, delayMs };
  }
}
