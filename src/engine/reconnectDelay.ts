// How long to wait before a reconnect: the stream's reconnection time, backed off on repeated failures.

import type { ReconnectPolicy } from './options';

export const DEFAULT_BACKOFF_FACTOR = 2;
export const DEFAULT_MAX_DELAY_MS = 30_000;
/** setTimeout fires at once for anything longer; a server's `retry: 99999999999` must not become 1 ms. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * `attempt` counts consecutive failures from 1. The first waits exactly the reconnection time, as a browser
 * does; later ones grow by the backoff factor up to maxDelayMs, but never below what the server asked for.
 */
export function reconnectDelay(reconnectionMs: number, attempt: number, policy: ReconnectPolicy | undefined): number {
  const factor = Math.max(1, policy?.backoffFactor ?? DEFAULT_BACKOFF_FACTOR);
  const cap = policy?.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const backedOff = Math.min(reconnectionMs * factor ** (attempt - 1), cap);
  return Math.min(Math.max(reconnectionMs, backedOff), LONGEST_TIMER_MS);
}
