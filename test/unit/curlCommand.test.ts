// Copy as curl and paste a curl command: shell words as bash reads them, Chrome's "Copy as cURL", round trips.

import { strict as assert } from 'node:assert';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { RawServer } from './support/rawServer';
import { MASKED, parseCurl, shellQuote, shellWords, toCurl, type CurlRequest } from '../../src/shared/curlCommand';

/** What bash itself makes of a command line's words (no expansion happens in these samples). */
function bashWords(command: string): string[] {
  const out = execFileSync('bash', ['-c', `set -f; eval "set -- $1"; printf '%s\\0' "$@"`, 'bash', command], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

const CHROME_COPY = `curl 'https://api.example.test/v1/chat/completions' \\
  -H 'accept: text/event-stream' \\
  -H 'authorization: Bearer sk-test-123' \\
  -H 'content-type: application/json' \\
  --data-raw $'{"model":"m","messages":[{"role":"user","content":"it\\'s a \\\\"test\\\\"\\\\nsecond line"}],"stream":true}' \\
  --compressed`;

describe('curl commands', () => {
  it("splits words exactly as bash does: single, double and $'…' quotes, escapes and line continuations", () => {
    const samples = [
      CHROME_COPY,
      `curl "http://h/a b" -H "X-Q: \\"quoted\\" \\$HOME" -d 'a'"b"c`,
      `curl $'tab\\there' $'hex\\x41\\u00e9' -H 'K: v'\\\n  -N`,
      `curl   http://h/   'it'\\''s'`,
    ];
    for (const sample of samples) {
      const ours = shellWords(sample);
      assert.ok(ours.ok, sample);
      assert.deepEqual(ours.words, bashWords(sample), sample);
    }
  });

  it("reads Chrome's Copy as cURL: POST, URL, headers in order, the $'…' body decoded", () => {
    const parsed = parseCurl(CHROME_COPY);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.request, {
      method: 'POST',
      url: 'https://api.example.test/v1/chat/completions',
      headers: [
        { name: 'accept', value: 'text/event-stream' },
        { name: 'authorization', value: 'Bearer sk-test-123' },
        { name: 'content-type', value: 'application/json' },
      ],
      body: '{"model":"m","messages":[{"role":"user","content":"it\'s a \\"test\\"\\nsecond line"}],"stream":true}',
      insecure: false,
    });
    assert.deepEqual(parsed.ignored, []);
  });

  it('turns -X, -b, -u, -A, -k and --url into the request, lists unknown options, and refuses what it cannot read', () => {
    const parsed = parseCurl(`curl -X put --url http://h/s -b 'a=1' -u user:pä -A agent -k --trace-ascii x --tcp-nodelay --http2`);
    assert.ok(parsed.ok);
    assert.equal(parsed.request.method, 'PUT');
    assert.equal(parsed.request.url, 'http://h/s');
    assert.equal(parsed.request.insecure, true);
    assert.deepEqual(parsed.request.headers, [
      { name: 'Cookie', value: 'a=1' },
      { name: 'Authorization', value: `Basic ${Buffer.from('user:pä').toString('base64')}` },
      { name: 'User-Agent', value: 'agent' },
    ]);
    assert.deepEqual(parsed.ignored, ['--trace-ascii', '--tcp-nodelay']);
    assert.deepEqual(parseCurl('wget http://h'), { ok: false, problem: 'A curl command starts with "curl"' });
    assert.deepEqual(parseCurl("curl 'http://h"), { ok: false, problem: 'A single quote is not closed' });
    assert.deepEqual(parseCurl('curl -H'), { ok: false, problem: '-H needs a value' });
    assert.deepEqual(parseCurl('curl -N'), { ok: false, problem: 'The curl command has no URL' });
  });

  it('builds curl -N with secrets masked unless revealed, and a revealed command reads back as the same request', () => {
    const request: CurlRequest = {
      method: 'POST',
      url: 'http://127.0.0.1:8080/v1/messages?x=1&y=2',
      headers: [
        { name: 'x-api-key', value: 'sk-ant-secret' },
        { name: 'Content-Type', value: 'application/json' },
      ],
      body: `{"q":"it's\n"}`,
      insecure: true,
    };
    const masked = toCurl(request, { revealSecrets: false });
    assert.ok(!masked.includes('sk-ant-secret'));
    assert.ok(masked.includes(`'x-api-key: ${MASKED}'`));
    const revealed = toCurl(request, { revealSecrets: true });
    assert.equal(revealed.split(' ').slice(0, 2).join(' '), 'curl -N');
    const back = parseCurl(revealed);
    assert.ok(back.ok);
    assert.deepEqual(back.request, request);
    // A GET with no body needs no -X; a DELETE with none does.
    assert.equal(
      toCurl({ method: 'GET', url: 'http://h/', headers: [], body: '', insecure: false }, { revealSecrets: false }),
      'curl -N http://h/',
    );
    assert.equal(
      toCurl({ method: 'DELETE', url: 'http://h/', headers: [], body: '', insecure: false }, { revealSecrets: false }),
      'curl -N -X DELETE http://h/',
    );
  });

  it('quotes for the shell so that bash reads back exactly the text', () => {
    for (const text of ["it's", 'a b', '$HOME', '`x`', 'é\n"q"', '', 'plain-word_1.2:3/x']) {
      assert.deepEqual(bashWords(shellQuote(text)), [text]);
    }
  });
  it('builds a command that real curl runs: the server gets the method, headers and body as given', async () => {
    const server = await RawServer.start((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end('data: ok\n\n');
    });
    try {
      const request: CurlRequest = {
        method: 'PATCH',
        url: `${server.url}/sse?a=1&b=%20`,
        headers: [{ name: 'X-Api-Key', value: "k'1 $x" }],
        body: `{"q":"it's"}`,
        insecure: false,
      };
      const { stdout } = await promisify(execFile)('bash', ['-c', toCurl(request, { revealSecrets: true }) + ' -s']);
      assert.equal(stdout, 'data: ok\n\n');
      const [seen] = server.requests;
      assert.deepEqual(
        [seen.method, seen.path, seen.headers['x-api-key'], seen.body],
        ['PATCH', '/sse?a=1&b=%20', "k'1 $x", `{"q":"it's"}`],
      );
    } finally {
      await server.stop();
    }
  });
});
