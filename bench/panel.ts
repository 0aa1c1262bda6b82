// Panel benchmark in the real VS Code host (code-server + headless Chromium): a mock burst into the panel's table,
// the webview's longest main-thread task, and the memory of the extension host and the renderer.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { buildExtension, repoRoot, runCommand } from '../scripts/vscodeServer';
import { bundleForExtensionHost } from '../test/integration/buildSuites';
import { runInFreshServer } from '../test/integration/hostRun';
import { webviewFrame } from '../test/integration/workbench';
import { answerUiStep } from '../test/integration/webviewUi';
import type { BurstResult } from './host/panelBurst';

const MiB = 1024 * 1024;

/** Runs in every frame before its own scripts, so the webview's long tasks are recorded from its first moment. */
const LONG_TASK_OBSERVER = `
  window.__sseLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__sseLongTasks.push({ start: performance.timeOrigin + entry.startTime, duration: entry.duration, name: entry.name });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    window.__sseLongTasks = String(error);
  }
`;

/**
 * The webview table's row count (the grid's aria-rowcount less the header row) and whether its last row is the
 * `closed` record, which comes last of all: -1 before the grid exists. Auto-scroll keeps the last row rendered.
 */
const READ_TABLE = `(() => {
  const grid = document.querySelector('[role=grid]');
  if (!grid) return { rows: -1, closed: false };
  const count = grid.getAttribute('aria-rowcount');
  const last = grid.querySelector('[role=row][aria-rowindex="' + count + '"] .badge');
  return { rows: Number(count) - 1, closed: last !== null && last.textContent === 'closed' };
})()`;

interface TableState {
  rows: number;
  closed: boolean;
}

interface LongTask {
  /** Epoch ms. */
  start: number;
  duration: number;
  /** Attribution: "self" is a task of the webview document itself; others belong to the workbench sharing its thread. */
  name: string;
}

interface RendererSample {
  /** The renderer's JS heap after a forced GC; webview and workbench share it in code-server. */
  heapUsed: number;
  longTasks: LongTask[];
  domElements: number;
}

/** Follows the newest webview's table, keeping each change with the epoch time it was seen. */
class TableWatch {
  readonly changes: (TableState & { at: number })[] = [];
  private stopped = false;
  private readonly loop: Promise<void>;

  constructor(private readonly page: Page) {
    this.loop = this.follow();
  }

  /** When the webview's table appeared while watched (a cold start); undefined when it was there from the start. */
  get tableShownAt(): number | undefined {
    if ((this.changes[0]?.rows ?? -1) >= 0) return undefined;
    return this.changes.find((change) => change.rows >= 0)?.at;
  }

  /** When the table first held every row, the closing one included. */
  get completedAt(): number | undefined {
    return this.changes.find((change) => change.closed)?.at;
  }

  private async follow(): Promise<void> {
    while (!this.stopped) {
      const frame = webviewFrame(this.page);
      // No webview (yet), or one being replaced, counts as no table.
      const state = (await frame?.evaluate(READ_TABLE).then(
        (value) => value as TableState,
        () => undefined,
      )) ?? { rows: -1, closed: false };
      const last = this.changes.at(-1);
      if (state.rows !== last?.rows || state.closed !== last.closed) this.changes.push({ ...state, at: Date.now() });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Resolves once the closing row is in the table. */
  async completed(): Promise<void> {
    const giveUpAt = Date.now() + 180_000;
    while (this.completedAt === undefined) {
      if (Date.now() > giveUpAt) {
        this.stopped = true;
        throw new Error(`the webview table did not show its closed row within 180 s (last: ${JSON.stringify(this.changes.at(-1))})`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    this.stopped = true;
    await this.loop;
  }
}

async function sampleRenderer(page: Page, withWebview: boolean): Promise<RendererSample> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    if (!withWebview) return { heapUsed: usedSize, longTasks: [], domElements: 0 };
    const frame = webviewFrame(page);
    if (!frame) throw new Error('no webview frame found in the workbench');
    const longTasks = (await frame.evaluate('window.__sseLongTasks')) as LongTask[] | string;
    if (typeof longTasks === 'string') throw new Error(`the long-task observer failed in the webview: ${longTasks}`);
    const domElements = (await frame.evaluate("document.getElementsByTagName('*').length")) as number;
    await proveObserverWorks(frame, longTasks.length);
    return { heapUsed: usedSize, longTasks, domElements };
  } finally {
    await session.detach();
  }
}

/** A control, so that "no long task" means none happened: a deliberate 120 ms busy loop must be reported. */
async function proveObserverWorks(frame: Frame, seenBefore: number): Promise<void> {
  // Scheduled as the page's own task: a task run by DevTools' evaluate is not a long task in the page's event loop.
  await frame.evaluate('setTimeout(() => { const end = performance.now() + 120; while (performance.now() < end); }, 0)');
  const giveUpAt = Date.now() + 5_000;
  while (Date.now() < giveUpAt) {
    const tasks = (await frame.evaluate('window.__sseLongTasks')) as LongTask[];
    if (tasks.slice(seenBefore).some((task) => task.duration >= 100)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the long-task observer in the webview did not report a deliberate 120 ms task; its figures cannot be trusted');
}

/**
 * SSE_BENCH_TRACE=<folder>: records a Chromium performance trace of the first SSE_BENCH_TRACE_MS (default 15 s) of
 * each run into <folder>/<label>.json, to be read with `tsx bench/support/longTasks.ts <file>` or in DevTools. Off by default: the
 * trace's CPU sampling adds work to the very thread being measured.
 */
const TRACE_DIR = process.env.SSE_BENCH_TRACE;
const TRACE_MS = Number(process.env.SSE_BENCH_TRACE_MS ?? 15_000);
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'toplevel',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.gc',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
];

/** Collects what the runner measures for each step the extension-host side announces. */
class Measurements {
  readonly watches = new Map<string, TableWatch>();
  readonly samples = new Map<string, RendererSample>();
  private tracing: Promise<void> | undefined;

  async step(step: string, page: Page): Promise<void> {
    const [, action, label] = /^(watch|settle|sample|baseline)-?(.*)$/.exec(step) ?? [];
    const browser = page.context().browser();
    if (action === 'baseline') this.samples.set('baseline', await sampleRenderer(page, false));
    else if (action === 'watch') {
      if (TRACE_DIR && browser) {
        mkdirSync(TRACE_DIR, { recursive: true });
        await browser.startTracing(page, { path: join(TRACE_DIR, `${label}.json`), categories: TRACE_CATEGORIES });
        // A trace of the whole million-row run would be too big to read: its first seconds show the pattern.
        this.tracing = new Promise((resolve) => setTimeout(resolve, TRACE_MS)).then(() => browser.stopTracing()).then(() => undefined);
      }
      this.watches.set(label, new TableWatch(page));
    } else if (action === 'settle') {
      await this.watches.get(label)?.completed();
      await this.tracing;
    } else if (action === 'sample') this.samples.set(label, await sampleRenderer(page, true));
    else throw new Error(`unknown step ${step}`);
  }
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const mib = (bytes: number): string => (bytes / MiB).toFixed(1);

function longest(tasks: LongTask[]): string {
  if (tasks.length === 0) return 'none over 50 ms';
  return `${Math.max(...tasks.map((task) => task.duration)).toFixed(0)} ms (${tasks.length} over 50 ms)`;
}

function whenSlow(tasks: LongTask[], startedAt: number): string {
  if (tasks.length === 0) return 'none';
  return tasks.map((task) => `${task.duration.toFixed(0)} ms at ${seconds(task.start - startedAt)}`).join(', ');
}

function report(results: BurstResult[], measured: Measurements): void {
  const baseline = measured.samples.get('baseline');
  console.log(
    '\n| run | events | stream closed | webview table shown | all rows in table | rows kept / row elements | longest webview task | longest task on its thread | ext host heap (before → after) | renderer heap (baseline → after) |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const slowTasks: string[] = [];
  for (const result of results) {
    const sample = measured.samples.get(result.label);
    const watch = measured.watches.get(result.label);
    if (!sample || !watch) throw new Error(`no webview measurements for ${result.label}`);
    if (result.lastRow !== 'closed') throw new Error(`${result.label}: the table's last row is ${result.lastRow}, not closed`);
    const completedAt = watch.completedAt;
    const shownAt = watch.tableShownAt;
    const tasks = sample.longTasks.filter((task) => task.start >= result.startedAt);
    console.log(
      `| ${result.scenario} | ${result.events.toLocaleString('en')} | ${seconds(result.streamMs)} | ${shownAt === undefined ? 'before' : seconds(shownAt - result.startedAt)} | ${completedAt === undefined ? '?' : seconds(completedAt - result.startedAt)} | ` +
        `${result.rowCount.toLocaleString('en')} / ${result.renderedRows} | ${longest(tasks.filter((task) => task.name === 'self'))} | ${longest(tasks)} | ` +
        `${mib(result.hostHeapBefore)} → ${mib(result.hostHeapAfter)} MiB (RSS ${mib(result.hostRssAfter)}) | ${baseline ? mib(baseline.heapUsed) : '?'} → ${mib(sample.heapUsed)} MiB |`,
    );
    slowTasks.push(
      `${result.label}: ${whenSlow(
        tasks.filter((task) => task.name === 'self'),
        result.startedAt,
      )}`,
    );
  }
  // When in the run the webview's own long tasks came, against the columns above (stream closed, all rows).
  console.log(`\nWebview tasks over 50 ms, by start (seconds after connecting):\n${slowTasks.join('\n')}`);
}

export async function run(): Promise<void> {
  // Measure what ships: the minified production bundles.
  await runCommand(process.execPath, ['esbuild.mjs', '--production']);
  const outDir = join(repoRoot, 'out', 'bench');
  await bundleForExtensionHost([{ in: join(repoRoot, 'bench', 'host', 'panelBurst.ts'), out: 'panelBurst' }], outDir);
  const results: BurstResult[] = [];
  const measured = new Measurements();
  try {
    const outcome = await runInFreshServer({
      extensionTestsPath: join(outDir, 'panelBurst.js'),
      label: 'bench',
      timeoutMs: 10 * 60_000,
      // ui-… steps (reading the table from the DOM) are the integration runner's; the rest are measurements.
      answer: (step, page, payload) => (step.startsWith('ui-') ? answerUiStep(step, page, payload) : measured.step(step, page)),
      preparePage: async (page) => {
        await page.addInitScript({ content: LONG_TASK_OBSERVER });
      },
      onLine: (line) => {
        const result = /^BENCH RESULT (\{.*\})$/.exec(line);
        if (result) results.push(JSON.parse(result[1]) as BurstResult);
      },
    });
    if (outcome.exitCode !== 0) throw new Error(`the panel benchmark failed (exit code ${outcome.exitCode}); see the log above`);
  } finally {
    // Put the development build (with source maps) back.
    await buildExtension();
  }
  report(results, measured);
}
