// `npx tsx scripts/screenshot.ts`: takes docs/panel.png from the real extension in the real VS Code host, after a mock stream finished.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { bundleForExtensionHost } from '../test/integration/buildSuites';
import { runInFreshServer } from '../test/integration/hostRun';
import { answerUiStep } from '../test/integration/webviewUi';
import { webviewFrame } from '../test/integration/workbench';
import { buildExtension, repoRoot } from './vscodeServer';

const OUTPUT = join(repoRoot, 'docs', 'panel.png');

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

async function main(): Promise<void> {
  await buildExtension();
  const outDir = join(repoRoot, 'out', 'screenshot');
  await bundleForExtensionHost([{ in: join(repoRoot, 'scripts', 'host', 'screenshot.ts'), out: 'screenshot' }], outDir);
  mkdirSync(join(repoRoot, 'docs'), { recursive: true });
  const outcome = await runInFreshServer({
    extensionTestsPath: join(outDir, 'screenshot.js'),
    label: 'screenshot',
    timeoutMs: 3 * 60_000,
    // ui-… steps (reading the table from the DOM) are the integration runner's; the last step takes the picture.
    answer: (step, page, payload) => (step.startsWith('ui-') ? answerUiStep(step, page, payload) : takeScreenshot(page)),
    preparePage: (page) => page.setViewportSize({ width: 1280, height: 760 }),
  });
  if (outcome.exitCode !== 0) throw new Error(`no screenshot (exit code ${outcome.exitCode}); see the log above`);
  console.log(`wrote ${OUTPUT}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
