// The messages between the extension and the inspector webview, both directions.
// Imported by the extension and (type-only) by the webview.

import type { SseRecord } from './record';

/** Every event the session received since the last clear, and their data bytes, whatever the caps dropped. */
export interface ReceivedTotals {
  events: number;
  bytes: number;
}

export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

/** What the user asks to connect to. Credential values never travel in this; they live in SecretStorage. */
export interface ConnectRequest {
  url: string;
  withCredentials: boolean;
  /** Page origin for the CORS verdict; "" for none. */
  origin: string;
  method: string;
  /** Raw header lines, "Name: value" one per line. */
  headers: string;
  body: string;
  /** "" means never close on an event. */
  closeOn: string;
  /**
   * Trust any TLS certificate for this connection only (a development server's self-signed one, such as ASP.NET
   * Core's). Absent in requests saved before the option existed: false.
   */
  insecureTls?: boolean;
}

/** Everything the webview needs to draw itself from nothing (after `ready`, or a reload). */
export interface PanelState {
  request: ConnectRequest;
  recentUrls: string[];
  /** True when a Cookie or Authorization value is stored for credentials. */
  hasStoredCredentials: boolean;
  status: ConnectionStatus;
  /**
   * The oldest records kept, oldest first (event data may be clipped; see EventRecord.truncated). A large
   * store arrives in parts: `records` messages bring the rest, as they bring live records.
   */
  records: SseRecord[];
  /** How many older records the cap has pushed out. */
  dropped: number;
  maxEvents: number;
  /** The stats line counts these, not the rows kept. Absent: the webview counts what reaches it. */
  received?: ReceivedTotals;
}

export type ExtensionToWebview =
  | { type: 'state'; state: PanelState }
  | { type: 'records'; records: SseRecord[]; dropped: number; received?: ReceivedTotals }
  | { type: 'status'; status: ConnectionStatus }
  | { type: 'cleared' }
  /** Whether Cookie or Authorization values are stored, after a save or clear (the values never travel). */
  | { type: 'credentials'; stored: boolean }
  /** A message about one field or the whole panel, e.g. a refused URL. */
  | { type: 'notice'; level: 'error' | 'info'; message: string; field?: 'url' | 'headers' | 'origin' }
  /** The whole data of one event, answering `details`. */
  | { type: 'detail'; seq: number; data: string };

export type WebviewToExtension =
  | { type: 'ready' }
  | { type: 'connect'; request: ConnectRequest }
  | { type: 'disconnect' }
  | { type: 'clear' }
  | { type: 'export'; format: 'ndjson' | 'json' }
  | { type: 'details'; seq: number }
  | { type: 'openInEditor'; seq: number }
  | { type: 'copy'; text: string }
  | { type: 'saveCredentials'; cookie: string; authorization: string }
  | { type: 'clearCredentials' };
