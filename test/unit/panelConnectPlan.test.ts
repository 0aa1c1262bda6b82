import { strict as assert } from 'node:assert';
import type { ConnectRequest } from '../../src/shared/protocol';
import { planConnection, type FieldNotice } from '../../src/session/connectPlan';
import { panelTitle } from '../../src/shared/panelTitle';
import { visibleLine } from '../../src/shared/visibleText';

const REQUEST: ConnectRequest = {
  url: 'http://127.0.0.1:8080/sse',
  withCredentials: false,
  origin: '',
  method: 'GET',
  headers: '',
  body: '',
  closeOn: 'end',
};

function noticeFor(changes: Partial<ConnectRequest>): FieldNotice {
  const plan = planConnection({ ...REQUEST, ...changes });
  assert.ok(!plan.ok, 'expected a notice');
  return plan.notice;
}

describe('panel connect plan', () => {
  it('turns a plain request into engine options', () => {
    assert.deepEqual(planConnection(REQUEST), {
      ok: true,
      options: {
        url: 'http://127.0.0.1:8080/sse',
        method: 'GET',
        headers: {},
        withCredentials: false,
        closeOn: 'end',
        reconnect: { mode: 'auto' },
      },
      secretsOrigin: 'http://127.0.0.1:8080',
    });
  });

  it('trusts any certificate only when the request asks, and adds the connect timeout setting', () => {
    const plain = planConnection(REQUEST, {});
    assert.ok(plain.ok);
    assert.equal(plain.options.insecureTls, undefined);
    assert.equal(plain.options.connectTimeoutMs, undefined);
    const asked = planConnection({ ...REQUEST, insecureTls: true }, { connectTimeoutMs: 5000 });
    assert.ok(asked.ok);
    assert.equal(asked.options.insecureTls, true);
    assert.equal(asked.options.connectTimeoutMs, 5000);
  });

  it('passes method, headers, body, credentials mode, origin and close-on event through', () => {
    const plan = planConnection({
      url: '  https://api.example.com/v1/stream ',
      withCredentials: true,
      origin: 'https://app.example.com/',
      method: 'post',
      headers: 'Content-Type: application/json',
      body: '{"stream":true}',
      closeOn: '',
    });
    assert.deepEqual(plan, {
      ok: true,
      options: {
        url: 'https://api.example.com/v1/stream',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        withCredentials: true,
        closeOn: '',
        reconnect: { mode: 'auto' },
        origin: 'https://app.example.com',
        body: '{"stream":true}',
      },
      secretsOrigin: 'https://api.example.com',
    });
  });

  it('refuses URLs that are not http: or https:, naming the scheme, on the URL field', () => {
    for (const url of ['ftp://example.com/sse', 'ws://127.0.0.1/sse', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/plain,x']) {
      const notice = noticeFor({ url });
      assert.equal(notice.field, 'url');
      assert.match(notice.message, /Only http: and https: URLs/);
      assert.ok(notice.message.includes(new URL(url).protocol), notice.message);
    }
  });

  it('refuses an empty URL and text that is no URL at all, on the URL field', () => {
    assert.deepEqual(noticeFor({ url: '  ' }), {
      field: 'url',
      message: 'Enter the URL of an event stream, e.g. http://127.0.0.1:8080/sse.',
    });
    assert.deepEqual(noticeFor({ url: 'localhost:8080/sse' }), {
      field: 'url',
      message: 'Add the scheme in front: http://localhost:8080/sse',
    });
    assert.deepEqual(noticeFor({ url: '127.0.0.1:8080' }), { field: 'url', message: 'Add the scheme in front: http://127.0.0.1:8080' });
    assert.match(noticeFor({ url: 'not a url' }).message, /"not a url" is not a URL/);
  });

  it('refuses a user name or password in the URL, pointing to the credentials', () => {
    const notice = noticeFor({ url: 'http://me:pw@127.0.0.1/sse' });
    assert.equal(notice.field, 'url');
    assert.match(notice.message, /Remove the user name and password/);
  });

  it('refuses an origin that is not an http(s) origin or page URL, on the origin field', () => {
    for (const origin of ['app.example.com', 'ftp://x', 'https://user:pw@a.example', 'not an origin']) {
      assert.equal(noticeFor({ origin }).field, 'origin', origin);
    }
  });

  it('puts a header line problem on the headers field', () => {
    const notice = noticeFor({ headers: 'X-Good: 1\nbroken' });
    assert.equal(notice.field, 'headers');
    assert.match(notice.message, /Header line 2/);
  });

  it('refuses a body on GET or HEAD, and methods fetch cannot send', () => {
    assert.match(noticeFor({ body: '{}' }).message, /A GET request cannot carry a body/);
    assert.match(noticeFor({ method: 'head', body: 'x' }).message, /A HEAD request cannot carry a body/);
    assert.match(noticeFor({ method: 'CONNECT' }).message, /is not a method/);
    assert.match(noticeFor({ method: 'GE T' }).message, /is not a method/);
  });

  it('passes the reconnect choice to the engine, auto for a request saved before the choice existed', () => {
    for (const mode of ['auto', 'always', 'never'] as const) {
      const plan = planConnection({ ...REQUEST, reconnect: mode });
      assert.ok(plan.ok);
      assert.deepEqual(plan.options.reconnect, { mode });
    }
  });

  it('puts the value stored for the origin in place of a masked credential line, and stores typed ones', () => {
    const stored = { authorization: 'Bearer stored-1', cookie: 'sid=stored' };
    const masked = planConnection({ ...REQUEST, headers: 'Authorization: ••••••\nX-Api-Key: typed-2' }, {}, stored);
    assert.ok(masked.ok);
    assert.deepEqual(masked.options.headers, { authorization: 'Bearer stored-1', 'x-api-key': 'typed-2' });
    assert.deepEqual(masked.toStore, { ...stored, 'x-api-key': 'typed-2' });
    const unchanged = planConnection({ ...REQUEST, headers: 'Authorization: ••••••' }, {}, stored);
    assert.ok(unchanged.ok && unchanged.toStore === undefined, 'a Connect that typed nothing new wrote the storage');
    const missing = noticeFor({ headers: 'X-Trace: 1\nAuthorization: ••••••' });
    assert.equal(missing.field, 'headers');
    assert.equal(
      missing.message,
      'Header line 2: no Authorization value is stored for http://127.0.0.1:8080 (•••••• stands for a stored one); type the value.',
    );
  });

  it('adds the stored Cookie with Send credentials only, and never over a Cookie line in the box', () => {
    const stored = { cookie: 'sid=jar' };
    const on = planConnection({ ...REQUEST, withCredentials: true }, {}, stored);
    assert.ok(on.ok);
    assert.deepEqual(on.options.credentials, { cookie: 'sid=jar' });
    const off = planConnection(REQUEST, {}, stored);
    assert.ok(off.ok && off.options.credentials === undefined);
    const typed = planConnection({ ...REQUEST, withCredentials: true, headers: 'Cookie: sid=typed' }, {}, stored);
    assert.ok(typed.ok && typed.options.credentials === undefined);
    assert.equal(typed.options.headers?.cookie, 'sid=typed');
  });

  it('uses GET when the method is left empty', () => {
    const plan = planConnection({ ...REQUEST, method: ' ' });
    assert.ok(plan.ok && plan.options.method === 'GET');
  });

  it('titles a panel by path and query (what tells two streams of one server apart), its host for a bare origin, or neutrally when the URL is unusable', () => {
    assert.equal(panelTitle('http://127.0.0.1:8080/sse'), 'SSE: /sse');
    assert.equal(panelTitle('http://127.0.0.1:8080/sse?interval=10&ids'), 'SSE: /sse?interval=10&ids');
    assert.equal(panelTitle('http://127.0.0.1:8080/?count=3'), 'SSE: /?count=3');
    assert.equal(
      panelTitle('http://h/s?access_token=abc123'),
      'SSE: /s?access_token=[redacted]',
      'a token in the query never reaches the tab',
    );
    const long = panelTitle(`http://h/${'a'.repeat(100)}?tail=end`);
    assert.equal(long.length, 59);
    assert.ok(long.startsWith('SSE: /aaa') && long.endsWith('?tail=end') && long.includes('…'), long);
    assert.equal(panelTitle('https://example.com/'), 'SSE: example.com');
    assert.equal(panelTitle(''), 'SSE Inspector');
    assert.equal(panelTitle('ftp://example.com/x'), 'SSE Inspector');
  });

  it('titles a panel by the name the user gave it, over the URL, with control characters made visible', () => {
    assert.equal(panelTitle('http://127.0.0.1:8080/sse', 'Orders feed'), 'Orders feed');
    assert.equal(panelTitle('http://127.0.0.1:8080/sse', '   '), 'SSE: /sse', 'a blank name falls back to the URL');
    assert.equal(panelTitle('', 'a\u0007b'), visibleLine('a\u0007b'));
    assert.notEqual(visibleLine('a\u0007b'), 'a\u0007b');
  });
});
