// Runs in the extension host for scripts/screenshot.ts: tidies the workbench, streams the mock into a panel (Light+),
// then an LLM stream into another (Dark+), and waits for a picture of each.
import * as vscode from 'vscode';
import { connect, renderedUntilClosed, startMockServer, testApi } from '../../test/integration/helpers';
import { finishedAnthropicPanel } from '../../test/integration/llmPanel';
import { askRunner } from '../../test/integration/runnerSteps';
import { startLlmServer } from '../../test/unit/support/llmServers';

/** Switches the colour theme and waits until the panel's webview shows it. */
async function useTheme(theme: string, bodyClass: string, step: number): Promise<void> {
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
  await askRunner(`ui-theme-${step}`, { bodyClass });
}

export async function run(): Promise<void> {
  for (const command of ['workbench.action.closeAllEditors', 'workbench.action.closeSidebar', 'workbench.action.closePanel']) {
    await vscode.commands.executeCommand(command);
  }
  const api = await testApi();
  const mockUrl = await startMockServer();
  const panelId = await connect(`${mockUrl}/sse?interval=50`);
  await renderedUntilClosed(api, panelId);
  await useTheme('Default Light+', 'vscode-light', 1);
  await vscode.commands.executeCommand('notifications.clearAll');
  await askRunner('screenshot');
  api.closePanel(panelId);

  // An Anthropic Messages stream (thinking, text, a tool call) from the loopback LLM test server, for the Assembled view.
  const llm = await startLlmServer();
  const { panelId: llmPanel } = await finishedAnthropicPanel(llm);
  await useTheme('Default Dark+', 'vscode-dark', 2);
  await askRunner('screenshot-assembled');
  api.closePanel(llmPanel);
  await llm.stop();
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
  await api.disposeAll();
}
