// The panel at 350, 700, 1400 and 2560 px: nothing overlaps, the Data column keeps at least half the table's width,
// the details sit below the table when narrow and beside it when wide, the chips stay on one line, cells are not
// cut at widths that have room, a cut cell has its whole value as a tooltip, and line breaks show as ⏎.

import { strict as assert } from 'node:assert';
import { withInspector, type InspectorPage } from './harness';
import { layoutRecords, LONG_ID, LONG_TYPE } from './layoutFixture';
import { READ_LAYOUT, type LayoutSeen } from './layoutProbe';
import { RecordMaker } from './records';

const WIDTHS = [350, 700, 1400, 2560] as const;
/** The panel's width from which the details go beside the table (the stylesheet's container query). */
const BESIDE_FROM = 900;
/** Texts the table must show whole wherever the Data column has its half without cutting them. */
const WHOLE = [LONG_ID, LONG_TYPE, '1.000 s'];

async function readLayout(inspector: InspectorPage): Promise<LayoutSeen> {
  await inspector.settle();
  return (await inspector.page.evaluate(`(${READ_LAYOUT})(${JSON.stringify(WHOLE)})`)) as LayoutSeen;
}

/** Opens the details of the row whose id is LONG_ID, and hides the Assembled view so the table has the panel's width. */
async function showDetails(inspector: InspectorPage): Promise<void> {
  await inspector.settle();
  const assembled = inspector.page.getByRole('button', { name: 'Assembled', exact: true });
  if ((await assembled.getAttribute('aria-pressed')) === 'true') await assembled.click();
  await inspector.page.locator('.table-body [role="row"]').filter({ hasText: LONG_ID }).click();
  await inspector.page.getByRole('region', { name: 'Record details' }).waitFor();
}

function assertNoOverlap(seen: LayoutSeen): void {
  assert.ok(seen.controls.length > 15, `only ${seen.controls.length} controls found: the probe reads the wrong page`);
  assert.deepEqual(seen.overlaps, [], 'controls that overlap');
  assert.deepEqual(seen.outside, [], 'controls past the panel edge');
  assert.equal(seen.pageOverflowsX, false, 'the page itself scrolls sideways');
}

describe('webview layout from 350 to 2560 px', () => {
  for (const width of WIDTHS) {
    it(`at ${width} px: nothing overlaps, Data has half the table or more, details ${width < BESIDE_FROM ? 'below' : 'beside'} the table, chips on one line`, async () => {
      await withInspector(
        { viewport: { width, height: 800 }, state: { records: layoutRecords(), status: 'closed' } },
        async (inspector) => {
          await showDetails(inspector);
          const seen = await readLayout(inspector);
          await inspector.screenshot(`layout-${width}`);
          assertNoOverlap(seen);
          assert.ok(seen.dataShare >= 0.5, `the Data column has ${(seen.dataShare * 100).toFixed(0)}% of the table's width`);
          const widest = Object.entries(seen.columnWidths).sort((a, b) => b[1] - a[1])[0][0];
          assert.equal(widest, 'col-data', `columns: ${JSON.stringify(seen.columnWidths)}`);
          assert.ok(seen.detail, 'the details are shown');
          if (width < BESIDE_FROM) {
            assert.ok(
              seen.detail.top >= seen.table.bottom - 0.5,
              `details ${JSON.stringify(seen.detail)} are not below the table ${JSON.stringify(seen.table)}`,
            );
          } else {
            assert.ok(
              seen.detail.left >= seen.table.right - 0.5,
              `details ${JSON.stringify(seen.detail)} are not beside the table ${JSON.stringify(seen.table)}`,
            );
            assert.ok(seen.detail.top < seen.table.bottom && seen.detail.bottom > seen.table.top);
          }
          assert.equal(seen.chipTops.length, 1, `chips on ${seen.chipTops.length} lines`);
          assert.ok(seen.chipStripHeight <= 24, `the chip strip is ${seen.chipStripHeight} px high`);
          for (const cut of seen.cut) assert.equal(cut.title, cut.text, 'a cut cell has its whole value as its tooltip');
          assert.ok(seen.dataTexts.includes('first line⏎second line⏎third line'), `data shown: ${JSON.stringify(seen.dataTexts)}`);
          if (width >= 700) {
            assert.deepEqual(seen.fits, Object.fromEntries(WHOLE.map((text) => [text, true])), 'cells cut at a width with room');
            if (width >= 2560) assert.equal(seen.moreChips, null, 'all chips fit');
          } else {
            // 350 px: something has to give; what is cut says what it is in its tooltip (checked above).
            assert.ok(seen.cut.length > 0, 'at 350 px the long names are cut (else this test checks no tooltip)');
            assert.match(seen.moreChips ?? '', /^\+\d+$/, 'chips that do not fit are behind +N');
          }
        },
      );
    });
  }

  it('keeps the toolbar still when new types arrive, listing chips that do not fit behind "+N", which hides a type from there', async () => {
    const maker = new RecordMaker();
    await withInspector(
      { viewport: { width: 700, height: 600 }, state: { records: [maker.open(), maker.event('message', 'a')] } },
      async (inspector) => {
        const before = await readLayout(inspector);
        const names = Array.from({ length: 12 }, (_, index) => `event_type_number_${index}`);
        for (const name of names) {
          await inspector.deliver({ type: 'records', records: [maker.event(name, name)], dropped: 0 });
          const now = await readLayout(inspector);
          assert.equal(now.toolbarHeight, before.toolbarHeight, `the toolbar changed height when ${name} arrived`);
          assert.equal(now.chipTops.length, 1);
        }
        const after = await readLayout(inspector);
        assert.match(after.moreChips ?? '', /^\+\d+$/);
        await inspector.page.locator('.chips-more').click();
        const menu = inspector.page.getByRole('group', { name: 'More types' });
        await menu.getByRole('button', { name: 'event_type_number_11' }).click();
        assert.ok(!(await inspector.renderedTable()).rowKeys.some((key) => key.startsWith('event:event_type_number_11:')));
        assert.equal(await menu.getByRole('button', { name: 'event_type_number_11' }).getAttribute('aria-pressed'), 'false');
        await inspector.page.keyboard.press('Escape');
        assert.ok(!(await menu.isVisible()));
      },
    );
  });

  it('scrolls the table sideways, not the page, when a column dragged wide leaves Data no room at 350 px', async () => {
    await withInspector({ viewport: { width: 350, height: 700 }, state: { records: layoutRecords() } }, async (inspector) => {
      await inspector.settle();
      const handle = await inspector.page.locator('.table-head .col-type .resizer').boundingBox();
      assert.ok(handle);
      await inspector.page.mouse.move(handle.x + 2, handle.y + 5);
      await inspector.page.mouse.down();
      await inspector.page.mouse.move(handle.x + 250, handle.y + 5, { steps: 5 });
      await inspector.page.mouse.up();
      const seen = await readLayout(inspector);
      assert.equal(seen.tableScrollsX, true, 'the table scrolls sideways');
      assert.equal(seen.pageOverflowsX, false, 'the page does not');
      assert.ok(seen.dataShare >= 0.5, `Data keeps ${(seen.dataShare * 100).toFixed(0)}%`);
    });
  });
});
