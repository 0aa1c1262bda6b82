// The small things new users saw in screenshots: toggles in high contrast, the checked checkbox, the Close-on hint,
// the "N new" pill over the Size column, words said twice, and the empty state after a reload.

import { strict as assert } from 'node:assert';
import { withInspector, type ThemeClass } from './harness';
import { RecordMaker } from './records';

const THEMES: ThemeClass[] = ['vscode-dark', 'vscode-light', 'vscode-high-contrast'];

/** What tells a toggle's state apart, read from the computed style (a string expression: no named functions in the page). */
const TOGGLE_LOOKS = `(() => {
  const look = (selector) => {
    const style = getComputedStyle(document.querySelector(selector));
    return [style.borderTopColor, style.borderTopStyle, style.backgroundColor, style.boxShadow].join(' | ');
  };
  return { pressed: look('.toolbar button.regex[aria-pressed="true"]'), unpressed: look('.toolbar button.toggle[aria-pressed="false"]') };
})()`;

const CHECKBOX_LOOK = `(() => {
  const box = document.querySelector('#with-credentials');
  const style = getComputedStyle(box);
  const mark = getComputedStyle(box, '::after');
  return {
    border: style.borderTopWidth + ' ' + style.borderTopStyle,
    borderColor: style.borderTopColor,
    background: getComputedStyle(document.body).backgroundColor,
    markShown: mark.visibility,
    markColor: mark.borderLeftColor,
    boxColor: style.backgroundColor,
  };
})()`;

describe('webview fixes seen in screenshots', () => {
  for (const theme of THEMES) {
    it(`${theme}: a pressed toggle looks different from an unpressed one`, async () => {
      await withInspector({ theme }, async (inspector) => {
        await inspector.page.getByRole('button', { name: 'Use regular expression' }).click();
        const looks = (await inspector.page.evaluate(TOGGLE_LOOKS)) as { pressed: string; unpressed: string };
        assert.notEqual(looks.pressed, looks.unpressed);
        if (theme === 'vscode-high-contrast') {
          // VS Code marks an active option with contrastActiveBorder in high contrast.
          assert.ok(looks.pressed.startsWith('rgb(243, 143, 6) | solid'), looks.pressed);
          assert.ok(!looks.unpressed.startsWith('rgb(243, 143, 6)'), looks.unpressed);
        }
        await inspector.screenshot(`toggles-${theme}`);
      });
    });

    it(`${theme}: the Send credentials checkbox keeps its box when checked, and shows a check mark`, async () => {
      await withInspector({ theme }, async (inspector) => {
        const box = inspector.page.getByRole('checkbox', { name: 'Send credentials' });
        const before = (await inspector.page.evaluate(CHECKBOX_LOOK)) as Record<string, string>;
        assert.equal(before.markShown, 'hidden');
        await box.check();
        const after = (await inspector.page.evaluate(CHECKBOX_LOOK)) as Record<string, string>;
        assert.equal(after.border, '1px solid');
        assert.notEqual(after.borderColor, after.background, 'the box border melts into the page');
        assert.equal(after.markShown, 'visible');
        assert.notEqual(after.markColor, after.boxColor, 'the check mark melts into the box');
        await inspector.page.locator('.connect-row.options').screenshot({ path: `test-results/checkbox-${theme}.png` });
      });
    });
  }

  it('a cleared Close on field shows a hint that cannot be read as the value "end"', async () => {
    await withInspector({}, async (inspector) => {
      const closeOn = inspector.page.getByRole('textbox', { name: 'Close on' });
      await closeOn.fill('');
      assert.equal(await closeOn.getAttribute('placeholder'), '(never)');
      const placeholderStyle = await closeOn.evaluate((element) => getComputedStyle(element, '::placeholder').fontStyle);
      assert.equal(placeholderStyle, 'italic');
      await inspector.page.getByRole('button', { name: 'Connect', exact: true }).click();
      const [connect] = await inspector.postedOfType('connect');
      assert.equal(connect.request.closeOn, '', 'the hint was sent as a value');
    });
  });

  it('the "N new" pill covers no part of the Size column', async () => {
    const maker = new RecordMaker();
    await withInspector({ state: { records: maker.events(200) } }, async (inspector) => {
      const page = inspector.page;
      await inspector.settle();
      await page.getByRole('grid').evaluate((grid) => {
        grid.scrollTop = 0;
      });
      await page.mouse.wheel(0, -100);
      await inspector.deliver({ type: 'records', records: maker.events(5), dropped: 0 });
      const pill = page.locator('button.new-rows');
      await pill.waitFor({ state: 'visible' });
      const pillBox = await pill.boundingBox();
      const sizeBox = await page.locator('.table-head .col-size').first().boundingBox();
      assert.ok(pillBox && sizeBox);
      assert.ok(
        pillBox.x + pillBox.width <= sizeBox.x,
        `the pill (${pillBox.x}…${pillBox.x + pillBox.width}) reaches the Size column at ${sizeBox.x}`,
      );
      await inspector.screenshot('new-rows-pill');
    });
  });

  it('says a closed or failed connection once: no "closed by you: Closed by the user", no "(HTTP 503)" after "503 Service Unavailable"', async () => {
    const maker = new RecordMaker();
    const failed = maker.error('The server answered 503 Service Unavailable; an event stream needs 200 OK', {
      status: 503,
      willReconnect: false,
    });
    const records = [maker.open(), failed, maker.closed('user', 'Closed by the user')];
    await withInspector({ state: { records, status: 'closed' } }, async (inspector) => {
      // Waits on the rows themselves: the state is drawn on the table's own frame.
      await inspector.page.waitForFunction(() => document.querySelectorAll('.table-body [role="row"]').length === 3);
      const data = await inspector.visibleData();
      assert.equal(data[1], 'The server answered 503 Service Unavailable; an event stream needs 200 OK');
      assert.equal(data[2], 'Closed by the user');
      await inspector.page.locator('.table-body [role="row"][aria-rowindex="4"]').click();
      const facts = await inspector.page.locator('.detail .facts').innerText();
      assert.equal(facts.match(/closed by/gi)?.length, 1, facts);
      const maker2 = new RecordMaker();
      await inspector.deliver(
        { type: 'cleared' },
        { type: 'records', records: [maker2.error('connection refused', { status: 502 })], dropped: 0 },
      );
      // Waits on the row itself: the table redraws on its own frame after the clear and the new record.
      await inspector.page.waitForFunction(() => document.querySelectorAll('.table-body [role="row"]').length === 1);
      assert.deepEqual(
        await inspector.visibleData(),
        ['connection refused (HTTP 502) · will reconnect'],
        'a status the message does not name is still shown',
      );
    });
  });

  it('after a reload with the form filled, the empty table asks for Connect, not for a URL', async () => {
    await withInspector({ state: { status: 'idle' } }, async (inspector) => {
      await inspector.settle();
      assert.equal(await inspector.page.locator('.table-empty').textContent(), 'Not connected. Press Connect to start the stream.');
    });
    await withInspector(
      {
        state: {
          status: 'idle',
          request: { url: '', withCredentials: false, origin: '', method: 'GET', headers: '', body: '', closeOn: 'end' },
        },
      },
      async (inspector) => {
        await inspector.settle();
        assert.equal(await inspector.page.locator('.table-empty').textContent(), 'Not connected. Enter a stream URL and press Connect.');
      },
    );
  });
});
