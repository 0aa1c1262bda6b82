// Runs the mock server in its own process, so a benchmark's client has its core to itself; prints the URL.

import { MockServer } from '../../src/mock/mockServer';

void MockServer.start({ port: 0 }).then((server) => {
  process.stdout.write(`${server.url}\n`);
  process.on('disconnect', () => void server.stop().then(() => process.exit(0)));
});
