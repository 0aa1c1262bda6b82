// Runner-side steps for doing what the user means: export scope, the banner's Open, a row's text, keys, and the Command Palette.
import type { Frame, Locator, Page } from 'playwright-core';

/** What the Command Palette showed for a command before it was run. */
export interface PaletteSeen {
  /** The command's label as listed, e.g. "SSE: Clear (Inspector Panel)". */
  label: string;
  /** The keybinding shown beside it, e.g. "Ctrl+L"; "" when none. */
  keybinding: string;
}

/** F1 where the focus is (a webview forwards it to the workbench), or Ctrl+Shift+P, until the palette shows. */
async function openPalette(page: Page): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  for (const keys of ['F1', 'Control+Shift+P']) {
    await page.keyboard.press(keys);
    try {
      await widget.waitFor({ state: 'visible', timeout: 5_000 });
      return;
    } catch {
      // Try the other key.
    }
  }
  throw new Error('the Command Palette did not open on F1 or Ctrl+Shift+P');
}

/**
 * Opens the palette and types `text` into it. A palette that closes again before the text is in (a key the webview
 * forwarded late can toggle it) is opened once more.
 */
async function typeInPalette(page: Page, box: Locator, text: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await openPalette(page);
    try {
      await box.fill(text, { timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 2) throw error;
    }
  }
}

/** Runs a command by its title from the palette, as a user would; `input` answers the input box it opens, if any. */
async function runFromPalette(page: Page, { title, input }: { title: string; input?: string }): Promise<PaletteSeen> {
  const widget = page.locator('.quick-input-widget');
  const box = widget.locator('.quick-input-box input');
  await typeInPalette(page, box, `>${title}`);
  const row = widget.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 10_000 });
  const keys = await row.locator('.monaco-keybinding-key').allTextContents();
  const seen: PaletteSeen = { label: ((await row.locator('.label-name').first().textContent()) ?? '').trim(), keybinding: keys.join('+') };
  await row.click();
  if (input !== undefined) {
    // The command's own input box: a new quick input, its prompt under the box.
    // A string expression: this file is compiled for Node, and the page has no named helpers.
    await page.waitForFunction(`(() => {
      const widget = document.querySelector('.quick-input-widget');
      const field = widget && widget.querySelector('.quick-input-box input');
      return field !== null && !field.value.startsWith('>') && widget.checkVisibility();
    })()`);
    await box.fill(input);
    await box.press('Enter');
  }
  await widget.waitFor({ state: 'hidden', timeout: 10_000 });
  return seen;
}

/** The data cells of the rows whose type badge reads `type`, top to bottom. */
async function rowData(frame: Frame, { type }: { type: string }): Promise<string[]> {
  const rows = frame.locator('.table-body [role="row"]').filter({ has: frame.locator('.badge').getByText(type, { exact: true }) });
  return rows.locator('.col-data').allTextContents();
}

/** Focuses the record table (as a click would) and presses `keys` there. */
async function pressInTable(frame: Frame, { keys }: { keys: string }): Promise<void> {
  await frame.getByRole('grid', { name: 'Records' }).focus();
  await frame.page().keyboard.press(keys);
}

/** Answers a step of this file, or returns undefined for a step it does not know. */
export async function answerActionStep(
  action: string,
  page: Page,
  frame: Frame,
  payload: unknown,
): Promise<{ result: unknown } | undefined> {
  switch (action) {
    case 'ui-export-scope':
      return { result: await frame.getByRole('combobox', { name: 'Rows to export' }).selectOption((payload as { scope: string }).scope) };
    case 'ui-banner-open':
      return { result: await frame.locator('.banner').getByRole('button', { name: 'Open', exact: true }).click() };
    case 'ui-banner-shown':
      return { result: await frame.locator('.banner').isVisible() };
    case 'ui-row-data':
      return { result: await rowData(frame, payload as { type: string }) };
    case 'ui-press':
      return { result: await pressInTable(frame, payload as { keys: string }) };
    case 'ui-palette':
      return { result: await runFromPalette(page, payload as { title: string; input?: string }) };
    default:
      return undefined;
  }
}
