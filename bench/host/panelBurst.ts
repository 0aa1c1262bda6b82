// Runs in the extension host for bench/panel.ts: bursts from the mock into a panel while the runner watches the webview.
import * as http from 'node:http';
import * as vscode from 'vscode';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { connect, renderedTable, startMockServer, tableShowing, testApi } from '../../test/integration/helpers';
import { askRunner } from '../../test/integration/runnerSteps';
import type { SseInspectorTestApi } from '../../src/host/testApiTypes';

/**
 * live: the panel's webview is up before the first byte (a gate holds the response until then), as when a
 * user connects from an open panel. cold: Connect to Stream opens the panel and the burst arrives while its
 * webview is still loading, so it gets everything at once on `ready`.
 */
export type Scenario = 'live' | 'cold';

export const RUNS: { scenario: Scenario; events: number; maxEvents?: number }[] = [
  { scenario: 'live', events: 100_000 },
  { scenario: 'cold', events: 100_000 },
  // Three times the default cap (sseInspector.maxEvents = 100,000): memory must stay where 100,000 put it.
  { scenario: 'live', events: 300_000 },
  // Issue 8 §5: every one of a million rows kept and shown, with the cap raised to match.
  { scenario: 'live', events: 1_000_000, maxEvents: 1_000_000 },
];

export interface BurstResult {
  label: string;
  scenario: Scenario;
  events: number;
  /** Epoch ms when the burst was let through (live) or Connect to Stream ran (cold). */
  startedAt: number;
  /** From startedAt until the extension reports the stream closed. */
  streamMs: number;
  /** What the table showed (its row count, its last drawn row) once it settled. */
  rowCount: number;
  lastRow: string | undefined;
  renderedRows: number;
  /** Extension host heap after a full GC, before the burst and with the finished panel still open. */
  hostHeapBefore: number;
  hostHeapAfter: number;
  hostRssAfter: number;
}

/** The extension host is not started with --expose-gc; this turns it on for the bench only. */
function heapAfterGc(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

/** SSE_BENCH_HOST_PROFILE=<folder>: a CPU profile of the extension host for each run, to <folder>/host-<label>.cpuprofile. */
const PROFILE_DIR = process.env.SSE_BENCH_HOST_PROFILE;

async function startProfile(file: string): Promise<{ stop(): Promise<void> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

async function pollUntil<T>(read: () => T | Promise<T>, done: (value: T) => boolean): Promise<T> {
  const giveUpAt = Date.now() + 120_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > giveUpAt) throw new Error(`no result within 120 s; last ${JSON.stringify(value).slice(0, 200)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A loopback proxy that holds every request until `open()`, then streams `upstream` through. */
async function startGate(upstream: string): Promise<{ url: string; open(): void; close(): Promise<void> }> {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const server = http.createServer((_request, response) => {
    void opened.then(() => {
      http.get(upstream, (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sse`,
    open,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function burst(api: SseInspectorTestApi, mockUrl: string, scenario: Scenario, events: number): Promise<BurstResult> {
  const label = `${scenario}-${events}`;
  const source = `${mockUrl}/sse?burst=${events}`;
  const gate = scenario === 'live' ? await startGate(source) : undefined;
  try {
    const hostHeapBefore = heapAfterGc();
    const profile = PROFILE_DIR ? await startProfile(`${PROFILE_DIR}/host-${label}.cpuprofile`) : undefined;
    let panelId: string;
    let startedAt: number;
    if (gate) {
      panelId = await connect(gate.url);
      await renderedTable(api, panelId); // read only once the webview has loaded its state
      await askRunner(`watch-${label}`);
      startedAt = Date.now();
      gate.open();
    } else {
      await askRunner(`watch-${label}`);
      startedAt = Date.now();
      panelId = await connect(source);
    }
    await pollUntil(
      () => api.panels().find((panel) => panel.id === panelId)?.status,
      (status) => status === 'closed',
    );
    const streamMs = Date.now() - startedAt;
    await askRunner(`settle-${label}`);
    await profile?.stop();
    await askRunner(`sample-${label}`);
    // Read only now, from the DOM (its drawn rows and its row count), so the reading is not measured.
    api.revealPanel(panelId);
    const table = await tableShowing(gate?.url ?? source);
    const hostHeapAfter = heapAfterGc();
    const result = {
      label,
      scenario,
      events,
      startedAt,
      streamMs,
      rowCount: table.rowCount,
      lastRow: table.rowKeys.at(-1),
      renderedRows: table.renderedRows,
      hostHeapBefore,
      hostHeapAfter,
      hostRssAfter: process.memoryUsage().rss,
    };
    api.closePanel(panelId);
    return result;
  } finally {
    await gate?.close();
  }
}

export async function run(): Promise<void> {
  const api = await testApi();
  const mockUrl = await startMockServer();
  await askRunner('baseline');
  // SSE_BENCH_RUNS=live-1000000,…: only the runs so labelled (e.g. while profiling one of them).
  const only = process.env.SSE_BENCH_RUNS?.split(',');
  for (const { scenario, events, maxEvents } of RUNS) {
    if (only && !only.includes(`${scenario}-${events}`)) continue;
    // Read by each new panel; the bench's code-server has no user settings to restore afterwards.
    await vscode.workspace.getConfiguration('sseInspector').update('maxEvents', maxEvents, vscode.ConfigurationTarget.Global);
    console.log(`BENCH RESULT ${JSON.stringify(await burst(api, mockUrl, scenario, events))}`);
  }
  await api.disposeAll();
}
