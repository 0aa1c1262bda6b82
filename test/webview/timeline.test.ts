// The timeline strip above the table: marks where the records' times put them, in the theme's colours, at any
// width; hovering names a record, clicking selects its row; the strip collapses and remembers it.

import { strict as assert } from 'node:assert';
import { EVENT_LANE, MARK_LANE } from '../../media/timelineDraw';
import type { SseRecord } from '../../src/shared/record';
import { type InspectorPage, withInspector } from './harness';
import { panelState, RecordMaker } from './records';
import { findPainted, type PaintedRun } from './renderedTimeline';

/** The theme stand-in's colours (test/webview/theme.css) the marks must be drawn in. */
const COLOURS: Record<'vscode-dark' | 'vscode-light', { events: string; reconnect: string; error: string; open: string }> = {
  'vscode-dark': { events: 'rgb(55, 148, 255)', reconnect: 'rgb(209, 134, 22)', error: 'rgb(248, 81, 73)', open: 'rgb(137, 209, 133)' },
  'vscode-light': { events: 'rgb(0, 90, 180)', reconnect: 'rgb(200, 100, 0)', error: 'rgb(161, 38, 13)', open: 'rgb(56, 138, 52)' },
};

/** open 400 ms, events 800 and 1,600, error 2,000, reconnect 2,400, open 2,800, event 4,000, closed 4,400 (the axis's end). */
function session(): SseRecord[] {
  const maker = new RecordMaker(400);
  return [
    maker.open(),
    maker.event('tick', 'a', { id: 'e-1', afterMs: 400 }),
    maker.event('tick', 'b', { id: 'e-2', afterMs: 800 }),
    maker.error('The connection was reset', { willReconnect: true }),
    maker.reconnect(1, 'e-2'),
    maker.open(),
    maker.event('tick', 'c', { id: 'e-3', afterMs: 1200 }),
    maker.closed('ended', 'The server ended the stream'),
  ];
}
const SPAN_MS = 4400;

const MARK_BAND = { top: MARK_LANE.top + 2, bottom: MARK_LANE.top + MARK_LANE.height - 2 };
const EVENT_BAND = { top: EVENT_LANE.top + 1, bottom: EVENT_LANE.top + EVENT_LANE.height - 1 };

async function painted(inspector: InspectorPage, color: string, band: { top: number; bottom: number }): Promise<PaintedRun[]> {
  await inspector.settle();
  const runs = (await inspector.page.evaluate(findPainted({ color, ...band }))) as PaintedRun[] | null;
  if (runs === null) throw new Error('no timeline is drawn');
  return runs;
}

async function canvasBox(inspector: InspectorPage): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await inspector.page.getByRole('img', { name: /^Timeline:/ }).boundingBox();
  if (!box) throw new Error('the timeline canvas is not shown');
  return box;
}

/** Asserts one run per expected time, each centred within 2 px of where the time falls on the axis. */
function assertAt(runs: PaintedRun[], times: number[], width: number, what: string): void {
  const expected = times.map((t) => (t / SPAN_MS) * width);
  const seen = runs.map((run) => run.center);
  assert.equal(seen.length, expected.length, `${what}: painted at ${JSON.stringify(seen)}, expected near ${JSON.stringify(expected)}`);
  seen.forEach((x, index) => assert.ok(Math.abs(x - expected[index]) <= 2, `${what}: painted at ${x}, expected near ${expected[index]}`));
}

describe('webview timeline', () => {
  for (const [theme, width] of [
    ['vscode-dark', 350],
    ['vscode-dark', 1100],
    ['vscode-light', 2560],
  ] as [keyof typeof COLOURS, number][]) {
    it(`draws event ticks, reconnect, error and open marks at their times' x positions in ${theme}'s colours, ${width} px wide`, async () => {
      await withInspector(
        { theme, viewport: { width, height: 700 }, state: { status: 'closed', records: session() } },
        async (inspector) => {
          const box = await canvasBox(inspector);
          assert.ok(box.width > width - 40 && box.width <= width - 20, `the canvas is ${box.width} px wide in a ${width} px panel`);
          const colours = COLOURS[theme];
          assertAt(await painted(inspector, colours.events, EVENT_BAND), [800, 1600, 4000], box.width, 'event ticks');
          assertAt(await painted(inspector, colours.reconnect, MARK_BAND), [2400], box.width, 'reconnect mark');
          assertAt(await painted(inspector, colours.error, MARK_BAND), [2000], box.width, 'error mark');
          assertAt(await painted(inspector, colours.open, MARK_BAND), [400, 2800], box.width, 'open marks');
          // Nothing of the reconnect's or the error's colour on the event lane's own ticks: each kind keeps its mark.
          assert.deepEqual(await painted(inspector, colours.events, MARK_BAND), []);
          const overflow = await inspector.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.equal(overflow, 0, 'the page scrolls sideways');
          await inspector.screenshot(`timeline-${theme}-${width}`);
        },
      );
    });
  }

  it('redraws in the new colours when VS Code switches the theme', async () => {
    await withInspector({ theme: 'vscode-dark', state: { status: 'closed', records: session() } }, async (inspector) => {
      const box = await canvasBox(inspector);
      assertAt(await painted(inspector, COLOURS['vscode-dark'].reconnect, MARK_BAND), [2400], box.width, 'dark reconnect mark');
      await inspector.page.evaluate(() => {
        document.body.className = 'vscode-light';
      });
      assertAt(await painted(inspector, COLOURS['vscode-light'].reconnect, MARK_BAND), [2400], box.width, 'light reconnect mark');
      assert.deepEqual(await painted(inspector, COLOURS['vscode-dark'].reconnect, MARK_BAND), []);
    });
  });

  it('names the record under the pointer: type, #, id and time for an event; the attempt for a reconnect; nothing over empty time', async () => {
    await withInspector({ state: { status: 'closed', records: session() } }, async (inspector) => {
      const box = await canvasBox(inspector);
      const tip = inspector.page.getByRole('tooltip');
      const at = (t: number): number => box.x + (t / SPAN_MS) * box.width;
      await inspector.page.mouse.move(at(1600), box.y + EVENT_LANE.top + 3);
      await tip.waitFor();
      assert.equal(await tip.textContent(), 'tick #3 · id e-2 · 1.600 s');
      await inspector.page.mouse.move(at(2400), box.y + MARK_LANE.top + MARK_LANE.height / 2);
      assert.equal(await tip.textContent(), 'reconnect #5 · 2.400 s · attempt 1 after 3000 ms · Last-Event-ID: e-2');
      await inspector.page.mouse.move(at(2000), box.y + MARK_LANE.top + MARK_LANE.height / 2);
      assert.equal(await tip.textContent(), 'error #4 · 2.000 s · The connection was reset · will reconnect');
      await inspector.page.mouse.move(at(3400), box.y + EVENT_LANE.top + 3);
      await tip.waitFor({ state: 'hidden' });

      // A record the filter hides is still named, and says so.
      await inspector.page.getByRole('textbox', { name: 'Filter' }).fill('e-3');
      await inspector.settle();
      await inspector.page.mouse.move(at(800), box.y + EVENT_LANE.top + 3);
      await tip.waitFor();
      assert.equal(await tip.textContent(), 'tick #2 · id e-1 · 0.800 s · hidden by the filter');
    });
  });

  it('selects the clicked mark’s row, scrolls the table to it and shows its details', async () => {
    const maker = new RecordMaker(10);
    const records: SseRecord[] = [maker.open()];
    for (let n = 0; n < 150; n++) records.push(maker.event('message', `before ${n}`, { afterMs: 10 }));
    records.push(maker.event('target', 'the one', { id: 'T', afterMs: 2000 }));
    for (let n = 0; n < 150; n++) records.push(maker.event('message', `after ${n}`, { afterMs: 10 }));
    records.push(maker.closed('ended', 'The server ended the stream'));
    const target = records.find((record) => record.kind === 'event' && record.id === 'T')!;
    const span = records.at(-1)!.t;
    await withInspector({ state: { status: 'closed', records } }, async (inspector) => {
      assert.ok(!(await inspector.visibleData()).includes('the one'), 'the target row is already in view');
      const box = await canvasBox(inspector);
      await inspector.page.mouse.click(box.x + (target.t / span) * box.width, box.y + EVENT_LANE.top + 3);
      await inspector.settle();
      const selected = inspector.page.locator('.table-body [role="row"][aria-selected="true"]');
      assert.equal(await selected.count(), 1);
      assert.equal(await selected.locator('.col-seq').textContent(), String(target.seq));
      const grid = await inspector.page.getByRole('grid', { name: 'Records' }).boundingBox();
      const row = await selected.boundingBox();
      assert.ok(grid && row && row.y >= grid.y && row.y + row.height <= grid.y + grid.height, 'the selected row is scrolled into view');
      const title = await inspector.page.getByRole('region', { name: 'Record details' }).locator('.detail-title').textContent();
      assert.match(title ?? '', new RegExp(`^#${target.seq}\\s*target`));
      // The keyboard carries on from the table.
      assert.equal(await inspector.page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Records');
    });
  });

  it('sums up what it draws for screen readers, and collapses with the Timeline button, remembered across a reload', async () => {
    await withInspector({ state: { status: 'closed', records: session() } }, async (inspector) => {
      const canvas = inspector.page.getByRole('img', { name: /^Timeline:/ });
      await inspector.settle();
      assert.match(
        (await canvas.getAttribute('aria-label')) ?? '',
        /^Timeline: 3 events over 4\.4 s, peak \d+ per second, 1 reconnect, 1 error\./,
      );
      const toggle = inspector.page.getByRole('button', { name: 'Timeline' });
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      await toggle.click();
      await canvas.waitFor({ state: 'hidden' });
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false');

      await inspector.page.reload();
      await inspector.page.waitForFunction(() => window.__posted.some((message) => message.type === 'ready'));
      await inspector.deliver({ type: 'state', state: panelState({ status: 'closed', records: session() }) });
      await inspector.settle();
      assert.equal(await inspector.page.getByRole('button', { name: 'Timeline' }).getAttribute('aria-pressed'), 'false');
      assert.equal(await inspector.page.locator('canvas.timeline-canvas').isVisible(), false);
      await inspector.page.getByRole('button', { name: 'Timeline' }).click();
      const box = await canvasBox(inspector);
      assertAt(
        await painted(inspector, COLOURS['vscode-dark'].events, EVENT_BAND),
        [800, 1600, 4000],
        box.width,
        'event ticks after expanding',
      );
    });
  });
});
