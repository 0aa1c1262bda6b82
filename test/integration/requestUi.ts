// Runner-side steps for LLM streams in a panel's webview: reading the Assembled view, copying the request as curl,
// pasting a curl command into the URL field, and reading the request fields it filled.
import type { Frame } from 'playwright-core';
import { READ_RENDERED_REPLY, type RenderedReply } from '../webview/renderedReply';

/** The request as the form shows it. */
export interface RequestFields {
  url: string;
  method: string;
  headers: string;
  body: string;
}

/** The Assembled view once it shows a reply with `blocks` blocks or more (a reply still arriving is waited for). */
export async function readReply(frame: Frame, { blocks }: { blocks: number }): Promise<RenderedReply> {
  const giveUpAt = Date.now() + 15_000;
  for (;;) {
    await frame.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
    const reply = (await frame.evaluate(READ_RENDERED_REPLY)) as RenderedReply | null;
    if (reply && !reply.hidden && reply.blocks.length >= blocks) return reply;
    if (Date.now() > giveUpAt) throw new Error(`the Assembled view shows ${JSON.stringify(reply)}, not ${blocks} blocks`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Opens the Request section (if closed) and clicks Copy as curl, as a user would. */
export async function copyAsCurl(frame: Frame): Promise<void> {
  const section = frame.locator('details.request');
  if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
  await frame.getByRole('button', { name: 'Copy as curl', exact: true }).click();
}

/** Pastes `text` into the URL field, as Ctrl+V with it on the clipboard would, and returns the note the panel shows. */
export async function pasteIntoUrl(frame: Frame, { text }: { text: string }): Promise<string> {
  const field = frame.getByLabel('Stream URL', { exact: true });
  await field.fill('');
  await field.focus();
  // Text, not a function: this file is compiled without the DOM types the page has.
  await frame.evaluate(`(() => {
    const data = new DataTransfer();
    data.setData('text/plain', ${JSON.stringify(text)});
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })()`);
  const noteId = await field.getAttribute('aria-describedby');
  const note = frame.locator(`[id="${noteId}"]`).filter({ hasText: /\S/ });
  await note.waitFor({ timeout: 10_000 });
  return (await note.textContent()) ?? '';
}

export async function requestFields(frame: Frame): Promise<RequestFields> {
  return {
    url: await frame.getByLabel('Stream URL', { exact: true }).inputValue(),
    method: await frame.locator('#method').inputValue(),
    headers: await frame.locator('#headers').inputValue(),
    body: await frame.locator('#body').inputValue(),
  };
}
