// Timeline benchmark (issue 10 §4): 100,000 events into the real production webview in headless Chromium, in the
// batches the extension sends, with the timeline shown and collapsed; then hovering and resizing with all of them
// kept. Reports the webview's longest task (the criterion: none over 50 ms) and main-thread time.
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { CDPSession, Page } from 'playwright-core';
import { BATCH_LIMITS } from '../src/session/batcher';
import type { SseRecord } from '../src/shared/record';
import { packRecords } from '../src/shared/packedRecords';
import { startHarness, stopHarness, withInspector, type InspectorPage } from '../test/webview/harness';
import { RecordMaker } from '../test/webview/records';

const EVENTS = 100_000;
/** A connection drop every this many events: an error, a reconnect and an open, so the marks lane has work too. */
const DROP_EVERY = 10_000;
/** 100,000 events over 60 s, so the buckets double as they would for a long stream. */
const EVENT_STEP_MS = 0.6;
const REDRAWS = 40;

const OBSERVE_LONG_TASKS = `(() => {
  window.__benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__benchLongTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
})()`;

interface Phase {
  longest: number;
  over50: number;
  /** Main-thread task time (CDP Performance TaskDuration), ms. */
  taskMs: number;
}

interface RunResult {
  width: number;
  scale: number;
  timeline: boolean;
  feed: Phase;
  interact: Phase;
  /** Theme switches, each redrawing the timeline (when shown) from its buckets with every event kept. */
  redraw: Phase;
}

function session(): SseRecord[][] {
  const maker = new RecordMaker(1);
  const records: SseRecord[] = [maker.open()];
  for (let n = 1; n <= EVENTS; n++) {
    records.push(
      maker.event(n % 7 === 0 ? 'delta' : 'message', `{"n":${n},"text":"token ${n}"}`, { id: String(n), afterMs: EVENT_STEP_MS }),
    );
    if (n % DROP_EVERY === 0 && n < EVENTS)
      records.push(maker.error('The connection was reset'), maker.reconnect(n / DROP_EVERY, String(n)), maker.open());
  }
  records.push(maker.closed('ended', 'The server ended the stream'));
  // The largest messages the extension sends (a burst fills each batch to its record limit).
  const batches: SseRecord[][] = [];
  for (let start = 0; start < records.length; start += BATCH_LIMITS.maxRecords)
    batches.push(records.slice(start, start + BATCH_LIMITS.maxRecords));
  return batches;
}

async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0) * 1000;
}

/** Runs `body` and reports the long tasks and main-thread time it caused (the page's own tasks, not DevTools'). */
async function measure(page: Page, cdp: CDPSession, body: () => Promise<void>): Promise<Phase> {
  await page.evaluate('window.__benchLongTasks.length = 0');
  const before = await taskMs(cdp);
  await body();
  // Long-task entries are delivered after the task: give the observer a frame or two.
  await page.evaluate('new Promise((resolve) => setTimeout(resolve, 100))');
  const tasks = (await page.evaluate('window.__benchLongTasks')) as number[];
  return { longest: Math.max(0, ...tasks), over50: tasks.length, taskMs: (await taskMs(cdp)) - before };
}

/** A control, so that "no long task" means none happened: a deliberate 120 ms busy task must be reported. */
async function proveObserverWorks(page: Page): Promise<void> {
  await page.evaluate('window.__benchLongTasks.length = 0');
  await page.evaluate('setTimeout(() => { const end = performance.now() + 120; while (performance.now() < end); }, 0)');
  const giveUpAt = Date.now() + 5000;
  while (!(await page.evaluate('window.__benchLongTasks.some((duration) => duration >= 100)'))) {
    if (Date.now() > giveUpAt)
      throw new Error('the long-task observer did not report a deliberate 120 ms task; its figures cannot be trusted');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Puts the `records` messages (packed, as the extension sends them) into the page before the measured feed, as one JSON string: handing 10,000 records to
 * `page.evaluate` as an argument costs the page a long task of Playwright's own (decoding them), which is not the
 * webview's work and was counted as the feed's until 2026-12-01 06:30.
 */
async function stageBatches(page: Page, batches: SseRecord[][]): Promise<void> {
  const messages = batches.map((records, index) => ({
    type: 'records',
    records: packRecords(records),
    dropped: 0,
    received: { events: 0, bytes: 0 },
    batch: index + 1,
  }));
  await page.evaluate((json) => {
    (window as unknown as { __benchBatches: unknown }).__benchBatches = JSON.parse(json);
  }, JSON.stringify(messages));
}

async function hoverAndResize(inspector: InspectorPage, width: number): Promise<void> {
  const page = inspector.page;
  const box = await page.locator('canvas.timeline-canvas').boundingBox();
  if (box) {
    for (let step = 0; step <= 100; step++) await page.mouse.move(box.x + (box.width * step) / 100, box.y + 20 + (step % 3) * 15);
  }
  for (const panel of [350, 700, 1400, 2560, width]) {
    await page.setViewportSize({ width: panel, height: 800 });
    await inspector.settle();
  }
}

async function runOne(batches: SseRecord[][], width: number, scale: number, timeline: boolean): Promise<RunResult> {
  let result: RunResult | undefined;
  await withInspector({ viewport: { width, height: 800 }, deviceScaleFactor: scale, state: { status: 'open' } }, async (inspector) => {
    const page = inspector.page;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.evaluate(OBSERVE_LONG_TASKS);
    await proveObserverWorks(page);
    if (!timeline) await page.getByRole('button', { name: 'Timeline' }).click();
    await inspector.settle();
    await stageBatches(page, batches);
    const trace = process.env.SSE_BENCH_TRACE;
    const browser = page.context().browser();
    if (trace && browser) {
      mkdirSync(trace, { recursive: true });
      // Without CPU sampling by default: the task events and their thread time are what is read (bench/support/longTasks.ts).
      await browser.startTracing(page, {
        path: join(trace, `timeline-${width}-${timeline ? 'shown' : 'collapsed'}.json`),
        categories: [
          'toplevel',
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'disabled-by-default-v8.gc',
          // SSE_BENCH_TRACE_CPU=1: CPU samples too, to see which code a long task ran (adds work to the thread).
          ...(process.env.SSE_BENCH_TRACE_CPU ? ['v8', 'v8.execute', 'disabled-by-default-v8.cpu_profiler'] : []),
        ],
      });
    }
    const feed = await measure(page, cdp, async () => {
      for (let index = 0; index < batches.length; index++) {
        // As VS Code's frame that hosts the webview forwards a message: one postMessage of the whole batch.
        await page.evaluate(`window.postMessage(window.__benchBatches[${index}], '*')`);
        // The extension keeps at most two batches in flight; waiting until it is applied and drawn is stricter.
        await inspector.settle();
      }
      await inspector.deliver({ type: 'status', status: 'closed' });
      await inspector.settle();
    });
    if (trace && browser) await browser.stopTracing();
    const rows = (await inspector.renderedTable()).rowCount;
    if (rows < EVENTS) throw new Error(`the table shows ${rows} rows, not all ${EVENTS} events`);
    const interact = await measure(page, cdp, () => hoverAndResize(inspector, width));
    const redraw = await measure(page, cdp, async () => {
      for (let n = 0; n < REDRAWS; n++) {
        await page.evaluate(`document.body.className = '${n % 2 === 0 ? 'vscode-light' : 'vscode-dark'}'`);
        await inspector.settle();
      }
    });
    result = { width, scale, timeline, feed, interact, redraw };
  });
  if (!result) throw new Error('no result');
  return result;
}

const ms = (value: number): string => `${value.toFixed(0)} ms`;
const longest = (phase: Phase): string =>
  phase.over50 === 0
    ? `none over 50 ms (${phase.longest === 0 ? '<50' : ms(phase.longest)})`
    : `${ms(phase.longest)} (${phase.over50} over 50 ms)`;

export async function run(): Promise<void> {
  const root = process.cwd();
  await startHarness();
  // Measure what ships: the minified webview (the harness serves dist/ as it is on disk).
  await promisify(execFile)(process.execPath, ['esbuild.mjs', '--production', '--only=media/'], { cwd: root });
  const batches = session();
  const results: RunResult[] = [];
  try {
    for (const [width, scale] of [
      [1100, 1],
      [2560, 2],
    ]) {
      for (const timeline of [true, false]) {
        // SSE_BENCH_RUNS=1100-shown,2560-collapsed picks runs by label, as the panel bench's does.
        const picked = process.env.SSE_BENCH_RUNS?.split(',');
        if (picked && !picked.includes(`${width}-${timeline ? 'shown' : 'collapsed'}`)) continue;
        const result = await runOne(batches, width, scale, timeline);
        console.log(JSON.stringify(result));
        results.push(result);
      }
    }
  } finally {
    await stopHarness();
    await promisify(execFile)(process.execPath, ['esbuild.mjs', '--only=media/'], { cwd: root });
  }
  console.log(
    `\n${EVENTS.toLocaleString('en')} events (+ ${EVENTS / DROP_EVERY - 1} drops: error, reconnect, open) over ${((EVENTS * EVENT_STEP_MS) / 1000).toFixed(0)} s, in ${batches.length} messages of up to ${BATCH_LIMITS.maxRecords.toLocaleString('en')} records`,
  );
  console.log(
    `\n| panel | timeline | feed: longest task | feed: main-thread time | hover ×101 + 5 resizes: longest task | main-thread time | ${REDRAWS} theme switches: longest task | main-thread time |`,
  );
  console.log('|---|---|---|---:|---|---:|---|---:|');
  for (const result of results) {
    console.log(
      `| ${result.width} px @${result.scale}x | ${result.timeline ? 'shown' : 'collapsed'} | ${longest(result.feed)} | ${ms(result.feed.taskMs)} | ${longest(result.interact)} | ${ms(result.interact.taskMs)} | ${longest(result.redraw)} | ${ms(result.redraw.taskMs)} |`,
    );
  }
  for (const [index, shown] of results.entries()) {
    if (!shown.timeline) continue;
    const collapsed = results[index + 1];
    if (collapsed?.width !== shown.width || collapsed.timeline) continue;
    console.log(
      `${shown.width} px @${shown.scale}x: main-thread time with the timeline / without: feed ${(shown.feed.taskMs / collapsed.feed.taskMs).toFixed(2)}, hover and resize ${(shown.interact.taskMs / collapsed.interact.taskMs).toFixed(2)}, theme switches ${(shown.redraw.taskMs / collapsed.redraw.taskMs).toFixed(2)}; one redraw costs ${((shown.redraw.taskMs - collapsed.redraw.taskMs) / REDRAWS).toFixed(1)} ms more with it`,
    );
  }
}
