// The API `activate` returns, used only by the extension-host integration tests.
import type { MockRequestInfo } from '../mock/requestLog';
import type { ConnectionStatus, ConnectRequest } from '../shared/protocol';

export type { MockRequestInfo };

/** What a panel's webview actually rendered, as it reported it in answer to a probe. */
export interface RenderedTable {
  /** Rows in the table model after filtering (may exceed the DOM rows: the table is virtualized). */
  rowCount: number;
  /**
   * One key per row, oldest first: the record kind for lifecycle rows ("open", "error", "reconnect",
   * "closed", "comment", "retry"), and "event:<type>:<data>" for events.
   */
  rowKeys: string[];
  /** Row elements present in the DOM. */
  renderedRows: number;
}

export interface PanelInfo {
  id: string;
  status: ConnectionStatus;
  request: ConnectRequest;
  /** Text of the diagnostics strip's CORS verdict as the extension computed it, if any. */
  corsAllowed?: boolean;
}

export interface SseInspectorTestApi {
  /** The running mock server's base URL (no path), or undefined. */
  mockServerUrl(): string | undefined;
  /** The running mock server's recent requests (credential values redacted), oldest first. */
  mockRequests(): MockRequestInfo[];
  /** The status bar item's text and command while the mock server runs. */
  mockStatusBar(): { text: string; command: string | undefined; visible: boolean } | undefined;
  /** Open panels. */
  panels(): PanelInfo[];
  /** Ask a panel's webview what it has rendered (a real round trip through the webview). */
  probe(panelId: string): Promise<RenderedTable>;
  /** Store credential values as the panel's Request section would (SecretStorage). */
  setCredentials(values: { cookie?: string; authorization?: string }): Promise<void>;
  /** Close a panel as the user would (disposes the webview panel). */
  closePanel(panelId: string): void;
  /** Runs what deactivate runs; afterwards nothing of the extension's is left running. */
  disposeAll(): Promise<void>;
  /** Count of live connections and servers owned by the extension (0 after disposeAll). */
  liveResources(): number;
}
