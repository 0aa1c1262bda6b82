// The API `activate` returns only when VS Code runs the extension in test mode, for the extension-host integration tests.
import type { MockRequestInfo } from '../mock/requestLog';
import type { SessionInfo } from '../session/sessionPorts';

export type PanelInfo = SessionInfo & { id: string };

export interface SseInspectorTestApi {
  /** The running mock server's base URL (no path), or undefined. */
  mockServerUrl(): string | undefined;
  /** The running mock server's recent requests (credential values redacted), oldest first. */
  mockRequests(): MockRequestInfo[];
  /** The status bar item's text and command while the mock server runs. */
  mockStatusBar(): { text: string; command: string | undefined; visible: boolean } | undefined;
  /** Open panels. */
  panels(): PanelInfo[];
  /** Brings a panel to the front, as clicking its tab would (the runner then reads what its webview shows). */
  revealPanel(panelId: string): void;
  /** The credential header names stored (in SecretStorage) for an origin such as "http://127.0.0.1:1234"; never their values. */
  storedHeaderNames(origin: string): Promise<string[]>;
  /** Forgets what is stored for an origin, as the panel's Forget button does. */
  forgetStoredHeaders(origin: string): Promise<void>;
  /** Close a panel as the user would (disposes the webview panel). */
  closePanel(panelId: string): void;
  /** Runs what deactivate runs; afterwards nothing of the extension's is left running. */
  disposeAll(): Promise<void>;
  /** Count of live connections and servers owned by the extension (0 after disposeAll). */
  liveResources(): number;
}
