// The extension waits for its first command, and contributes its commands (and the panel's keybindings) under the SSE category.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension } from '../helpers';

interface ContributedCommand {
  command: string;
  title: string;
  category?: string;
}

suite('activation and commands', () => {
  test('the extension is not active before its first command runs', () => {
    assert.equal(extension().isActive, false);
  });

  test('the manifest contributes Connect to Stream, Start and Stop Mock Server, Replay Session, Save Session as Scenario and the panel commands with SSE titles', () => {
    const commands = (extension().packageJSON.contributes?.commands ?? []) as ContributedCommand[];
    const titles = Object.fromEntries(commands.map((c) => [c.command, c.category ? `${c.category}: ${c.title}` : c.title]));
    assert.deepEqual(titles, {
      'sseInspector.connect': 'SSE: Connect to Stream',
      'sseInspector.startMockServer': 'SSE: Start Mock Server',
      'sseInspector.stopMockServer': 'SSE: Stop Mock Server',
      'sseInspector.replaySession': 'SSE: Replay Session in Mock Server',
      'sseInspector.saveSessionAsScenario': 'SSE: Save Session as Scenario',
      'sseInspector.panel.connect': 'SSE: Connect (Inspector Panel)',
      'sseInspector.panel.disconnect': 'SSE: Disconnect (Inspector Panel)',
      'sseInspector.panel.clear': 'SSE: Clear (Inspector Panel)',
      'sseInspector.panel.rename': 'SSE: Rename Inspector Panel',
    });
  });

  test('Connect, Disconnect and Clear have keybindings that apply only while an inspector panel is focused', () => {
    const bindings = (extension().packageJSON.contributes?.keybindings ?? []) as { command: string; key: string; when?: string }[];
    assert.deepEqual(
      bindings.map((b) => [b.command, b.key, b.when]),
      [
        ['sseInspector.panel.connect', 'ctrl+enter', 'sseInspector.panelFocused'],
        ['sseInspector.panel.disconnect', 'ctrl+shift+enter', 'sseInspector.panelFocused'],
        ['sseInspector.panel.clear', 'ctrl+l', 'sseInspector.panelFocused'],
      ],
    );
  });

  test('running Stop Mock Server activates the extension and registers every command', async () => {
    await vscode.commands.executeCommand('sseInspector.stopMockServer');
    assert.equal(extension().isActive, true);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of [
      'sseInspector.connect',
      'sseInspector.startMockServer',
      'sseInspector.stopMockServer',
      'sseInspector.replaySession',
      'sseInspector.saveSessionAsScenario',
      'sseInspector.panel.connect',
      'sseInspector.panel.disconnect',
      'sseInspector.panel.clear',
      'sseInspector.panel.rename',
    ]) {
      assert.ok(registered.has(id), `${id} is not registered after activation`);
    }
  });
});
