// Runs in the extension host for scripts/screenshot.ts: tidies the workbench, streams the mock into a panel, then waits for the picture.
import * as vscode from 'vscode';
import { connect, renderedUntilClosed, startMockServer, testApi } from '../../test/integration/helpers';
import { askRunner } from '../../test/integration/runnerSteps';

export async function run(): Promise<void> {
  for (const command of ['workbench.action.closeAllEditors', 'workbench.action.closeSidebar', 'workbench.action.closePanel']) {
    await vscode.commands.executeCommand(command);
  }
  const api = await testApi();
  const mockUrl = await startMockServer();
  const panelId = await connect(`${mockUrl}/sse?interval=50`);
  await renderedUntilClosed(api, panelId);
  await vscode.commands.executeCommand('notifications.clearAll');
  await askRunner('screenshot');
  await api.disposeAll();
}
