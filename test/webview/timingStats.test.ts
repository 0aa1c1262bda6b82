// The stats line's timing part: time to first event, gap figures, the longest gaps with their row numbers, and the
// gap histogram in decades, following the records as they arrive.

import { strict as assert } from 'node:assert';
import { withInspector, type InspectorPage } from './harness';
import { RecordMaker } from './records';

async function timing(inspector: InspectorPage): Promise<{ first: string; gaps: string; longest: string; bars: string[] }> {
  await inspector.settle();
  const text = (selector: string) => inspector.page.locator(`.stats ${selector}`).textContent();
  return {
    first: (await text('.stats-first-event')) ?? '',
    gaps: (await text('.stats-gaps')) ?? '',
    longest: (await text('.stats-longest')) ?? '',
    bars: await inspector.page
      .locator('.stats .gap-histogram .gap-bar')
      .evaluateAll((bars) => bars.map((bar) => `${bar.getAttribute('data-label')}=${bar.getAttribute('data-count')}`)),
  };
}

describe('webview stats: timing', () => {
  it('shows nothing about timing before the first event', async () => {
    await withInspector({ state: { records: [new RecordMaker().open()] } }, async (inspector) => {
      await inspector.settle();
      assert.equal(await inspector.page.locator('.stats-first-event, .stats-gaps, .gap-histogram').count(), 0);
    });
  });

  it('time to first event, gap figures, the longest gaps and the histogram, updated as events arrive', async () => {
    // The open comes at t=100 with ttfb 12 ms: the request went out at 88.
    const maker = new RecordMaker();
    const records = [maker.open(), maker.event('message', 'a', { afterMs: 250 }), maker.event('message', 'b', { afterMs: 5 })];
    await withInspector({ state: { records } }, async (inspector) => {
      assert.deepEqual(await timing(inspector), {
        first: 'First event 262 ms after the request (250 ms after the headers)',
        gaps: '1 gap: median 5 ms, p95 5 ms, max 5 ms',
        longest: 'Longest 5 ms (#2→#3)',
        bars: ['<1 ms=0', '1–10 ms=1', '10–100 ms=0', '0.1–1 s=0', '1–10 s=0', '≥10 s=0'],
      });
      await inspector.deliver({
        type: 'records',
        records: [
          maker.event('message', 'c', { afterMs: 2000 }),
          maker.event('message', 'd', { afterMs: 0 }),
          maker.event('message', 'e', { afterMs: 40 }),
        ],
        dropped: 0,
      });
      const after = await timing(inspector);
      assert.equal(after.first, 'First event 262 ms after the request (250 ms after the headers)');
      assert.match(after.gaps, /^4 gaps: median \S+ ms, p95 2\.00 s, max 2\.00 s$/);
      assert.equal(after.longest, 'Longest 2.00 s (#3→#4), 40 ms (#5→#6), 5 ms (#2→#3)');
      assert.deepEqual(after.bars, ['<1 ms=1', '1–10 ms=1', '10–100 ms=1', '0.1–1 s=0', '1–10 s=1', '≥10 s=0']);
    });
  });

  it('Clear starts the figures afresh', async () => {
    const maker = new RecordMaker();
    await withInspector({ state: { records: [maker.open(), ...maker.events(3)] } }, async (inspector) => {
      assert.match((await timing(inspector)).gaps, /^2 gaps/);
      await inspector.deliver({ type: 'cleared' });
      await inspector.settle();
      assert.equal(await inspector.page.locator('.stats-gaps').count(), 0);
    });
  });
});
