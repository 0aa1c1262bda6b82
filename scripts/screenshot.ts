// `npx tsx scripts/screenshot.ts`: takes docs/panel.png (a finished mock stream, Light+) and docs/assembled.png (an LLM
// stream, Dark+) from the real extension in the real VS Code host.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { bundleForExtensionHost } from '../test/integration/buildSuites';
import { runInFreshServer } from '../test/integration/hostRun';
import { answerUiStep } from '../test/integration/webviewUi';
import { readThemeSeen } from '../test/integration/themeSeen';
import { wrongShades, type Shade } from '../test/integration/themeShade';
import { webviewFrame } from '../test/integration/workbench';
import { buildExtension, repoRoot } from './vscodeServer';

const OUTPUT = join(repoRoot, 'docs', 'panel.png');
const ASSEMBLED_OUTPUT = join(repoRoot, 'docs', 'assembled.png');

/** Two frames in the webview: what the last step changed (a row's details, the Assembled view) is laid out and drawn. */
function nextFrames(frame: Frame): Promise<unknown> {
  return frame.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
}

/** Photographs the window into `file` and fails unless the picture's editor area and webview are `shade`. */
async function photograph(page: Page, file: string, shade: Shade): Promise<void> {
  // The status bar's progress entry ("Activating Extensions…") comes and goes as built-in extensions start: not in the docs.
  await page.locator('[id="status.progress"]').waitFor({ state: 'detached', timeout: 30_000 });
  await page.screenshot({ path: file });
  const wrong = wrongShades(await readThemeSeen(page, readFileSync(file)), shade);
  if (wrong.length > 0) throw new Error(`${file} is not ${shade}: ${wrong.join('; ')}`);
}

/** Selects the third message row, so the detail pane shows pretty-printed JSON, then photographs the window. */
async function takeScreenshot(page: Page): Promise<void> {
  const frame = webviewFrame(page);
  if (!frame) throw new Error('no webview frame found in the workbench');
  await frame.locator('[role=row][aria-rowindex="5"]').click();
  await frame.locator('[role=row][aria-rowindex="5"][aria-selected=true]').waitFor();
  await nextFrames(frame);
  await photograph(page, OUTPUT, 'light');
}

/** The LLM panel as it ends: the table of deltas and the Assembled view beside it. */
async function takeAssembledScreenshot(page: Page): Promise<void> {
  const frame = webviewFrame(page);
  if (!frame) throw new Error('no webview frame found in the workbench');
  await frame.getByRole('region', { name: 'Assembled reply' }).waitFor();
  await nextFrames(frame);
  await photograph(page, ASSEMBLED_OUTPUT, 'dark');
}

/** The runner's DOM-reading steps, then one picture per `screenshot…` step. */
function answer(step: string, page: Page, payload: unknown): Promise<unknown> {
  if (step.startsWith('ui-')) return answerUiStep(step, page, payload);
  return step === 'screenshot-assembled' ? takeAssembledScreenshot(page) : takeScreenshot(page);
}

async function main(): Promise<void> {
  await buildExtension();
  const outDir = join(repoRoot, 'out', 'screenshot');
  await bundleForExtensionHost([{ in: join(repoRoot, 'scripts', 'host', 'screenshot.ts'), out: 'screenshot' }], outDir);
  mkdirSync(join(repoRoot, 'docs'), { recursive: true });
  const outcome = await runInFreshServer({
    extensionTestsPath: join(outDir, 'screenshot.js'),
    label: 'screenshot',
    timeoutMs: 3 * 60_000,
    answer,
    preparePage: (page) => page.setViewportSize({ width: 1280, height: 760 }),
  });
  if (outcome.exitCode !== 0) throw new Error(`no screenshot (exit code ${outcome.exitCode}); see the log above`);
  console.log(`wrote ${OUTPUT} and ${ASSEMBLED_OUTPUT}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
