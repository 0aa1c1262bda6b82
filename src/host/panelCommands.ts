// The commands that act on the active inspector panel (Connect, Disconnect, Clear, Rename), and Stop Mock Server ending its panels.
import * as vscode from 'vscode';
import type { InspectorPanel } from './inspectorPanel';
import type { MockServerControl } from './mockServerControl';
import type { PanelRegistry } from './panelRegistry';

/** The closed record's words for a stream whose mock server the user stopped. */
export const MOCK_STOPPED_MESSAGE = 'Closed: the mock server was stopped (SSE: Stop Mock Server)';

export const PANEL_COMMANDS = {
  connect: 'sseInspector.panel.connect',
  disconnect: 'sseInspector.panel.disconnect',
  clear: 'sseInspector.panel.clear',
  rename: 'sseInspector.panel.rename',
} as const;

export function registerPanelCommands(panels: PanelRegistry, mock: MockServerControl): vscode.Disposable[] {
  /** The command runs on the active panel; from elsewhere (a palette opened over another editor) it says so. */
  const onActive = (run: (panel: InspectorPanel) => unknown) => (): unknown => {
    const panel = panels.active();
    if (panel === undefined) {
      void vscode.window.showInformationMessage('Open an SSE Inspector panel first (SSE: Connect to Stream).');
      return undefined;
    }
    return run(panel);
  };
  return [
    vscode.commands.registerCommand(
      PANEL_COMMANDS.connect,
      onActive((panel) => panel.connectFromForm()),
    ),
    vscode.commands.registerCommand(
      PANEL_COMMANDS.disconnect,
      onActive((panel) => panel.disconnect()),
    ),
    vscode.commands.registerCommand(
      PANEL_COMMANDS.clear,
      onActive((panel) => panel.clear()),
    ),
    vscode.commands.registerCommand(
      PANEL_COMMANDS.rename,
      onActive(async (panel) => {
        const name = await vscode.window.showInputBox({
          title: 'Rename SSE Inspector panel',
          prompt: 'The tab shows this name; leave it empty to show the stream’s path and query again.',
          // The name given before, not the title: accepting a URL-made title unchanged would freeze it.
          value: panel.givenName,
        });
        if (name !== undefined) panel.rename(name);
      }),
    ),
    vscode.commands.registerCommand('sseInspector.stopMockServer', async () => {
      const url = mock.url;
      // Its panels end first, with a reason; otherwise they would see a dropped connection and reconnect forever.
      if (url !== undefined) panels.endConnectionsTo(new URL(url).origin, MOCK_STOPPED_MESSAGE);
      await mock.stop();
    }),
  ];
}
