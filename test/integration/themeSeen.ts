// Runner side: waits until the workbench and a webview both show a theme, and reads the theme as drawn — the computed
// backgrounds of the editor area, the sidebar and the webview, and how bright those areas are in the screenshot.
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { brightness, decodePng, medianBrightness, type Pixels, type Rect } from './pngPixels';
import { saveScreenshot } from './layoutUi';
import { webviewFrame } from './workbench';
import type { AreaSeen, ThemeSeen } from './themeShade';

/** The webview body's theme kind and the class VS Code gives `.monaco-workbench` for the same kind of theme. */
const WORKBENCH_CLASS: Record<string, string> = {
  'vscode-light': 'vs',
  'vscode-dark': 'vs-dark',
  'vscode-high-contrast': 'hc-black',
  'vscode-high-contrast-light': 'hc-light',
};

/**
 * Waits until the webview's body says the theme's kind (vscode-light, vscode-dark, vscode-high-contrast[-light])
 * and the workbench has the matching class, so both have restyled. The kind attribute, not the body's classes:
 * a high-contrast-light body also carries vscode-high-contrast. Locators, not waitForFunction: a string predicate
 * that is not true at once is re-run through `new Function`, which the webview's CSP (no unsafe-eval) refuses.
 */
export async function waitForTheme(frame: Frame, { bodyClass }: { bodyClass: string }): Promise<void> {
  const workbenchClass = WORKBENCH_CLASS[bodyClass];
  if (!workbenchClass) throw new Error(`no workbench theme class is known for ${bodyClass}`);
  await frame.locator(`body[data-vscode-theme-kind="${bodyClass}"]`).waitFor({ state: 'attached', timeout: 15_000 });
  await frame.page().locator(`.monaco-workbench.${workbenchClass}`).waitFor({ state: 'attached', timeout: 15_000 });
}

/** The first opaque background from an element up through its ancestors: the colour drawn behind it. */
const OPAQUE_BACKGROUND = `(element) => {
  for (let at = element; at; at = at.parentElement) {
    const colour = getComputedStyle(at).backgroundColor;
    if (colour !== 'transparent' && !/^rgba\\(.*,\\s*0\\)$/.test(colour)) return colour;
  }
  return 'none';
}`;

interface PartRead {
  background: string;
  rect: Rect | null;
}

const READ_WORKBENCH = `(() => {
  const backgroundOf = ${OPAQUE_BACKGROUND};
  const scale = window.devicePixelRatio;
  const part = (selector) => {
    const element = document.querySelector(selector);
    if (!element) return { background: 'none', rect: null };
    const box = element.getBoundingClientRect();
    const rect = box.width > 0 && box.height > 0 ? { x: box.x * scale, y: box.y * scale, width: box.width * scale, height: box.height * scale } : null;
    return { background: backgroundOf(element), rect };
  };
  return {
    workbenchClasses: [...(document.querySelector('.monaco-workbench')?.classList ?? [])],
    // The active group's editor container: the part around it shows the workbench's colour, not the editor's.
    editor: part('.monaco-workbench .part.editor .editor-group-container.active .editor-container'),
    sidebar: part('.monaco-workbench .part.sidebar'),
  };
})()`;

const READ_WEBVIEW = `({ themeKind: document.body.dataset.vscodeThemeKind ?? '', background: (${OPAQUE_BACKGROUND})(document.body) })`;

/** Brightness of a computed CSS colour such as rgb(30, 30, 30); NaN if it is none. */
function colourBrightness(colour: string): number {
  const match = /^rgba?\((\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?)/.exec(colour);
  return match ? brightness(Number(match[1]), Number(match[2]), Number(match[3])) : Number.NaN;
}

function area(read: PartRead, pixels: Pixels): AreaSeen | undefined {
  if (!read.rect) return undefined;
  return {
    background: read.background,
    backgroundBrightness: colourBrightness(read.background),
    pictureBrightness: medianBrightness(pixels, read.rect),
  };
}

/** Reads the theme as drawn in `picture`, a screenshot of `page` taken just before. */
export async function readThemeSeen(page: Page, picture: Buffer): Promise<ThemeSeen> {
  const frame = webviewFrame(page);
  if (!frame) throw new Error('no webview is open in the workbench');
  const workbench = (await page.evaluate(READ_WORKBENCH)) as { workbenchClasses: string[]; editor: PartRead; sidebar: PartRead };
  const webview = (await frame.evaluate(READ_WEBVIEW)) as { themeKind: string; background: string };
  const pixels = decodePng(picture);
  const editor = area(workbench.editor, pixels);
  if (!editor) throw new Error('the editor area is not shown');
  return {
    workbenchClasses: workbench.workbenchClasses,
    editor,
    sidebar: area(workbench.sidebar, pixels),
    webview: { ...webview, backgroundBrightness: colourBrightness(webview.background) },
  };
}

/** Saves a screenshot into the tests' artifacts and reads the theme as drawn in it. */
export async function themeScreenshot(page: Page, payload: { name: string }): Promise<ThemeSeen> {
  const file = await saveScreenshot(page, payload);
  return readThemeSeen(page, readFileSync(file));
}
