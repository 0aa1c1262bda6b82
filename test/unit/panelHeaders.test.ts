import { strict as assert } from 'node:assert';
import { parseHeaderLines } from '../../src/shared/headerLines';

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

  it('names the line that has no colon', () => {
    assert.match(problemOf('X-A: 1\nnot a header'), /Header line 2 is not "Name: value": "not a header"/);
  });

  it('refuses a name that is not an HTTP token', () => {
    assert.match(problemOf('Bad Name: 1'), /Header line 1: "Bad Name" is not a valid header name/);
    assert.match(problemOf(': no name'), /Header line 1 is not "Name: value"/);
  });

  it('refuses Cookie, Authorization and Proxy-Authorization, pointing to the credentials', () => {
    for (const name of ['Cookie', 'authorization', 'Proxy-Authorization']) {
      assert.match(problemOf(`${name}: secret`), /under Credentials instead/);
    }
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
