import { strict as assert } from 'node:assert';
import { MockServer } from '../../src/mock/mockServer';
import { buildCli } from './support/cliBundle';
import { cli, withoutDiagnoses } from './support/cliRun';
import { GOOD_KEY, ROUTES, routeUrl, startLlmServer } from './support/llmServers';
import type { RawServer } from './support/rawServer';

/** The request each provider's SDK would send, with its key in the provider's header. */
function request(route: keyof typeof ROUTES, key = GOOD_KEY): string[] {
  const provider = ROUTES[route].provider;
  if (provider === 'anthropic') {
    const body = { model: 'claude-sonnet-4-5', max_tokens: 1024, stream: true, messages: [{ role: 'user', content: 'Weather in Paris?' }] };
    return [
      '-X',
      'POST',
      '-H',
      'Content-Type: application/json',
      '-H',
      `x-api-key: ${key}`,
      '-H',
      'anthropic-version: 2023-06-01',
      '-d',
      JSON.stringify(body),
    ];
  }
  if (provider === 'gemini') {
    const body = { contents: [{ role: 'user', parts: [{ text: 'Weather in Paris?' }] }] };
    return ['-X', 'POST', '-H', 'Content-Type: application/json', '-H', `x-goog-api-key: ${key}`, '-d', JSON.stringify(body)];
  }
  const body = {
    model: 'gpt-4o',
    stream: true,
    stream_options: { include_usage: true },
    messages: [{ role: 'user', content: 'Weather in Paris?' }],
  };
  return ['-X', 'POST', '-H', 'Content-Type: application/json', '-H', `Authorization: Bearer ${key}`, '-d', JSON.stringify(body)];
}

// A safety net only: a session that wrongly reconnects ends here and fails on its request count, not on mocha's timeout.
const SAFETY = ['--timeout', '8'];

describe('command line --text against LLM-shaped servers (spawned)', function () {
  let server: RawServer;
  let mock: MockServer;

  before(async () => {
    await buildCli();
    server = await startLlmServer();
    mock = await MockServer.start({ port: 0 });
  });
  after(() => Promise.all([server.stop(), mock.stop()]));

  for (const route of Object.keys(ROUTES) as Array<keyof typeof ROUTES>) {
    const { fixture } = ROUTES[route];
    it(`${fixture.name}: one request, exit 0, stdout exactly the reply, summary on stderr`, async () => {
      const before = server.requests.length;
      const run = await cli(['connect', routeUrl(server, route), ...request(route), '--text', ...SAFETY]);
      assert.equal(server.requests.length - before, 1, 'exactly one request is sent');
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout, fixture.stdout);
      assert.match(run.stderr, /^timing: first event \S+ m?s after the request/m, 'the timing line comes in --text too');
      const stderr = withoutDiagnoses(run.stderr);
      const lines = stderr.trimEnd().split('\n');
      const summary = lines[lines.length - 1];
      assert.ok(summary.startsWith(`summary: ${fixture.format} · `), summary);
      assert.match(
        summary,
        / · headers \d+ ms · first token \d+ ms · \d+ deltas(, [\d.]+\/s)? · gaps median \d+ ms, p95 \d+ ms, max \d+ ms · total \d+ ms$/,
      );
      if (fixture.stopReason !== undefined) assert.ok(summary.includes(` · stop ${fixture.stopReason} · `), summary);
      if (fixture.usage !== undefined) {
        const usage = Object.entries(fixture.usage)
          .map(([name, count]) => `${name} ${count}`)
          .join(', ');
        assert.ok(summary.includes(` · usage ${usage} · `), summary);
      }
      if (fixture.thinking !== undefined) assert.ok(stderr.startsWith(`[thinking]\n${fixture.thinking}\n`), run.stderr);
      else assert.ok(!stderr.includes('[thinking]'), run.stderr);
      if (fixture.error !== undefined) assert.ok(lines.includes(`error: ${fixture.error}`), run.stderr);
    });
  }

  const refused: Array<[keyof typeof ROUTES, RegExp]> = [
    ['openai', /HTTP 401.*: invalid_request_error: Incorrect API key provided: sk-bad/],
    ['anthropic', /HTTP 401.*: authentication_error: invalid x-api-key/],
    ['gemini', /HTTP 400.*: INVALID_ARGUMENT: API key not valid/],
  ];
  for (const [route, expected] of refused) {
    it(`${route} with a wrong key: one request, exit 1, nothing on stdout, the server's JSON explanation on stderr`, async () => {
      const before = server.requests.length;
      const run = await cli(['connect', routeUrl(server, route), ...request(route, 'sk-bad'), '--text', ...SAFETY]);
      assert.equal(server.requests.length - before, 1, 'exactly one request is sent');
      assert.equal(run.code, 1, run.stderr);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^error: .*/);
      assert.match(run.stderr, expected);
      assert.match(run.stderr, /\nsummary: no reply · total \d+ ms\n$/);
    });
  }

  it('prints each event of a stream in no known format on its own line, and a --path selects its text', async () => {
    const plain = await cli(['connect', `${mock.url}/sse?interval=0&count=3`, '--text', ...SAFETY]);
    assert.equal(plain.code, 0, plain.stderr);
    assert.equal(plain.stdout, '{"message": "Hello SSE 1"}\n{"message": "Hello SSE 2"}\n{"message": "Hello SSE 3"}\n{}\n');
    assert.match(
      withoutDiagnoses(plain.stderr),
      /^summary: no LLM format recognized, 4 events printed as sent · headers \d+ ms · total \d+ ms\n$/,
    );
    const path = await cli(['connect', `${mock.url}/sse?interval=0&count=3`, '--path', '$.message', ...SAFETY]);
    assert.equal(path.code, 0, path.stderr);
    assert.equal(path.stdout, 'Hello SSE 1Hello SSE 2Hello SSE 3\n');
    assert.match(withoutDiagnoses(path.stderr), /^summary: json-path · headers \d+ ms · first token \d+ ms · 3 deltas/);
  });

  it('shows the delta text in the table data column for recognized events', async () => {
    const run = await cli(['connect', routeUrl(server, 'anthropic'), ...request('anthropic'), ...SAFETY], { COLUMNS: '200' });
    const lines = run.stdout.split('\n');
    for (const data of [
      'message_start claude-sonnet-4-5 · usage input_tokens 472, output_tokens 2',
      'block thinking',
      'thinking "I need the"',
      'ping',
      '"Okay,"',
      'tool get_weather',
      'args "{\\"location\\":"',
      'stop tool_use · usage output_tokens 89',
    ]) {
      assert.ok(
        lines.some((line) => line.endsWith(` ${data}`)),
        `a row ends with ${data}:\n${run.stdout}`,
      );
    }
    assert.ok(!run.stdout.includes('{"type"'), 'no row shows the raw JSON');
  });

  it('refuses --text with --json, and a bad --path, as usage errors', async () => {
    const both = await cli(['connect', 'http://127.0.0.1:1/x', '--text', '--json']);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--json and --text choose different outputs/);
    const bad = await cli(['connect', 'http://127.0.0.1:1/x', '--path', 'a..b']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--path: expected a name at character 3 of "a\.\.b"/);
  });
});
