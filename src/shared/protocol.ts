// The messages between the extension and the inspector webview, both directions.
// Imported by the extension and (type-only) by the webview.

import type { RawSnapshot } from './rawBytes';
import type { PackedRecords } from './packedRecords';
import type { SseRecord } from './record';
import type { BucketsSnapshot } from './timing/timelineBuckets';

/** Every event the session received since the last clear, and their data bytes, whatever the caps dropped. */
export interface ReceivedTotals {
  events: number;
  bytes: number;
}

export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

/**
 * When the panel sends a request again. `auto`: a GET without a body reconnects as EventSource does; any other
 * request is sent once, and the end of its body is the normal end. `always` and `never` say it for every request.
 */
export type ReconnectChoice = 'auto' | 'always' | 'never';

/**
 * What the user asks to connect to. Credential header values in `headers` are either typed (the host stores them
 * in SecretStorage for the URL's origin on Connect) or MASKED (the host sends the value stored for that origin).
 */
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
  /** Absent in requests saved before the choice existed: auto. */
  reconnect?: ReconnectChoice;
}

/** Everything the webview needs to draw itself from nothing (after `ready`, or a reload). */
export interface PanelState {
  request: ConnectRequest;
  recentUrls: string[];
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
  /** Names where the host keeps this panel's session for a window reload; the webview saves it with its state. */
  sessionKey?: string;
}

/** One of the panel's sessions (each Connect starts one), as the session picker lists it. */
export interface SessionSummary {
  number: number;
  /** Where it connected: path and query (credential values masked), or the host. */
  place: string;
  /** Wall-clock ms when it started. */
  startedAt: number;
  /** Events received, for the live session as of when the list was sent. */
  events: number;
  /** The latest session, the one Connect started last. */
  live: boolean;
  /** Its connection is still open or reconnecting (only the live session's can be). */
  streaming: boolean;
}

/** The sessions a panel keeps, oldest first, which one the table shows and which the timeline compares it with. */
export interface SessionList {
  sessions: SessionSummary[];
  shown: number;
  compared: number | null;
  /** Earlier sessions let go by the sseInspector.keptSessions or memory limit. */
  forgotten: number;
}

/** Another session's timeline, drawn under the shown one's to compare them. */
export interface CompareTrack {
  number: number;
  place: string;
  /** A session still streaming: its track is what it had received when asked. */
  streaming: boolean;
  buckets: BucketsSnapshot;
}

/** Seq numbers as ascending, non-overlapping inclusive ranges: the rows a filter shows, compactly. */
export type SeqRanges = Array<[number, number]>;

/** What a banner's button does: `openExport` opens the file the last export wrote. */
export type NoticeAction = 'openExport';

export type ExtensionToWebview =
  | { type: 'state'; state: PanelState }
  /**
   * New records. `batch` numbers the extension's batches: the webview answers `applied` with it once the records are
   * in its table, and the extension holds back further batches until then. The records come in columns (see PackedRecords).
   */
  | { type: 'records'; records: PackedRecords; dropped: number; received?: ReceivedTotals; batch: number }
  | { type: 'status'; status: ConnectionStatus }
  /** `by: 'user'`: the Clear button (or command), so what describes a connection still open stays; else a new session. */
  | { type: 'cleared'; by?: 'user' }
  /** A keyboard command the webview carries out with what its form holds (Connect uses the typed request). */
  | { type: 'run'; action: 'connect' }
  /** The name the user gave the panel (Rename), for the webview to keep with its saved state; "" for none. */
  | { type: 'panelName'; name: string }
  /**
   * The credential values of a connect's Headers box are stored for its origin: a box still holding what was sent
   * (whose maskHeaderLines is `masked`) shows `masked` instead.
   */
  | { type: 'headersStored'; masked: string }
  /** Answers `revealSecrets`: the values stored for the URL's origin, by lower-case header name (shown, never saved). */
  | { type: 'secrets'; url: string; values: Record<string, string> }
  /** A message about one field or the whole panel, e.g. a refused URL. */
  | { type: 'notice'; level: 'error' | 'info'; message: string; field?: 'url' | 'headers' | 'origin'; action?: NoticeAction }
  /** The whole data of one event, answering `details`. */
  | { type: 'detail'; seq: number; data: string }
  /** Answers `raw`: what is kept of one connection's bytes. */
  | { type: 'raw'; snapshot: RawSnapshot }
  /** The sessions kept changed, or which one is shown or compared. */
  | { type: 'sessions'; list: SessionList }
  /** The timeline's comparison: a session's track, or null for none. */
  | { type: 'compare'; track: CompareTrack | null };

export type WebviewToExtension =
  | { type: 'ready' }
  /** The records of batch `batch` (and of every earlier one) are in the table: the extension may send more. */
  | { type: 'applied'; batch: number }
  | { type: 'connect'; request: ConnectRequest }
  | { type: 'disconnect' }
  | { type: 'clear' }
  /** Serve the session's records from the mock server and open a panel on them. */
  | { type: 'replay' }
  /** Write the session's records as a scenario file in the workspace. */
  | { type: 'saveScenario' }
  /** `rows` absent: every kept record; else only these (the rows the filter shows). */
  | { type: 'export'; format: 'ndjson' | 'json'; rows?: SeqRanges }
  /** The banner's Open button after an export: the host opens the file it wrote (the webview never names a path). */
  | { type: 'openExported' }
  | { type: 'details'; seq: number }
  | { type: 'openInEditor'; seq: number }
  | { type: 'copy'; text: string }
  /** Asks for the bytes kept of one connection (numbered as in open records), for the Raw view. */
  | { type: 'raw'; connection: number }
  /** Asks for the credential header values stored for this URL's origin, to show them in the Headers box. */
  | { type: 'revealSecrets'; url: string }
  /** Forget the credential header values stored for this URL's origin. */
  | { type: 'forgetSecrets'; url: string }
  /** Show a kept session's records in the table (numbered as in SessionSummary). */
  | { type: 'showSession'; session: number }
  /** Compare the shown session with this one in the timeline; null stops comparing. */
  | { type: 'compareSession'; session: number | null };
