// Opens code-server's workbench in headless Chromium with a tests path, streams the extension host's log, and returns the outcome.
import { format } from 'node:util';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import type { RunLog } from './runLog';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export interface WorkbenchRun {
  /** code-server's base URL, e.g. http://127.0.0.1:43123 */
  serverUrl: string;
  /** Workspace folder to open. */
  folder: string;
  /** Absolute path of the extension under development (VS Code runs tests only in development mode). */
  extensionDevelopmentPath: string;
  /** Absolute path of the compiled mocha entry. */
  extensionTestsPath: string;
  /** Hard limit for the whole run. */
  timeoutMs: number;
  /** Prefix for the streamed log lines. */
  label: string;
  /** Called with the page before the workbench loads (e.g. to add init scripts or set the viewport). */
  preparePage?: (page: Page) => Promise<void>;
  /** Called with each line the extension host logs (e.g. to answer a step it waits for). */
  onLine?: (line: string, page: Page) => void;
  /** Where the extension host's lines are written and shown. */
  log: RunLog;
}

export interface WorkbenchOutcome {
  /** What the workbench reported through codeAutomationExit. */
  exitCode: number;
  /** Parsed from the suite's result line; undefined when it never printed one. */
  passed?: number;
  failed?: number;
}

/** The webview documents, oldest first: VS Code nests each as .../webview/browser/pre/fake.html inside a host iframe. */
export function webviewFrames(page: Page): Frame[] {
  return page.frames().filter((frame) => !frame.isDetached() && frame.url().includes('/webview/browser/pre/fake.html'));
}

/** The newest webview document. */
export function webviewFrame(page: Page): Frame | undefined {
  return webviewFrames(page).at(-1);
}

/** Builds the workbench URL whose payload points the extension host at the extension and the tests. */
export function workbenchUrl(serverUrl: string, folder: string, payload: [string, string][]): string {
  const remote = serverUrl.replace(/^https?:\/\//, 'vscode-remote://');
  const entries = payload.map(([key, path]) => [key, `${remote}${path}`]);
  return `${serverUrl}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(entries))}`;
}

export async function launchChromium(): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  } catch (error) {
    throw new Error(`could not start Chromium at ${chromiumPath} (set CHROMIUM_PATH to override): ${String(error)}`);
  }
}

/** The workbench forwards console calls as their argument list (`["  %d passing (%s)", 2, "1s"]`). */
function logText(message: unknown): string {
  if (Array.isArray(message)) return format(...message);
  return typeof message === 'string' ? message : JSON.stringify(message);
}

const resultPattern = /INTEGRATION RESULT passed=(\d+) failed=(\d+)/;

/** Runs one suite in a fresh browser and resolves with its exit code, or rejects after the time limit. */
export async function runInWorkbench(run: WorkbenchRun): Promise<WorkbenchOutcome> {
  const browser = await launchChromium();
  let timer: NodeJS.Timeout | undefined;
  try {
    const page = await browser.newPage();
    const outcome: Partial<WorkbenchOutcome> = {};
    let onExit: (code: number) => void = () => {};
    const exited = new Promise<number>((resolve) => {
      onExit = resolve;
    });
    // The hooks must exist before the workbench script runs, so they are exposed before navigating.
    await page.exposeFunction('codeAutomationLog', (level: string, message: unknown) => {
      const text = logText(message);
      const match = resultPattern.exec(text);
      if (match) {
        outcome.passed = Number(match[1]);
        outcome.failed = Number(match[2]);
      }
      run.log.message(`[${run.label}]`, level, text);
      for (const line of text.split('\n')) run.onLine?.(line, page);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => onExit(code));
    await run.preparePage?.(page);
    const payload: [string, string][] = [
      ['extensionDevelopmentPath', run.extensionDevelopmentPath],
      ['extensionTestsPath', run.extensionTestsPath],
    ];
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new Error(`${run.label}: no result within ${Math.round(run.timeoutMs / 1000)} s (hard time limit); see ${run.log.file}`)),
        run.timeoutMs,
      );
    });
    await Promise.race([page.goto(workbenchUrl(run.serverUrl, run.folder, payload)), timedOut]);
    const exitCode = await Promise.race([exited, timedOut]);
    return { ...outcome, exitCode };
  } finally {
    clearTimeout(timer);
    await browser.close();
  }
}

/** Turns an outcome into a printed summary and whether it counts as a pass (a suite that ran nothing fails). */
export function summarize(label: string, outcome: WorkbenchOutcome): boolean {
  const counts = outcome.passed === undefined ? 'no result line' : `passed=${outcome.passed} failed=${outcome.failed}`;
  const ok = outcome.exitCode === 0 && (outcome.passed ?? 0) > 0 && outcome.failed === 0;
  console.log(`\n${label}: ${ok ? 'PASS' : 'FAIL'} (${counts}, exit code ${outcome.exitCode})\n`);
  return ok;
}
