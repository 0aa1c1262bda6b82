// What the extension-host tests share: reaching the extension (only through its exports and commands) and waiting for state.
import * as net from 'node:net';
import * as vscode from 'vscode';
import type { ConnectRequest } from '../../src/shared/protocol';
import type { SseInspectorTestApi } from '../../src/host/testApiTypes';
import type { RenderedTable } from '../webview/renderedTable';
import { askRunner } from './runnerSteps';

export const EXTENSION_ID = 'sse-inspector.sse-inspector';

export function extension(): vscode.Extension<SseInspectorTestApi> {
  const found = vscode.extensions.getExtension<SseInspectorTestApi>(EXTENSION_ID);
  if (!found) throw new Error(`extension ${EXTENSION_ID} is not loaded in this extension host`);
  return found;
}

/** The extension's test API, activating it if needed. */
export async function testApi(): Promise<SseInspectorTestApi> {
  const api = await extension().activate();
  if (!api || typeof api.revealPanel !== 'function')
    throw new Error(`${EXTENSION_ID} activate() did not return the test API (is it running in test mode?)`);
  return api;
}

/**
 * Polls `read` until `done` accepts its value, then returns that value. The deadline only bounds a hang;
 * it is no timing assertion, so it is generous.
 */
export async function waitFor<T>(what: string, read: () => T | Promise<T>, done: (value: T) => boolean, deadlineMs = 30_000): Promise<T> {
  const giveUpAt = Date.now() + deadlineMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      lastError = undefined;
      if (done(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > giveUpAt) {
      const detail = lastError !== undefined ? `last error: ${String(lastError)}` : `last value: ${JSON.stringify(last)}`;
      throw new Error(`gave up waiting ${deadlineMs / 1000} s for ${what}; ${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The row keys of the mock's first `count` messages, "Hello SSE 1" onwards, as the table shows their JSON (compacted). */
export function messageRows(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `event:message:{"message":"Hello SSE ${index + 1}"}`);
}

/** The rows the panel must render for the document's sequence: open, ten messages, the custom end event, closed. */
export const DOCUMENT_ROWS: readonly string[] = ['open', ...messageRows(10), 'event:end:{}', 'closed'];

/** Runs Start Mock Server and returns its base URL ("http://127.0.0.1:<port>"). */
export async function startMockServer(): Promise<string> {
  const url = await vscode.commands.executeCommand<unknown>('sseInspector.startMockServer');
  if (typeof url !== 'string' || !/^http:\/\/127\.0\.0\.1:\d+$/.test(url)) {
    throw new Error(`sseInspector.startMockServer returned ${JSON.stringify(url)}, not http://127.0.0.1:<port>`);
  }
  return url;
}

/**
 * The hooks of a suite against the mock server: start it once, close every panel after each test, stop it at
 * the end. Returns the mock's base URL, readable once the suite has started.
 */
export function useMockServer(): () => string {
  let url: string | undefined;
  suiteSetup(async () => {
    url = await startMockServer();
  });
  teardown(async () => closeAllPanels(await testApi()));
  suiteTeardown(() => vscode.commands.executeCommand('sseInspector.stopMockServer'));
  return () => {
    if (url === undefined) throw new Error('the mock server has not started: read its URL inside a test');
    return url;
  };
}

/** Runs Connect to Stream programmatically and returns the new panel's id. */
export async function connect(target: string | Partial<ConnectRequest>): Promise<string> {
  const id = await vscode.commands.executeCommand<unknown>('sseInspector.connect', target);
  if (typeof id !== 'string' || id === '') throw new Error(`sseInspector.connect returned ${JSON.stringify(id)}, not a panel id`);
  return id;
}

/** Tells this bundle's steps apart from those of another (each test file is its own bundle; a window reload starts a new host). */
const STEP_PREFIX = `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
let tableReads = 0;

/**
 * What a panel's webview shows, read by the runner from its DOM as a user sees it: the panel is brought to the
 * front first, as a user would click its tab. Every row must be in the DOM (the table draws the visible ones and a
 * margin), so the tests keep to tables that fit.
 */
export async function renderedTable(api: SseInspectorTestApi, panelId: string): Promise<RenderedTable> {
  const panel = api.panels().find((candidate) => candidate.id === panelId);
  if (!panel) throw new Error(`panel ${panelId} is not open`);
  api.revealPanel(panelId);
  return wholeTable(await tableShowing(panel.request.url));
}

/** What the (newest, visible) panel whose URL field shows `url` draws, read by the runner from its DOM: the rows in it. */
export async function tableShowing(url: string): Promise<RenderedTable> {
  return (await askRunner(`ui-rows-${STEP_PREFIX}-${++tableReads}`, { url })) as RenderedTable;
}

/** The table, checked to have every row in the DOM. */
export function wholeTable(table: RenderedTable): RenderedTable {
  if (table.firstRow !== 0 || table.rowKeys.length !== table.rowCount) {
    throw new Error(
      `the table has ${table.rowCount} rows but rows ${table.firstRow}–${table.firstRow + table.rowKeys.length - 1} are in the DOM`,
    );
  }
  return table;
}

/** Reads the webview until its last row is `closed`, and returns what it rendered. */
export function renderedUntilClosed(api: SseInspectorTestApi, panelId: string, deadlineMs?: number): Promise<RenderedTable> {
  return waitFor(
    `panel ${panelId} to render a closed row`,
    () => renderedTable(api, panelId),
    (table) => table.rowKeys.at(-1) === 'closed',
    deadlineMs,
  );
}

/** A port nothing listens on: bound by the kernel, then released. */
export async function unusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resolves true when a server can listen on 127.0.0.1:`port` (then frees it again). */
export function portIsFree(port: number): Promise<boolean> {
  const server = net.createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Closes every panel the extension has open, so one test's streams never leak into the next. */
export function closeAllPanels(api: SseInspectorTestApi): void {
  for (const panel of api.panels()) api.closePanel(panel.id);
}
