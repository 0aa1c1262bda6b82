import { strict as assert } from 'node:assert';
import { MockServer } from '../../src/mock/mockServer';
import { redactedHeaderValue } from '../../src/mock/requestLog';
import { REDACTED } from '../../src/shared/redact';
import { buildCli } from './support/cliBundle';
import { cli, finish, start, waitForOutput, withoutDiagnoses } from './support/cliRun';
import { rawRequest } from './support/rawClient';
import { RawServer, openStream } from './support/rawServer';

/** Resolves with the stdout so far once it contains `text`. */

type Json = Record<string, unknown>;
const records = (stdout: string): Json[] =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Json);

describe('command line (dist bundle, spawned)', function () {
  let server: MockServer;

  before(async () => {
    await buildCli();
    server = await MockServer.start({ port: 0 });
  });
  after(() => server.stop());

  it('connect --json prints open, ten messages, end and closed(close-on-event) as NDJSON, and exits 0', async () => {
    const run = await cli(['connect', `${server.url}/sse?interval=20`, '--json']);
    assert.equal(run.code, 0, run.stderr);
    // Nothing on stderr but the diagnoses: the headers after open, then the timing figures at the end.
    assert.equal(withoutDiagnoses(run.stderr), '');
    const diagnoses = run.stderr.trimEnd().split('\n');
    assert.equal(diagnoses.length, 2, run.stderr);
    assert.match(diagnoses[0], /^diagnosis: headers after \S+ m?s · no compression or proxy headers · /);
    assert.match(diagnoses[1], /^timing: first event .* · 10 gaps: median .* · No buffering seen$/);
    const all = records(run.stdout);
    assert.deepEqual(
      all.map((record) => (record.kind === 'event' ? `event:${String(record.type)}` : record.kind)),
      ['open', ...Array<string>(10).fill('event:message'), 'event:end', 'closed'],
    );
    const events = all.filter((record) => record.kind === 'event');
    events.slice(0, 10).forEach((event, i) => {
      assert.equal(event.data, `{"message": "Hello SSE ${i + 1}"}`);
      assert.equal(event.lastEventId, '');
      assert.equal(typeof event.t, 'number');
    });
    assert.equal(all[all.length - 1].reason, 'close-on-event');
  });

  it('NDJSON events carry kind, type, data, id, lastEventId and t', async () => {
    const run = await cli(['connect', `${server.url}/sse?interval=0&count=2&ids`, '--json']);
    assert.equal(run.code, 0, run.stderr);
    const events = records(run.stdout).filter((record) => record.kind === 'event');
    assert.deepEqual(
      events.map(({ kind, type, data, id, lastEventId }) => ({ kind, type, data, id, lastEventId })),
      [
        { kind: 'event', type: 'message', data: '{"message": "Hello SSE 1"}', id: '1', lastEventId: '1' },
        { kind: 'event', type: 'message', data: '{"message": "Hello SSE 2"}', id: '2', lastEventId: '2' },
        { kind: 'event', type: 'end', data: '{}', id: null, lastEventId: '2' },
      ],
    );
    assert.ok(events.every((event) => typeof event.t === 'number' && typeof event.seq === 'number'));
  });

  it('a 404 fails the connection: exit 1, with the error and closed(failed) records', async () => {
    const run = await cli(['connect', `${server.url}/missing`, '--json']);
    assert.equal(run.code, 1);
    const all = records(run.stdout);
    const error = all.find((record) => record.kind === 'error');
    assert.equal(error?.status, 404);
    assert.equal(all[all.length - 1].kind, 'closed');
    assert.equal(all[all.length - 1].reason, 'failed');
  });

  // How a session ends: [what, query, extra flags, exit code, events printed, closed reason].
  const endings: Array<[string, string, string[], number, number, string]> = [
    ['a cut stream with --no-reconnect exits 1 (reconnect-limit)', 'interval=0&drop=2', ['--no-reconnect'], 1, 2, 'reconnect-limit'],
    [
      '--max-events 3 prints exactly three events, closes with max-events and exits 0',
      'interval=0',
      ['--max-events', '3'],
      0,
      3,
      'max-events',
    ],
    ['--timeout closes a quiet stream with timeout and exits 0', 'interval=600000', ['--timeout', '0.3'], 0, 1, 'timeout'],
    [
      "--close-on '' keeps going past end; with --no-reconnect the stream's own end is then the normal end (exit 0, ended)",
      'interval=0&count=1',
      ['--close-on', '', '--no-reconnect'],
      0,
      2,
      'ended',
    ],
  ];
  for (const [what, query, flags, code, events, reason] of endings) {
    it(what, async () => {
      const run = await cli(['connect', `${server.url}/sse?${query}`, '--json', ...flags]);
      assert.equal(run.code, code, run.stderr);
      const all = records(run.stdout);
      assert.equal(all.filter((record) => record.kind === 'event').length, events);
      assert.equal(all[all.length - 1].reason, reason);
    });
  }

  it('Ctrl-C closes the session (closed: user) and exits 130', async () => {
    const child = start(['connect', `${server.url}/sse?interval=600000`, '--json']);
    const result = finish(child);
    await waitForOutput(child, '"kind":"event"');
    child.kill('SIGINT');
    const run = await result;
    assert.equal(run.code, 130);
    const all = records(run.stdout);
    assert.equal(all[all.length - 1].reason, 'user');
  });

  it('without --json (not a TTY) prints a plain aligned table: header first, no colour codes', async () => {
    const run = await cli(['connect', `${server.url}/sse?interval=0&count=2&retry=500`], { COLUMNS: '100' });
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^\s+# +t +Δ type +id +size data$/);
    assert.equal(lines.length, 1 + 6); // open, retry, 2 messages, end, closed
    assert.ok(!run.stdout.includes('\x1b'), 'no ANSI escapes in a pipe');
    assert.ok(lines.every((line) => line.length <= 100));
    assert.match(lines[3], /message .*\{"message":"Hello SSE 1"\}$/);
    // Every row's data column starts where the header's does.
    const dataAt = lines[0].indexOf('data');
    assert.ok(lines.slice(1).every((line) => line[dataAt - 1] === ' ' && line[dataAt] !== ' '));
  });

  describe('against hostile and API servers', () => {
    it('a POST whose stream the server ends exits 0 (closed: ended) after exactly one request', async () => {
      const api = await RawServer.start((_req, res) => {
        openStream(res);
        res.end('data: {"delta":"Hi"}\n\ndata: [DONE]\n\n');
      });
      try {
        const run = await cli(['connect', `${api.url}/v1/chat`, '-d', '{"stream":true}', '--json']);
        assert.equal(run.code, 0, run.stderr);
        assert.equal(records(run.stdout).at(-1)?.reason, 'ended');
        assert.equal(api.requests.length, 1);
      } finally {
        await api.stop();
      }
    });

    it('a corrupt gzip body, then the server closes: an error and a closed record, exit 1 under --no-reconnect', async () => {
      const api = await RawServer.start((_req, res) => {
        openStream(res, { 'content-encoding': 'gzip' });
        res.end(Buffer.from('not gzip at all, just bytes'));
      });
      try {
        const run = await cli(['connect', `${api.url}/sse`, '--no-reconnect', '--json']);
        assert.equal(run.code, 1, run.stderr);
        assert.deepEqual(
          records(run.stdout).map((record) => record.kind),
          ['open', 'error', 'closed'],
        );
      } finally {
        await api.stop();
      }
    });

    it("a 401 row in the table shows the first line of the server's body", async () => {
      const api = await RawServer.start(
        (_req, res) => void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"bad key"}\n'),
      );
      try {
        const run = await cli(['connect', `${api.url}/sse`, '-H', 'Authorization: Bearer sk-table-secret'], { COLUMNS: '200' });
        assert.equal(run.code, 1, run.stderr);
        assert.match(run.stdout, /401 Unauthorized.*the server said: \{"error":"bad key"\}/);
        assert.ok(!`${run.stdout}${run.stderr}`.includes('sk-table-secret'), 'the table prints no request header');
      } finally {
        await api.stop();
      }
    });
  });

  it('sends method, headers, body and credentials, and never prints the secret', async () => {
    const secret = 'session=s3cr3t-value';
    const before = server.requests.length;
    const run = await cli(
      [
        'connect',
        `${server.url}/sse?interval=0&count=1`,
        '-d',
        '{"q":1}',
        '-H',
        'X-Trace: abc',
        '--with-credentials',
        '--origin',
        'http://page.test',
        '--json',
      ],
      { SSE_INSPECTOR_COOKIE: secret, SSE_INSPECTOR_AUTHORIZATION: 'Bearer t0ken' },
    );
    assert.equal(run.code, 0, run.stderr);
    const seen = server.requests[before];
    assert.equal(seen.method, 'POST');
    assert.equal(seen.headers['x-trace'], 'abc');
    assert.equal(seen.headers.cookie, redactedHeaderValue(secret));
    assert.equal(seen.headers.authorization, redactedHeaderValue('Bearer t0ken'));
    assert.equal(seen.headers.origin, 'http://page.test');
    assert.ok(!run.stdout.includes('s3cr3t') && !run.stderr.includes('s3cr3t'));
    assert.ok(!run.stdout.includes('t0ken') && !run.stderr.includes('t0ken'));
    const open = records(run.stdout)[0];
    assert.deepEqual((open.cors as Json | undefined)?.allowed, true);
    // --json carries the request as sent, credentials masked by the engine.
    const request = open.request as { method: string; headers: Json; bodyStart: string; origin: string };
    assert.equal(request.method, 'POST');
    assert.equal(request.bodyStart, '{"q":1}');
    assert.equal(request.origin, 'http://page.test');
    assert.equal(request.headers['x-trace'], 'abc');
    assert.equal(request.headers.cookie, REDACTED);
    assert.equal(request.headers.authorization, REDACTED);
  });

  it('leaves the credentials out without --with-credentials, and says so for flags', async () => {
    const before = server.requests.length;
    const run = await cli(['connect', `${server.url}/sse?interval=0&count=0`, '--cookie', 'a=b', '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(server.requests[before].headers.cookie, undefined);
    assert.match(run.stderr, /sent only with --with-credentials/);
  });

  describe('usage errors exit 2 with one line on stderr', () => {
    const cases: Array<[string, string[], RegExp]> = [
      ['a missing command', [], /missing command/],
      ['an unknown command', ['listen'], /unknown command "listen"/],
      ['a missing URL', ['connect'], /connect needs a URL/],
      ['a non-http URL', ['connect', 'ftp://example.com/sse'], /Only http: and https: URLs/],
      ['a malformed URL', ['connect', 'not a url'], /"not a url" is not a URL/],
      ['an unknown flag', ['connect', 'http://127.0.0.1:1/sse', '--follow'], /Unknown option '--follow'/],
      ['a bad number', ['connect', 'http://127.0.0.1:1/sse', '--max-events', 'ten'], /--max-events takes a whole number/],
      ['a bad timeout', ['connect', 'http://127.0.0.1:1/sse', '--timeout', '-1'], /--timeout|argument is ambiguous/],
      ['bad header syntax', ['connect', 'http://127.0.0.1:1/sse', '-H', 'Authorization Bearer xyz'], /-H #1 must look like "Name: value"/],
      [
        'a header the HTTP client owns (it used to exit 1 and retry forever)',
        ['connect', 'http://127.0.0.1:1/sse', '-H', 'Connection: upgrade-xyz'],
        /-H #1: Connection cannot be set/,
      ],
      [
        'a Host header (it used to be dropped silently)',
        ['connect', 'http://127.0.0.1:1/sse', '-H', 'Host: xyz.example'],
        /-H #1: Host cannot be set/,
      ],
      ['a flag without its value', ['connect', 'http://127.0.0.1:1/sse', '-X'], /argument missing/],
      ['a bad port for mock', ['mock', '--port', '70000'], /--port takes a whole number from 0 to 65535/],
    ];
    for (const [what, args, expected] of cases) {
      it(what, async () => {
        const run = await cli(args);
        assert.equal(run.code, 2);
        assert.equal(run.stdout, '');
        assert.match(run.stderr, expected);
        assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
        assert.doesNotMatch(run.stderr, /xyz/);
      });
    }
  });

  it('--help and --version print to stdout and exit 0', async () => {
    const help = await cli(['connect', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: sse-inspector connect <url> \[options\]/);
    const version = await cli(['--version']);
    assert.equal(version.code, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('mock prints its URL, serves the sequence, and stops cleanly on Ctrl-C', async () => {
    const child = start(['mock', '--interval', '0']);
    const result = finish(child);
    const banner = await waitForOutput(child, 'Press Ctrl-C to stop.');
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1];
    assert.ok(url, banner);
    assert.ok(banner.includes(`${url}/sse`));
    const body = await (await fetch(`${url}/sse`)).text();
    assert.ok(body.endsWith('data: {"message": "Hello SSE 10"}\n\nevent: end\ndata: {}\n\n'));
    child.kill('SIGINT');
    const run = await result;
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Mock server stopped\.\n$/);
    await assert.rejects(fetch(`${url}/sse`), 'the port is closed after stopping');
  });

  it('mock answers GET //a:99999/sse (which crashed it with Invalid URL) with 400 and keeps serving', async () => {
    const child = start(['mock', '--interval', '0']);
    const result = finish(child);
    const banner = await waitForOutput(child, 'Press Ctrl-C to stop.');
    const port = Number(/listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(banner)?.[1]);
    const answer = await rawRequest(port, 'GET //a:99999/sse HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    assert.equal(answer.status, 400);
    assert.equal((await fetch(`http://127.0.0.1:${port}/sse?count=0`)).status, 200, 'still serving');
    child.kill('SIGINT');
    const run = await result;
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /TypeError/);
  });

  it('mock on a busy port exits 1 with a clear message', async () => {
    const run = await cli(['mock', '--port', String(server.port)]);
    assert.equal(run.code, 1);
    assert.equal(run.stderr, `sse-inspector: Port ${server.port} is already in use\n`);
  });
});
