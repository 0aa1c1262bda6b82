// Runner-side steps for the layout checks in the real workbench: the window's size, a row's details opened, the
// layout read from the webview's DOM (test/webview/layoutProbe.ts), screenshots into test-results/host/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { repoRoot } from '../../scripts/vscodeServer';
import { READ_LAYOUT, type LayoutSeen } from '../webview/layoutProbe';

/** The tests' artifacts: the webview harness writes its pictures to test-results/ too. */
export const HOST_SCREENSHOTS = join(repoRoot, 'test-results', 'host');

export interface LayoutPayload {
  /** Open the details of the first row showing this text. */
  rowText: string;
  /** Texts whose cells must not be cut (reported in `fits`). */
  whole: string[];
}

/** Sets the browser window's size, as a user resizing the window would. */
export async function setWindowSize(page: Page, { width, height }: { width: number; height: number }): Promise<void> {
  await page.setViewportSize({ width, height });
}

export async function saveScreenshot(page: Page, { name }: { name: string }): Promise<string> {
  mkdirSync(HOST_SCREENSHOTS, { recursive: true });
  const file = join(HOST_SCREENSHOTS, `${name}.png`);
  // Two frames in the page: the workbench has laid out what the last step changed.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  await page.screenshot({ path: file });
  return file;
}

/** Hides the Assembled view (so the table has the panel's width), opens a row's details and reads the layout. */
export async function readPanelLayout(frame: Frame, { rowText, whole }: LayoutPayload): Promise<LayoutSeen> {
  const assembled = frame.getByRole('button', { name: 'Assembled', exact: true });
  if ((await assembled.getAttribute('aria-pressed')) === 'true') await assembled.click();
  // The table widens once the view is gone: click the row where it is then, not where it was.
  await frame.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  await frame.locator('.table-body [role="row"]').filter({ hasText: rowText }).first().click();
  await frame.getByRole('region', { name: 'Record details' }).waitFor({ timeout: 10_000 });
  await frame.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  return (await frame.evaluate(`(${READ_LAYOUT})(${JSON.stringify(whole)})`)) as LayoutSeen;
}

/** Clicks the details' Open in editor (its label may be hidden in a narrow pane: the button is found by its tooltip). */
export async function clickOpenInEditor(frame: Frame): Promise<void> {
  await frame
    .getByRole('region', { name: 'Record details' })
    .getByRole('button', { name: /^Open in editor/ })
    .click();
}
