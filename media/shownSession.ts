// Which session the view shows and how it stands: the live session's connection status, the picker of kept sessions,
// and the timeline, whose axis runs on while the shown session streams and which may compare it with another.

import type { CompareTrack, ConnectionStatus, SessionList } from '../src/shared/protocol';
import { isLive } from '../src/shared/connectionStatus';
import { SessionBar, type SessionBarEvents } from './sessionBar';
import type { Timeline } from './timeline';

export class ShownSession {
  /** The picker, above the timeline. */
  readonly bar: SessionBar;
  private liveStatus: ConnectionStatus = 'idle';

  constructor(
    private readonly timeline: Timeline,
    events: SessionBarEvents,
  ) {
    this.bar = new SessionBar(events);
  }

  /** The live session's connection status (whichever session is shown). */
  get live(): ConnectionStatus {
    return this.liveStatus;
  }

  /** The status describes the live session; an earlier one shown has ended. */
  get status(): ConnectionStatus {
    return this.bar.showsLive ? this.liveStatus : 'closed';
  }

  setLiveStatus(status: ConnectionStatus): void {
    this.liveStatus = status;
    this.followLive();
  }

  /** Another session shown: its connections and its axis are its own (an earlier one's is not live). */
  showList(list: SessionList): void {
    this.bar.update(list);
    this.followLive();
  }

  /** The session the timeline compares the shown one with, or null for none. */
  compare(track: CompareTrack | null): void {
    this.timeline.setCompare(track);
  }

  /** The timeline's axis runs on to now while the session shown is still streaming. */
  private followLive(): void {
    this.timeline.setLive(isLive(this.status));
  }
}
