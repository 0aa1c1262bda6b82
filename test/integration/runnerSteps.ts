// Lets code in the extension host hand a step to the runner outside (Node + Playwright), such as clicking in the
// webview or measuring it, and wait for its result. Steps travel as log lines out and files back.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The environment variable naming the folder for step files; code-server passes it on to the extension host. */
export const STEPS_DIR_VARIABLE = 'SSE_INSPECTOR_RUNNER_STEPS';
const STEP_LINE = /^RUNNER STEP ([\w.-]+)$/;

/** Extension-host side: the step folder, which outlives an extension host (e.g. across a window reload). */
function stepsDir(): string {
  const dir = process.env[STEPS_DIR_VARIABLE];
  if (!dir) throw new Error(`${STEPS_DIR_VARIABLE} is not set; this code must be started by a runner that answers steps`);
  return dir;
}

/**
 * Extension-host side: a file for notes that must survive this extension host, such as what was set up before a
 * window reload, for the extension host the reloaded page starts.
 */
export function runNotePath(name: string): string {
  return join(stepsDir(), `${name}.note`);
}

type StepOutcome = { ok: true; result?: unknown } | { ok: false; error: string };

/**
 * Extension-host side: hands `step` (with an optional JSON payload) to the runner and resolves with its result,
 * or rejects with the runner's error. Each step name may be used once per run.
 */
export async function askRunner(step: string, payload?: unknown, deadlineMs = 120_000): Promise<unknown> {
  const dir = stepsDir();
  if (payload !== undefined) writeFileSync(join(dir, `${step}.json`), JSON.stringify(payload));
  console.log(`RUNNER STEP ${step}`);
  const doneFile = join(dir, `${step}.done`);
  const giveUpAt = Date.now() + deadlineMs;
  while (!existsSync(doneFile)) {
    if (Date.now() > giveUpAt) throw new Error(`the runner did not finish step ${step} within ${deadlineMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const outcome = JSON.parse(readFileSync(doneFile, 'utf8')) as StepOutcome;
  if (!outcome.ok) throw new Error(`runner step ${step} failed: ${outcome.error}`);
  return outcome.result;
}

/**
 * Runner side: returns a log-line handler that runs `handle` for each announced step and writes its outcome back.
 * A failing step is written back as an error, so the extension host fails with it instead of hanging.
 */
export function answerSteps<Context>(
  dir: string,
  handle: (step: string, context: Context, payload: unknown) => Promise<unknown>,
): (line: string, context: Context) => void {
  return (line, context) => {
    const match = STEP_LINE.exec(line);
    if (!match) return;
    const step = match[1];
    const payloadFile = join(dir, `${step}.json`);
    // Written aside and renamed into place: the extension host polls for the file and must never read half of it.
    const finish = (outcome: StepOutcome): void => {
      const done = join(dir, `${step}.done`);
      writeFileSync(`${done}.part`, JSON.stringify(outcome));
      renameSync(`${done}.part`, done);
    };
    Promise.resolve()
      .then(() => handle(step, context, existsSync(payloadFile) ? JSON.parse(readFileSync(payloadFile, 'utf8')) : undefined))
      .then(
        (result) => finish({ ok: true, result }),
        (error: unknown) => finish({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
  };
}
