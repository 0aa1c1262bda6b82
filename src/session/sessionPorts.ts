// What a panel session needs from around it (the webview and the host's services), as plain interfaces.
import type { SseConnection } from '../engine/connection';
import type { Scenario } from '../mock/scenario/types';
import type { ConnectionStatus, ConnectRequest, ExtensionToWebview } from '../shared/protocol';
import type { ExportFormat } from './exportRecords';
import type { HeaderSecrets } from './originSecrets';
import type { SessionArchive } from './sessionArchive';

/** The way to the webview. The promise settles true once the webview has taken the message. */
export interface WebviewChannel {
  post(message: ExtensionToWebview): PromiseLike<boolean>;
}

export interface SessionLog {
  debug(text: string): void;
  info(text: string): void;
  warn(text: string): void;
  error(text: string): void;
}

/** Credential header values per origin (e.g. "https://api.example"), wherever the host keeps them (SecretStorage). */
export interface CredentialSource {
  /** What is stored for the origin; nothing stored is {}. */
  read(origin: string): Promise<HeaderSecrets>;
  /** Replaces what is stored for the origin; {} removes it. */
  write(origin: string, values: HeaderSecrets): Promise<void>;
}

export interface SessionServices {
  readonly log: SessionLog;
  readonly credentials: CredentialSource;
  /** Records kept at most. */
  readonly maxEvents: number;
  /** Bytes of records kept at most (roughly: UTF-16 units of their strings, plus a little per record). */
  readonly maxStoreBytes?: number;
  /** Sessions the panel keeps, the live one included (earlier ones share the maxStoreBytes limit); absent: 1. */
  readonly keptSessions?: number;
  /** Fail a connection attempt without response headers after this long; undefined waits as long as it takes. */
  readonly connectTimeoutMs?: number;
  recentUrls(): string[];
  rememberUrl(url: string): Promise<void>;
  /** Counts the connection as live until its `done` settles. */
  trackConnection(connection: SseConnection): void;
  /**
   * Asks where to save the already redacted export text and writes it; resolves with where it went (for the
   * user to read), or undefined when the user cancelled.
   */
  saveExport(text: string, format: ExportFormat): Promise<string | undefined>;
  /**
   * Serves the scenario on the extension's mock server (starting it if need be) at a path of its own and opens a new
   * panel connected with `request(url)`; or says why it could not.
   */
  replayInMock(
    scenario: Scenario,
    request: (url: string) => ConnectRequest,
  ): Promise<{ ok: true; url: string } | { ok: false; problem: string }>;
  /**
   * Asks where in the workspace to save the scenario file (offering `fileName`), writes it and opens it in the
   * editor. Not ok without a `problem` when the user cancelled.
   */
  saveScenario(text: string, fileName: string): Promise<{ ok: true; where: string } | { ok: false; problem?: string }>;
  openInEditor(data: string): Promise<void>;
  /** Opens a file the session wrote (an export), by the path saveExport returned. */
  openFile(path: string): Promise<void>;
  copy(text: string): Promise<void>;
  /** The panel's title follows the URL connected to. */
  setTitle(url: string): void;
  /** Where the current session is kept for a window reload; none keeps nothing. */
  readonly archive?: SessionArchive;
}

/** How the session looks from outside, e.g. to the host's tests. */
export interface SessionInfo {
  status: ConnectionStatus;
  request: ConnectRequest;
  /** The CORS verdict on the session's latest open record, if a page origin was given. */
  corsAllowed?: boolean;
}
