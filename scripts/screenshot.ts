// `npx tsx scripts/screenshot.ts`: takes docs/panel.png from the real extension in the real VS Code host, after a mock stream finished.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { bundleForExtensionHost } from '../test/integration/buildSuites';
import { answerSteps, STEPS_DIR_VARIABLE } from '../test/integration/runnerSteps';
import { runInWorkbench, webviewFrame } from '../test/integration/workbench';
import { buildExtension, repoRoot, startCodeServer } from './vscodeServer';

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
  const scratch = mkdtempSync(join(tmpdir(), 'sse-inspector-screenshot-'));
  const stepsDir = join(scratch, 'steps');
  const workspace = join(scratch, 'workspace');
  mkdirSync(stepsDir);
  mkdirSync(workspace);
  mkdirSync(join(repoRoot, 'docs'), { recursive: true });
  const onStep = answerSteps<Page>(stepsDir, (_step, page) => takeScreenshot(page));
  const server = await startCodeServer({ folder: workspace, env: { [STEPS_DIR_VARIABLE]: stepsDir } });
  try {
    const outcome = await runInWorkbench({
      serverUrl: server.url,
      folder: workspace,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(outDir, 'screenshot.js'),
      timeoutMs: 3 * 60_000,
      label: 'screenshot',
      preparePage: (page) => page.setViewportSize({ width: 1280, height: 760 }),
      onLine: onStep,
    });
    if (outcome.exitCode !== 0) throw new Error(`no screenshot (exit code ${outcome.exitCode}); see the log above`);
    console.log(`wrote ${OUTPUT}`);
  } finally {
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
