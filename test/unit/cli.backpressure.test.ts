import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildCli } from './support/cliBundle';

/** One event of about 1 KB; the server writes them back to back, forever. */
const EVENT = `data: ${'x'.repeat(1000)}\n\n`;
/** Far beyond what socket buffers, the fetch body queue and one batch of output can hold between them. */
const LIMIT_BYTES = 64 * 1024 * 1024;
/** The server counts as held back once it has waited for 'drain' through this many polls without writing more. */
const STALLED_POLLS = 10;
const POLL_MS = 100;

/** An endless event stream that writes only as fast as the client takes it, and counts what it wrote. */
class EndlessServer {
  written = 0;
  waitingForDrain = false;
  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  static async start(): Promise<EndlessServer> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const self = new EndlessServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    server.on('request', (_req, res: http.ServerResponse) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const pump = (): void => {
        self.waitingForDrain = false;
        while (!res.destroyed) {
          self.written += EVENT.length;
          if (!res.write(EVENT)) {
            self.waitingForDrain = true;
            res.once('drain', pump);
            return;
          }
        }
      };
      pump();
    });
    return self;
  }

  /** Resolves once the client has stopped taking bytes; rejects if it took more than LIMIT_BYTES first. */
  async heldBack(): Promise<number> {
    let still = 0;
    let last = -1;
    while (still < STALLED_POLLS) {
      // Polling a counter: there is no event for "nothing more happened".
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      if (this.written > LIMIT_BYTES) throw new Error(`the client took ${this.written} bytes while its reader read nothing`);
      still = this.waitingForDrain && this.written === last ? still + 1 : 0;
      last = this.written;
    }
    return this.written;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

describe('command line with a reader that stops reading (dist bundle, spawned)', function () {
  this.timeout(60_000);
  let cli: string;
  let server: EndlessServer;
  let child: ChildProcess | undefined;
  before(async () => {
    cli = await buildCli();
  });
  beforeEach(async () => {
    server = await EndlessServer.start();
  });
  afterEach(async () => {
    if (child?.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await server.stop();
  });

  for (const [what, flags] of [
    ['--json', ['--json']],
    ['the table', []],
  ] as const) {
    it(`${what}: stops reading the network while stdout is full, then exits 143 on SIGTERM`, async () => {
      // stdout is a pipe nobody reads, as in `connect … | sleep 60`.
      const spawned = spawn(process.execPath, [cli, 'connect', server.url, '--close-on', '', ...flags], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = spawned;
      spawned.stdout.pause();
      let stderr = '';
      spawned.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = once(spawned, 'exit');
      const taken = await server.heldBack();
      assert.ok(taken <= LIMIT_BYTES, `${taken} bytes`);
      spawned.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      assert.equal(code, 143, stderr);
    });
  }
});
