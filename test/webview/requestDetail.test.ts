// The detail pane's request and response views: the request an open or error row's connection sent, a 401's headers and JSON body.

import { strict as assert } from 'node:assert';
import { withInspector, type InspectorPage } from './harness';
import { RecordMaker } from './records';
import type { SentRequest } from '../../src/shared/record';

const IMG = '<img src=x onerror="window.__pwned=\'img\'">';

const POST: SentRequest = {
  method: 'POST',
  url: 'http://127.0.0.1:3000/v1/chat?access_token=[redacted]',
  headers: { accept: 'text/event-stream', authorization: '[redacted]', 'content-type': 'application/json', origin: 'https://app.example' },
  bodyBytes: 2048,
  bodyStart: '{"model":"m","stream":true',
  origin: 'https://app.example',
};

/** The rows of the headers table named `label`, as [name, value] pairs. */
async function headerRows(inspector: InspectorPage, label: string): Promise<Array<[string, string]>> {
  return inspector.page
    .getByRole('region', { name: 'Record details' })
    .getByRole('table', { name: label })
    .locator('tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', tr.querySelector('td')?.textContent ?? ''] as [string, string]),
    );
}

async function openRow(inspector: InspectorPage, index: number): Promise<string> {
  await inspector.page.locator(`.table-body [role="row"][aria-rowindex="${index + 1}"]`).click();
  const detail = inspector.page.getByRole('region', { name: 'Record details' });
  await detail.waitFor();
  await inspector.settle();
  return (await detail.textContent()) ?? '';
}

describe('webview detail pane: the request sent and the response', () => {
  it("shows an open row's request (method, URL, Origin, Last-Event-ID, body size and start, headers) beside its response headers", async () => {
    const maker = new RecordMaker();
    const first = maker.open({ 'content-type': 'text/event-stream', 'x-request-id': 'r-1' }, { request: POST });
    const again = maker.open(undefined, {
      connection: 2,
      request: { method: 'GET', url: 'http://127.0.0.1:3000/sse', headers: { 'last-event-id': '42' }, bodyBytes: 0, lastEventId: '42' },
    });
    await withInspector({ state: { records: [first, again] } }, async (inspector) => {
      const text = await openRow(inspector, 1);
      assert.match(text, /Request sentRequestPOST http:\/\/127\.0\.0\.1:3000\/v1\/chat\?access_token=\[redacted\]/);
      assert.match(text, /Originhttps:\/\/app\.example/);
      assert.match(text, /Body2\.0 KB \(2,048 bytes\)/);
      assert.match(text, /Start of the request body\{"model":"m","stream":true/);
      assert.doesNotMatch(text, /Last-Event-ID/, 'a first connection that sent no id shows none');
      assert.deepEqual(await headerRows(inspector, 'Response headers'), [
        ['content-type', 'text/event-stream'],
        ['x-request-id', 'r-1'],
      ]);
      assert.deepEqual(await headerRows(inspector, 'Request headers'), Object.entries(POST.headers));
      await inspector.screenshot('detail-open-request');

      const second = await openRow(inspector, 2);
      assert.match(second, /RequestGET http:\/\/127\.0\.0\.1:3000\/sse/);
      assert.match(second, /Last-Event-ID42/);
      assert.match(second, /Bodynone/);
    });
  });

  it("shows an error row's status, message, WWW-Authenticate, a 401's JSON body as a tree, and the request", async () => {
    const maker = new RecordMaker();
    const body = JSON.stringify({ error: { message: 'invalid api key', type: 'auth' } });
    const error = maker.error(
      'The server answered 401 Unauthorized',
      { status: 401, willReconnect: false },
      { headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer realm="api"' }, body, request: POST },
    );
    await withInspector({ state: { records: [maker.open(), error] } }, async (inspector) => {
      const text = await openRow(inspector, 2);
      assert.match(text, /MessageThe server answered 401 Unauthorized/);
      assert.match(text, /HTTP status401/);
      assert.deepEqual(await headerRows(inspector, 'Response headers'), [
        ['content-type', 'application/json'],
        ['www-authenticate', 'Bearer realm="api"'],
      ]);
      const tree = inspector.page.locator('.detail .json-tree');
      assert.deepEqual(await tree.locator('.json-key').allTextContents(), ['error', 'message', 'type']);
      assert.deepEqual(await tree.locator('.json-string').allTextContents(), ['"invalid api key"', '"auth"']);
      assert.match(text, /Request sentRequestPOST /);
      assert.deepEqual(await headerRows(inspector, 'Request headers'), Object.entries(POST.headers));
      await inspector.screenshot('detail-error-401');
      await inspector.page.getByRole('region', { name: 'Record details' }).getByRole('button', { name: 'Copy body' }).click();
      assert.deepEqual(await inspector.postedOfType('copy'), [{ type: 'copy', text: body }]);
    });
  });

  it('shows a markup-bearing error body, request body and header values as text, and a cut body says so', async () => {
    const maker = new RecordMaker();
    const request: SentRequest = { ...POST, headers: { 'x-note': IMG }, bodyStart: IMG, bodyBytes: IMG.length };
    const error = maker.error(
      'The server answered 500',
      { status: 500, willReconnect: false },
      { headers: { 'content-type': 'text/html' }, body: `<p>oops</p>${IMG}`, bodyTruncated: true, request },
    );
    await withInspector({ state: { records: [error] } }, async (inspector) => {
      const text = await openRow(inspector, 1);
      assert.ok(text.includes(`<p>oops</p>${IMG}`), 'the body shows literally');
      assert.match(text, /The body went on/);
      assert.match(text, /Request body<img src=x/, 'a whole (short) request body is called the body, not its start');
      assert.deepEqual(await headerRows(inspector, 'Request headers'), [['x-note', IMG]]);
      const found = await inspector.page.evaluate(() => ({
        pwned: window.__pwned,
        images: document.querySelectorAll('img').length,
        paragraphs: document.querySelectorAll('.detail p').length,
      }));
      assert.deepEqual(found, { pwned: undefined, images: 0, paragraphs: 0 });
    });
  });
});
