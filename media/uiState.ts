// What the webview remembers across reloads through vscode.setState: view settings and the last request
// (never records or credential values). The extension reads `request` to restore a panel after a window reload.

import type { ConnectRequest } from '../src/shared/protocol';

/** The columns whose width the user can drag; the data column takes what is left. */
const RESIZABLE_COLUMNS = ['seq', 't', 'dt', 'type', 'id', 'size'] as const;
export type ResizableColumn = (typeof RESIZABLE_COLUMNS)[number];
export type ColumnWidths = Record<ResizableColumn, number>;

/** Each column's width before it has content to fit: room for its header. */
export const HEADER_COLUMN_WIDTHS: ColumnWidths = { seq: 40, t: 56, dt: 52, type: 64, id: 40, size: 52 };
const MIN_COLUMN_WIDTH = 32;
const MAX_COLUMN_WIDTH = 600;

export type ReplyPane = 'auto' | 'open' | 'closed';

export interface UiState {
  filterText: string;
  regex: boolean;
  hiddenChips: string[];
  showCommentsAndRetry: boolean;
  /** Widths the user dragged; the other columns fit their content. */
  resizedColumns: Partial<ColumnWidths>;
  /** The Assembled view: shown when a reply is recognized (auto), or as the user last chose. */
  replyPane: ReplyPane;
  /** The JSON path whose values make the reply, for streams in no known format; "" for the known formats. */
  replyPath: string;
  /** The timeline strip above the table: shown unless the user collapsed it. */
  timeline: boolean;
  /** The form's last request; validated by the extension when it restores the panel. */
  request?: ConnectRequest;
  /** Names the session the extension keeps for a reload (PanelState.sessionKey); checked by the extension too. */
  sessionKey?: string;
  /** The name the user gave the panel (SSE: Rename Inspector Panel); the extension reads it to restore the tab title. */
  panelName?: string;
}

const DEFAULT_UI_STATE: UiState = {
  filterText: '',
  regex: false,
  hiddenChips: [],
  showCommentsAndRetry: false,
  resizedColumns: {},
  replyPane: 'auto',
  replyPath: '',
  timeline: true,
};

export function clampColumnWidth(width: number): number {
  return Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, Math.round(width)));
}

/** Reads a saved state field by field, so a state from an older version (or none) still gives a usable one. */
export function parseUiState(saved: unknown): UiState {
  if (typeof saved !== 'object' || saved === null) return DEFAULT_UI_STATE;
  const value = saved as Partial<Record<keyof UiState, unknown>>;
  // A new name: the old `columnWidths` held every column's width, defaults included, and would freeze them all.
  const widths: Partial<ColumnWidths> = {};
  if (typeof value.resizedColumns === 'object' && value.resizedColumns !== null) {
    const savedWidths = value.resizedColumns as Partial<Record<ResizableColumn, unknown>>;
    for (const column of RESIZABLE_COLUMNS) {
      const width = savedWidths[column];
      if (typeof width === 'number' && Number.isFinite(width)) widths[column] = clampColumnWidth(width);
    }
  }
  return {
    filterText: typeof value.filterText === 'string' ? value.filterText : '',
    regex: value.regex === true,
    hiddenChips: Array.isArray(value.hiddenChips) ? value.hiddenChips.filter((chip): chip is string => typeof chip === 'string') : [],
    showCommentsAndRetry: value.showCommentsAndRetry === true,
    resizedColumns: widths,
    replyPane: value.replyPane === 'open' || value.replyPane === 'closed' ? value.replyPane : 'auto',
    replyPath: typeof value.replyPath === 'string' ? value.replyPath : '',
    timeline: value.timeline !== false,
    ...(typeof value.request === 'object' && value.request !== null ? { request: value.request as ConnectRequest } : {}),
    ...(typeof value.sessionKey === 'string' ? { sessionKey: value.sessionKey } : {}),
    ...(typeof value.panelName === 'string' && value.panelName !== '' ? { panelName: value.panelName } : {}),
  };
}
