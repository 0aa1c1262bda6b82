// One inspector panel as VS Code sees it: the WebviewPanel around a PanelSession, which does the work.
import * as vscode from 'vscode';
import type { ConnectRequest } from '../shared/protocol';
import type { SseConnection } from '../engine/connection';
import type { CredentialStore } from './credentialStore';
import { Disposable } from './dispose';
import { newNonce, panelHtml } from './html';
import { PanelSession } from '../session/panelSession';
import type { SessionInfo } from '../session/sessionPorts';
import type { LoadedSession, SessionArchive } from '../session/sessionArchive';
import { saveExport } from './saveExport';
import { saveScenarioFile } from './saveScenario';
import type { Scenario } from '../mock/scenario/types';
import { panelTitle } from '../shared/panelTitle';
import { editorDocument } from '../session/editorText';

export const PANEL_VIEW_TYPE = 'sseInspector.panel';

/** What a panel needs from the extension around it. */
export interface PanelServices {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  readonly credentials: CredentialStore;
  readonly maxEvents: number;
  readonly maxStoreBytes: number;
  readonly keptSessions: number;
  readonly connectTimeoutMs: number | undefined;
  recentUrls(): string[];
  rememberUrl(url: string): Promise<void>;
  /** Counts the connection as live until its `done` settles. */
  trackConnection(connection: SseConnection): void;
  /** Serves a recorded session on the mock server and opens a panel on it (see SessionServices.replayInMock). */
  replayInMock(
    scenario: Scenario,
    request: (url: string) => ConnectRequest,
  ): Promise<{ ok: true; url: string } | { ok: false; problem: string }>;
}

/** The webview's options: scripts on, files only from the bundle folder. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')] };
}

export class InspectorPanel extends Disposable {
  private readonly session: PanelSession;
  /** The URL the title follows (the last one connected to, or the form's at first). */
  private titleUrl: string;

  constructor(
    readonly id: string,
    private readonly panel: vscode.WebviewPanel,
    request: ConnectRequest,
    private readonly services: PanelServices,
    onDisposed: (panel: InspectorPanel) => void,
    private readonly archive: SessionArchive,
    kept?: LoadedSession,
    /** The name the user gave the panel (Rename), "" for none: the tab shows it instead of the URL. */
    private name = '',
  ) {
    super();
    this.titleUrl = request.url;
    const { log, credentials, maxEvents, maxStoreBytes, keptSessions, connectTimeoutMs } = services;
    this.session = new PanelSession(id, { post: (message) => panel.webview.postMessage(message) }, request, {
      log,
      credentials,
      maxEvents,
      maxStoreBytes,
      keptSessions,
      connectTimeoutMs,
      recentUrls: () => services.recentUrls(),
      rememberUrl: (url) => services.rememberUrl(url),
      trackConnection: (connection) => services.trackConnection(connection),
      saveExport: async (text, format) => (await saveExport(text, format))?.fsPath,
      replayInMock: (scenario, requestFor) => services.replayInMock(scenario, requestFor),
      saveScenario: (text, fileName) => saveScenarioFile(text, fileName),
      openInEditor: (data) => openInEditor(data),
      openFile: async (path) => {
        await vscode.window.showTextDocument(vscode.Uri.file(path), { viewColumn: vscode.ViewColumn.Beside, preview: false });
      },
      copy: (text) => Promise.resolve(vscode.env.clipboard.writeText(text)),
      setTitle: (url) => {
        this.titleUrl = url;
        panel.title = panelTitle(url, this.name);
      },
      archive,
    });
    if (kept !== undefined) this.session.restoreKept(kept);

    this.register({ dispose: () => onDisposed(this) });
    this.register(panel);
    this.register(
      panel.onDidDispose(() => {
        // The user closed the tab (a reload keeps the session first, see keepForReload, and this does nothing).
        archive.discard();
        this.dispose();
      }),
    );
    this.register(panel.webview.onDidReceiveMessage((message: unknown) => this.session.receive(message)));
    // Registered last so it runs first: a closed panel aborts its connection.
    this.register(this.session);

    panel.title = panelTitle(request.url, name);
    panel.webview.html = this.renderHtml();
  }

  info(): SessionInfo & { id: string } {
    return { id: this.id, ...this.session.info() };
  }

  /** The extension is going away, maybe for a window reload that brings the panel back: its session stays on disk. */
  keepForReload(): void {
    this.archive.closeKeeping();
  }

  /** Closes the panel as the user would. */
  close(): void {
    this.panel.dispose();
  }

  /** Brings the panel to the front, as clicking its tab would. */
  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  /** True while the panel is the active editor (the command palette leaves it so; the keyboard commands act on it). */
  get active(): boolean {
    return this.panel.active;
  }

  /** The palette's Replay in mock server and Save as scenario: the same path as the panel's own buttons. */
  run(action: 'replay' | 'saveScenario'): void {
    this.reveal();
    this.session.receive({ type: action });
  }

  connect(request: ConnectRequest): Promise<void> {
    return this.session.connect(request);
  }

  onViewStateChanged(listener: () => void): void {
    this.register(this.panel.onDidChangeViewState(listener));
  }

  /** The name the user gave the tab, "" for none. */
  get givenName(): string {
    return this.name;
  }

  /** A name for the tab ("" goes back to the URL), kept by the webview across a window reload. */
  rename(name: string): void {
    this.name = name.trim();
    this.panel.title = panelTitle(this.titleUrl, this.name);
    this.session.named(this.name);
  }

  /** Connect as the form's button would, with what the form holds. */
  connectFromForm(): void {
    this.session.connectFromForm();
  }

  disconnect(): void {
    this.session.disconnect();
  }

  clear(): void {
    this.session.clear();
  }

  /** Ends the live connection if it goes to `origin`; true when it did. */
  endIfConnectedTo(origin: string, message: string): boolean {
    return this.session.endIfConnectedTo(origin, message);
  }

  private renderHtml(): string {
    const dist = vscode.Uri.joinPath(this.services.extensionUri, 'dist');
    const webview = this.panel.webview;
    return panelHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString(),
      nonce: newNonce(),
    });
  }
}

async function openInEditor(data: string): Promise<void> {
  const { content, language } = editorDocument(data);
  const document = await vscode.workspace.openTextDocument({ content, language });
  // Beside the panel, keeping the focus (and the selected row) in the panel.
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
}
