// Done means "a timeline click selecting a row", as a user would in the real host: point at a mark on the timeline
// above the table, read its tooltip, click, and find that record's row selected and its details open.
import * as assert from 'node:assert/strict';
import { DOCUMENT_ROWS, connect, renderedUntilClosed, testApi, useMockServer, waitFor, tableShowing } from '../helpers';
import { askRunner } from '../runnerSteps';
import type { TimelinePick } from '../timelineUi';

suite('the timeline above the table', () => {
  const mockUrl = useMockServer();

  test('clicking the mark of message 3 (record #4) on the timeline selects its row and opens its details', async () => {
    const api = await testApi();
    const panelId = await connect(`${mockUrl()}/sse?interval=150`);
    assert.deepEqual((await renderedUntilClosed(api, panelId)).rowKeys, DOCUMENT_ROWS);
    const picked = (await askRunner('ui-timeline-pick-1', { name: 'message #4 ', lane: 'events' })) as TimelinePick;
    assert.match(picked.tip, /^message #4 · \d+\.\d{3} s$/);
    assert.equal(picked.selectedSeq, '4');
    assert.match(picked.detailTitle, /^#4\s*message/);
  });

  test('clicking the reconnect mark after a dropped connection (resumed by id) selects the reconnect row', async () => {
    const url = `${mockUrl()}/sse?interval=100&drop=3&retry=300&ids`;
    await connect(url);
    await waitFor(
      `the panel of ${url} to render a closed row`,
      () => tableShowing(url),
      (table) => table.rowKeys.at(-1) === 'closed',
    );
    const picked = (await askRunner('ui-timeline-pick-2', { name: 'reconnect #', lane: 'marks' })) as TimelinePick;
    const seq = /^reconnect #(\d+) · /.exec(picked.tip)?.[1];
    assert.ok(seq, `the tooltip says ${JSON.stringify(picked.tip)}`);
    assert.equal(picked.selectedSeq, seq);
    assert.match(picked.detailTitle, new RegExp(`^#${seq}\\s*reconnect`));
  });
});
