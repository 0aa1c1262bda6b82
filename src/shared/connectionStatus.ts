// Whether a connection status means the stream goes on: shared by the host (the session picker) and the webview.

import type { ConnectionStatus } from './protocol';

/** Connecting, open or reconnecting: the stream has not ended. */
export function isLive(status: ConnectionStatus): boolean {
  return status === 'connecting' || status === 'open' || status === 'reconnecting';
}
