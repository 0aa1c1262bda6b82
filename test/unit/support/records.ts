// Runs an SseConnection and hands back what it reported, for engine tests.

import { SseConnection } from '../../../src/engine/connection';
import type { ConnectOptions } from '../../../src/engine/options';
import type { EventRecord, SseRecord } from '../../../src/shared/record';

export interface Session {
  connection: SseConnection;
  records: SseRecord[];
  /** Resolves with the first record (counting from `from`) that matches. */
  next(match: (record: SseRecord) => boolean, from?: number): Promise<SseRecord>;
}

export function connect(options: ConnectOptions): Session {
  const records: SseRecord[] = [];
  const waiters: Array<() => void> = [];
  const connection = new SseConnection(options, (record) => {
    records.push(record);
    for (const wake of waiters.splice(0)) wake();
  });
  const next = async (match: (record: SseRecord) => boolean, from = 0): Promise<SseRecord> => {
    for (;;) {
      const found = records.slice(from).find(match);
      if (found !== undefined) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { connection, records, next };
}

/** Connects, waits for the session to close, and returns every record. */
export async function collect(options: ConnectOptions): Promise<SseRecord[]> {
  const session = connect(options);
  await session.connection.done;
  return session.records;
}

export function eventsOf(records: SseRecord[]): EventRecord[] {
  return records.filter((record): record is EventRecord => record.kind === 'event');
}

/** The parts of events that the stream decides: type, data, own id, last event ID. */
export function eventSummary(records: SseRecord[]): Array<{ type: string; data: string; id?: string; lastEventId: string }> {
  return eventsOf(records).map(({ type, data, id, lastEventId }) =>
    id === null ? { type, data, lastEventId } : { type, data, id, lastEventId },
  );
}

export function kinds(records: SseRecord[]): string[] {
  return records.map((record) => record.kind);
}

/** Options for a one-connection test stream: no reconnect, never close on an event. */
export function once(url: string, extra: Partial<ConnectOptions> = {}): ConnectOptions {
  return { url, reconnect: { mode: 'never' }, closeOn: '', ...extra };
}
