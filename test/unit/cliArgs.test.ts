import { strict as assert } from 'node:assert';
import { parseCommandLine, UsageError, type ConnectCommand } from '../../src/cli/args';

const URL_ = 'http://127.0.0.1:8080/sse';

function connect(args: string[], env: NodeJS.ProcessEnv = {}): ConnectCommand {
  const command = parseCommandLine(['connect', URL_, ...args], env);
  assert.equal(command.kind, 'connect');
  return command as ConnectCommand;
}

describe('CLI arguments', () => {
  it('maps a bare connect to a GET that closes on the engine default and reconnects', () => {
    const command = connect([]);
    assert.equal(command.options.url, URL_);
    assert.equal(command.options.method, 'GET');
    assert.equal(command.options.closeOn, undefined);
    assert.deepEqual(command.options.reconnect, { mode: 'auto', maxAttempts: undefined });
    assert.equal(command.options.withCredentials, false);
    assert.equal(command.json, false);
    assert.equal(command.maxEvents, undefined);
    assert.equal(command.timeoutMs, undefined);
  });

  it('makes a body a POST unless a method is given, as curl does', () => {
    assert.equal(connect(['-d', '{}']).options.method, 'POST');
    assert.equal(connect(['-d', '{}', '-X', 'PUT']).options.method, 'PUT');
    assert.equal(connect(['--data', 'x']).options.body, 'x');
  });

  it('collects repeated headers, joining the same name (any case) with a comma', () => {
    const { headers } = connect(['-H', 'X-A: 1', '-H', 'Accept-Language:  en ', '--header', 'x-a: 2']).options;
    assert.deepEqual(headers, { 'X-A': '1, 2', 'Accept-Language': 'en' });
  });

  it('sends Authorization and Cookie given with -H as typed: the panel and the CLI follow one header rule', () => {
    const { headers } = connect(['-H', 'Authorization: Bearer abc', '-H', 'Cookie: a=1']).options;
    assert.deepEqual(headers, { Authorization: 'Bearer abc', Cookie: 'a=1' });
  });

  it('refuses -H lines the HTTP client would drop or fail on, as usage errors that do not repeat the value', () => {
    for (const line of [
      'Host: evil.example',
      'Content-Length: 5',
      'Connection: upgrade',
      'Transfer-Encoding: chunked',
      'Keep-Alive: 5',
      'Upgrade: h2c',
      'Expect: 100-continue',
      'TE: trailers',
      'Trailer: X',
    ]) {
      const name = line.slice(0, line.indexOf(':'));
      const value = line.slice(line.indexOf(':') + 2);
      assert.throws(
        () => connect(['-H', 'X-Ok: 1', '-H', line]),
        (error: unknown) =>
          error instanceof UsageError && error.message.startsWith(`-H #2: ${name} cannot be set: `) && !error.message.includes(value),
        line,
      );
    }
  });

  it('reads credentials from the environment, flags winning, and sends them only with --with-credentials', () => {
    const env = { SSE_INSPECTOR_COOKIE: 'from=env', SSE_INSPECTOR_AUTHORIZATION: '' };
    const command = connect(['--with-credentials', '--authorization', 'Bearer flag'], env);
    assert.equal(command.options.withCredentials, true);
    assert.deepEqual(command.options.credentials, { cookie: 'from=env', authorization: 'Bearer flag' });
    assert.deepEqual(command.notes, []);
    assert.match(connect(['--cookie', 'a=b']).notes.join(), /only with --with-credentials/);
  });

  it("reads --close-on '' as never, and the session limits in their units", () => {
    const command = connect(['--close-on', '', '--max-reconnects', '3', '--max-events', '5', '--timeout', '1.5', '--json']);
    assert.equal(command.options.closeOn, '');
    assert.deepEqual(command.options.reconnect, { mode: 'auto', maxAttempts: 3 });
    assert.equal(command.maxEvents, 5);
    assert.equal(command.timeoutMs, 1500);
    assert.equal(command.json, true);
    assert.deepEqual(connect(['--no-reconnect']).options.reconnect, { mode: 'never', maxAttempts: undefined });
  });

  it('reads the reconnect policy, close-on-data, the connect timeout and --insecure', () => {
    assert.equal(connect(['--reconnect', 'always']).options.reconnect?.mode, 'always');
    assert.equal(connect(['--reconnect', 'never']).options.reconnect?.mode, 'never');
    assert.equal(connect(['--reconnect', 'never', '--no-reconnect']).options.reconnect?.mode, 'never');
    const command = connect(['--close-on-data', '[DONE]', '--connect-timeout', '2.5', '--insecure']);
    assert.equal(command.options.closeOnData, '[DONE]');
    assert.equal(command.options.connectTimeoutMs, 2500);
    assert.equal(command.options.insecureTls, true);
    assert.match(command.notes.join(), /warning: --insecure: any TLS certificate is trusted for this connection/);
    const plain = connect([]);
    assert.equal(plain.options.connectTimeoutMs, undefined, 'no connect timeout by default');
    assert.equal(plain.options.insecureTls, undefined, 'certificates are checked by default');
    assert.throws(() => connect(['--reconnect', 'sometimes']), /--reconnect takes auto, always or never/);
    assert.throws(() => connect(['--reconnect', 'always', '--no-reconnect']), /contradict/);
    assert.throws(() => connect(['--reconnect', 'never', '--max-reconnects', '2']), /contradict/);
    assert.throws(() => connect(['--connect-timeout', '0']), /--connect-timeout/);
  });

  it('passes the origin on, and refuses one that is not an origin', () => {
    assert.equal(connect(['--origin', 'http://page.test:3000']).options.origin, 'http://page.test:3000');
    assert.throws(() => connect(['--origin', 'page']), UsageError);
  });

  it('refuses contradictions and bad values with a UsageError naming the flag', () => {
    const refused: Array<[string[], RegExp]> = [
      [['--no-reconnect', '--max-reconnects', '2'], /contradict/],
      [['--max-events', '0'], /--max-events/],
      [['--timeout', '0'], /--timeout/],
      [['--timeout', 'soon'], /--timeout/],
      [['--max-reconnects', '-1'], /argument is ambiguous|--max-reconnects/],
      [['--cookie', 'a\nb', '--with-credentials'], /--cookie must not contain line breaks/],
      [['-H', ': no name'], /-H #1/],
      [['-X', 'GET', '-d', 'body'], /cannot have body/],
    ];
    for (const [args, expected] of refused) {
      assert.throws(
        () => connect(args),
        (error: unknown) => error instanceof UsageError && expected.test(error.message),
        args.join(' '),
      );
    }
  });

  it('parses mock options and help topics', () => {
    assert.deepEqual(parseCommandLine(['mock'], {}), { kind: 'mock', port: 0, intervalMs: undefined });
    assert.deepEqual(parseCommandLine(['mock', '--port', '8080', '--interval', '250'], {}), { kind: 'mock', port: 8080, intervalMs: 250 });
    assert.deepEqual(parseCommandLine(['--help'], {}), { kind: 'help', topic: 'general' });
    assert.deepEqual(parseCommandLine(['mock', '-h'], {}), { kind: 'help', topic: 'mock' });
    assert.deepEqual(parseCommandLine(['connect', '--help'], {}), { kind: 'help', topic: 'connect' });
    assert.deepEqual(parseCommandLine(['--version'], {}), { kind: 'version' });
  });
});
