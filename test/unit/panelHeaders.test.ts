import { strict as assert } from 'node:assert';
import { isCredentialHeader, parseHeaderLines } from '../../src/shared/headerLines';

function problemOf(text: string): string {
  const parsed = parseHeaderLines(text);
  assert.ok(!parsed.ok, 'expected a problem');
  return parsed.problem;
}

describe('panel header lines', () => {
  it('parses "Name: value" lines with any line ending, skipping blank lines and trimming', () => {
    const parsed = parseHeaderLines('Accept-Language: de\r\n\n  X-Trace :  abc  \rX-Empty:');
    assert.deepEqual(parsed, { ok: true, headers: { 'accept-language': 'de', 'x-trace': 'abc', 'x-empty': '' } });
  });

  it('keeps colons after the first one in the value', () => {
    assert.deepEqual(parseHeaderLines('X-At: 12:30:05'), { ok: true, headers: { 'x-at': '12:30:05' } });
  });

  it('combines a repeated name into one comma-separated value, whatever its case', () => {
    assert.deepEqual(parseHeaderLines('X-A: 1\nx-a: 2'), { ok: true, headers: { 'x-a': '1, 2' } });
  });

  it('treats names like __proto__ and constructor as ordinary header names', () => {
    const parsed = parseHeaderLines('__proto__: a\nconstructor: b');
    assert.ok(parsed.ok);
    assert.equal(Object.getPrototypeOf(parsed.headers), Object.prototype);
    assert.deepEqual(Object.entries(parsed.headers), [
      ['__proto__', 'a'],
      ['constructor', 'b'],
    ]);
  });

  it('names the line that has no colon, without repeating it (it may hold a secret)', () => {
    const problem = problemOf('X-A: 1\nAuthorization Bearer s3cret');
    assert.match(problem, /Header line 2 must look like "Name: value"/);
    assert.doesNotMatch(problem, /s3cret/);
  });

  it('refuses a name that is not an HTTP token', () => {
    assert.match(problemOf('Bad Name: 1'), /Header line 1: "Bad Name" is not a valid header name/);
    assert.match(problemOf(': no name'), /Header line 1 must look like "Name: value"/);
  });

  // One rule for the panel and the CLI (issue 7 §2): credentials typed as headers are sent as typed; keeping their
  // values secret is the panel's job (issue 9 §4), and isCredentialHeader says which names that covers.
  it('sends Cookie, Authorization and Proxy-Authorization as typed, and names them as credentials', () => {
    assert.deepEqual(parseHeaderLines('Cookie: a=1\nauthorization: Bearer t\nProxy-Authorization: Basic x'), {
      ok: true,
      headers: { cookie: 'a=1', authorization: 'Bearer t', 'proxy-authorization': 'Basic x' },
    });
    for (const name of ['Cookie', 'authorization', 'Proxy-Authorization', 'X-Api-Key', 'api-key', 'X-Auth-Token'])
      assert.ok(isCredentialHeader(name), name);
    for (const name of ['Accept', 'X-Trace', 'Last-Event-ID', 'Origin']) assert.ok(!isCredentialHeader(name), name);
  });

  it('refuses the headers the HTTP client owns, saying why and never repeating the value', () => {
    const owned = [
      'Host',
      'Content-Length',
      'Transfer-Encoding',
      'Connection',
      'keep-alive',
      'Proxy-Connection',
      'Upgrade',
      'TE',
      'Trailer',
      'Expect',
    ];
    for (const name of owned) {
      const problem = problemOf(`X-Ok: 1\n${name}: s3cret-value`);
      assert.match(problem, new RegExp(`^Header line 2: ${name} cannot be set: `), name);
      assert.doesNotMatch(problem, /s3cret/, name);
    }
    assert.match(problemOf('Host: example.com'), /comes from the URL/);
  });

  it('refuses values fetch cannot send: control characters or characters beyond Latin-1', () => {
    assert.match(problemOf('X-Name: 名前'), /cannot carry/);
    assert.match(problemOf('X-Name: a\u0000b'), /cannot carry/);
    assert.deepEqual(parseHeaderLines('X-Name: caf\u00e9\tok'), { ok: true, headers: { 'x-name': 'caf\u00e9\tok' } });
  });

  it('accepts an empty text as no headers', () => {
    assert.deepEqual(parseHeaderLines(''), { ok: true, headers: {} });
  });
});
