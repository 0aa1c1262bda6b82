// The one credential rule: which headers and query parameters are secrets, and how they are masked in text, requests and the session's memory.
import { strict as assert } from 'node:assert';
import {
  isCredentialHeaderName,
  MASKED,
  maskHeaderLines,
  maskSecrets,
  redactRequest,
  redactUrlParams,
  REDACTED,
} from '../../src/shared/redact';
import { SessionSecrets } from '../../src/session/sessionSecrets';

describe('credential redaction', () => {
  it('knows credential headers by name, in any case, API-key style names included', () => {
    for (const name of [
      'Authorization',
      'proxy-authorization',
      'COOKIE',
      'Set-Cookie',
      'X-Api-Key',
      'Api-Key',
      'x-apikey',
      'X-Auth-Token',
      'X-Amz-Security-Token',
    ]) {
      assert.ok(isCredentialHeaderName(name), name);
    }
    for (const name of ['Content-Type', 'X-Request-Id', 'Last-Event-ID', 'Keep-Alive', 'X-Keyboard', 'Accept']) {
      assert.ok(!isCredentialHeaderName(name), name);
    }
  });

  it('masks the values of credential-like query parameters in URLs and in any text, leaving the rest exactly as it was', () => {
    assert.equal(
      redactUrlParams('http://h:1/sse?access_token=abc.def&count=3&API_KEY=zz9#frag'),
      `http://h:1/sse?access_token=${REDACTED}&count=3&API_KEY=${REDACTED}#frag`,
    );
    assert.equal(
      redactUrlParams('panel-1: connecting to http://h/sse?token=t0k3n&sig=AbC%2B (GET, credentials off)'),
      `panel-1: connecting to http://h/sse?token=${REDACTED}&sig=${REDACTED} (GET, credentials off)`,
    );
    assert.equal(redactUrlParams('http://h/?access%5Ftoken=x1'), `http://h/?access%5Ftoken=${REDACTED}`);
    for (const kept of ['http://h/sse?tokens=1&keys=2&monkey=3', 'http://h/sse?key=', 'no url here', 'a=b']) {
      assert.equal(redactUrlParams(kept), kept);
    }
  });

  it('masks credential header values in the Headers box lines, and a request kept outside the session has none', () => {
    const lines = 'Authorization: Bearer abc\nX-Trace: 1\nx-api-key:k-123\nCookie: a=b; c=d';
    assert.equal(maskHeaderLines(lines), `Authorization: ${MASKED}\nX-Trace: 1\nx-api-key:${MASKED}\nCookie: ${MASKED}`);
    const request = {
      url: 'http://h/sse?access_token=q',
      withCredentials: true,
      origin: '',
      method: 'GET',
      headers: lines,
      body: '',
      closeOn: 'end',
    };
    const kept = redactRequest(request);
    assert.ok(!JSON.stringify(kept).includes('abc') && !JSON.stringify(kept).includes('k-123') && !JSON.stringify(kept).includes('=q'));
    assert.equal(request.headers, lines, 'the request itself is left alone');
  });

  it('remembers every credential value used in the session, a replaced one too, and masks them in any line', () => {
    const secrets = new SessionSecrets();
    secrets.rememberCredentials({ authorization: 'Bearer first-token', cookie: 'sid=cookie-one' });
    secrets.rememberCredentials({ authorization: 'Bearer second-token' });
    secrets.rememberRequest('http://h/sse?api_key=url-key-99', { 'X-Api-Key': 'header-key-77', 'X-Trace': 'trace-1' });
    const line = secrets.mask('echo first-token second-token cookie-one url-key-99 header-key-77 trace-1');
    assert.equal(line, `echo ${REDACTED} ${REDACTED} ${REDACTED} ${REDACTED} ${REDACTED} trace-1`);
    // Exports mask strings with the same function the log uses.
    assert.equal(maskSecrets('echo first-token and ?token=abcd', secrets.list()), `echo ${REDACTED} and ?token=${REDACTED}`);
    const logged: string[] = [];
    secrets
      .maskingLog({ debug: () => {}, info: (text) => logged.push(text), warn: () => {}, error: () => {} })
      .info('sent first-token to http://h/?token=abcd');
    assert.deepEqual(logged, [`sent ${REDACTED} to http://h/?token=${REDACTED}`]);
  });

  it('does not remember a credential header value of a few characters, which would mask ordinary text everywhere', () => {
    const secrets = new SessionSecrets();
    secrets.rememberRequest('http://h/sse', { 'X-Session': '1', 'X-Api-Key': 'abcd-long' });
    assert.equal(secrets.mask('panel-1 at 127.0.0.1 sent abcd-long'), `panel-1 at 127.0.0.1 sent ${REDACTED}`);
  });

  it('saves a request without "Trust any certificate": it was for one connection', () => {
    const request = {
      url: 'https://h/',
      withCredentials: false,
      origin: '',
      method: 'GET',
      headers: '',
      body: '',
      closeOn: '',
      insecureTls: true,
    };
    assert.equal(redactRequest(request).insecureTls, undefined);
    assert.ok(!('insecureTls' in redactRequest(request)));
  });
});
