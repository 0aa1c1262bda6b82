// The session picker and the timeline's comparison (issue 10 §3): the picker appears once a panel keeps more than its
// live session, asks the extension for the session chosen, says when an earlier one is shown, and a compared
// session's events are drawn on the same axis in their own colour.

import { strict as assert } from 'node:assert';
import { EVENT_LANE } from '../../media/timelineDraw';
import type { SessionList } from '../../src/shared/protocol';
import { TimelineBuckets } from '../../src/shared/timing/timelineBuckets';
import { type InspectorPage, withInspector } from './harness';
import { RecordMaker } from './records';
import { findPainted, type PaintedRun } from './renderedTimeline';

/** test/webview/theme.css's dark colours: the shown session's events and the compared one's. */
const EVENTS = 'rgb(55, 148, 255)';
const COMPARED = 'rgb(179, 128, 255)';

const TWO_SESSIONS: SessionList = {
  sessions: [
    { number: 1, place: '/a', startedAt: Date.UTC(2026, 11, 1, 6, 0, 0), events: 3, live: false, streaming: false },
    { number: 2, place: '/b?x=1', startedAt: Date.UTC(2026, 11, 1, 6, 5, 0), events: 0, live: true, streaming: true },
  ],
  shown: 2,
  compared: null,
  forgotten: 0,
};

/** The shown session: open at 0, events at 1,000 and 2,000 ms, closed at 2,000. */
function shownRecords() {
  const maker = new RecordMaker(0);
  return [
    maker.open(),
    maker.event('tick', 'x', { afterMs: 1000 }),
    maker.event('tick', 'y', { afterMs: 1000 }),
    maker.closed('ended', 'done'),
  ];
}

async function painted(inspector: InspectorPage, color: string, band: { top: number; bottom: number }): Promise<PaintedRun[]> {
  await inspector.settle();
  const runs = (await inspector.page.evaluate(findPainted({ color, ...band }))) as PaintedRun[] | null;
  if (runs === null) throw new Error('no timeline is drawn');
  return runs;
}

describe('webview kept sessions', () => {
  it('shows no picker for a panel with only its live session, and one listing both once there are two', async () => {
    await withInspector({ theme: 'vscode-dark', state: { status: 'open', records: [] } }, async (inspector) => {
      const picker = inspector.page.getByRole('combobox', { name: 'Session shown in the table' });
      assert.equal(await picker.isVisible(), false, 'a picker for one session');
      await inspector.deliver({ type: 'sessions', list: { ...TWO_SESSIONS, sessions: TWO_SESSIONS.sessions.slice(1), shown: 2 } });
      await inspector.settle();
      assert.equal(await picker.isVisible(), false, 'a picker for one session');
      await inspector.deliver({ type: 'sessions', list: TWO_SESSIONS });
      await inspector.settle();
      assert.equal(await picker.isVisible(), true);
      const options = await picker.locator('option').allTextContents();
      assert.equal(options.length, 2);
      assert.match(options[0], /^1 · \/a · \d\d:\d\d:\d\d · 3 events$/);
      assert.match(options[1], /^2 · \/b\?x=1 · \d\d:\d\d:\d\d · live$/);
      assert.equal(await picker.inputValue(), '2');
    });
  });

  it('asks for the session picked and the one to compare, and says when an earlier session is shown', async () => {
    await withInspector({ theme: 'vscode-dark', state: { status: 'open', records: [] } }, async (inspector) => {
      await inspector.deliver({ type: 'sessions', list: TWO_SESSIONS });
      await inspector.page.getByRole('combobox', { name: 'Session shown in the table' }).selectOption('1');
      assert.deepEqual(await inspector.postedOfType('showSession'), [{ type: 'showSession', session: 1 }]);
      await inspector.deliver({ type: 'cleared' }, { type: 'sessions', list: { ...TWO_SESSIONS, shown: 1 } });
      await inspector.settle();
      const bar = inspector.page.getByRole('group', { name: 'Sessions' });
      assert.match((await bar.textContent()) ?? '', /An earlier session: the live one goes on receiving\./);
      const ended = { ...TWO_SESSIONS, shown: 1, sessions: TWO_SESSIONS.sessions.map((session) => ({ ...session, streaming: false })) };
      await inspector.deliver({ type: 'sessions', list: ended });
      assert.match(
        (await bar.textContent()) ?? '',
        /An earlier session: pick session 2 to see the latest again\./,
        'nothing is receiving now',
      );
      await inspector.deliver({ type: 'sessions', list: { ...TWO_SESSIONS, shown: 1 } });
      // Its status is its own: ended, though the live connection is open.
      assert.doesNotMatch((await inspector.page.locator('.stats').textContent()) ?? '', /^Open/);
      const compare = inspector.page.getByRole('combobox', { name: 'Session compared in the timeline' });
      assert.deepEqual(await compare.locator('option').allTextContents(), [
        'none',
        (await compare.locator('option').nth(1).textContent())!,
      ]);
      assert.match(
        (await compare.locator('option').nth(1).textContent())!,
        /^2 · /,
        'the compare list offers the others, not the one shown',
      );
      await compare.selectOption('2');
      await compare.selectOption('');
      assert.deepEqual(await inspector.postedOfType('compareSession'), [
        { type: 'compareSession', session: 2 },
        { type: 'compareSession', session: null },
      ]);
    });
  });

  it("draws the compared session's events on their own half of the lane, on an axis long enough for both", async () => {
    // The compared session: events at 2,000 and 6,000 ms, so the axis runs to 6,000 ms, past the shown one's 2,000.
    const compared = new RecordMaker(0);
    const buckets = TimelineBuckets.ofRecords([
      compared.open(),
      compared.event('t', 'p', { afterMs: 2000 }),
      compared.event('t', 'q', { afterMs: 4000 }),
    ]).snapshot();
    await withInspector(
      { theme: 'vscode-dark', viewport: { width: 1000, height: 700 }, state: { status: 'closed', records: shownRecords() } },
      async (inspector) => {
        const upper = { top: EVENT_LANE.top + 0.5, bottom: EVENT_LANE.top + 2.5 };
        const lower = { top: EVENT_LANE.top + 4.5, bottom: EVENT_LANE.top + EVENT_LANE.height - 0.5 };
        assert.deepEqual(await painted(inspector, COMPARED, lower), [], 'a compared colour before any comparison');
        await inspector.deliver({ type: 'compare', track: { number: 1, place: '/a', streaming: false, buckets } });
        const canvas = inspector.page.getByRole('img', { name: /^Timeline:/ });
        const box = (await canvas.boundingBox())!;
        const at = (runs: PaintedRun[]) => runs.map((run) => Math.round((run.center / box.width) * 6000));
        const near = (seen: number[], expected: number[], what: string) => {
          assert.equal(seen.length, expected.length, `${what}: ${JSON.stringify(seen)}`);
          seen.forEach((t, i) =>
            assert.ok(Math.abs(t - expected[i]) <= 30, `${what}: ${JSON.stringify(seen)}, expected ${JSON.stringify(expected)}`),
          );
        };
        near(at(await painted(inspector, COMPARED, lower)), [2000, 6000], 'compared events');
        near(at(await painted(inspector, EVENTS, upper)), [1000, 2000], 'shown events, on the longer axis');
        assert.match((await canvas.getAttribute('aria-label'))!, /Compared with session 1 \(\/a\): 2 events over/);
        await inspector.deliver({ type: 'sessions', list: { ...TWO_SESSIONS, compared: 1 } });
        await inspector.screenshot('timeline-compare');
        await inspector.deliver({ type: 'compare', track: null });
        assert.deepEqual(await painted(inspector, COMPARED, lower), [], 'the comparison stays after it was stopped');
        assert.doesNotMatch((await canvas.getAttribute('aria-label'))!, /Compared/);
      },
    );
  });
});
