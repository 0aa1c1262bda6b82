// Runner-side step for the Raw view in a panel's webview: open it with its toolbar button, as a user would, and read
// what it shows once it has lines.
import type { Frame } from 'playwright-core';
import { READ_RENDERED_RAW, type RenderedRaw } from '../webview/renderedRaw';

export async function readRawView(frame: Frame, { lines }: { lines: number }): Promise<RenderedRaw> {
  const toggle = frame.getByRole('button', { name: 'Raw', exact: true });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  const giveUpAt = Date.now() + 15_000;
  for (;;) {
    await frame.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
    const raw = (await frame.evaluate(READ_RENDERED_RAW)) as RenderedRaw | null;
    if (raw && !raw.hidden && raw.lines.length >= lines) return raw;
    if (Date.now() > giveUpAt) throw new Error(`the Raw view shows ${JSON.stringify(raw)}, not ${lines} lines`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
