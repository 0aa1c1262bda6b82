// Extension entry point: wires commands, the mock server's status bar item and panels together.
import * as vscode from 'vscode';
import type { ConnectRequest } from '../shared/protocol';
import { CredentialStore } from './credentialStore';
import { PANEL_VIEW_TYPE } from './inspectorPanel';
import { createTestApi } from './testApi';
import { CONNECT_COMMAND, MockServerControl } from './mockServerControl';
import { PanelRegistry } from './panelRegistry';
import { SessionFiles } from './sessionFiles';
import { registerPanelCommands } from './panelCommands';
import { partialConnectRequestProblem } from '../session/validate';
import type { SseInspectorTestApi } from './testApiTypes';

/** What deactivate must do; set by activate. */
let shutdown: (() => Promise<void>) | undefined;

/** Returns the test API only when VS Code runs the extension for its own tests; an installed copy returns nothing. */
export function activate(context: vscode.ExtensionContext): SseInspectorTestApi | undefined {
  const log = vscode.window.createOutputChannel('SSE Inspector', { log: true });
  const credentials = new CredentialStore(context.secrets);
  credentials.dropLegacyPair().catch((error: unknown) => log.warn(`Could not remove the old stored credentials: ${String(error)}`));
  const mock = new MockServerControl(log);
  const panels = new PanelRegistry({
    extensionUri: context.extensionUri,
    log,
    credentials,
    globalState: context.globalState,
    sessions: new SessionFiles(vscode.Uri.joinPath(context.globalStorageUri, 'sessions').fsPath, log),
    mockStreamUrl: () => mock.streamUrl,
    mockStreamUrls: () => mock.streamUrls(),
    serveReplay: (scenario) => mock.serveReplay(scenario),
  });
  // VS Code disposes subscriptions in order: panels (and their connections), the mock server, then the log they write to.
  context.subscriptions.push(panels, mock, log);

  shutdown = async () => {
    await panels.closeAll();
    await mock.stopServer();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(CONNECT_COMMAND, (argument?: unknown) => {
      const request = connectArgument(argument);
      if (typeof request === 'string') {
        log.error(request);
        void vscode.window.showErrorMessage(request);
        return undefined;
      }
      return panels.open(request).id;
    }),
    vscode.commands.registerCommand('sseInspector.startMockServer', () => mock.start()),
    vscode.commands.registerCommand('sseInspector.replaySession', () => runOnPanel(panels, 'replay')),
    vscode.commands.registerCommand('sseInspector.saveSessionAsScenario', () => runOnPanel(panels, 'saveScenario')),
    ...registerPanelCommands(panels, mock),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: async (webviewPanel, state: unknown) => panels.restore(webviewPanel, state),
    }),
  );

  return context.extensionMode === vscode.ExtensionMode.Test ? createTestApi({ panels, mock, credentials, shutdown }) : undefined;
}

export async function deactivate(): Promise<void> {
  await shutdown?.();
  shutdown = undefined;
}

/** A palette command on the active inspector panel's session, or a message saying which panel is missing. */
function runOnPanel(panels: PanelRegistry, action: 'replay' | 'saveScenario'): void {
  const panel = panels.target();
  if (panel !== undefined) {
    panel.run(action);
    return;
  }
  const what = action === 'replay' ? 'replay' : 'save as a scenario';
  const why = panels.all().length === 0 ? 'no inspector panel is open' : 'several inspector panels are open and none is active';
  void vscode.window.showInformationMessage(
    `There is no session to ${what}: ${why}. Connect with SSE: Connect to Stream, or click the panel's tab, then try again.`,
  );
}

/** The connect command's argument as a request (a URL string means "connect to this"), or a problem. */
function connectArgument(argument: unknown): Partial<ConnectRequest> | string {
  if (argument === undefined) {
    return {};
  }
  if (typeof argument === 'string') {
    return { url: argument };
  }
  const problem = partialConnectRequestProblem(argument);
  return problem === undefined
    ? (argument as Partial<ConnectRequest>)
    : `SSE: Connect to Stream takes a URL or a request object; this request ${problem}.`;
}
