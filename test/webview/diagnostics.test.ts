// The diagnostics strip that follows an `open` row: Content-Type, Cache-Control, the buffering verdict judged from
// the events' timing (header causes named only when events bunch), CORS.

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

  it('passes a well-behaved stream, paced events draw "No buffering seen" even behind nginx, and names the CORS verdict', async () => {
    const maker = new RecordMaker();
    const open = maker.open(
      { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-accel-buffering': 'no', server: 'nginx/1.25' },
      { cors: { origin: 'https://app.example', withCredentials: false, allowed: true, reason: 'Access-Control-Allow-Origin is *' } },
    );
    const paced = Array.from({ length: 6 }, (_, n) => maker.event('message', `{"n":${n}}`, { afterMs: 100 }));
    await withInspector({ state: { records: [open, ...paced] } }, async (inspector) => {
      assert.deepEqual(await diagnostics(inspector), [
        ['ok', 'Content-Type: text/event-stream'],
        ['ok', 'Cache-Control: no-cache'],
        ['ok', 'No buffering seen'],
        ['ok', 'CORS allowed for https://app.example (credentials off): Access-Control-Allow-Origin is *'],
      ]);
      assert.match(
        (await inspector.page.locator('.diagnostic', { hasText: 'No buffering seen' }).getAttribute('title')) ?? '',
        /6 events arrived paced \(median gap 100 ms\), not in bursts\. Headers such as X-Accel-Buffering: no, Server: nginx\/1\.25 did not hold them back/,
      );
    });
  });

  it('flags missing Cache-Control, blocked CORS and a wrong Content-Type; gzip and nginx headers warn only once events bunch', async () => {
    const maker = new RecordMaker();
    const headers = { 'content-type': 'text/plain', 'content-encoding': 'gzip', server: 'nginx' };
    const cors: OpenRecord['cors'] = {
      origin: 'https://app.example',
      withCredentials: true,
      allowed: false,
      reason: 'Access-Control-Allow-Credentials is not true',
    };
    await withInspector({ state: { records: [maker.open(headers, { cors })] } }, async (inspector) => {
      // Headers alone prove nothing: no event yet, so no verdict either way.
      assert.deepEqual(await diagnostics(inspector), [
        ['bad', 'Content-Type: text/plain'],
        ['warn', 'Cache-Control missing'],
        ['info', 'Buffering: too few events to judge (0)'],
        ['bad', 'CORS blocked for https://app.example (credentials on): Access-Control-Allow-Credentials is not true'],
      ]);
      // Twelve events at once after a second of silence: the verdict changes live and names both header causes.
      const burst = [
        maker.event('message', '{"n":0}', { afterMs: 1000 }),
        ...Array.from({ length: 11 }, (_, n) => maker.event('message', `{"n":${n + 1}}`, { afterMs: 0 })),
      ];
      await inspector.deliver({ type: 'records', records: burst, dropped: 0 });
      assert.deepEqual((await diagnostics(inspector))[2], ['warn', 'Events arrive in bursts: likely gzip or nginx']);
      const detail = (await inspector.page.locator('.diagnostic', { hasText: 'bursts' }).getAttribute('title')) ?? '';
      assert.match(detail, /12 of 12 events came in 1 burst/);
      assert.match(detail, /Content-Encoding: gzip: The compressor holds events until its buffer fills/);
      assert.match(detail, /Server: nginx: nginx buffers proxied responses by default/);
      // A later connection's open replaces the header verdicts, and its headers name the cause of the bursts seen.
      await inspector.deliver({
        type: 'records',
        records: [maker.open({ 'content-type': 'text/event-stream', 'cache-control': 'max-age=60', 'x-accel-buffering': 'yes' })],
        dropped: 0,
      });
      assert.deepEqual(await diagnostics(inspector), [
        ['ok', 'Content-Type: text/event-stream'],
        ['warn', 'Cache-Control: max-age=60'],
        ['warn', 'Events arrive in bursts: likely nginx'],
        ['info', 'CORS: no page origin given'],
      ]);
    });
  });

  it('an X-Accel-Buffering: yes header with paced events draws no warning', async () => {
    const maker = new RecordMaker();
    const open = maker.open({ 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-accel-buffering': 'yes' });
    await withInspector(
      { state: { records: [open, ...Array.from({ length: 5 }, () => maker.event('message', '{}', { afterMs: 40 }))] } },
      async (inspector) => {
        assert.deepEqual((await diagnostics(inspector))[2], ['ok', 'No buffering seen']);
      },
    );
  });
});
