// Script-bearing payloads from the server stay inert text everywhere the webview shows them.

import { strict as assert } from 'node:assert';
import { withInspector, type InspectorPage } from './harness';
import { RecordMaker } from './records';

const IMG = '<img src=x onerror="window.__pwned=\'img\'">';
const SCRIPT = '<script>window.__pwned = "script"</script>';
const SVG = '<svg onload="window.__pwned=\'svg\'"></svg>';

async function assertNothingInjected(inspector: InspectorPage): Promise<void> {
  const found = await inspector.page.evaluate(() => ({
    pwned: window.__pwned,
    images: document.querySelectorAll('img').length,
    svgs: document.querySelectorAll('svg').length,
    // The stand-in and the bundle.
    scripts: document.querySelectorAll('script').length,
    handlers: [...document.querySelectorAll('*')].filter((element) =>
      [...element.attributes].some((attribute) => attribute.name.startsWith('on')),
    ).length,
  }));
  assert.deepEqual(found, { pwned: undefined, images: 0, svgs: 0, scripts: 2, handlers: 0 });
}

describe('webview safety', () => {
  it('keeps script-bearing data, event names, ids, comments, errors and header names and values as inert text', async () => {
    const maker = new RecordMaker();
    const records = [
      maker.open({ 'content-type': 'text/event-stream', [IMG.toLowerCase()]: SCRIPT, 'x-note': `${IMG}${SVG}` }),
      maker.event('message', `${IMG}${SCRIPT}${SVG}`, { id: IMG }),
      maker.event(SCRIPT, JSON.stringify({ [IMG]: SCRIPT, nested: { svg: SVG } }), { id: SCRIPT }),
      maker.event(IMG, 'plain', { id: SVG }),
      maker.comment(IMG),
      maker.error(SCRIPT, { status: 500, willReconnect: false }),
      maker.closed('failed', IMG),
    ];
    await withInspector({ state: { records } }, async (inspector) => {
      await inspector.page.getByRole('button', { name: 'Comments & retry' }).click();
      await inspector.settle();
      const rowText = (await inspector.page.locator('.table-body').textContent()) ?? '';
      for (const payload of [IMG, SCRIPT, SVG]) assert.ok(rowText.includes(payload), `the row text shows ${payload} literally`);
      const chipText = (await inspector.page.locator('.chips').textContent()) ?? '';
      assert.ok(chipText.includes(SCRIPT) && chipText.includes(IMG), 'chips show event names literally');
      await assertNothingInjected(inspector);

      // Every row's detail pane, including the JSON tree and the headers table.
      for (let row = 0; row < records.length; row++) {
        await inspector.page.locator(`.table-body [role="row"][aria-rowindex="${row + 2}"]`).click();
        await inspector.settle();
        await inspector.page
          .locator('.detail details:not([open])')
          .evaluateAll((closed) => closed.forEach((element) => ((element as HTMLDetailsElement).open = true)));
        await inspector.settle();
        await assertNothingInjected(inspector);
      }
      await inspector.page.locator('.table-body [role="row"][aria-rowindex="2"]').click();
      const headerCells = await inspector.page.locator('.detail table.headers').textContent();
      assert.ok(headerCells?.includes(IMG.toLowerCase()) && headerCells.includes(SCRIPT), 'header names and values show literally');
      const diagnostics = await inspector.page.locator('.diagnostics').textContent();
      assert.ok(diagnostics?.includes('Content-Type: text/event-stream'));
      await assertNothingInjected(inspector);
    });
  });

  it('shows a script-bearing notice and recent URL as text', async () => {
    await withInspector({ state: { recentUrls: [`http://x/${IMG}`] } }, async (inspector) => {
      await inspector.deliver(
        { type: 'notice', level: 'error', message: IMG },
        { type: 'notice', level: 'error', message: SCRIPT, field: 'url' },
      );
      await inspector.settle();
      assert.equal(await inspector.page.locator('.banner-text').textContent(), IMG);
      assert.equal(await inspector.page.locator('#url-note').textContent(), SCRIPT);
      await assertNothingInjected(inspector);
    });
  });
  it('shows bidi overrides and control characters as visible escapes, so "gnp.exe" cannot pass for "exe.png"', async () => {
    const maker = new RecordMaker();
    const trick = 'invoice\u202Egnp.exe';
    const records = [
      maker.open(),
      maker.event(`x\u202Ey`, JSON.stringify({ file: trick }), { id: `a\u2066b\u0007` }),
      maker.event('message', trick),
    ];
    await withInspector({ state: { records } }, async (inspector) => {
      await inspector.settle();
      const cells = await inspector.page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.table-body [role="row"]')]
          .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
          .map((row) => [
            row.querySelector('.badge')?.textContent,
            row.querySelector('.col-id')?.textContent,
            row.querySelector('.col-data')?.textContent,
          ]),
      );
      assert.deepEqual(cells.slice(1), [
        ['x\\u202ey', 'a\\u2066b\\u0007', '{"file":"invoice\\u202egnp.exe"}'],
        ['message', '', 'invoice\\u202egnp.exe'],
      ]);
      await inspector.page.locator('.table-body [role="row"][aria-rowindex="4"]').click();
      assert.equal(await inspector.page.locator('.detail pre.detail-text').textContent(), 'invoice\\u202egnp.exe');
      const text = (await inspector.page.locator('body').textContent()) ?? '';
      assert.ok(!/[\u202a-\u202e\u2066-\u2069]/.test(text), 'no bidi control reaches the page as a character');
    });
  });

  it('fits a seven-digit record number in the # column without cutting it', async () => {
    const maker = new RecordMaker();
    const record = { ...maker.event('message', 'x'), seq: 1_000_000 };
    await withInspector({ state: { records: [record] } }, async (inspector) => {
      await inspector.settle();
      const cell = await inspector.page
        .locator('.table-body .col-seq')
        .evaluate((element) => ({ text: element.textContent, cut: element.scrollWidth > element.clientWidth }));
      assert.deepEqual(cell, { text: '1000000', cut: false });
    });
  });
});
