// The Raw view in the real host: a CRLF stream's bytes shown as they came, line ends and ignored lines visible.
import * as assert from 'node:assert/strict';
import { closeAllPanels, connect, tableShowing, testApi, waitFor } from '../helpers';
import { askRunner } from '../runnerSteps';
import { RawServer, openStream } from '../../unit/support/rawServer';
import type { RenderedRaw } from '../../webview/renderedRaw';

suite('Raw view of a connection', () => {
  let server: RawServer;
  suiteSetup(async () => {
    // One CRLF stream with a BOM and a line the parser ignores; the reconnect is told to stop with 204.
    server = await RawServer.start((_req, res, _seen, index) => {
      if (index > 0) {
        res.writeHead(204).end();
        return;
      }
      openStream(res);
      res.end('\ufeffdata: one\r\n\r\nbogus line\r\nevent: done\r\ndata: two\r\n\r\n');
    });
  });
  teardown(async () => closeAllPanels(await testApi()));
  suiteTeardown(() => server.stop());

  test('clicking Raw on a finished CRLF stream shows its lines with CR LF, the BOM and the ignored line marked', async () => {
    const url = `${server.url}/crlf`;
    await connect(url);
    await waitFor(
      `the panel of ${url} to render a closed row`,
      () => tableShowing(url),
      (table) => table.rowKeys.at(-1) === 'closed',
    );
    const raw = (await askRunner('ui-raw-1', { lines: 6 })) as RenderedRaw;
    assert.deepEqual(
      raw.lines.map((line) => line.replace(/\[#1 · \d+\.\d{3} s\]/, '[#1]')),
      [
        ':[#1][BOM]data: one[CR LF]',
        'dispatch:[CR LF]',
        'ignored:bogus line[CR LF] (no colon: the whole line reads as a field name, and there is no such field)',
        ':event: done[CR LF]',
        ':data: two[CR LF]',
        'dispatch:[CR LF]',
      ],
    );
    assert.match(raw.summary, /^\d+ B in \d+ chunks? · 6 lines · 1 ignored by the parser$/);
  });
});
