// How long to wait before a reconnect: the stream's reconnection time, backed off on repeated failures.

import type { ReconnectPolicy } from './options';

export const DEFAULT_BACKOFF_FACTOR = 2;
export const DEFAULT_MAX_DELAY_MS = 30_000;
/**
 * The least wait after a second connection in a row that opened and delivered no event (unless maxDelayMs is
 * lower): a server that sends `retry: 0` and closes at once would otherwise get about a hundred requests a second.
 */
export const DIED_YOUNG_FLOOR_MS = 1000;
/** setTimeout fires at once for anything longer; a server's `retry: 99999999999` must not become 1 ms. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * `attempt` counts consecutive failures from 1. The first waits exactly the reconnection time, as a browser
 * does; later ones grow by the backoff factor (from at least 1 ms, so that `retry: 0` backs off too) up to
 * maxDelayMs, but never below what the server asked for. `diedYoung`: the connection opened but delivered no event.
 */
export function reconnectDelay(reconnectionMs: number, attempt: number, policy: ReconnectPolicy | undefined, diedYoung = false): number {
  const factor = Math.max(1, policy?.backoffFactor ?? DEFAULT_BACKOFF_FACTOR);
  const cap = policy?.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const growth = attempt === 1 ? reconnectionMs : Math.max(reconnectionMs, 1) * factor ** (attempt - 1);
  let delay = Math.max(reconnectionMs, Math.min(growth, cap));
  if (diedYoung && attempt >= 2) delay = Math.max(delay, Math.min(DIED_YOUNG_FLOOR_MS, cap));
  return Math.min(delay, LONGEST_TIMER_MS);
}
