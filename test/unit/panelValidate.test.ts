import { strict as assert } from 'node:assert';
import type { ConnectRequest, WebviewToExtension } from '../../src/shared/protocol';
import { connectRequestProblem, LIMITS, partialConnectRequestProblem, validateWebviewMessage } from '../../src/session/validate';

const REQUEST: ConnectRequest = {
  url: 'http://127.0.0.1:8080/sse',
  withCredentials: false,
  origin: '',
  method: 'GET',
  headers: 'X-A: 1',
  body: '',
  closeOn: 'end',
};

/** One well-formed example of every message the webview may send. */
const WELL_FORMED: { [T in WebviewToExtension['type']]: Extract<WebviewToExtension, { type: T }> } = {
  ready: { type: 'ready' },
  applied: { type: 'applied', batch: 12 },
  connect: { type: 'connect', request: REQUEST },
  disconnect: { type: 'disconnect' },
  clear: { type: 'clear' },
  export: { type: 'export', format: 'ndjson' },
  replay: { type: 'replay' },
  saveScenario: { type: 'saveScenario' },
  openExported: { type: 'openExported' },
  details: { type: 'details', seq: 7 },
  openInEditor: { type: 'openInEditor', seq: 1 },
  copy: { type: 'copy', text: '{"a":1}' },
  raw: { type: 'raw', connection: 2 },
  revealSecrets: { type: 'revealSecrets', url: 'http://127.0.0.1:8080/sse' },
  forgetSecrets: { type: 'forgetSecrets', url: 'http://127.0.0.1:8080/sse' },
  showSession: { type: 'showSession', session: 2 },
  compareSession: { type: 'compareSession', session: null },
};

function problemOf(message: unknown): string {
  const result = validateWebviewMessage(message);
  assert.ok(!result.ok, `expected ${JSON.stringify(message)?.slice(0, 200)} to be refused`);
  return result.problem;
}

describe('panel message validation', () => {
  it('takes a session number or null to compare with, and refuses anything else', () => {
    assert.ok(validateWebviewMessage({ type: 'compareSession', session: 3 }).ok);
    assert.match(problemOf({ type: 'compareSession', session: '3' }), /whole number/);
    assert.match(problemOf({ type: 'compareSession' }), /session/);
    assert.match(problemOf({ type: 'showSession', session: -1 }), /whole number/);
    assert.match(problemOf({ type: 'showSession', session: null }), /whole number/);
  });

  it('refuses an export whose rows are not ascending, non-overlapping [from, to] pairs of whole numbers', () => {
    assert.match(problemOf({ type: 'export', format: 'json', rows: [[3, 1]] }), /ascending/);
    assert.match(
      problemOf({
        type: 'export',
        format: 'json',
        rows: [
          [1, 4],
          [4, 6],
        ],
      }),
      /non-overlapping/,
    );
    assert.match(problemOf({ type: 'export', format: 'json', rows: [[1, 2, 3]] }), /pairs of whole numbers/);
    assert.match(problemOf({ type: 'export', format: 'json', rows: [[-1, 2]] }), /pairs of whole numbers/);
    assert.match(problemOf({ type: 'export', format: 'json', rows: 'all' }), /must be an array/);
    assert.ok(validateWebviewMessage({ type: 'export', format: 'json' }).ok, 'no rows: every kept record');
    const filtered = {
      type: 'export',
      format: 'json',
      rows: [
        [1, 3],
        [5, 5],
      ],
    };
    assert.deepEqual(validateWebviewMessage(structuredClone(filtered)), { ok: true, message: filtered });
  });

  for (const [type, message] of Object.entries(WELL_FORMED)) {
    it(`accepts a well-formed ${type} message as it is`, () => {
      assert.deepEqual(validateWebviewMessage(structuredClone(message)), { ok: true, message });
    });
  }

  it('accepts the json export format as well', () => {
    assert.ok(validateWebviewMessage({ type: 'export', format: 'json' }).ok);
  });

  it('refuses what is not an object with a known type', () => {
    for (const value of [null, undefined, 42, 'ready', [{ type: 'ready' }]]) {
      assert.match(problemOf(value), /must be an object/);
    }
    assert.match(problemOf({}), /no known "type"/);
    assert.match(problemOf({ type: 'launchMissiles' }), /no known "type"/);
    assert.match(problemOf({ type: 'toString' }), /no known "type"/);
    assert.match(problemOf({ type: 7 }), /no known "type"/);
  });

  for (const [type, message] of Object.entries(WELL_FORMED)) {
    for (const field of Object.keys(message).filter((key) => key !== 'type')) {
      it(`refuses ${type} without its ${field}`, () => {
        const broken: Record<string, unknown> = { ...message };
        delete broken[field];
        assert.equal(problemOf(broken), `${type}: ${field} is missing`);
      });
    }
    it(`refuses ${type} with a field it does not have`, () => {
      assert.match(problemOf({ ...message, extra: 1 }), /unexpected field "extra"/);
    });
  }

  it('refuses fields of the wrong type', () => {
    assert.match(problemOf({ type: 'details', seq: '7' }), /details: seq must be a whole number/);
    assert.match(problemOf({ type: 'details', seq: -1 }), /seq must be a whole number >= 0/);
    assert.match(problemOf({ type: 'applied', batch: 1.5 }), /batch must be a whole number >= 0/);
    assert.match(problemOf({ type: 'details', seq: 1.5 }), /seq must be a whole number/);
    assert.match(problemOf({ type: 'export', format: 'csv' }), /format must be one of ndjson, json/);
    assert.match(problemOf({ type: 'copy', text: 42 }), /text must be a string, not number/);
    assert.match(problemOf({ type: 'connect', request: 'http://x' }), /request must be an object/);
    assert.match(
      problemOf({ type: 'connect', request: { ...REQUEST, withCredentials: 'yes' } }),
      /request withCredentials must be true or false/,
    );
    assert.match(problemOf({ type: 'connect', request: { ...REQUEST, url: null } }), /request url must be a string, not null/);
    assert.match(
      problemOf({ type: 'connect', request: { ...REQUEST, reconnect: 'sometimes' } }),
      /request reconnect must be one of auto, always, never/,
    );
  });

  it('accepts a request with each reconnect choice, and one saved before the choice existed', () => {
    for (const reconnect of ['auto', 'always', 'never'])
      assert.ok(validateWebviewMessage({ type: 'connect', request: { ...REQUEST, reconnect } }).ok);
    assert.equal(connectRequestProblem(REQUEST), undefined);
  });

  it('refuses the test-only probe report the product used to carry: the shipped protocol has no such message', () => {
    assert.match(problemOf({ type: 'probeReport', nonce: 'n-1', rowCount: 2, rowKeys: ['open'], renderedRows: 2 }), /no known "type"/);
  });

  it('refuses a connect request missing a field or carrying an extra one', () => {
    const { closeOn: _dropped, ...withoutCloseOn } = REQUEST;
    assert.match(problemOf({ type: 'connect', request: withoutCloseOn }), /request closeOn is missing/);
    assert.match(problemOf({ type: 'connect', request: { ...REQUEST, password: 'x' } }), /request has an unexpected field "password"/);
  });

  it('refuses strings longer than their limits', () => {
    assert.match(
      problemOf({ type: 'connect', request: { ...REQUEST, url: `http://x/${'a'.repeat(LIMITS.url)}` } }),
      /url is longer than 8192/,
    );
    assert.match(problemOf({ type: 'connect', request: { ...REQUEST, method: 'G'.repeat(LIMITS.method + 1) } }), /method is longer/);
    assert.match(problemOf({ type: 'revealSecrets', url: 'h'.repeat(LIMITS.url + 1) }), /url is longer/);
    assert.match(problemOf({ type: 'copy', text: 'x'.repeat(LIMITS.copy + 1) }), /text is longer/);
  });

  it('never repeats a value in its complaint, since it may be a secret', () => {
    const secret = 'Bearer super-secret-token';
    const problems = [
      problemOf({ type: 'connect', request: { ...REQUEST, headers: secret, reconnect: secret } }),
      problemOf({ type: 'connect', request: { ...REQUEST, headers: secret.repeat(10000) } }),
      problemOf({ type: 'export', format: secret }),
      problemOf({ type: secret }),
    ];
    for (const problem of problems) {
      assert.ok(!problem.includes('super-secret'), problem);
    }
  });

  it('checks a whole saved request, as a restored panel uses it', () => {
    assert.equal(connectRequestProblem(REQUEST), undefined);
    assert.match(connectRequestProblem({ url: 'http://x' }) ?? '', /withCredentials is missing/);
    assert.match(connectRequestProblem(undefined) ?? '', /must be an object/);
  });

  it('takes a saved request with or without insecureTls (saved before the option existed), but only a boolean', () => {
    assert.equal(connectRequestProblem({ ...REQUEST, insecureTls: true }), undefined);
    assert.equal(connectRequestProblem({ ...REQUEST, insecureTls: false }), undefined);
    assert.match(connectRequestProblem({ ...REQUEST, insecureTls: 'yes' }) ?? '', /insecureTls must be true or false/);
  });

  it('checks a partial request, as the connect command takes it: fields present must be right, unknown ones are refused', () => {
    assert.equal(partialConnectRequestProblem({}), undefined);
    assert.equal(partialConnectRequestProblem({ url: 'http://x/sse', withCredentials: true }), undefined);
    assert.match(partialConnectRequestProblem({ url: 5 }) ?? '', /url must be a string/);
    assert.match(partialConnectRequestProblem({ url: undefined }) ?? '', /url must be a string/);
    assert.match(partialConnectRequestProblem({ uri: 'http://x' }) ?? '', /unexpected field "uri"/);
    assert.match(partialConnectRequestProblem(7) ?? '', /must be an object/);
  });
});
