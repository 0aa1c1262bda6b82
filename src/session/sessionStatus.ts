// How a panel's connection status follows from the records its connection emits.
import type { ConnectionStatus } from '../shared/protocol';
import type { SseRecord } from '../shared/record';

export function statusAfter(current: ConnectionStatus, record: SseRecord): ConnectionStatus {
  switch (record.kind) {
    case 'open':
      return 'open';
    case 'reconnect':
      return 'reconnecting';
    case 'closed':
      return 'closed';
    default:
      // Events, comments, retries and errors happen within a status; an error is followed by
      // a reconnect or a closed record, which then moves the status on.
      return current;
  }
}
