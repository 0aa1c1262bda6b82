// Opens and restores inspector panels, and keeps count of them and of the connections they own.
import * as vscode from 'vscode';
import type { ConnectRequest } from '../shared/protocol';
import type { SseConnection } from '../engine/connection';
import { DEFAULT_CLOSE_ON } from '../engine/options';
import type { CredentialStore } from './credentialStore';
import { Disposable } from './dispose';
import { errorText } from '../engine/errorText';
import { InspectorPanel, PANEL_VIEW_TYPE, webviewOptions, type PanelServices } from './inspectorPanel';
import { offeredUrls, readRecentUrls, readSuggestedUrls, rememberUrl } from './recentUrls';
import {
  DEFAULT_MAX_EVENTS,
  DEFAULT_MAX_STORE_MIB,
  readConnectTimeoutSeconds,
  readMaxEvents,
  readKeptSessions,
  readMaxStoreMiB,
  type SettingRead,
} from './settings';
import { panelTitle } from '../shared/panelTitle';
import { DEFAULT_KEPT_SESSIONS } from '../session/sessionHistory';
import { connectRequestProblem } from '../session/validate';
import type { LoadedSession } from '../session/sessionArchive';
import type { SessionFiles } from './sessionFiles';
import type { Scenario } from '../mock/scenario/types';

const RECENT_URLS_KEY = 'sseInspector.recentUrls';
/** Set while an inspector panel is the active editor; the panel commands' keybindings need it. */
export const PANEL_FOCUS_CONTEXT = 'sseInspector.panelFocused';
/** A saved name longer than this is cut (the state comes from the webview, which is not trusted). */
const MAX_NAME_CHARS = 200;

export interface RegistryServices {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  readonly credentials: CredentialStore;
  readonly globalState: vscode.Memento;
  /** Where panels keep their sessions for a window reload. */
  readonly sessions: SessionFiles;
  /** `<mock url>/sse` while the mock server runs. */
  mockStreamUrl(): string | undefined;
  /** Every stream the running mock serves (/sse and the workspace's scenarios first); none when it is stopped. */
  mockStreamUrls(): string[];
  /** Serves a recorded session on the mock server, starting it if need be. */
  serveReplay(scenario: Scenario): Promise<{ ok: true; url: string } | { ok: false; problem: string }>;
}

export class PanelRegistry extends Disposable {
  private readonly panels = new Map<string, InspectorPanel>();
  /** One promise per connection still running; each removes itself when its connection is done. */
  private readonly liveConnections = new Set<Promise<void>>();
  private nextId = 1;
  private activeContext = false;

  constructor(private readonly services: RegistryServices) {
    super();
    this.register({ dispose: () => this.disposePanels() });
  }

  /**
   * A new panel (each call makes one: one stream per panel), its form filled from `request` over the
   * defaults. Connects at once when `request` names a URL.
   */
  open(request: Partial<ConnectRequest>): InspectorPanel {
    const full: ConnectRequest = { ...this.defaultRequest(), ...request };
    const webviewPanel = vscode.window.createWebviewPanel(
      PANEL_VIEW_TYPE,
      panelTitle(full.url),
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      // A live stream must keep drawing in a background tab, and replaying up to maxEvents records on every tab
      // switch would be slow; the memory this keeps is bounded by the same cap. `ready` still replays the whole
      // state, for a panel restored after a reload.
      { ...webviewOptions(this.services.extensionUri), retainContextWhenHidden: true },
    );
    const panel = this.adopt(webviewPanel, full);
    if (request.url !== undefined) {
      panel.connect(full).catch((error: unknown) => this.services.log.error(`${panel.id}: could not connect: ${errorText(error)}`));
    }
    return panel;
  }

  /**
   * A panel VS Code brings back after a window reload, with the request the webview saved
   * (`vscode.setState({ request })`). It does not reconnect: the form is filled, the table starts empty.
   */
  async restore(webviewPanel: vscode.WebviewPanel, savedState: unknown): Promise<void> {
    const state =
      typeof savedState === 'object' && savedState !== null
        ? (savedState as { request?: unknown; sessionKey?: unknown; panelName?: unknown })
        : {};
    const saved = state.request;
    const name = typeof state.panelName === 'string' ? state.panelName.slice(0, MAX_NAME_CHARS) : '';
    const problem = connectRequestProblem(saved);
    if (problem !== undefined) {
      this.services.log.info(`A restored panel had no usable saved request (the request ${problem}); its form starts from the defaults.`);
    }
    // Set afresh: the extension may have moved (a new version) since the options were saved.
    webviewPanel.webview.options = webviewOptions(this.services.extensionUri);
    const { archive, loaded } = await this.services.sessions.reopen(state.sessionKey);
    this.adopt(webviewPanel, problem === undefined ? (saved as ConnectRequest) : this.defaultRequest(), archive, loaded, name);
  }

  get(id: string): InspectorPanel | undefined {
    return this.panels.get(id);
  }

  all(): InspectorPanel[] {
    return [...this.panels.values()];
  }

  /** The panel a palette command acts on: the active one, else the only one open. */
  target(): InspectorPanel | undefined {
    const all = this.all();
    return this.active() ?? (all.length === 1 ? all[0] : undefined);
  }

  liveConnectionCount(): number {
    return this.liveConnections.size;
  }

  /** Closes every panel (so every connection) and waits until the connections have ended. */
  async closeAll(): Promise<void> {
    this.disposePanels();
    await Promise.all(this.liveConnections);
  }

  /** The panel the user is in (the keyboard commands act on it), if any. */
  active(): InspectorPanel | undefined {
    return this.all().find((panel) => panel.active);
  }

  /** Ends every panel's live connection to `origin` (a mock server being stopped); how many it ended. */
  endConnectionsTo(origin: string, message: string): number {
    return this.all().filter((panel) => panel.endIfConnectedTo(origin, message)).length;
  }

  private adopt(
    webviewPanel: vscode.WebviewPanel,
    request: ConnectRequest,
    archive = this.services.sessions.create(),
    kept?: LoadedSession,
    name = '',
  ): InspectorPanel {
    const id = `panel-${this.nextId++}`;
    const panel = new InspectorPanel(
      id,
      webviewPanel,
      request,
      this.panelServices(),
      (closed) => {
        this.panels.delete(closed.id);
        this.updateActiveContext();
      },
      archive,
      kept,
      name,
    );
    this.panels.set(id, panel);
    panel.onViewStateChanged(() => this.updateActiveContext());
    this.updateActiveContext();
    this.services.log.info(`${id}: opened`);
    return panel;
  }

  private panelServices(): PanelServices {
    const { extensionUri, log, credentials, globalState } = this.services;
    return {
      extensionUri,
      log,
      credentials,
      maxEvents: this.setting('maxEvents', readMaxEvents, DEFAULT_MAX_EVENTS),
      maxStoreBytes: this.setting('maxStoreMiB', readMaxStoreMiB, DEFAULT_MAX_STORE_MIB) * 1024 * 1024,
      keptSessions: this.setting('keptSessions', readKeptSessions, DEFAULT_KEPT_SESSIONS),
      connectTimeoutMs: this.setting('connectTimeoutSeconds', readConnectTimeoutSeconds, 0) * 1000 || undefined,
      // The URL field offers what the running mock serves (its /sse and the workspace's scenarios), the suggested URLs, then the recent ones.
      recentUrls: () => offeredUrls(this.suggestedUrls(), readRecentUrls(globalState.get(RECENT_URLS_KEY))),
      rememberUrl: (url) =>
        Promise.resolve(globalState.update(RECENT_URLS_KEY, rememberUrl(readRecentUrls(globalState.get(RECENT_URLS_KEY)), url))),
      trackConnection: (connection) => this.track(connection),
      replayInMock: async (scenario, requestFor) => {
        const served = await this.services.serveReplay(scenario);
        if (served.ok) this.open(requestFor(served.url));
        return served;
      },
    };
  }

  /** Read for each new panel, so a changed setting applies to the panels opened after it. */
  private setting(name: string, read: (value: unknown) => SettingRead, fallback: number): number {
    const setting = read(vscode.workspace.getConfiguration('sseInspector').get<unknown>(name));
    if (setting.ok) {
      return setting.value;
    }
    this.services.log.warn(`${setting.problem} Using ${fallback}.`);
    void vscode.window.showWarningMessage(`${setting.problem} Using ${fallback}.`);
    return fallback;
  }

  /** The running mock server's streams, then the ones the sseInspector.suggestedUrls setting lists (npm start's mock). */
  private suggestedUrls(): string[] {
    const setting = readSuggestedUrls(vscode.workspace.getConfiguration('sseInspector').get<unknown>('suggestedUrls'));
    return [...this.services.mockStreamUrls(), ...setting];
  }

  private defaultRequest(): ConnectRequest {
    const lastUsed = readRecentUrls(this.services.globalState.get(RECENT_URLS_KEY))[0];
    return {
      url: lastUsed ?? this.suggestedUrls()[0] ?? '',
      withCredentials: false,
      origin: '',
      method: 'GET',
      headers: '',
      body: '',
      closeOn: DEFAULT_CLOSE_ON,
    };
  }

  /** The keybindings' `when`: an inspector panel is the active editor. */
  private updateActiveContext(): void {
    const active = this.active() !== undefined;
    if (active === this.activeContext) return;
    this.activeContext = active;
    void vscode.commands.executeCommand('setContext', PANEL_FOCUS_CONTEXT, active);
  }

  private track(connection: SseConnection): void {
    // `done` never rejects: every ending, failures included, resolves it with the closed record.
    const settled = connection.done.then(() => {
      this.liveConnections.delete(settled);
    });
    this.liveConnections.add(settled);
  }

  private disposePanels(): void {
    for (const panel of this.all()) {
      panel.keepForReload();
      panel.dispose();
    }
  }
}
