// Runner-side steps in a panel's webview, done as a user would (typing, clicking, keys) for the extension-host suite.
import type { Frame, Page } from 'playwright-core';
import { READ_RENDERED_TABLE, type RenderedTable } from '../webview/renderedTable';
import { webviewFrame, webviewFrames } from './workbench';
import { answerWorkbenchStep } from './workbenchUi';
import { copyAsCurl, pasteIntoUrl, readReply, requestFields } from './requestUi';
import { readRawView } from './rawUi';
import { clickOpenInEditor, readPanelLayout, saveScreenshot, setWindowSize, type LayoutPayload } from './layoutUi';
import { themeScreenshot, waitForTheme } from './themeSeen';
import { answerActionStep } from './actionsUi';
import { pickOnTimeline } from './timelineUi';
import { pickSession } from './sessionsUi';

interface UrlPayload {
  url: string;
}

interface FilterPayload {
  text: string;
  regex: boolean;
}

/** Picks a table row by its type badge and/or by text it contains. */
interface RowPayload {
  type?: string;
  text?: string;
}

/** The detail pane as a user reads it. */
export interface DetailsSeen {
  /** e.g. "#4 message 0.012 s". */
  title: string;
  /** Each leaf of the JSON tree, e.g. `message: "Hello SSE 3"`. */
  jsonLeaves: string[];
  /** The response headers table of an open row, as [name, value] pairs. */
  headers: [string, string][];
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

/** Types into the filter box and sets the regex switch, as the payload says. */
async function setFilter(frame: Frame, { text, regex }: FilterPayload): Promise<void> {
  const toggle = frame.getByRole('button', { name: 'Use regular expression', exact: true });
  if (((await toggle.getAttribute('aria-pressed')) === 'true') !== regex) await toggle.click();
  await frame.getByRole('textbox', { name: 'Filter', exact: true }).fill(text);
}

/** The note the table shows instead of rows (e.g. "No rows match the filter"), once it shows one. */
async function tableNote(frame: Frame): Promise<string> {
  const note = frame.locator('.table-empty');
  await note.waitFor({ state: 'visible', timeout: 10_000 });
  return (await note.textContent()) ?? '';
}

/** The text of the panel's notice banner (e.g. "Exported 13 records to …"), once it shows one; its buttons' labels left out. */
async function bannerText(frame: Frame): Promise<string> {
  const banner = frame.locator('.banner');
  await banner.waitFor({ state: 'visible', timeout: 15_000 });
  return (await banner.locator('.banner-text').textContent()) ?? '';
}

function detailPane(frame: Frame) {
  return frame.getByRole('region', { name: 'Record details', exact: true });
}

/** Clicks the one row that matches, then reads the detail pane it opens. */
async function openRow(frame: Frame, { type, text }: RowPayload): Promise<DetailsSeen> {
  let row = frame.locator('.table-body [role="row"]');
  if (type !== undefined) row = row.filter({ has: frame.locator('.badge').getByText(type, { exact: true }) });
  if (text !== undefined) row = row.filter({ hasText: text });
  const matches = await row.count();
  if (matches !== 1) throw new Error(`${matches} table rows match ${JSON.stringify({ type, text })}; expected exactly one`);
  await row.click();
  const pane = detailPane(frame);
  await pane.waitFor({ state: 'visible', timeout: 10_000 });
  const headerRows = await pane.locator('table.headers tr').all();
  const headers = await Promise.all(
    headerRows.map(async (header): Promise<[string, string]> => [
      (await header.locator('th').textContent()) ?? '',
      (await header.locator('td').textContent()) ?? '',
    ]),
  );
  return {
    title: ((await pane.locator('.detail-title').textContent()) ?? '').trim(),
    jsonLeaves: await pane.locator('.json-leaf').allTextContents(),
    headers,
  };
}

/** Presses Escape where the focus is (the table, after a row was clicked); resolves whether the details stayed open. */
async function pressEscape(frame: Frame): Promise<{ detailsOpen: boolean }> {
  await frame.page().keyboard.press('Escape');
  try {
    await detailPane(frame).waitFor({ state: 'hidden', timeout: 5_000 });
  } catch {
    // Reported as still open; the extension-host side asserts on it.
  }
  return { detailsOpen: await detailPane(frame).isVisible() };
}

/** Which panel's table to read: the one whose URL field shows this URL (the newest such, should several). */
export interface RowsPayload {
  url: string;
}

/**
 * The table of the panel whose URL field shows `url`, as drawn in its DOM; it waits for that panel's webview to
 * have loaded its state (its URL field is filled from it). A visible webview is preferred, since a hidden one is
 * not drawn.
 */
async function renderedTable(page: Page, { url }: RowsPayload): Promise<RenderedTable> {
  const giveUpAt = Date.now() + 10_000;
  for (;;) {
    const frames = webviewFrames(page);
    const matching: { frame: Frame; visible: boolean }[] = [];
    for (const frame of frames) {
      const field = urlField(frame);
      if ((await field.count()) === 1 && (await field.inputValue().catch(() => undefined)) === url) {
        const host = await frame
          .parentFrame()
          ?.frameElement()
          .catch(() => undefined);
        matching.push({ frame, visible: (await host?.isVisible()) ?? false });
      }
    }
    const chosen = matching.filter((entry) => entry.visible).at(-1) ?? matching.at(-1);
    if (chosen) {
      // Two frames: what the last messages changed is drawn.
      await chosen.frame.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
      const table = (await chosen.frame.evaluate(READ_RENDERED_TABLE)) as RenderedTable | null;
      if (table) return table;
    }
    if (Date.now() > giveUpAt) throw new Error(`no webview of the ${frames.length} open shows the URL ${url} and a record table`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The webview a user would act on: the newest one shown (the active panel; others stay open, hidden, and the order of
 * the page's frames need not follow their creation), else the newest.
 */
async function shownWebviewFrame(page: Page): Promise<Frame | undefined> {
  const frames = webviewFrames(page);
  for (const frame of [...frames].reverse()) {
    const host = await frame
      .parentFrame()
      ?.frameElement()
      .catch(() => undefined);
    if ((await host?.isVisible()) === true) return frame;
  }
  return webviewFrame(page);
}

/** Answers a `ui-<action>[-n]` step in the newest panel's webview, or a `workbench-…` step around it; returns what the extension-host side asked to read. */
export async function answerUiStep(step: string, page: Page, payload: unknown): Promise<unknown> {
  if (step.startsWith('workbench-')) return answerWorkbenchStep(step, page, payload);
  if (step.startsWith('ui-rows-')) return renderedTable(page, payload as RowsPayload);
  if (step.startsWith('window-size-')) return setWindowSize(page, payload as { width: number; height: number });
  if (step.startsWith('window-screenshot-')) return saveScreenshot(page, payload as { name: string });
  if (step.startsWith('window-theme-screenshot-')) return themeScreenshot(page, payload as { name: string });
  const frame = await shownWebviewFrame(page);
  if (!frame) throw new Error('no webview is open in the workbench');
  const action = step.replace(/-\d+$/, '');
  switch (action) {
    case 'ui-connect':
      return typeUrlAndConnect(frame, (payload as UrlPayload).url);
    case 'ui-refused-url':
      await typeUrlAndConnect(frame, (payload as UrlPayload).url);
      return urlFieldMessage(frame);
    case 'ui-url-field':
      return urlField(frame).inputValue();
    case 'ui-disconnect':
      return frame.getByRole('button', { name: 'Disconnect', exact: true }).click();
    case 'ui-filter':
      return setFilter(frame, payload as FilterPayload);
    case 'ui-table-note':
      return tableNote(frame);
    case 'ui-banner':
      return bannerText(frame);
    case 'ui-open-row':
      return openRow(frame, payload as RowPayload);
    case 'ui-escape':
      return pressEscape(frame);
    case 'ui-export-ndjson':
      return frame.getByRole('button', { name: 'NDJSON', exact: true }).click();
    case 'ui-replay':
      return frame.getByRole('button', { name: 'Replay', exact: true }).click();
    case 'ui-save-scenario':
      return frame.getByRole('button', { name: 'Save as scenario', exact: true }).click();
    case 'ui-url-offers':
      return frame.locator('#recent-urls option').evaluateAll((options) => options.map((option) => option.getAttribute('value')));
    case 'ui-reply':
      return readReply(frame, payload as { blocks: number });
    case 'ui-copy-curl':
      return copyAsCurl(frame);
    case 'ui-paste-url':
      return pasteIntoUrl(frame, payload as { text: string });
    case 'ui-request-fields':
      return requestFields(frame);
    case 'ui-raw':
      return readRawView(frame, payload as { lines: number });
    case 'ui-timeline-pick':
      return pickOnTimeline(frame, payload as Parameters<typeof pickOnTimeline>[1]);
    case 'ui-session':
      return pickSession(frame, payload as Parameters<typeof pickSession>[1]);
    case 'ui-layout':
      return readPanelLayout(frame, payload as LayoutPayload);
    case 'ui-theme':
      return waitForTheme(frame, payload as { bodyClass: string });
    case 'ui-open-in-editor':
      return clickOpenInEditor(frame);
    default: {
      const answered = await answerActionStep(action, page, frame, payload);
      if (answered === undefined) throw new Error(`unknown webview step ${step}`);
      return answered.result;
    }
  }
}
