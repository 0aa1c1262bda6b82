// What the panel says about the stream below and in the table: the stats line (counts, rate, timing, pause, caps)
// and the note an empty table shows.

import type { ConnectionStatus } from '../src/shared/protocol';
import { isLive } from '../src/shared/connectionStatus';
import { assertNever } from '../src/shared/record';
import { h } from './dom';
import { formatBytes, formatCount, formatElapsed } from './format';
import type { StreamStats } from './streamStats';
import { timingStatsView } from './timingStats';

export interface StatsContext {
  status: ConnectionStatus;
  paused: boolean;
  /** Older records the cap dropped, and the cap. */
  dropped: number;
  maxEvents: number;
}

export function statsLineView(stats: StreamStats, { status, paused, dropped, maxEvents }: StatsContext): Node[] {
  const now = Date.now();
  const parts = [
    `${formatCount(stats.events)} events`,
    `${stats.rate(now).toFixed(1)}/s`,
    formatBytes(stats.bytes),
    formatElapsed(stats.elapsed(now, isLive(status))),
    `${formatCount(stats.reconnects)} ${stats.reconnects === 1 ? 'reconnect' : 'reconnects'}`,
  ];
  const children: Node[] = [h('span', { className: 'stats-counts', text: parts.join(' · ') })];
  children.push(...timingStatsView(stats.timing.summary()));
  if (paused) children.push(h('span', { className: 'stats-paused', text: 'Paused: new rows are received but not shown' }));
  if (dropped > 0) {
    children.push(
      h('span', { className: 'stats-dropped', text: `${formatCount(dropped)} older records dropped (cap ${formatCount(maxEvents)})` }),
    );
  }
  return children;
}

/** `kept`: the rows the panel holds (some may be filtered out); `hasUrl`: the form names a stream. */
export function emptyTableText(status: ConnectionStatus, kept: number, hasUrl: boolean): string {
  if (kept > 0) return 'No rows match the filter or the chips.';
  switch (status) {
    case 'idle':
      // After a reload the form is filled again: then only Connect is missing.
      return hasUrl ? 'Not connected. Press Connect to start the stream.' : 'Not connected. Enter a stream URL and press Connect.';
    case 'connecting':
    case 'reconnecting':
      return 'Waiting for the server…';
    case 'open':
      return 'Connected; no events yet.';
    case 'closed':
      return 'Closed. No records kept.';
    default:
      return assertNever(status);
  }
}
