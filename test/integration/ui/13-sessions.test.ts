// Issue 10 §3 in the real host, driven as a user would: each Connect starts a session; the earlier one is picked
// from the session bar and its rows come back; two sessions are compared in the timeline.
import * as assert from 'node:assert/strict';
import { connect, messageRows, renderedTable, renderedUntilClosed, testApi, useMockServer, waitFor } from '../helpers';
import { askRunner } from '../runnerSteps';
import type { SessionPick } from '../sessionsUi';

/** Waits until the table shows exactly `rows` (a session switch arrives as a clear, then batches). */
async function tableBecomes(api: Awaited<ReturnType<typeof testApi>>, panelId: string, rows: string[], what: string): Promise<void> {
  const table = await waitFor(
    what,
    () => renderedTable(api, panelId),
    (shown) => JSON.stringify(shown.rowKeys) === JSON.stringify(rows),
  );
  assert.deepEqual(table.rowKeys, rows);
}

suite('kept sessions', () => {
  const mockUrl = useMockServer();

  test('a second Connect keeps the first session: picking it shows its rows again, and the two compare in the timeline', async () => {
    const api = await testApi();
    const panelId = await connect(`${mockUrl()}/sse?interval=0&count=2`);
    const first = ['open', ...messageRows(2), 'event:end:{}', 'closed'];
    assert.deepEqual((await renderedUntilClosed(api, panelId)).rowKeys, first);
    await askRunner('ui-connect-1301', { url: `${mockUrl()}/sse?interval=0&count=4` });
    const second = ['open', ...messageRows(4), 'event:end:{}', 'closed'];
    assert.deepEqual((await renderedUntilClosed(api, panelId)).rowKeys, second);

    const shown = (await askRunner('ui-session-1', { which: 'shown', value: '1' })) as SessionPick;
    assert.equal(shown.options.length, 2, `the sessions offered: ${JSON.stringify(shown.options)}`);
    assert.match(shown.options[0], /^1 · \/sse\?interval=0&count=2 · \d\d:\d\d:\d\d · 3 events$/);
    assert.match(shown.options[1], /^2 · \/sse\?interval=0&count=4 · \d\d:\d\d:\d\d · 5 events$/, 'its stream ended: counted, not live');
    await tableBecomes(api, panelId, first, 'session 1’s rows to be back');

    const compared = (await askRunner('ui-session-2', { which: 'compared', value: '2', expect: 'Compared with session 2' })) as SessionPick;
    assert.match(compared.timeline, /^Timeline: 3 events over .*Compared with session 2 \(\/sse\?interval=0&count=4\): 5 events over/);
    await askRunner('window-screenshot-1301', { name: 'sessions-compare' });

    await askRunner('ui-session-3', { which: 'shown', value: '2' });
    await tableBecomes(api, panelId, second, 'the live session’s rows to be back');
  });
});
