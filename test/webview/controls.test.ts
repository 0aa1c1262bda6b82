// The connection form (URL check, request, credentials), notices, and the Clear and Export actions.

import { strict as assert } from 'node:assert';
import { withInspector } from './harness';
import { panelState, RecordMaker } from './records';

describe('webview connection form and actions', () => {
  for (const bad of ['ftp://x', 'javascript:alert(1)', 'not a url']) {
    it(`refuses ${bad} with a message next to the URL field and posts no connect`, async () => {
      await withInspector({ state: { status: 'idle' } }, async (inspector) => {
        const url = inspector.page.getByRole('combobox', { name: 'Stream URL' });
        await url.fill(bad);
        await inspector.page.getByRole('button', { name: 'Connect', exact: true }).click();
        const note = inspector.page.locator('#url-note');
        await note.waitFor();
        assert.match((await note.textContent()) ?? '', bad === 'not a url' ? /"not a url" is not a URL/ : /Only http: and https: URLs/);
        assert.equal(await url.getAttribute('aria-invalid'), 'true');
        assert.equal(await url.getAttribute('aria-describedby'), 'url-note');
        assert.deepEqual(await inspector.postedOfType('connect'), []);
        if (bad === 'javascript:alert(1)') await inspector.screenshot('url-refused');
        // Typing clears the complaint.
        await url.fill('http://127.0.0.1:1/sse');
        assert.ok(!(await note.isVisible()));
      });
    });
  }

  it("fills the request from Chrome's Copy as cURL pasted into the URL field, and Copy as curl gives it back with the token masked", async () => {
    const chrome = [
      "curl 'https://api.example/v1/chat/completions' \\",
      "  -H 'accept: text/event-stream' \\",
      "  -H 'authorization: Bearer sk-live-123' \\",
      '  --data-raw $\'{"model":"m","q":"it\\\'s"}\' \\',
      '  --compressed',
    ].join('\n');
    await withInspector({ state: { status: 'idle' } }, async (inspector) => {
      const page = inspector.page;
      await page.getByRole('combobox', { name: 'Stream URL' }).focus();
      await page.evaluate((text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, chrome);
      assert.equal(await page.getByRole('combobox', { name: 'Stream URL' }).inputValue(), 'https://api.example/v1/chat/completions');
      assert.equal(await page.getByRole('combobox', { name: 'Method' }).inputValue(), 'POST');
      assert.equal(
        await page.getByRole('textbox', { name: 'Headers' }).inputValue(),
        'accept: text/event-stream\nauthorization: Bearer sk-live-123',
      );
      assert.equal(await page.getByRole('textbox', { name: 'Body' }).inputValue(), `{"model":"m","q":"it's"}`);
      await page.getByRole('button', { name: 'Copy as curl' }).click();
      const [copied] = await inspector.postedOfType('copy');
      assert.equal(
        copied.text,
        `curl -N https://api.example/v1/chat/completions -H 'accept: text/event-stream' -H 'authorization: ••••••' --data-raw '{"model":"m","q":"it'\\''s"}'`,
      );
    });
  });

  it('posts connect with everything the form and the Request section hold, on Enter in the URL field', async () => {
    await withInspector({ state: { status: 'idle' } }, async (inspector) => {
      const page = inspector.page;
      await page.getByRole('combobox', { name: 'Stream URL' }).fill('  https://api.example/stream  ');
      await page.getByRole('checkbox', { name: 'Send credentials' }).check();
      await page.getByRole('textbox', { name: 'Page origin' }).fill('https://app.example');
      await page.getByRole('textbox', { name: 'Close on' }).fill('done');
      await page.getByText('Request', { exact: true }).click();
      await page.getByRole('combobox', { name: 'Method' }).selectOption('POST');
      await page.getByRole('textbox', { name: 'Headers' }).fill('X-Team: blue\nAccept-Language: fr');
      await page.getByRole('textbox', { name: 'Body' }).fill('{"topic":"news"}');
      await page.getByRole('checkbox', { name: /Trust any certificate/ }).check();
      await page.getByRole('combobox', { name: 'Stream URL' }).press('Enter');
      assert.deepEqual(await inspector.postedOfType('connect'), [
        {
          type: 'connect',
          request: {
            url: 'https://api.example/stream',
            withCredentials: true,
            origin: 'https://app.example',
            method: 'POST',
            headers: 'X-Team: blue\nAccept-Language: fr',
            body: '{"topic":"news"}',
            closeOn: 'done',
            insecureTls: true,
            reconnect: 'auto',
          },
        },
      ]);
      // The extension restores a panel after a window reload from this saved request.
      const saved = await page.evaluate(() => JSON.parse(sessionStorage.getItem('vscodeState') ?? 'null'));
      assert.equal(saved?.request?.url, 'https://api.example/stream');
      assert.equal(saved?.request?.method, 'POST');
    });
  });

  it('keeps no token from the URL or the Headers box in the state VS Code saves, while the form still holds them', async () => {
    const request = {
      url: 'http://127.0.0.1:4000/sse?access_token=url-secret-1&n=2',
      withCredentials: false,
      origin: '',
      method: 'GET',
      headers: 'X-Api-Key: box-secret-2\nX-Team: blue',
      body: '',
      closeOn: 'end',
    };
    await withInspector({ state: { request, status: 'idle' } }, async (inspector) => {
      const page = inspector.page;
      await page.getByRole('combobox', { name: 'Stream URL' }).press('Enter');
      const [connect] = await inspector.postedOfType('connect');
      assert.equal(connect.request.url, request.url, 'the extension still gets the whole URL to connect with');
      const saved = await page.evaluate(() => sessionStorage.getItem('vscodeState') ?? '');
      assert.ok(!saved.includes('url-secret-1') && !saved.includes('box-secret-2'), `saved state: ${saved}`);
      assert.match(saved, /access_token=\[redacted\]&n=2/);
      assert.match(saved, /X-Team: blue/);
      assert.equal(await page.getByRole('combobox', { name: 'Stream URL' }).inputValue(), request.url);
    });
  });

  it('fills the form from the state, lists recent URLs, keeps Connect enabled (a new session) and enables Disconnect by status', async () => {
    const request = {
      url: 'http://127.0.0.1:4000/sse',
      withCredentials: true,
      origin: 'http://localhost:5173',
      method: 'PUT',
      headers: 'A: b',
      body: 'x',
      closeOn: '',
    };
    await withInspector(
      { state: { request, recentUrls: ['http://127.0.0.1:4000/sse', 'https://other.example/events'], status: 'open' } },
      async (inspector) => {
        const page = inspector.page;
        assert.equal(await page.getByRole('combobox', { name: 'Stream URL' }).inputValue(), request.url);
        assert.ok(await page.getByRole('checkbox', { name: 'Send credentials' }).isChecked());
        assert.equal(await page.getByRole('textbox', { name: 'Page origin' }).inputValue(), request.origin);
        assert.equal(await page.getByRole('textbox', { name: 'Close on' }).inputValue(), '');
        assert.equal(await page.locator('#method').inputValue(), 'PUT');
        assert.deepEqual(
          await page.locator('#recent-urls option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value)),
          ['http://127.0.0.1:4000/sse', 'https://other.example/events'],
        );
        const connect = page.getByRole('button', { name: 'Connect', exact: true });
        const disconnect = page.getByRole('button', { name: 'Disconnect' });
        assert.ok(await connect.isEnabled(), 'Connect while a stream is open must start the new request, not be ignored');
        assert.ok(await disconnect.isEnabled());
        assert.equal(await page.getByRole('status').first().textContent(), 'Open');
        await disconnect.click();
        assert.deepEqual(await inspector.postedOfType('disconnect'), [{ type: 'disconnect' }]);
        await inspector.deliver({ type: 'status', status: 'closed' });
        await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled);
        assert.ok(await disconnect.isDisabled());
        await inspector.deliver({ type: 'status', status: 'reconnecting' });
        await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Reconnecting');
        assert.ok(await disconnect.isEnabled());
        assert.ok(await connect.isEnabled(), 'Connect while reconnecting must start the new request, not be ignored');
      },
    );
  });

  it('masks the Headers box secrets once the extension stored them, shows the stored values on request (never in saved state), and hides them again', async () => {
    await withInspector({ state: { status: 'idle' } }, async (inspector) => {
      const page = inspector.page;
      await page.getByText('Request', { exact: true }).click();
      const headers = page.getByRole('textbox', { name: 'Headers' });
      const toggle = page.getByRole('button', { name: 'Show stored values' });
      assert.ok(!(await toggle.isVisible()), 'nothing is stored or masked yet');
      await headers.fill('X-Team: blue\nAuthorization: Bearer typed-1');
      await page.getByRole('combobox', { name: 'Stream URL' }).press('Enter');
      const [connect] = await inspector.postedOfType('connect');
      assert.equal(
        connect.request.headers,
        'X-Team: blue\nAuthorization: Bearer typed-1',
        'the typed value goes to the extension as typed',
      );
      assert.equal(await headers.inputValue(), 'X-Team: blue\nAuthorization: Bearer typed-1', 'masked before the extension stored it');
      await inspector.deliver({ type: 'headersStored', masked: 'X-Team: blue\nAuthorization: ••••••' });
      // A posted message is handled in a later task: wait until it has been drawn before reading the box.
      await inspector.settle();
      assert.equal(await headers.inputValue(), 'X-Team: blue\nAuthorization: ••••••');
      await toggle.click();
      assert.deepEqual(await inspector.postedOfType('revealSecrets'), [{ type: 'revealSecrets', url: 'http://127.0.0.1:3000/sse' }]);
      await inspector.deliver({ type: 'secrets', url: 'http://127.0.0.1:3000/sse', values: { authorization: 'Bearer stored-2' } });
      assert.equal(await headers.inputValue(), 'X-Team: blue\nAuthorization: Bearer stored-2');
      await page.getByRole('combobox', { name: 'Stream URL' }).press('Enter');
      const saved = await page.evaluate(() => sessionStorage.getItem('vscodeState') ?? '');
      assert.ok(!saved.includes('stored-2') && !saved.includes('typed-1'), `saved state: ${saved}`);
      assert.match(saved, /Authorization: ••••••/);
      await page.getByRole('button', { name: 'Hide stored values' }).click();
      assert.equal(await headers.inputValue(), 'X-Team: blue\nAuthorization: ••••••');
    });
  });

  it('shows a restored masked line as it is, ignores values for a URL no longer in the field, and keeps a value the user changed on Hide', async () => {
    const request = { ...panelState().request, headers: 'Authorization: ••••••\nCookie: ••••••' };
    await withInspector({ state: { request, status: 'idle' } }, async (inspector) => {
      const page = inspector.page;
      await page.getByText('Request', { exact: true }).click();
      const headers = page.getByRole('textbox', { name: 'Headers' });
      assert.equal(await headers.inputValue(), 'Authorization: ••••••\nCookie: ••••••');
      await page.getByRole('button', { name: 'Show stored values' }).click();
      await inspector.deliver({ type: 'secrets', url: 'https://elsewhere.example/sse', values: { authorization: 'Bearer other-origin' } });
      await inspector.deliver({ type: 'secrets', url: request.url, values: { authorization: 'Bearer mine' } });
      assert.equal(await headers.inputValue(), 'Authorization: Bearer mine\nCookie: ••••••');
      assert.match((await page.locator('#headers-note').textContent()) ?? '', /No value is stored for Cookie/);
      await headers.fill('Authorization: Bearer edited\nCookie: ••••••');
      await page.getByRole('button', { name: 'Hide stored values' }).click();
      assert.equal(
        await headers.inputValue(),
        'Authorization: Bearer edited\nCookie: ••••••',
        'an edited value was hidden before it was stored',
      );
      await page.getByRole('button', { name: 'Forget stored values' }).click();
      assert.deepEqual(await inspector.postedOfType('forgetSecrets'), [{ type: 'forgetSecrets', url: request.url }]);
    });
  });

  it('offers Reconnect auto, always and never, says what auto means, and restores the saved choice', async () => {
    const request = { ...panelState().request, reconnect: 'never' as const };
    await withInspector({ state: { request, status: 'idle' } }, async (inspector) => {
      const page = inspector.page;
      const select = page.getByRole('combobox', { name: 'Reconnect' });
      assert.equal(await select.inputValue(), 'never');
      assert.deepEqual(await select.locator('option').allTextContents(), ['auto', 'always', 'never']);
      await page.getByText('Request', { exact: true }).click();
      assert.ok(
        await page.getByText('auto: a GET reconnects as EventSource does; a POST or a request with a body is sent once').isVisible(),
      );
      await select.selectOption('always');
      await page.getByRole('combobox', { name: 'Stream URL' }).press('Enter');
      const [connect] = await inspector.postedOfType('connect');
      assert.equal(connect.request.reconnect, 'always');
    });
  });

  it('puts field notices next to their field (opening the Request section for headers) and other notices in a dismissible banner', async () => {
    await withInspector({}, async (inspector) => {
      await inspector.deliver(
        { type: 'notice', level: 'error', field: 'headers', message: 'Line 2 has no colon' },
        { type: 'notice', level: 'error', field: 'origin', message: 'An origin has no path' },
        { type: 'notice', level: 'info', message: 'Exported 12 records' },
      );
      assert.equal(await inspector.page.locator('#headers-note').textContent(), 'Line 2 has no colon');
      assert.ok(await inspector.page.locator('#headers-note').isVisible(), 'the Request section opens to show it');
      assert.equal(await inspector.page.locator('#origin-note').textContent(), 'An origin has no path');
      const banner = inspector.page.locator('.banner');
      assert.equal(await banner.locator('.banner-text').textContent(), 'Exported 12 records');
      assert.match((await banner.getAttribute('class')) ?? '', /info/);
      await banner.getByRole('button', { name: 'Dismiss' }).click();
      assert.ok(!(await banner.isVisible()));
    });
  });

  it('Clear posts clear and the cleared answer empties table, chips and stats; Export posts the chosen format', async () => {
    const maker = new RecordMaker();
    await withInspector({ state: { records: [maker.open(), ...maker.events(5)] } }, async (inspector) => {
      const toolbar = inspector.page.getByRole('toolbar', { name: 'Table' });
      await toolbar.getByRole('button', { name: 'Clear' }).click();
      assert.deepEqual(await inspector.postedOfType('clear'), [{ type: 'clear' }]);
      await inspector.deliver({ type: 'cleared' });
      assert.equal((await inspector.renderedTable()).rowCount, 0);
      await inspector.settle();
      assert.equal(await inspector.page.locator('.chips button').count(), 0);
      assert.match((await inspector.page.locator('.stats').textContent()) ?? '', /^0 events/);
      await toolbar.getByRole('button', { name: 'NDJSON' }).click();
      await toolbar.getByRole('button', { name: 'JSON', exact: true }).click();
      assert.deepEqual(await inspector.postedOfType('export'), [
        { type: 'export', format: 'ndjson' },
        { type: 'export', format: 'json' },
      ]);
    });
  });
});
