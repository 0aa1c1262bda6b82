// Serves the real built webview under the panel's CSP to headless Chromium, with a stand-in for acquireVsCodeApi.

import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { newNonce, panelHtml } from '../../src/host/html';
import type { ExtensionToWebview, PanelState, ReceivedTotals, WebviewToExtension } from '../../src/shared/protocol';
import { packRecords } from '../../src/shared/packedRecords';
import type { SseRecord } from '../../src/shared/record';
import { panelState } from './records';
import { READ_RENDERED_TABLE, type RenderedTable } from './renderedTable';
import { launchChromium } from '../integration/workbench';

const ROOT = path.resolve(__dirname, '../..');
export const RESULTS_DIR = path.join(ROOT, 'test-results');

export type ThemeClass = 'vscode-dark' | 'vscode-light' | 'vscode-high-contrast';

/** What the page's stand-in keeps for the test to read. */
declare global {
  interface Window {
    __posted: WebviewToExtension[];
    __cspViolations: string[];
    /** Set only if a test payload's script ever ran. */
    __pwned?: unknown;
  }
}

const FILES: Record<string, { file: string; type: string }> = {
  '/dist/webview.js': { file: 'dist/webview.js', type: 'text/javascript' },
  '/dist/webview.css': { file: 'dist/webview.css', type: 'text/css' },
  '/dist/codicon.ttf': { file: 'dist/codicon.ttf', type: 'font/ttf' },
  '/theme.css': { file: 'test/webview/theme.css', type: 'text/css' },
};

/** Records posts, keeps setState in sessionStorage (so a reload finds it), and refuses a second acquire, as VS Code does. */
const STAND_IN = `
(() => {
  window.__posted = [];
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.violatedDirective + ' blocked ' + event.blockedURI);
  });
  let acquired = false;
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
    acquired = true;
    return Object.freeze({
      postMessage: (message) => { window.__posted.push(JSON.parse(JSON.stringify(message))); },
      getState: () => {
        const saved = sessionStorage.getItem('vscodeState');
        return saved === null ? undefined : JSON.parse(saved);
      },
      setState: (state) => { sessionStorage.setItem('vscodeState', JSON.stringify(state)); return state; },
    });
  };
})();
`;

/**
 * The extension's own panel HTML (same shell, same CSP, fresh nonce), with what VS Code adds around it:
 * the theme class on body, the theme's variables, and acquireVsCodeApi (here the nonce'd stand-in).
 */
function panelPage(origin: string, theme: ThemeClass): string {
  const nonce = newNonce();
  const html = panelHtml({ cspSource: origin, scriptUri: `${origin}/dist/webview.js`, styleUri: `${origin}/dist/webview.css`, nonce });
  const themed = html.replace('<body>', `<body class="${theme}">`);
  if (themed === html) throw new Error('the panel HTML has changed shape: no <body>');
  return insertOnce(
    insertOnce(themed, '<link rel="stylesheet"', `<link rel="stylesheet" href="${origin}/theme.css">\n`),
    `<script nonce="${nonce}" src=`,
    `<script nonce="${nonce}">${STAND_IN}</script>\n`,
  );
}

function insertOnce(html: string, before: string, insertion: string): string {
  const at = html.indexOf(before);
  if (at < 0) throw new Error(`the panel HTML has changed shape: no ${before}`);
  return html.slice(0, at) + insertion + html.slice(at);
}

let server: Server | undefined;
let browser: Browser | undefined;
let origin = '';

export async function startHarness(): Promise<void> {
  await promisify(execFile)(process.execPath, ['esbuild.mjs', '--only=media/'], { cwd: ROOT });
  await mkdir(RESULTS_DIR, { recursive: true });
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const theme = url.searchParams.get('theme');
    if (url.pathname === '/panel' && (theme === 'vscode-dark' || theme === 'vscode-light' || theme === 'vscode-high-contrast')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(panelPage(origin, theme));
      return;
    }
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const served = FILES[url.pathname];
    if (!served) {
      response.writeHead(404).end();
      return;
    }
    readFile(path.join(ROOT, served.file)).then(
      (body) => response.writeHead(200, { 'content-type': served.type, 'cache-control': 'no-store' }).end(body),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}

export async function stopHarness(): Promise<void> {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
}

/** One inspector webview in a fresh browser context, plus the problems seen on it (console errors, page errors, CSP violations). */
/** A message as a test writes it: a batch's records as a plain list. */
export type TestMessage =
  | Exclude<ExtensionToWebview, { type: 'records' }>
  | { type: 'records'; records: SseRecord[]; dropped: number; received?: ReceivedTotals; batch?: number };

export class InspectorPage {
  /** Batches delivered so far: the next one's number, unless a test gives its own. */
  private batches = 0;

  constructor(
    readonly page: Page,
    private readonly problems: string[],
  ) {}

  /**
   * Delivers messages as VS Code does: `message` events on the window, in order, and waits until the view has applied
   * and drawn them. A batch of records is written as a list and packed as the extension packs it, numbered in order
   * unless the test numbers it.
   */
  async deliver(...messages: TestMessage[]): Promise<void> {
    const packed = messages.map((message): ExtensionToWebview => {
      if (message.type !== 'records') return message;
      this.batches += 1;
      return { ...message, records: packRecords(message.records), batch: message.batch ?? this.batches };
    });
    await this.page.evaluate((list) => {
      for (const message of list) window.postMessage(message, '*');
    }, packed);
    // Posted messages are handled in later tasks (a batch across several): a test reads the page once they are drawn.
    await this.settle();
  }

  async posted(): Promise<WebviewToExtension[]> {
    return this.page.evaluate(() => window.__posted);
  }

  async postedOfType<T extends WebviewToExtension['type']>(type: T): Promise<Extract<WebviewToExtension, { type: T }>[]> {
    const posted = await this.posted();
    return posted.filter((message): message is Extract<WebviewToExtension, { type: T }> => message.type === type);
  }

  /** What the table shows, read from its DOM once everything delivered before has been drawn. */
  async renderedTable(): Promise<RenderedTable> {
    await this.settle();
    const table = (await this.page.evaluate(READ_RENDERED_TABLE)) as RenderedTable | null;
    if (table === null) throw new Error('the page shows no record table');
    return table;
  }

  /** Scrolls the table to its first row, as a user dragging the scrollbar to the top would. */
  async scrollToTop(): Promise<void> {
    await this.page.getByRole('grid', { name: 'Records' }).evaluate((grid) => {
      grid.scrollTop = 0;
    });
    await this.settle();
  }

  /**
   * Waits until the webview has applied every message delivered before (a large batch is applied across several
   * tasks, with `aria-busy` on the root meanwhile), then two animation frames, so all of it has been drawn.
   */
  async settle(): Promise<void> {
    // A frame first: messages posted just before have then been dispatched, so their backlog shows.
    await this.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
    await this.page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
    await this.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  }

  async rowElementCount(): Promise<number> {
    return this.page.locator('.table-body [role="row"]').count();
  }

  /** The texts of the data cells of the rows in the DOM, top to bottom, once everything delivered before is drawn. */
  async visibleData(): Promise<string[]> {
    await this.settle();
    return this.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.table-body [role="row"]')]
        .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
        .map((row) => row.querySelector('.col-data')?.textContent ?? ''),
    );
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`) });
  }

  async problemsSeen(): Promise<string[]> {
    const violations = await this.page.evaluate(() => window.__cspViolations).catch(() => []);
    return [...this.problems, ...violations.map((violation) => `CSP violation: ${violation}`)];
  }
}

export interface InspectorOptions {
  theme?: ThemeClass;
  /** The state sent in answer to `ready`; null sends none (the test does the handshake itself). */
  state?: Partial<PanelState> | null;
  viewport?: { width: number; height: number };
  /** Device pixels per CSS pixel (a HiDPI screen); 1 unless told. */
  deviceScaleFactor?: number;
}

/** Opens the webview, does the ready/state handshake, runs `body`, and fails on any console error, page error or CSP violation. */
export async function withInspector(options: InspectorOptions, body: (inspector: InspectorPage) => Promise<void>): Promise<void> {
  if (!browser) throw new Error('the webview harness is not started');
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1100, height: 700 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
  });
  try {
    // Shorter than mocha's timeout, so a missing element fails with playwright's clear message.
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    const inspector = new InspectorPage(page, problems);
    await page.goto(`${origin}/panel?theme=${options.theme ?? 'vscode-dark'}`);
    await page.waitForFunction(() => window.__posted.some((message) => message.type === 'ready'));
    if (options.state !== null) await inspector.deliver({ type: 'state', state: panelState(options.state) });
    await body(inspector);
    const seen = await inspector.problemsSeen();
    if (seen.length > 0) throw new Error(`the webview reported problems:\n${seen.join('\n')}`);
  } finally {
    await context.close();
  }
}
