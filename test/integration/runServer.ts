// `npm run test:integration`: runs the extension-host suite in code-server + headless Chromium, the window-reload run, then the packaged-.vsix smoke test.
import { buildExtension } from '../../scripts/vscodeServer';
import { buildSuite } from './buildSuites';
import { runInFreshServer } from './hostRun';
import { runVsixSmoke } from './runVsix';
import { answerUiStep } from './webviewUi';
import { summarize } from './workbench';

/** Hard limit for the main suite, from page load to the exit code. */
const SUITE_TIME_LIMIT_MS = Number(process.env.SSE_INTEGRATION_TIME_LIMIT_MS) || 5 * 60_000;
/** Hard limit for the window-reload run: two workbench loads and one short stream. */
const RELOAD_TIME_LIMIT_MS = 2 * 60_000;

async function runMainSuite(): Promise<boolean> {
  const outcome = await runInFreshServer({
    // The ui/ tests have the runner click in the webview, which only this launcher can do.
    extensionTestsPath: await buildSuite('server', ['suite', 'ui']),
    label: 'ext host',
    timeoutMs: SUITE_TIME_LIMIT_MS,
    answer: answerUiStep,
  });
  return summarize('extension-host suite', outcome);
}

/** Panels coming back after a window reload: a run of its own, since the reload ends the extension host it runs in. */
async function runReloadSuite(): Promise<boolean> {
  const outcome = await runInFreshServer({
    extensionTestsPath: await buildSuite('restore', ['restore']),
    label: 'reload',
    timeoutMs: RELOAD_TIME_LIMIT_MS,
    answer: answerUiStep,
  });
  return summarize('window reload suite', outcome);
}

async function main(): Promise<void> {
  await buildExtension();
  if (process.env.SSE_INTEGRATION_ONLY === 'panelRestore') {
    // The window-reload run alone, for local work on it.
    process.exitCode = (await runReloadSuite()) ? 0 : 1;
    return;
  }
  const suiteOk = await runMainSuite();
  if (process.env.SSE_INTEGRATION_ONLY) {
    // One suite picked for local work: the reload and .vsix runs are not part of it.
    process.exitCode = suiteOk ? 0 : 1;
    return;
  }
  const reloadOk = await runReloadSuite();
  const smokeOk = await runVsixSmoke();
  process.exitCode = suiteOk && reloadOk && smokeOk ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(`integration tests could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
