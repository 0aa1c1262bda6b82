// `npm run test:integration`: runs the extension-host suite in code-server + headless Chromium, then the packaged-.vsix smoke test.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildExtension, repoRoot, startCodeServer } from '../../scripts/vscodeServer';
import { buildSuite } from './buildSuites';
import { answerSteps, STEPS_DIR_VARIABLE } from './runnerSteps';
import { answerUiStep } from './webviewUi';
import { runInWorkbench, summarize } from './workbench';
import { runVsixSmoke } from './runVsix';

/** Hard limit for the main suite, from page load to the exit code. */
const SUITE_TIME_LIMIT_MS = Number(process.env.SSE_INTEGRATION_TIME_LIMIT_MS) || 5 * 60_000;

async function runMainSuite(): Promise<boolean> {
  const testsPath = await buildSuite('suite');
  const scratch = mkdtempSync(join(tmpdir(), 'sse-inspector-suite-'));
  const workspace = join(scratch, 'workspace');
  const stepsDir = join(scratch, 'steps');
  mkdirSync(workspace);
  mkdirSync(stepsDir);
  const server = await startCodeServer({
    folder: workspace,
    env: { [STEPS_DIR_VARIABLE]: stepsDir },
    onOutput: (line) => console.log(`[code-server] ${line}`),
  });
  const stopOnSignal = (): void => {
    void server.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    console.log(`code-server ${server.url}: running the extension-host suite (limit ${SUITE_TIME_LIMIT_MS / 1000} s)`);
    const outcome = await runInWorkbench({
      serverUrl: server.url,
      folder: workspace,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: testsPath,
      timeoutMs: SUITE_TIME_LIMIT_MS,
      label: 'ext host',
      onLine: answerSteps(stepsDir, answerUiStep),
    });
    return summarize('extension-host suite', outcome);
  } finally {
    process.removeListener('SIGINT', stopOnSignal);
    process.removeListener('SIGTERM', stopOnSignal);
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await buildExtension();
  const suiteOk = await runMainSuite();
  const smokeOk = await runVsixSmoke();
  process.exitCode = suiteOk && smokeOk ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(`integration tests could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
