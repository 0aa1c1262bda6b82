// The diagnostics strip that follows an `open` row: Content-Type, Cache-Control, compression, proxy buffering, CORS.

import { strict as assert } from 'node:assert';
import { withInspector, type InspectorPage } from './harness';
import { RecordMaker } from './records';
import type { OpenRecord } from '../../src/shared/record';

async function diagnostics(inspector: InspectorPage): Promise<[string, string][]> {
  await inspector.settle();
  return inspector.page
    .locator('.diagnostics .diagnostic')
    .evaluateAll((items) => items.map((item) => [item.classList[1], item.textContent ?? '']));
}

describe('webview diagnostics strip', () => {
  it('is hidden until an open record arrives', async () => {
    const maker = new RecordMaker();
    await withInspector({}, async (inspector) => {
      await inspector.settle();
      assert.ok(!(await inspector.page.locator('.diagnostics').isVisible()));
      await inspector.deliver({ type: 'records', records: [maker.open()], dropped: 0 });
      await inspector.settle();
      assert.ok(await inspector.page.locator('.diagnostics').isVisible());
    });
  });

  it('passes a well-behaved stream and names the CORS verdict with its credentials mode', async () => {
    const open = new RecordMaker().open(
      { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-accel-buffering': 'no', server: 'nginx/1.25' },
      { cors: { origin: 'https://app.example', withCredentials: false, allowed: true, reason: 'Access-Control-Allow-Origin is *' } },
    );
    await withInspector({ state: { records: [open] } }, async (inspector) => {
      assert.deepEqual(await diagnostics(inspector), [
        ['ok', 'Content-Type: text/event-stream'],
        ['ok', 'Cache-Control: no-cache'],
        ['ok', 'Not compressed'],
        ['ok', 'X-Accel-Buffering: no'],
        ['ok', 'CORS allowed for https://app.example (credentials off): Access-Control-Allow-Origin is *'],
      ]);
    });
  });

  it('warns about missing Cache-Control, compression and nginx buffering, and flags blocked CORS and a wrong Content-Type', async () => {
    const maker = new RecordMaker();
    const headers = { 'content-type': 'text/plain', 'content-encoding': 'gzip', server: 'nginx' };
    const cors: OpenRecord['cors'] = {
      origin: 'https://app.example',
      withCredentials: true,
      allowed: false,
      reason: 'Access-Control-Allow-Credentials is not true',
    };
    await withInspector({ state: { records: [maker.open(headers, { cors })] } }, async (inspector) => {
      assert.deepEqual(await diagnostics(inspector), [
        ['bad', 'Content-Type: text/plain'],
        ['warn', 'Cache-Control missing'],
        ['warn', 'Content-Encoding: gzip'],
        ['warn', 'nginx buffers by default'],
        ['bad', 'CORS blocked for https://app.example (credentials on): Access-Control-Allow-Credentials is not true'],
      ]);
      assert.match(
        (await inspector.page.locator('.diagnostic', { hasText: 'gzip' }).getAttribute('title')) ?? '',
        /Compressed streams arrive in bursts/,
      );
      // A later connection's open replaces the verdicts.
      await inspector.deliver({
        type: 'records',
        records: [maker.open({ 'content-type': 'text/event-stream', 'cache-control': 'max-age=60', 'x-accel-buffering': 'yes' })],
        dropped: 0,
      });
      assert.deepEqual(await diagnostics(inspector), [
        ['ok', 'Content-Type: text/event-stream'],
        ['warn', 'Cache-Control: max-age=60'],
        ['ok', 'Not compressed'],
        ['warn', 'X-Accel-Buffering: yes'],
        ['info', 'CORS: no page origin given'],
      ]);
    });
  });
});
