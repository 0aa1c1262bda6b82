// `connect` prints the diagnoses on stderr in every output mode: the headers after open, a warning once events
// bunch, and the timing figures at the end; stdout stays exactly what it was. Raw loopback servers pace the bytes.

import { strict as assert } from 'node:assert';
import zlib from 'node:zlib';
import { buildCli } from './support/cliBundle';
import { finish, start, withoutDiagnoses } from './support/cliRun';
import { ScriptedServer, streamHead } from './support/scriptedServer';

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const SAFETY = ['--no-reconnect', '--timeout', '60'];
const block = (n: number) => `data: {"n":${n}}\n\n`;

describe('command line diagnoses on stderr (spawned)', function () {
  this.timeout(60_000);
  let server: ScriptedServer | undefined;
  before(() => buildCli());
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('a gzip stream that arrives as one burst after a silence: header facts after open, a warning naming gzip, the timing line; --json stdout unchanged', async () => {
    server = await ScriptedServer.start(async (socket) => {
      socket.write(streamHead({ 'Content-Encoding': 'gzip' }));
      // The silence: far above the 50 ms a burst needs before it.
      await pause(400);
      socket.end(zlib.gzipSync(Array.from({ length: 12 }, (_, n) => block(n)).join('') + 'event: end\ndata: {}\n\n'));
    });
    const run = await finish(start(['connect', server.url, '--json', ...SAFETY]));
    assert.equal(run.code, 0, run.stderr);
    const stdout = run.stdout.trimEnd().split('\n');
    assert.deepEqual(
      stdout.map((line) => (JSON.parse(line) as { kind: string }).kind),
      ['open', ...Array<string>(13).fill('event'), 'closed'],
      'stdout holds the NDJSON records and nothing else',
    );
    assert.equal(withoutDiagnoses(run.stderr), '');
    const lines = run.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 3, run.stderr);
    assert.match(lines[0], /^diagnosis: headers after \S+ m?s · Content-Encoding: gzip · buffering is judged from the events' timing$/);
    assert.match(
      lines[1],
      /^warning: Events arrive in bursts: likely gzip\. Events were held back and came together: 13 of 13 events came in 1 burst/,
    );
    assert.match(lines[1], /Content-Encoding: gzip: The compressor holds events until its buffer fills/);
    assert.match(
      lines[2],
      /^timing: first event \S+ m?s after the request \(\S+ m?s after the headers\) · 12 gaps: median 0 ms, .* · Events arrive in bursts: likely gzip$/,
    );
  });

  it('nginx in the Server header with paced events: no warning, "No buffering seen"; the table on stdout is unchanged', async () => {
    let stdoutSeen = '';
    const waiters: Array<() => void> = [];
    const arrived = async (n: number) => {
      while (!stdoutSeen.includes(`{"n":${n}}`)) await new Promise<void>((resolve) => waiters.push(resolve));
    };
    server = await ScriptedServer.start(async (socket) => {
      socket.write(streamHead({ Server: 'nginx/1.25.3' }));
      for (let n = 0; n < 6; n++) {
        socket.write(block(n));
        // Paced by the client: the next event goes out once this one is on the CLI's stdout.
        await arrived(n);
        await pause(20);
      }
      socket.end('event: end\ndata: {}\n\n');
    });
    const child = start(['connect', server.url, ...SAFETY], { COLUMNS: '200' });
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutSeen += chunk.toString();
      for (const wake of waiters.splice(0)) wake();
    });
    const run = await finish(child);
    assert.equal(run.code, 0, run.stderr);
    assert.match(stdoutSeen.split('\n')[0], /^\s+#\s+t\s+Δ type/, 'the table starts with its header');
    assert.ok(!stdoutSeen.includes('diagnosis') && !stdoutSeen.includes('timing:'), 'no diagnosis on stdout');
    const lines = run.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 2, run.stderr);
    assert.match(lines[0], /^diagnosis: headers after \S+ m?s · Server: nginx\/1\.25\.3 · /);
    assert.match(lines[1], /^timing: first event .* · 6 gaps: median \S+ ms, p95 \S+ ms, max \S+ m?s · longest .* · No buffering seen$/);
    assert.doesNotMatch(run.stderr, /warning/);
  });
});
