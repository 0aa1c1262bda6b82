// LLM streams in the real host: one POST per connect, the Assembled view showing each format's reply, and a request
// copied as curl coming back whole when pasted into the URL field.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllPanels, connect, tableShowing, testApi, waitFor } from '../helpers';
import type { RenderedTable } from '../../webview/renderedTable';
import { askRunner } from '../runnerSteps';
import type { RequestFields } from '../requestUi';
import { GOOD_KEY, ROUTES, routeUrl, startLlmServer } from '../../unit/support/llmServers';
import type { RawServer } from '../../unit/support/rawServer';
import { replyTextOf, type RenderedReply } from '../../webview/renderedReply';
import { formatName } from '../../../src/shared/llm/replyText';
import { MASKED } from '../../../src/shared/curlCommand';

/** Each provider's request as its docs show it: key header, JSON body asking for a stream. */
const REQUESTS: Record<string, { headers: string; body: string }> = {
  openai: {
    headers: `Authorization: Bearer ${GOOD_KEY}\nContent-Type: application/json`,
    body: '{"model":"gpt-4o","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"Weather in Paris?"}]}',
  },
  responses: {
    headers: `Authorization: Bearer ${GOOD_KEY}\nContent-Type: application/json`,
    body: '{"model":"gpt-5","stream":true,"input":"Weather in Paris?"}',
  },
  anthropic: {
    headers: `x-api-key: ${GOOD_KEY}\nanthropic-version: 2023-06-01\nContent-Type: application/json`,
    body: '{"model":"claude-sonnet-4-5","max_tokens":1024,"stream":true,"messages":[{"role":"user","content":"Weather in Paris?"}]}',
  },
  'anthropic-error': {
    headers: `x-api-key: ${GOOD_KEY}\nanthropic-version: 2023-06-01\nContent-Type: application/json`,
    body: '{"model":"claude-sonnet-4-5","max_tokens":1024,"stream":true,"messages":[{"role":"user","content":"Hi"}]}',
  },
  gemini: {
    headers: `x-goog-api-key: ${GOOD_KEY}\nContent-Type: application/json`,
    body: '{"contents":[{"parts":[{"text":"Weather in Paris?"}]}]}',
  },
};

let steps = 0;
/** Step names are used once per run; the runner reads the action from the name less its trailing number. */
const step = (action: string) => `${action}-${++steps}`;

/** The table of the panel showing `url` once its last row is `closed` (a long table has only its tail in the DOM). */
function tableUntilClosed(url: string): Promise<RenderedTable> {
  return waitFor(
    `the panel of ${url} to render a closed row`,
    () => tableShowing(url),
    (table) => table.rowKeys.at(-1) === 'closed',
  );
}

suite('LLM streams in the panel', () => {
  let server: RawServer;
  suiteSetup(async () => {
    server = await startLlmServer();
  });
  teardown(async () => closeAllPanels(await testApi()));
  suiteTeardown(() => server.stop());

  for (const [route, request] of Object.entries(REQUESTS)) {
    const { fixture } = ROUTES[route];
    test(`${fixture.name}: one POST, closed as ended, and the Assembled view shows the reply`, async () => {
      const before = server.requests.length;
      const url = routeUrl(server, route);
      await connect({ url, method: 'POST', ...request });
      const table = await tableUntilClosed(url);
      assert.equal(server.requests.length - before, 1, 'exactly one request: the end of a POST body is its end');
      assert.equal(server.requests[before].method, 'POST');
      const expectedText = replyTextOf(fixture.stdout);
      const reply = (await askRunner(step('ui-reply'), { blocks: 1 })) as RenderedReply;
      assert.equal(reply.format, formatName(fixture.format));
      assert.equal(
        reply.blocks
          .filter((block) => block.kind === 'text')
          .map((block) => block.text)
          .join('\n\n')
          .trim(),
        expectedText,
      );
      assert.equal(
        reply.blocks
          .filter((block) => block.kind === 'thinking')
          .map((block) => block.text)
          .join(''),
        fixture.thinking ?? '',
      );
      assert.equal(reply.error, fixture.error === undefined ? null : `Error: ${fixture.error}`);
      assert.equal(reply.facts['Stop reason'], fixture.stopReason);
      assert.match(reply.metrics, /first token \d+ ms/);
      // The rows show what each event added, not the JSON.
      const jsonRows = table.rowKeys.filter((key) => /^event:[^:]*:\{/.test(key));
      assert.deepEqual(jsonRows, [], 'no event row shows raw JSON');
    });
  }

  test('Copy as curl gives a working curl -N command whose paste into the URL field fills the same request', async () => {
    const url = routeUrl(server, 'openai');
    await connect({ url, method: 'POST', ...REQUESTS.openai });
    await tableUntilClosed(url);
    await vscode.env.clipboard.writeText('');
    await askRunner(step('ui-copy-curl'));
    const curl = await waitFor(
      'the copied curl command',
      () => Promise.resolve(vscode.env.clipboard.readText()),
      (text) => text.startsWith('curl '),
    );
    assert.match(curl, /^curl -N /);
    assert.ok(!curl.includes(GOOD_KEY), 'the key is masked in the copy');
    const note = (await askRunner(step('ui-paste-url'), { text: curl })) as string;
    assert.match(note, /Filled from the pasted curl command: POST, 2 headers/);
    const fields = (await askRunner(step('ui-request-fields'))) as RequestFields;
    assert.equal(fields.url, url);
    assert.equal(fields.method, 'POST');
    assert.equal(fields.body, REQUESTS.openai.body);
    const [authorization, contentType] = fields.headers.split('\n');
    assert.equal(authorization, `Authorization: ${MASKED}`);
    assert.equal(contentType, 'Content-Type: application/json');
  });
});
