// Runs one compiled script in the extension host of a fresh code-server (scratch workspace, own temp folders),
// answering the steps it hands to the runner, and stops everything afterwards, also on Ctrl-C.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot, startCodeServer } from '../../scripts/vscodeServer';
import { RunLog } from './runLog';
import { answerSteps, STEPS_DIR_VARIABLE } from './runnerSteps';
import { runInWorkbench, type WorkbenchOutcome } from './workbench';

export interface HostRun {
  /** The compiled entry exporting `run()` (a mocha index, a bench or screenshot driver). */
  extensionTestsPath: string;
  /** Prefix for the extension host's log lines. */
  label: string;
  /** Hard limit from page load to the exit code. */
  timeoutMs: number;
  /** The extension under development; this checkout unless given. */
  extensionDevelopmentPath?: string;
  /** Extensions folder, e.g. one a .vsix was installed into; a fresh empty one unless given. */
  extensionsDir?: string;
  /** Does what the extension host asks with askRunner, and returns what it should get back. */
  answer?: (step: string, page: Page, payload: unknown) => Promise<unknown>;
  preparePage?: (page: Page) => Promise<void>;
  /** Sees every line the extension host logs. */
  onLine?: (line: string) => void;
}

export async function runInFreshServer(run: HostRun): Promise<WorkbenchOutcome> {
  const scratch = mkdtempSync(join(tmpdir(), 'sse-inspector-host-'));
  const workspace = join(scratch, 'workspace');
  const stepsDir = join(scratch, 'steps');
  mkdirSync(workspace);
  mkdirSync(stepsDir);
  const log = new RunLog(run.label);
  const server = await startCodeServer({
    folder: workspace,
    extensionsDir: run.extensionsDir,
    env: { [STEPS_DIR_VARIABLE]: stepsDir },
    onOutput: (line) => log.record(`[code-server] ${line}`),
  });
  const stopOnSignal = (): void => {
    void server.stop().finally(() => {
      rmSync(scratch, { recursive: true, force: true });
      process.exit(130);
    });
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  const answerStep = run.answer ? answerSteps(stepsDir, run.answer) : undefined;
  try {
    console.log(`code-server ${server.url}: running ${run.label} (limit ${run.timeoutMs / 1000} s; full log in ${log.file})`);
    const outcome = await runInWorkbench({
      serverUrl: server.url,
      folder: workspace,
      extensionDevelopmentPath: run.extensionDevelopmentPath ?? repoRoot,
      extensionTestsPath: run.extensionTestsPath,
      timeoutMs: run.timeoutMs,
      label: run.label,
      preparePage: run.preparePage,
      onLine: (line, page) => {
        run.onLine?.(line);
        answerStep?.(line, page);
      },
      log,
    });
    if (outcome.exitCode !== 0 || outcome.failed !== 0) log.printTail();
    return outcome;
  } catch (error) {
    log.printTail();
    throw error;
  } finally {
    process.removeListener('SIGINT', stopOnSignal);
    process.removeListener('SIGTERM', stopOnSignal);
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}
