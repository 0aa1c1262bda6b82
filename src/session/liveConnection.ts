// A panel's one live connection: made for a planned request, and ended by the user, by a newer connect, by the stopping
// of the mock server it streams from, or by the panel's end.
import { SseConnection } from '../engine/connection';
import type { ConnectOptions } from '../engine/options';
import type { SseRecord } from '../shared/record';

export class LiveConnection {
  private connection: SseConnection | undefined;
  /** The URL the latest connection was made to (for Stop Mock Server), kept after it ended. */
  private connectedUrl: string | undefined;

  /** True until the live connection ends. */
  get isOpen(): boolean {
    return this.connection !== undefined;
  }

  get url(): string | undefined {
    return this.connectedUrl;
  }

  /** Makes the live connection; `track` sees it before it can end. The one before must have been ended. */
  open(options: ConnectOptions, onRecord: (record: SseRecord) => void, track: (connection: SseConnection) => void): void {
    this.connectedUrl = options.url;
    const connection = new SseConnection(options, onRecord);
    this.connection = connection;
    track(connection);
    void connection.done.then(() => {
      if (this.connection === connection) {
        this.connection = undefined;
      }
    });
  }

  /** Ends the live connection (if any) as the user's doing; `message` says why in its closed record. */
  close(message?: string): void {
    this.connection?.close('user', message);
  }

  /** Ends the live connection for a new one, saying so in its closed record (logged). True when there was one. */
  endForNew(): boolean {
    const previous = this.connection;
    previous?.close('user', 'Closed: a new connection was started in this panel');
    this.connection = undefined;
    return previous !== undefined;
  }

  /** Ends the live connection when it was made to `origin`, with `message` as the closed record's words. True when it did. */
  endIfConnectedTo(origin: string, message: string): boolean {
    if (this.connection === undefined || this.connectedUrl === undefined || new URL(this.connectedUrl).origin !== origin) return false;
    this.connection.close('user', message);
    return true;
  }
}
