// The Raw view in the webview: asking for a connection's bytes, and drawing them with the invisible made visible, as text.

import { strict as assert } from 'node:assert';
import { withInspector, type InspectorPage } from './harness';
import { RecordMaker } from './records';
import type { RawSnapshot } from '../../src/shared/rawBytes';
import { READ_RENDERED_RAW, type RenderedRaw } from './renderedRaw';

function snapshot(connection: number, pieces: string[], times: number[], connections = connection): RawSnapshot {
  const chunks = pieces.map((piece) => Buffer.from(piece, 'latin1'));
  const starts: number[] = [];
  let at = 0;
  for (const chunk of chunks) {
    starts.push(at);
    at += chunk.length;
  }
  return { connection, bytes: Buffer.concat(chunks).toString('base64'), starts, times, droppedBytes: 0, connections };
}

async function rawLines(inspector: InspectorPage): Promise<string[]> {
  await inspector.settle();
  return ((await inspector.page.evaluate(READ_RENDERED_RAW)) as RenderedRaw).lines;
}

describe('webview Raw view', () => {
  it('asks for the latest connection when opened, and for the one the user picks', async () => {
    const maker = new RecordMaker();
    await withInspector({ state: { records: [maker.open(), maker.event('message', 'a')] } }, async (inspector) => {
      const toggle = inspector.page.getByRole('button', { name: 'Raw', exact: true });
      assert.equal(await inspector.page.locator('.raw').isVisible(), false, 'hidden until asked for');
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      assert.deepEqual(await inspector.postedOfType('raw'), [{ type: 'raw', connection: 1 }]);
      await inspector.deliver({ type: 'records', records: [maker.reconnect(), maker.open(undefined, { connection: 2 })], dropped: 0 });
      await inspector.settle();
      await inspector.page.getByRole('combobox', { name: 'Connection' }).selectOption('1');
      await inspector.page.getByRole('button', { name: 'Refresh' }).click();
      assert.deepEqual(
        (await inspector.postedOfType('raw')).map((message) => message.connection),
        [1, 1, 1],
        'the pick, and Refresh, ask for connection 1',
      );
      await inspector.deliver({ type: 'status', status: 'closed' });
      await inspector.settle();
      assert.equal((await inspector.postedOfType('raw')).length, 4, 'a stream that ends is read again, so its last bytes show');
    });
  });

  it("empties for another session (the host's cleared), and keeps its bytes when the user's Clear empties the table", async () => {
    const maker = new RecordMaker();
    await withInspector({ state: { records: [maker.open()] } }, async (inspector) => {
      await inspector.page.getByRole('button', { name: 'Raw', exact: true }).click();
      await inspector.deliver({ type: 'raw', snapshot: snapshot(1, ['data: a\n\n'], [5]) });
      assert.ok((await rawLines(inspector)).length > 0, 'the bytes are drawn');
      await inspector.deliver({ type: 'cleared', by: 'user' });
      assert.ok((await rawLines(inspector)).length > 0, "the user's Clear emptied the Raw view");
      await inspector.deliver({ type: 'status', status: 'connecting' }, { type: 'cleared' });
      assert.deepEqual(await rawLines(inspector), []);
      assert.equal(await inspector.page.locator('.raw').getByText('No connection has opened yet.').count(), 1);
    });
  });

  it('draws chunks with their times, CR LF, the BOM, control characters, invalid bytes and ignored lines, all as text', async () => {
    const maker = new RecordMaker();
    await withInspector({ state: { records: [maker.open()] } }, async (inspector) => {
      await inspector.page.getByRole('button', { name: 'Raw', exact: true }).click();
      await inspector.deliver({
        type: 'raw',
        snapshot: snapshot(
          1,
          ['\xEF\xBB\xBFdata: <img src=x onerror="document.title=1">\r\n\r\n', 'bogus\x1b\r\ndata: \xFF\xE2\x80\xAEtxt.exe\n'],
          [12, 40],
        ),
      });
      assert.deepEqual(await rawLines(inspector), [
        ':[#1 · 0.012 s][BOM]data: <img src=x onerror="document.title=1">[CR LF]',
        'dispatch:[CR LF]',
        'ignored:[#2 · 0.040 s]bogus[␛][CR LF] (no colon: the whole line reads as a field name, and there is no such field)',
        ':data: [FF]\\u202etxt.exe[LF]',
      ]);
      assert.equal(await inspector.page.locator('.raw img').count(), 0, 'event bytes are never markup');
      assert.equal(await inspector.page.locator('.raw-ignored').count(), 1);
      assert.match((await inspector.page.locator('.raw-summary').textContent()) ?? '', /in 2 chunks · 4 lines · 1 ignored by the parser/);
      assert.match((await inspector.page.locator('.raw-chunk').nth(1).getAttribute('title')) ?? '', /chunk 2: \d+ B, arrived at 0.040 s/);
      await inspector.screenshot('raw-view');
    });
  });

  it('ignores an answer for a connection the user no longer looks at', async () => {
    const maker = new RecordMaker();
    await withInspector({ state: { records: [maker.open(), maker.open(undefined, { connection: 2 })] } }, async (inspector) => {
      await inspector.page.getByRole('button', { name: 'Raw', exact: true }).click();
      await inspector.deliver({ type: 'raw', snapshot: snapshot(1, ['data: old\n'], [1], 2) });
      assert.deepEqual(await rawLines(inspector), []);
      await inspector.deliver({ type: 'raw', snapshot: snapshot(2, ['data: new\n'], [1], 2) });
      assert.deepEqual(await rawLines(inspector), [':[#1 · 0.001 s]data: new[LF]']);
    });
  });
});
