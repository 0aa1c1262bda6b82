// Serves the mock server's bursts as recorded bytes, in its own process: a source that does no formatting, so a fast
// client is timed at its own pace rather than at the rate the mock server formats events (about 12 M/s on one core).

import http from 'node:http';
import { MockServer } from '../../src/mock/mockServer';

/** The paths served, each the mock server's own path and query: its response body is recorded once, then replayed. */
const paths = process.argv.slice(2);
/** Written in pieces of this size, waiting for the socket to drain, as a server streaming a large body would. */
const PIECE = 64 * 1024;

async function record(): Promise<Map<string, Buffer>> {
  const mock = await MockServer.start({ port: 0 });
  try {
    const bodies = new Map<string, Buffer>();
    for (const path of paths) {
      const response = await fetch(`${mock.url}${path}`, { headers: { accept: 'text/event-stream' } });
      bodies.set(path, Buffer.from(await response.arrayBuffer()));
    }
    return bodies;
  } finally {
    await mock.stop();
  }
}

async function serve(bodies: Map<string, Buffer>): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const body = bodies.get(request.url ?? '');
    if (body === undefined) {
      response.writeHead(404).end(`not recorded: ${request.url}\n`);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    let at = 0;
    const write = (): void => {
      while (at < body.length) {
        const piece = body.subarray(at, at + PIECE);
        at += piece.length;
        if (!response.write(piece)) {
          response.once('drain', write);
          return;
        }
      }
      response.end();
    };
    write();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

void record()
  .then(serve)
  .then((server) => {
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    process.stdout.write(`http://127.0.0.1:${address.port}\n`);
    process.on('disconnect', () => server.close(() => process.exit(0)));
  });
