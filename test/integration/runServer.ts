// `npm run test:integration`: runs the extension-host suite in code-server + headless Chromium, then the packaged-.vsix smoke test.
import { buildExtension } from '../../scripts/vscodeServer';
import { buildSuite } from './buildSuites';
import { runInFreshServer } from './hostRun';
import { runVsixSmoke } from './runVsix';
import { answerUiStep } from './webviewUi';
import { summarize } from './workbench';

/** Hard limit for the main suite, from page load to the exit code. */
const SUITE_TIME_LIMIT_MS = Number(process.env.SSE_INTEGRATION_TIME_LIMIT_MS) || 5 * 60_000;

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
