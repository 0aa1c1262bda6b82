// The object `activate` returns in test mode, for the extension-host integration tests (see testApiTypes.ts).
import type { SseInspectorTestApi } from './testApiTypes';
import type { CredentialStore } from './credentialStore';
import type { MockServerControl } from './mockServerControl';
import type { PanelRegistry } from './panelRegistry';

export function createTestApi(parts: {
  panels: PanelRegistry;
  mock: MockServerControl;
  credentials: CredentialStore;
  /** What deactivate runs. */
  shutdown: () => Promise<void>;
}): SseInspectorTestApi {
  const { panels, mock, credentials, shutdown } = parts;
  return {
    mockServerUrl: () => mock.url,
    mockRequests: () => mock.requests(),
    mockStatusBar: () => mock.statusBar(),
    panels: () => panels.all().map((panel) => panel.info()),
    revealPanel: (panelId) => {
      const panel = panels.get(panelId);
      if (panel === undefined) throw new Error(`No open panel has the id ${JSON.stringify(panelId)}`);
      panel.reveal();
    },
    storedHeaderNames: async (origin) => Object.keys(await credentials.read(origin)).sort(),
    forgetStoredHeaders: (origin) => credentials.write(origin, {}),
    closePanel: (panelId) => panels.get(panelId)?.close(),
    disposeAll: shutdown,
    liveResources: () => panels.liveConnectionCount() + (mock.running ? 1 : 0),
  };
}
