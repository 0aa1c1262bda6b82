// Lets code in the extension host wait until the runner outside (Node + Playwright) has done a step, such as measuring the webview.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The environment variable naming the folder where the runner marks steps done; code-server passes it to the extension host. */
export const STEPS_DIR_VARIABLE = 'SSE_INSPECTOR_RUNNER_STEPS';
const STEP_LINE = /^RUNNER STEP ([\w.-]+)$/;

/** Extension-host side: announces `step` in the log and resolves once the runner has marked it done. */
export async function askRunner(step: string, deadlineMs = 120_000): Promise<void> {
  const dir = process.env[STEPS_DIR_VARIABLE];
  if (!dir) throw new Error(`${STEPS_DIR_VARIABLE} is not set; this code must be started by a runner that answers steps`);
  console.log(`RUNNER STEP ${step}`);
  const doneFile = join(dir, `${step}.done`);
  const giveUpAt = Date.now() + deadlineMs;
  while (!existsSync(doneFile)) {
    if (Date.now() > giveUpAt) throw new Error(`the runner did not finish step ${step} within ${deadlineMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Runner side: returns a log-line handler that runs `handle` for each announced step, then marks the step done.
 * A failing step is reported through `onError` and still marked done, so the extension host never hangs on it.
 */
export function answerSteps<Context>(
  dir: string,
  handle: (step: string, context: Context) => Promise<void>,
  onError: (step: string, error: unknown) => void,
): (line: string, context: Context) => void {
  return (line, context) => {
    const match = STEP_LINE.exec(line);
    if (!match) return;
    const step = match[1];
    void handle(step, context)
      .catch((error: unknown) => onError(step, error))
      .finally(() => writeFileSync(join(dir, `${step}.done`), ''));
  };
}
