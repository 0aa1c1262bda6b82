// Runner-side steps for kept sessions in a panel's webview: pick the session the table shows, or the one the timeline
// compares it with, from the session bar's selects, as a user would.
import type { Frame } from 'playwright-core';

/** What the user saw after picking: the options offered and the timeline's accessible summary. */
export interface SessionPick {
  options: string[];
  timeline: string;
}

const SELECTS = { shown: 'Session shown in the table', compared: 'Session compared in the timeline' } as const;

/** Picks `value` (a session number, or '' for none) in one of the session bar's selects; waits for the timeline to say `expect`. */
export async function pickSession(
  frame: Frame,
  { which, value, expect }: { which: keyof typeof SELECTS; value: string; expect?: string },
): Promise<SessionPick> {
  const select = frame.getByRole('combobox', { name: SELECTS[which] });
  await select.waitFor({ state: 'visible', timeout: 10_000 });
  const options = await select.locator('option').allTextContents();
  await select.selectOption(value);
  const canvas = frame.getByRole('img', { name: /^Timeline:/ });
  // Playwright's own wait on the accessible name (the webview's CSP forbids evaluating a string in its page).
  if (expect !== undefined)
    await frame.getByRole('img', { name: new RegExp(expect.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).waitFor({ timeout: 10_000 });
  return { options, timeline: (await canvas.getAttribute('aria-label')) ?? '' };
}
