// Small helpers the engine's session tests share: picking records of one kind, and a server that serves one body per connection.
import type { ServerResponse } from 'node:http';
import type { SseRecord } from '../../../src/shared/record';
import { RawServer, openStream } from './rawServer';
import { collect } from './records';

export function ofKind<K extends SseRecord['kind']>(records: SseRecord[], kind: K): Array<Extract<SseRecord, { kind: K }>> {
  return records.filter((record): record is Extract<SseRecord, { kind: K }> => record.kind === kind);
}

export function noContent(res: ServerResponse): void {
  res.writeHead(204);
  res.end();
}

/** Serves `bodies[i]` as the i-th connection's whole stream, then 204 to stop the session. */
export async function sessionOver(bodies: string[], retryMs = 5): Promise<{ records: SseRecord[]; server: RawServer }> {
  const server = await RawServer.start((_req, res, _seen, index) => {
    if (index >= bodies.length) return noContent(res);
    openStream(res);
    res.end(bodies[index]);
  });
  try {
    return { records: await collect({ url: `${server.url}/sse`, retryMs, closeOn: '' }), server };
  } finally {
    await server.stop();
  }
}
