// `npx tsx scripts/screenshot.ts`: takes docs/panel.png (a finished mock stream, Light+) and docs/assembled.png (an LLM
// stream, Dark+) from the real extension in the real VS Code host.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { bundleForExtensionHost } from '../test/integration/buildSuites';
import { runInFreshServer } from '../test/integration/hostRun';
import { answerUiStep } from '../test/integration/webviewUi';
import { webviewFrame } from '../test/integration/workbench';
import { buildExtension, repoRoot } from './vscodeServer';

const OUTPUT = join(repoRoot, 'docs', 'panel.png');
const ASSEMBLED_OUTPUT = join(repoRoot, 'docs', 'assembled.png');

/** Selects the third message row, so the detail pane shows pretty-printed JSON, then photographs the window. */
async function takeScreenshot(page: Page): Promise<void> {
  const frame = webviewFrame(page);
  if (!frame) throw new Error('no webview frame found in the workbench');
  await frame.locator('[role=row][aria-rowindex="5"]').click();
  await frame.locator('[role=row][aria-rowindex="5"][aria-selected=true]').waitFor();
  // Let the detail pane lay out and the focus ring settle before the picture.
  await page.waitForTimeout(500);
  await page.screenshot({ path: OUTPUT });
}

/** The LLM panel as it ends: the table of deltas and the Assembled view beside it. */
async function takeAssembledScreenshot(page: Page): Promise<void> {
  const frame = webviewFrame(page);
  if (!frame) throw new Error('no webview frame found in the workbench');
  await frame.getByRole('region', { name: 'Assembled reply' }).waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: ASSEMBLED_OUTPUT });
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
