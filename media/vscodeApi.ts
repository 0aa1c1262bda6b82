// The typed door to the extension: VS Code's webview API, acquired once.

import type { WebviewToExtension } from '../src/shared/protocol';
import type { UiState } from './uiState';
import { parseUiState } from './uiState';

interface VsCodeWebviewApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeWebviewApi;

export interface ExtensionChannel {
  post(message: WebviewToExtension): void;
  loadUiState(): UiState;
  saveUiState(state: UiState): void;
}

/** VS Code allows one acquireVsCodeApi call per page, so the whole webview shares this channel. */
export function connectToExtension(): ExtensionChannel {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    loadUiState: () => parseUiState(api.getState()),
    saveUiState: (state) => api.setState(state),
  };
}
