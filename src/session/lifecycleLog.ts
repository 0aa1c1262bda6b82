// The output channel's line for a record worth logging: the connection's lifecycle, never its events.
import { assertNever, type SseRecord } from '../shared/record';

export interface LogLine {
  level: 'info' | 'warn';
  text: string;
}

export function lifecycleLogLine(record: SseRecord): LogLine | undefined {
  switch (record.kind) {
    case 'open':
      return {
        level: 'info',
        text: `open ${record.status} ${record.url} (connection ${record.connection}, ${record.ttfbMs} ms to headers)`,
      };
    case 'error':
      return { level: 'warn', text: `error: ${record.message}${record.willReconnect ? ' (will reconnect)' : ''}` };
    case 'reconnect':
      return { level: 'info', text: `reconnect attempt ${record.attempt} in ${record.delayMs} ms` };
    case 'closed':
      return { level: 'info', text: `closed (${record.reason})${record.message ? `: ${record.message}` : ''}` };
    case 'event':
    case 'comment':
    case 'ignored':
    case 'retry':
      return undefined; // Far too many to log; the table shows them.
    default:
      return assertNever(record);
  }
}
