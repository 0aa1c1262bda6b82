// Runner-side steps in a panel's webview, done as a user would (typing, clicking) for the extension-host suite.
import type { Frame, Page } from 'playwright-core';
import { webviewFrame } from './workbench';

interface UrlPayload {
  url: string;
}

/** The URL field; it offers recent URLs from a datalist, which makes it a combobox, so it is found by its label. */
function urlField(frame: Frame) {
  return frame.getByLabel('Stream URL', { exact: true });
}

async function typeUrlAndConnect(frame: Frame, url: string): Promise<void> {
  await urlField(frame).fill(url);
  await frame.getByRole('button', { name: 'Connect', exact: true }).click();
}

/** The text of the message tied to the URL field (its aria-describedby), once there is one. */
async function urlFieldMessage(frame: Frame): Promise<string> {
  const noteId = await urlField(frame).getAttribute('aria-describedby');
  if (!noteId) throw new Error('the URL field has no aria-describedby message element');
  const note = frame.locator(`[id="${noteId}"]`).filter({ hasText: /\S/ });
  await note.waitFor({ timeout: 10_000 });
  return (await note.textContent()) ?? '';
}

/** Answers a `ui-<action>[-n]` step in the newest panel's webview; returns what the extension-host side asked to read. */
export async function answerUiStep(step: string, page: Page, payload: unknown): Promise<unknown> {
  const frame = webviewFrame(page);
  if (!frame) throw new Error('no webview is open in the workbench');
  const action = step.replace(/-\d+$/, '');
  switch (action) {
    case 'ui-connect':
      return typeUrlAndConnect(frame, (payload as UrlPayload).url);
    case 'ui-refused-url':
      await typeUrlAndConnect(frame, (payload as UrlPayload).url);
      return urlFieldMessage(frame);
    case 'ui-disconnect':
      return frame.getByRole('button', { name: 'Disconnect', exact: true }).click();
    default:
      throw new Error(`unknown webview step ${step}`);
  }
}
