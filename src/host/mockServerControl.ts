// Starts and stops the built-in mock server for the commands, and shows it in the status bar.
import * as vscode from 'vscode';
import { MockServer, RESERVED_PATHS, STREAM_PATH } from '../mock/mockServer';
import { loadScenarioFiles, type ServedScenarioList } from '../mock/scenario/load';
import type { MockRequestInfo } from '../mock/requestLog';
import type { Scenario } from '../mock/scenario/types';
import { Disposable } from './dispose';
import { errorText } from '../engine/errorText';
import { readMockPort } from './settings';

export const CONNECT_COMMAND = 'sseInspector.connect';
/** Replays a running mock keeps serving; older ones give their path up, so a long day of replays stays bounded. */
export const MAX_REPLAYS = 10;

export class MockServerControl extends Disposable {
  private server: MockServer | undefined;
  /** Set while a start is under way, so a second start waits for it instead of racing for the port. */
  private starting: Promise<string | undefined> | undefined;
  private readonly item: vscode.StatusBarItem;
  private itemVisible = false;
  /** Paths of the replays served, oldest first. */
  private replays: string[] = [];
  private replayCount = 0;

  constructor(private readonly log: vscode.LogOutputChannel) {
    super();
    this.item = this.register(vscode.window.createStatusBarItem('sseInspector.mockServer', vscode.StatusBarAlignment.Left, 100));
    this.item.name = 'SSE Mock Server';
    this.register({ dispose: () => void this.stopServer() });
  }

  get url(): string | undefined {
    return this.server?.url;
  }

  /** Where the document's sequence streams, while the server runs. */
  get streamUrl(): string | undefined {
    return this.server === undefined ? undefined : `${this.server.url}${STREAM_PATH}`;
  }

  /** Every stream the running server serves, for the URL field: /sse, the workspace's scenarios, then the built-ins. */
  streamUrls(): string[] {
    const server = this.server;
    if (server === undefined) return [];
    const streams = server.index().streams;
    const ordered = [...streams.filter((s) => s.source !== 'built-in'), ...streams.filter((s) => s.source === 'built-in')];
    return ordered.map((stream) => `${server.url}${stream.path}`);
  }

  /** Serves a recorded session at a path of its own (/replay/N), starting the server first if need be. */
  async serveReplay(scenario: Scenario): Promise<{ ok: true; url: string } | { ok: false; problem: string }> {
    if (this.server === undefined) {
      this.starting ??= this.startServer(false).finally(() => {
        this.starting = undefined;
      });
      await this.starting;
    }
    const server = this.server;
    if (server === undefined) return { ok: false, problem: 'the mock server did not start (the SSE Inspector log says why).' };
    let path: string;
    for (;;) {
      path = `/replay/${++this.replayCount}`;
      try {
        server.serveScenario({ path, source: 'replay', scenario });
        break;
      } catch {
        // A workspace scenario took this path: the next number.
      }
    }
    this.replays.push(path);
    if (this.replays.length > MAX_REPLAYS) server.removeScenario(this.replays.shift()!);
    this.log.info(`Mock server: serving a replay at ${server.url}${path}`);
    return { ok: true, url: `${server.url}${path}` };
  }

  get running(): boolean {
    return this.server !== undefined;
  }

  /** Indexed by arrival number, so counts and slices keep their meaning; requests no longer kept are holes. */
  requests(): MockRequestInfo[] {
    if (this.server === undefined) return [];
    const list = new Array<MockRequestInfo>(this.server.requestCount);
    const kept = this.server.requests;
    kept.forEach((request, i) => (list[list.length - kept.length + i] = { ...request }));
    return list;
  }

  statusBar(): { text: string; command: string | undefined; visible: boolean } | undefined {
    if (!this.itemVisible) {
      return undefined;
    }
    const command = this.item.command;
    return { text: this.item.text, command: typeof command === 'string' ? command : command?.command, visible: this.itemVisible };
  }

  /** The server's base URL, or undefined after telling the user why it did not start. */
  start(): Promise<string | undefined> {
    if (this.server !== undefined) {
      this.offerConnect(`The SSE mock server is already running at ${this.server.url}.`, `${this.server.url}${STREAM_PATH}`);
      return Promise.resolve(this.server.url);
    }
    this.starting ??= this.startServer().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  async stop(): Promise<void> {
    if (this.server === undefined) {
      void vscode.window.showInformationMessage('The SSE mock server is not running.');
      return;
    }
    await this.stopServer();
  }

  /** Stops quietly (deactivation, tests); safe to call when nothing runs. */
  async stopServer(): Promise<void> {
    if (this.starting !== undefined) {
      await this.starting;
    }
    // Synchronous up to the stop itself: on disposal the status bar item and the log go right after.
    const server = this.server;
    this.server = undefined;
    this.replays = [];
    this.item.hide();
    this.itemVisible = false;
    if (server !== undefined) {
      this.log.info(`Stopping the mock server at ${server.url}`);
      await server.stop();
    }
  }

  /** `offer`: a notification with Connect (not when a replay starts it, which opens its own panel). */
  private async startServer(offer = true): Promise<string | undefined> {
    const port = readMockPort(vscode.workspace.getConfiguration('sseInspector').get<unknown>('mockServer.port'));
    if (!port.ok) {
      this.log.error(port.problem);
      void vscode.window.showErrorMessage(port.problem);
      return undefined;
    }
    let server: MockServer;
    try {
      const { served, problems } = await this.workspaceScenarios();
      for (const problem of problems) this.log.warn(`Scenario not served: ${problem}`);
      server = await MockServer.start({ port: port.value, scenarios: served });
    } catch (error) {
      const message = `Could not start the SSE mock server on port ${port.value}: ${errorText(error)}. Choose another port in the setting sseInspector.mockServer.port (0 picks any free port).`;
      this.log.error(message);
      void vscode.window.showErrorMessage(message);
      return undefined;
    }
    if (this.isDisposed) {
      await server.stop(); // Deactivated while it was starting.
      return undefined;
    }
    this.server = server;
    const stream = `${server.url}${STREAM_PATH}`;
    this.item.text = `$(broadcast) SSE mock ${new URL(server.url).host}`;
    this.item.tooltip = `SSE mock server at ${server.url}. Click to connect to ${stream}.`;
    this.item.command = { title: 'Connect to the mock server', command: CONNECT_COMMAND, arguments: [stream] };
    this.item.show();
    this.itemVisible = true;
    this.log.info(
      `Mock server started at ${server.url}; it serves ${server
        .index()
        .streams.map((s) => s.path)
        .join(', ')}`,
    );
    if (offer) this.offerConnect(`SSE mock server running at ${server.url}.`, stream);
    return server.url;
  }

  /** The workspace's scenario files (setting sseInspector.scenarios.glob), loaded; bad ones come back as problems. */
  private async workspaceScenarios(): Promise<ServedScenarioList> {
    const glob = vscode.workspace.getConfiguration('sseInspector').get<unknown>('scenarios.glob');
    const pattern = typeof glob === 'string' && glob.trim() !== '' ? glob : '**/*.sse.json';
    const uris = await vscode.workspace.findFiles(pattern, '**/node_modules/**', 200);
    const files = uris.filter((uri) => uri.scheme === 'file').map((uri) => uri.fsPath);
    return loadScenarioFiles(files.sort(), RESERVED_PATHS);
  }

  /** A notification whose Connect button opens a panel on the server's stream; it does not wait for the user. */
  private offerConnect(message: string, streamUrl: string): void {
    void vscode.window.showInformationMessage(message, 'Connect').then((choice) => {
      if (choice === 'Connect') {
        void vscode.commands.executeCommand(CONNECT_COMMAND, streamUrl);
      }
    });
  }
}
