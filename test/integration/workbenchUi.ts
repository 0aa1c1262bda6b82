// Runner-side steps in the workbench around the panels, done as a user would: a notification's button, the save dialog, a reload.
import type { Locator, Page } from 'playwright-core';

interface NotificationActionPayload {
  /** Text the notification's message contains, e.g. the mock server's URL. */
  message: string;
  /** The button's label. */
  action: string;
}

interface SavePathPayload {
  /** Absolute path on the server's file system. */
  path: string;
}

interface ReloadPayload {
  /** Text the workbench's saved editors must hold (e.g. a panel's saved request) before the page reloads. */
  savedInEditors: string;
}

/** What the save dialog showed before the path was typed, for the extension-host side to check. */
export interface SaveDialogSeen {
  title: string;
  offeredPath: string;
}

/** Times Enter is pressed: the simple file dialog may first move into the typed folder, and then needs Enter again. */
const SAVE_DIALOG_ENTER_ATTEMPTS = 15;
/** How long one Enter gets to close the dialog before the next; together they bound a dialog that never closes. */
const SAVE_DIALOG_ENTER_WAIT_MS = 1_000;
const OFFERED_PATH_WAIT_MS = 10_000;
/** The browser workbench saves its state every few seconds; this only bounds a hang. */
const EDITORS_SAVED_WAIT_MS = 30_000;

/**
 * Resolves whether the workbench's saved editors (the editor part's memento in a workspace state database, IndexedDB)
 * contain the text. A string, since it runs in the page, whose DOM types this Node-side module does not compile against.
 */
const SAVED_EDITORS_INCLUDE = `async (text) => {
  const read = (request) => new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  for (const { name } of await indexedDB.databases()) {
    if (!name || !name.startsWith('vscode-web-state-db-') || name.startsWith('vscode-web-state-db-global')) continue;
    const db = await read(indexedDB.open(name));
    try {
      if (!db.objectStoreNames.contains('ItemTable')) continue;
      const editors = await read(db.transaction('ItemTable', 'readonly').objectStore('ItemTable').get('memento/workbench.parts.editor'));
      if (typeof editors === 'string' && editors.includes(text)) return true;
    } finally {
      db.close();
    }
  }
  return false;
}`;

/**
 * Reloads the workbench page as a user would (F5 in the browser), once the workbench has saved its open editors with
 * `savedInEditors` in them: it saves every few seconds and at unload cannot wait for IndexedDB, so an earlier reload
 * would come back with an older picture.
 */
async function reloadOnceSaved(page: Page, { savedInEditors }: ReloadPayload): Promise<void> {
  const giveUpAt = Date.now() + EDITORS_SAVED_WAIT_MS;
  while (!(await page.evaluate(`(${SAVED_EDITORS_INCLUDE})(${JSON.stringify(savedInEditors)})`))) {
    if (Date.now() > giveUpAt) {
      throw new Error(
        `the workbench did not save editors holding ${JSON.stringify(savedInEditors)} within ${EDITORS_SAVED_WAIT_MS / 1000} s`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // Ends the extension host that asked: the reloaded workbench starts a new one on the same tests path.
  await page.reload();
}

async function clickNotificationAction(page: Page, { message, action }: NotificationActionPayload): Promise<void> {
  const toast = page.locator('.notification-toast', { hasText: message });
  try {
    await toast.waitFor({ state: 'visible', timeout: 15_000 });
  } catch {
    const shown = await page.locator('.notification-toast .notification-list-item-message').allTextContents();
    throw new Error(`no notification toast says ${JSON.stringify(message)}; the toasts shown say ${JSON.stringify(shown)}`);
  }
  await toast.getByRole('button', { name: action, exact: true }).click();
}

/**
 * The path the dialog offers, once it has one: it opens on the parent folder and only then moves to the default
 * file, as a user would wait for. After the wait, whatever it holds, for the extension-host side to judge.
 */
async function offeredPath(input: Locator): Promise<string> {
  const giveUpAt = Date.now() + OFFERED_PATH_WAIT_MS;
  let value = await input.inputValue();
  while (value.endsWith('/') && Date.now() < giveUpAt) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await input.inputValue();
  }
  return value;
}

/**
 * Answers VS Code's own save dialog, which in the browser is a quick input holding a path (the "simple file
 * dialog"): types `path` over the offered one and presses Enter until the dialog closes.
 */
async function answerSaveDialog(page: Page, { path }: SavePathPayload): Promise<SaveDialogSeen> {
  const widget = page.locator('.quick-input-widget');
  try {
    await widget.waitFor({ state: 'visible', timeout: 15_000 });
  } catch {
    throw new Error('no save dialog (quick input) opened within 15 s');
  }
  const input = widget.locator('.quick-input-box input');
  const seen: SaveDialogSeen = {
    title: ((await widget.locator('.quick-input-title').textContent()) ?? '').trim(),
    offeredPath: await offeredPath(input),
  };
  await input.fill(path);
  for (let attempt = 1; attempt <= SAVE_DIALOG_ENTER_ATTEMPTS; attempt++) {
    await input.press('Enter');
    try {
      await widget.waitFor({ state: 'hidden', timeout: SAVE_DIALOG_ENTER_WAIT_MS });
      return seen;
    } catch {
      // Still open: it moved into the folder, was busy listing it, or says why it refuses (checked below).
    }
  }
  const says = (await widget.locator('.quick-input-message').textContent())?.trim();
  throw new Error(
    `the save dialog stayed open after Enter ${SAVE_DIALOG_ENTER_ATTEMPTS} times with ${JSON.stringify(await input.inputValue())}${says ? `; it says ${JSON.stringify(says)}` : ''}`,
  );
}

/** Answers a `workbench-<action>[-n]` step in the workbench page. */
export async function answerWorkbenchStep(step: string, page: Page, payload: unknown): Promise<unknown> {
  const action = step.replace(/-\d+$/, '');
  switch (action) {
    case 'workbench-notification-action':
      return clickNotificationAction(page, payload as NotificationActionPayload);
    case 'workbench-save-dialog':
      return answerSaveDialog(page, payload as SavePathPayload);
    case 'workbench-reload':
      return reloadOnceSaved(page, payload as ReloadPayload);
    default:
      throw new Error(`unknown workbench step ${step}`);
  }
}
